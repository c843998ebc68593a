"""Named-entity mentions read off the parse, each cleaned to a name and annotated with what the
words around it say: a title's sex ('Mrs.'), a person's role ('adviser Dugin'), whether a place
acts ('Iowa voted') or only locates ('in Iowa'), and the signs of a non-name (junk.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens import nlp
from presslens.model import Span
from presslens.nlp.columns import ents_of
from presslens.nlp.parser import span_text
from presslens.stages.entities import junk
from presslens.stages.entities.couples import partner_after, shares_surname
from presslens.stages.entities.extents import (
    bodies_continued,
    body_head_joined,
    first_line,
    joint_names_split,
    names_completed,
    outside_brackets,
    run_on_names_cut,
    untagged_bodies,
)
from presslens.stages.entities.labels import (
    city_of_region,
    joined_names,
    listed_with_people,
    office_and_person,
    owner_and_person,
    relative_named,
)
from presslens.stages.entities.names import PARTICLES
from presslens.stages.entities.outlets import untagged_outlets
from presslens.stages.entities.rolewords import role_before_name, role_word
from presslens.stages.entities.rules import name_key, rules, title_gender
from presslens.stages.entities.types import (
    PLACE_LABELS,
    acting,
    aired,
    has_person_role,
    has_place_role,
    locative,
    medium,
    mention_tokens,
    outlet,
    venue,
)
from presslens.stages.roles import load_roles

LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
POSSESSIVE = re.compile(r"(?:['’‘]s|['’‘])$")  # "‘" typed for "’" too: "Trump‘s"
LEADING_LOWER = re.compile(r"^(?:(?:[a-z][\w-]*|of|the|for|and)\s+)+(?=[A-Z])")
PARTY_STATE = re.compile(r"^[DRI]-[A-Z]")  # "D-Calif.": a party and state, not a name
ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
# no name runs past an em dash, ": " or an opening quotation mark it does not close
# ('calling Christie “New Jersey’s Biggest Loser”'; George "Jay" Smith keeps his)
NAME_END = re.compile(r"\s*(?:—|–(?=\s*\d)|:\s)|\s+(?:“(?![^”]*”)|\"(?![^\"]*\"))")
# "Women's Media Center", "Democratic People's Republic of Korea": an irregular plural's
# possessive is part of the name, not its owner ("Clinton's campaign" -> Clinton)
IRREGULAR_PLURALS = r"(?:[Ww]o)?[Mm]en|[Cc]hildren|[Pp]eople"  # their "'s" may be a name's
PLURAL_POSSESSIVE = re.compile(rf"[^'’‘]*?\b(?i:{IRREGULAR_PLURALS})['’]s\s")
LOOSE_APOSTROPHES = re.compile(r"\s+['’]+$")
CLOSING_APOSTROPHES = re.compile(r"['’]{2,}$")  # "''Donald Trump''": a mark set as two
OPENING_APOSTROPHES = re.compile(r"^['’‘]+(?=[A-Z])")
QUOTES = '"“”‘«»'  # quotation marks a name never opens or ends with (’ is a possessive's)
# "pro-Clinton", "anti-LGBT", "Pro-Israel" opening a sentence; not "Anti-Defamation League",
# nor "Post-ABC" (a Washington Post-ABC News poll)
STANCE_PREFIX = re.compile(r"(?:pro|anti|non|neo|un)-|(?:Pro|Anti)-[\w'’.-]+$")
NOT_IN_NAMES = re.compile(r"[?=<>{}\\|]|\.\w{2,}/")  # "pics?I", "pic.twitter.com/x": links, markup
SPELLED = re.compile(r"(?:[A-Z]-)+[A-Z]?")  # "U-S-A!" chanted, letter by letter: no name
# what the tagger reads a capitalised word as when it is no name: "Asserting Clinton's role"
# opening a line, "I have NEVER been prouder"
NOT_NAME_POS = frozenset(
    {"VERB", "AUX", "ADV", "ADP", "DET", "PRON", "SCONJ", "CCONJ", "PART", "INTJ"}
)
# ... and, of those, the ones that also read a word opening a longer name as no part of it;
# not an adverb or a modal, which given names are read as ("Carly", "Will")
NOT_FIRST_NAME_POS = NOT_NAME_POS - {"ADV", "AUX"}


@dataclass(slots=True)
class Mention:
    span: Span
    name: str  # the cleaned surface: "Trump" from "President Trump's"
    label: str  # the tagger's label, corrected by the words around the name
    title: str = ""  # the title stripped from the front: "Mrs."
    gender: str = ""  # 'male' or 'female' when a title says so
    person_role: bool = False  # a role noun or a title marks a person
    acting: int = 0  # 2 the name acts ('Iowa voted'), 1 it is acted on or owns (types.acting)
    locative: bool = False  # 'in Iowa'
    medium: bool = False  # 'on Twitter', 'a Twitter post': where words appear
    outlet: bool = False  # 'on Twitter', 'via Facebook'
    aired: bool = False  # 'said on CNN': where words are said or aired
    venue: bool = False  # 'spoke at Mission College': where something is done or held
    opening: bool = False  # a common word opening a sentence
    descriptive: bool = False  # 'a California Democrat'
    adjective: bool = False  # one word the tagger reads as an adjective: 'Democratic'
    describing: bool = False  # set before a person's title: 'Army Capt. Humayun Khan'
    placed: bool = False  # a town written with its state: 'Ferguson, Missouri'


def find_mentions(
    text: str, doc: Doc, blocked: list[Span], headings: list[Span] | None = None
) -> list[Mention]:
    """Every usable entity mention of the parse, outside `blocked` spans (datelines, credit
    lines), headlines and the article's section headings (a name only a heading gives, the body
    never confirms: "Limited Tools", "Gender Equality")."""
    headlines = junk.headline_spans(text, doc) + list(headings or [])
    people = person_names(doc)
    lower_words = junk.lower_case_words(text)
    organisations = organisation_names(doc)
    named = acronyms(doc, blocked + headlines)
    blocked = blocked + [m.span for m in named]  # "U.S." inside "U.S. PIRG Education Fund"
    found = []
    before_day: dict[Span, int] = {}  # mentions before a day's name ("Super Tuesday")
    ents = untagged_outlets(doc, untagged_bodies(doc, joined_names(doc)))  # "The Advocate"
    for ent in office_and_person(owner_and_person(ents, people), people):
        ent = relative_named(ent, people, text)
        if ent.label_ not in LABELS:
            continue
        ent = body_head_joined(organisation_tail(ent, organisations))
        if leading_body(ent, [], people) is not None:
            continue  # "Team Clinton": person_bodies makes it the Clinton campaign
        whole = Span(ent.start_char, ent.end_char)
        if junk.inside(whole, blocked) or junk.inside(whole, headlines):
            continue
        mention = read_mention(ent, people, lower_words)
        if mention is not None and not any(s.overlaps(mention.span) for s in blocked):
            found.append(mention)
            before_day[mention.span] = before_a_day(ent)
    found = days_named(within_none(found), before_day)
    laws = junk.law_names(text)
    found = [m for m in found if not junk.within_law_name(m.span, text, laws)]
    found.extend(named)
    bodies = person_bodies(doc, blocked + headlines, people)
    found = [m for m in found if not any(inside_body(m, body) for body in bodies)]
    found = run_on_names_cut(unshouted(found + bodies, doc), text)
    return joint_names_split(bodies_continued(names_completed(found, text), text), text)


def within_none(found: list[Mention]) -> list[Mention]:
    """Mentions less those a longer one holds ("Central" in "Central and East European
    Coalition", read apart before the body's name took it: `body_head_joined`)."""
    spans = sorted((m.span for m in found), key=lambda s: (s.start, -s.end))
    held = {b for a, b in zip(spans, spans[1:], strict=False) if a.contains(b) and a != b}
    return [m for m in found if m.span not in held] if held else found


def before_a_day(ent: DocSpan) -> int:
    """2 for a name the parse makes part of the day's or event's name right after it ('Super'
    of "Super Tuesday", tagged GPE), 1 for a name merely before one ("told MSNBC Monday" in
    wire style), 0 otherwise. A person's name never: "Obama Monday said"."""
    if ent.end >= len(ent.doc) or ent.label_ == "PERSON":
        return 0
    after = ent.doc[ent.end]
    if after.ent_type_ not in ("DATE", "TIME", "EVENT") or not after.is_title:
        return 0
    return 2 if ent.root.dep_ == "compound" and ent.root.head.i == after.i else 1


def days_named(mentions: list[Mention], before_day: dict[Span, int]) -> list[Mention]:
    """Mentions without the names used only to open a day's name ("Super Tuesday" 31 times,
    the parse once making "Super" part of it); a name also used alone, or that the parse never
    joins to the day, is an actor ("told MSNBC Monday")."""
    names: dict[str, list[int]] = {}
    for mention in mentions:
        names.setdefault(mention.name, []).append(before_day.get(mention.span, 0))
    days = {name for name, marks in names.items() if min(marks) >= 1 and max(marks) == 2}
    return [m for m in mentions if m.name not in days]


def inside_body(mention: Mention, body: Mention) -> bool:
    """'Trump' in 'the Trump campaign': the body's name, not a mention of the person."""
    return body.span.contains(mention.span) and body.span != mention.span


def unshouted(mentions: list[Mention], doc: Doc) -> list[Mention]:
    """A name inside a run of capitals is the article's name for it written loud ("IOWA" is
    Iowa, "TRUMP" the Trump of the text) when the text names it so elsewhere, and no name
    otherwise: the tagger reads most words of a line in capitals as names ("CHAIR", "VIA")."""
    loud = junk.loud_tokens(doc)
    if not loud:
        return mentions

    def is_loud(mention: Mention) -> bool:
        tokens = mention_tokens(doc, mention.span)
        return tokens is not None and any(t.i in loud for t in tokens)  # "ONTO SOMETHING Crows"

    quiet = [m for m in mentions if not is_loud(m)]
    written: dict[str, str] = {}
    for mention in quiet:
        written.setdefault(mention.name.casefold(), mention.name)
        if mention.label == "PERSON" and " " in mention.name:
            last = mention.name.rsplit(" ", 1)[1]
            written.setdefault(last.casefold(), last)
    kept = []
    for mention in mentions:
        if mention in quiet:
            kept.append(mention)
        elif mention.name.casefold() in written:
            kept.append(replace(mention, name=written[mention.name.casefold()]))
    return kept


def leading_body(ent: DocSpan, blocked: list[Span], people: set[str]) -> Mention | None:
    """'Team Clinton', 'Camp Sanders': the body's noun, capitalised, before a person's surname
    ("Team Inferno", no person's, stays the organisation's name)."""
    first = ent[0].lower_
    name = without_possessive(ent)
    if len(name) != 2 or not ent[0].is_title or first not in rules().person_bodies:
        return None
    if ent.label_ != "PERSON" and name[1].text not in people:
        return None
    span = Span(name.start_char, name.end_char)
    if junk.inside(span, blocked):
        return None
    body = name_key(f"{name[1].text} {rules().person_bodies[first]}")
    return Mention(span=span, name=body, label="ORG", acting=2)


def person_bodies(doc: Doc, blocked: list[Span], people: set[str]) -> list[Mention]:
    """'the Trump campaign', 'Donald Trump's campaign', 'the Obama administration': the body a
    person leads (resources/actors.json "person_bodies"), an organisation named by the
    person's surname and the noun. What it says is its own, not the person's. The tagger
    often reads the surname there as an organisation's name: a person's name elsewhere
    (`people`) is enough."""
    found = []
    for ent in ents_of(doc):
        last = ent[-2] if len(ent) > 1 and ent[-1].tag_ == "POS" else ent[-1]
        if ent.label_ != "PERSON" and not (ent.label_ == "ORG" and last.text in people):
            continue
        team = leading_body(ent, blocked, people)
        if team is not None:
            found.append(team)
            continue
        body = last.head
        after = ent.end + (ent.end < len(doc) and doc[ent.end].tag_ == "POS")  # "Clinton 's"
        if len(ent) == 1 == after - ent.start and after < body.i and doc[after].dep_ == "compound":
            body = doc[after] if doc[after].head == body else body  # "a Clinton campaign memo"
        if last.dep_ not in ("compound", "poss") or body.i < ent.end or body.pos_ != "NOUN":
            continue
        if body.lower_ not in rules().person_bodies or body.i != after:
            continue
        span = Span(ent.start_char, body.idx + len(body))
        if junk.inside(span, blocked):
            continue
        name = name_key(f"{last.text} {rules().person_bodies[body.lower_]}")
        found.append(Mention(span=span, name=name, label="ORG", acting=2))
    return found


SHARE_WORDS = frozenset({"percent", "per", "%", "point", "points", "percentage"})


def without_figures(ent: DocSpan) -> DocSpan | None:
    """A name the tagger ran into the figure after it: "Trump 47.3 percent" is Trump (a number
    followed by a share word; "Fortune 500" keeps its number), and a person's name ends before
    any number ("shooting Laquan McDonald 16 times")."""
    doc = ent.doc
    for token in ent[1:]:
        after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
        if token.like_num and (after in SHARE_WORDS or ent.label_ == "PERSON"):
            cut = DocSpan(doc, ent.start, token.i, label=ent.label)
            return cut if cut.text.strip() else None
    return ent


def organisation_names(doc: Doc) -> set[str]:
    """The names of two words or more the tagger reads as organisations ("'s" not counted)."""
    names = (without_possessive(ent) for ent in ents_of(doc) if ent.label_ == "ORG")
    return {name.text for name in names if len(name) >= 2}


def without_possessive(ent: DocSpan) -> DocSpan:
    """The name less a closing "'s" and an opening "the"."""
    start, end = ent.start, ent.end
    if end - start > 1 and ent.doc[end - 1].tag_ == "POS":
        end -= 1
    if end - start > 1 and ent.doc[start].lower_ == "the":
        start += 1
    return ent.doc[start:end]


def organisation_tail(ent: DocSpan, organisations: set[str]) -> DocSpan:
    """ "the Obama White House": a name the tagger reads as a person's that ends with an
    organisation's name the article gives on its own is that organisation (the first words say
    whose time or side it is, as "the Bush administration" does)."""
    name = without_possessive(ent)
    if ent.label_ != "PERSON" or len(name) < 3:
        return ent
    for start in range(name.start + 1, name.end - 1):
        if ent.doc[start : name.end].text in organisations:
            return DocSpan(ent.doc, start, ent.end, label="ORG")
    return ent


def without_opening_word(ent: DocSpan) -> DocSpan | None:
    """A name less the capitalised common word the tagger ran into it: a verb or an adverb
    opening a sentence ("Asserting Clinton's role" is Clinton). A common word in capitals that
    the tagger reads as no noun ("I have NEVER been") is emphasis, not a name: None (an acronym
    the tagger misreads, "allegiance to ISIS", is no common word)."""
    first = ent[0]
    if ent.label_ == "PERSON" and any(t.tag_ == "PRP" for t in ent):
        return None  # "I'm Muslim", read whole as a person: a pronoun names no one
    if len(ent) == 1:
        emphasis = first.pos_ in NOT_NAME_POS and first.is_upper and first.is_stop
        return None if emphasis else ent
    if not junk.opens_sentence(first):
        return ent
    if first.pos_ in NOT_FIRST_NAME_POS or opening_role(ent):
        return DocSpan(ent.doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


def opening_role(ent: DocSpan) -> bool:
    """'Billionaire Donald Trump won': a person's role noun (WordNet's catalogue), capitalised
    only because it opens the sentence, before a full name of two capitalised words or more; not
    a role word that is also a given name ("Donna Sampson Rawlings": "donna" is a lady too)."""
    rest = ent[1:]
    if len(rest) < 2 or not all(t.text[:1].isupper() for t in rest if t.tag_ != "POS"):
        return False
    return ent.label_ == "PERSON" and role_word(ent[0].lower_)


def without_word_after_hyphen(ent: DocSpan) -> DocSpan:
    """'a Donald Trump-led party', 'a Jeb Bush-spent fortune': a common word the tagger joined
    to the name through a hyphen is no part of it ("Kim Jong-un" keeps its given name, which
    the tagger reads as a proper noun)."""
    if len(ent) < 3 or ent[-2].text != "-" or ent[-1].pos_ == "PROPN" or not ent[-1].is_lower:
        return ent
    return DocSpan(ent.doc, ent.start, ent.end - 2, label=ent.label_)


def without_affiliation(ent: DocSpan) -> DocSpan:
    """'Travis Kalanick of Uber': a person's full name the tagger ran on into the body they
    belong to ends before "of" ("Catherine of Aragon", one name before it, is a whole name)."""
    if ent.label_ != "PERSON":
        return ent
    for token in ent[2:-1]:
        if token.lower_ == "of" and all(t.pos_ == "PROPN" for t in ent[: token.i - ent.start]):
            return DocSpan(ent.doc, ent.start, token.i, label=ent.label_)
    return ent


def without_trailing_article(ent: DocSpan) -> DocSpan | None:
    """'Ms. Yellen  The Federal Reserve ...': a name never ends in an article or a conjunction;
    one the tagger ran on into the next sentence (a lost line break) ends before it."""
    end = ent.end
    while end > ent.start and (
        ent.doc[end - 1].lower_ in ("the", "a", "an") or ent.doc[end - 1].pos_ == "CCONJ"
    ):
        end -= 1
    if end == ent.end:
        return ent
    return DocSpan(ent.doc, ent.start, end, label=ent.label_) if end > ent.start else None


SHOUTED_MIN = 4  # letters of a word in capitals that may be a common word: "US", "AP" stay names


def shouted_word(ent: DocSpan, lower_words: set[str]) -> bool:
    """'MAKE AMERICA GREAT AGAIN', 'SIGN UP FOR OUR NEWSLETTER': one word in capitals that the
    tagger reads as a common word and the article also writes in lower case is written loud,
    not a name."""
    if len(ent) != 1 or not ent[0].is_upper or len(ent[0]) < SHOUTED_MIN:
        return False
    if ent[0].pos_ == "PROPN":
        return False  # "POLITICO" beside "politico.com": a name the article writes loud
    return ent[0].lower_ in lower_words and ent.text.casefold() not in rules().canonical


def read_mention(ent: DocSpan, people: set[str], lower_words: set[str]) -> Mention | None:
    if junk.account_tag_or_case(ent):
        return None
    if ent.label_ in ("PERSON", "ORG"):
        trimmed = without_figures(ent)
        trimmed = without_opening_word(trimmed) if trimmed is not None else None
        trimmed = without_word_after_hyphen(trimmed) if trimmed is not None else None
        trimmed = without_affiliation(trimmed) if trimmed is not None else None
        trimmed = without_trailing_article(trimmed) if trimmed is not None else None
        if trimmed is None or shouted_word(trimmed, lower_words):
            return None
        ent = trimmed
    label = ent.label_
    name, start, title = strip_name(ent.text, ent.start_char, label, people)
    if not re.search(r"[^\W\d_]", name) or name.islower() or PARTY_STATE.match(name):
        return None
    if STANCE_PREFIX.match(name):  # "pro-Clinton", "anti-Trump": an adjective, no one named
        return None
    if SPELLED.fullmatch(name) or NOT_IN_NAMES.search(name):
        return None
    if name.casefold() in rules().drop or junk.office_word(ent) or junk.place_pair(name):
        return None
    if junk.role_initialism(name):
        return None  # "COO", "CFO": a post
    if junk.time_zone(ent) or junk.dated_thing(ent):
        return None  # "8 p.m. Eastern", "the 2017 Ford Fusion"
    if junk.ends_with_a_title(ent):
        return None  # "Navy Capt" of "Navy Capt. Jeff Davis"
    title = title or title_before(ent)
    placed = city_of_region(ent)
    if label in PLACE_LABELS and listed_with_people(ent):
        label = "PERSON"  # "Bolsonaro, Orban, Modi": the small model tags Modi GPE
    elif label not in PLACE_LABELS and placed:
        label = "GPE"  # "Worcester, Massachusetts" tagged PERSON
    place_list = has_place_role(ent)
    role = not place_list and (bool(title) or has_person_role(ent))
    return Mention(
        span=Span(start, start + len(name)),
        name=name_key(with_shared_surname(ent, name)),
        label="GPE" if place_list else label,
        title=title,
        gender=title_gender(title.casefold()),
        person_role=role,
        acting=0 if place_list else acting(ent),
        locative=locative(ent),
        medium=medium(ent),
        outlet=outlet(ent),
        aired=aired(ent),
        venue=venue(ent),
        opening=junk.common_word_opening(ent, lower_words),
        descriptive=junk.descriptive(ent),
        adjective=len(ent) == 1 and (ent[0].pos_ == "ADJ" or describes_people(ent[0])),
        describing=junk.before_a_title(ent),
        placed=placed,
    )


def describes_people(word: Token) -> bool:
    """A name used as a word for a kind of people: "Houthi insurgents", "LGBT parents" (not
    "a Pentagon spokeswoman", who speaks for the Pentagon, nor "Trump voters" alone: a group
    is a name only ever used so)."""
    people = word.head
    if word.dep_ != "compound" or people.tag_ not in ("NNS", "NNPS"):
        return False
    roles = load_roles()
    lemma = people.lemma_.lower()
    return roles.kind(lemma) == "PERSON" and not roles.relational(lemma)


def with_shared_surname(ent: DocSpan, name: str) -> str:
    """'Bill and Melinda Gates', 'Hillary and Bill Clinton': a lone given name joined by "and"
    to a full name shares its surname, tagged or not ("my parents, James and Olive Meehan"; a
    list's member does not: "Brandy, Monica and Lauryn Hill"; nor a surname: "Mr. Kasich and
    Jeb Bush", "Rubio [Marco Rubio elsewhere] and Chris Christie")."""
    doc = ent.doc
    if ent.label_ != "PERSON" or len(ent) != 1 or " " in name or ent.end + 1 >= len(doc):
        return name
    listed = ent.start > 0 and doc[ent.start - 1].text == "," and ent.root.dep_ == "conj"
    if doc[ent.end].lower_ != "and" or listed:  # "my parents, James and ...", no list's member
        return name
    if title_before(ent) or surname_elsewhere(doc, name):
        return name  # "Mr. Kasich and Jeb Bush", "between Rubio and Chris Christie"
    full = partner_after(ent)  # "James and Olive Meehan": Olive's name untagged
    if full is None or full.label_ != "PERSON" or len(full) < 2:
        return name
    if not all(t.is_title for t in full) or not shares_surname(doc, name, full):
        return name  # "Hillary and Tim Kaine" beside Hillary Clinton
    return f"{name} {full[-1].text}"


def surname_elsewhere(doc: Doc, word: str) -> bool:
    """Whether the document names a person whose last word this is ("Marco Rubio")."""
    return any(e.label_ == "PERSON" and len(e) >= 2 and e[-1].text == word for e in ents_of(doc))


def title_before(ent: DocSpan) -> str:
    """The title just before a name the tagger took without it: 'Mrs.' in 'Mrs. Doe'."""
    doc = ent.doc
    if ent.start == 0:
        return ""
    before = doc[ent.start - 1]
    if not before.is_alpha and before.text[-1:] != ".":
        return ""
    for width in (2, 1):
        if ent.start >= width:
            words = span_text(doc[ent.start - width : ent.start])
            found = rules().title_start.fullmatch(words.casefold() + " ")
            if found and words[:1].isupper():  # the first word's first letter
                return words
    return ""


def person_names(doc: Doc) -> set[str]:
    """Names the tagger reads as people, and their last words: evidence that 'President X' or
    'Spokeswoman X' names a person X even where the tagger calls the whole an organisation."""
    names: set[str] = set()
    for ent in ents_of(doc):
        if ent.label_ == "PERSON":
            name = strip_name(ent.text, ent.start_char, "PERSON", set())[0]
            names.update((name, name.split()[-1] if name.split() else name))
    return names


def strip_name(text: str, start: int, label: str, people: set[str]) -> tuple[str, int, str]:
    """(name, its start, the title stripped): drop leading articles, titles, role words and
    lower-case words, and what follows a possessive. A title is stripped from an organisation's
    name only when the rest names a person ('the Justice Department' keeps 'Justice')."""
    if re.search(r"['’‘]s\b.", text) and not PLURAL_POSSESSIVE.match(text):
        text = re.split(r"['’‘]s\b", text)[0]
    bare = text.lstrip("-–—•*")  # "-David Rothschild": a list's dash run into the name
    bare = OPENING_APOSTROPHES.sub("", bare)  # "''America": a quotation mark set as two
    start, text = start + len(text) - len(bare), bare
    text, start = outside_brackets(first_line(text), start)
    title = ""
    while True:
        unquoted = text.lstrip(QUOTES)  # 'the “Southern Strategy”'
        start, text = start + len(text) - len(unquoted), unquoted
        lowered = text.casefold()
        if lowered.startswith("the ") and len(text) > 4:
            start, text = start + 4, text[4:]
            continue
        found = leading_title(lowered)
        rest = text[len(found) + 1 :] if found else ""
        if not found or not may_strip(found, rest, label, people):
            break
        start, text, title = start + len(found) + 1, rest, text[: len(found)]
    lead = LEADING_LOWER.match(text)
    if lead:
        cut = lead.end()
        words = text[:cut].split()
        if words and words[-1] in PARTICLES:  # "de Vos" keeps its particle
            cut = text.rindex(words[-1], 0, cut)
        start, text = start + cut, text[cut:]
    text = NAME_END.split(text, maxsplit=1)[0]  # "Ted Cruz—35 to 12", "Ann Bell: Saying"
    text = LOOSE_APOSTROPHES.sub("", text)  # "Hillary Clinton ''should": a mark, set apart
    text = CLOSING_APOSTROPHES.sub("", text)
    text = POSSESSIVE.sub("", text).rstrip(" .,;:/|-–—")  # "Robert Galbraith /" ends a credit
    if not any(mark in text.rstrip(QUOTES) for mark in QUOTES):  # George "Jay" keeps its mark
        text = text.rstrip(QUOTES)
    return text, start, title


def leading_title(lowered: str) -> str:
    """The longest title or person-role word opening a lower-cased name, or ''."""
    found = rules().title_start.match(lowered)
    if found:
        return found.group()[:-1]
    first = lowered.split(" ", 1)[0]
    if first in rules().person_roles and " " in lowered or role_before_name(lowered):
        return first  # "chairman X", "actress Amandla Stenberg"
    return ""


def may_strip(title: str, rest: str, label: str, people: set[str]) -> bool:
    if not rest or not rest[0].isupper():
        return False
    if label == "PERSON" or title.endswith("."):
        return True
    words = rest.split()
    return rest in people or words[-1] in people or POSSESSIVE.sub("", words[-1]) in people


def acronyms(doc: Doc, blocked: list[Span]) -> list[Mention]:
    """All-capital proper nouns the tagger left out ("The CREA reports") are organisations,
    with the capitalised proper nouns they open or sit in ("the U.S. PIRG Education Fund")."""
    found = []
    for match in ACRONYM.finditer(nlp.text_of(doc)):
        token = doc.char_span(match.start(), match.end())
        if token is None or len(token) != 1 or token[0].ent_type_ or token[0].pos_ != "PROPN":
            continue
        if match.group().casefold() in rules().drop or junk.role_initialism(match.group()):
            continue  # "VP", "CFO": a post
        name = acronym_name(token[0])
        span = Span(name.start_char, name.end_char)
        if not junk.inside(span, blocked):
            found.append(Mention(span=span, name=name_key(name.text), label="ORG", acting=2))
    return found


def acronym_name(token: Token) -> DocSpan:
    """The run of capitalised proper nouns compounded onto one head that holds the acronym: a
    place's name before it is part of it ("U.S. PIRG Education Fund"), a person's is not."""
    doc = token.doc
    head = token
    while head.dep_ == "compound" and head.head.i > head.i and chain_word(head.head):
        head = head.head
    if any(not chain_word(t) or t.ent_type_ not in ("", "GPE") for t in doc[token.i : head.i + 1]):
        return doc[token.i : token.i + 1]
    start = token.i
    while start > 0 and chain_word(doc[start - 1]) and doc[start - 1].dep_ == "compound":
        if doc[start - 1].head.i > head.i or doc[start - 1].ent_type_ not in ("", "GPE"):
            break
        start -= 1
    return doc[start : head.i + 1]


def chain_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[:1].isupper()
