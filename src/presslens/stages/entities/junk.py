"""Text that names no actor, and names that are not actors.

- A dateline ("WASHINGTON (AP) —", "PASADENA, Calif., Jan. 1 (UPI) —", "New York (AFP) –")
  says where a story was filed and by which agency; neither acts in it.
- Credit lines and bylines (resources/credit_lines.txt: "Associated Press writer X
  contributed", "Follow X on Twitter", "By X") name the story's makers.
- In a title-case line (a headline: "Jeb Bush Super PAC Chief Praises Rubio") every word is
  capitalised, so the tagger's names there are guesses ("Jeb Bush Super"); such a line seeds no
  actor, but the mention search still finds there the names the body confirms.
- A capitalised word opening a sentence that the tagger reads as a common word ("Struggle",
  "Nationally"), or that the article also writes in lower case, is no name.
- An inline heading opening a paragraph ("The Gap Goes On: It was under ...", "Limited Tools
  to Fight Terrorism: ...", as newspapers run them in the body) is three to nine words, the
  first and last capitalised, and a colon; unless one person's name covers it all (a
  transcript's "Hillary Rodham Clinton: ..."), it names no one.
- A paragraph of one to four capitalised words, no verb among them ("Gender Equality." over a
  section, "John Gorra." and "Staunton Va." signing a reader's letter) is a heading or a
  signature: it names no one who acts in the article.
- Two or more capitalised words joined by hyphens that the article also writes before "Act" or
  "Amendment" ("Dodd-Frank" of "the Dodd-Frank Act", "Glass-Steagall") are a law named for
  its sponsors; the tagger's people there ("Glass" before "-Steagall") are none.
- "Mr. Ranking Member", "Madam Vice President": an honorific before two capitalised words, the
  last a person's role noun and the first no given name, set off by punctuation as one speaks
  to someone, addresses the holder of a post by the post; it names no one.
- A person's name takes no indefinite article: "a Democrat" (tagged PERSON) describes someone,
  while "a gridlocked Congress" still names Congress (stage.is_junk decides by type).
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IS_UPPER
from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.model import Span
from presslens.nlp.columns import ents_of
from presslens.nlp.firstnames import known_first_name
from presslens.nlp.parser import kept_text, span_text
from presslens.stages.entities.bylines import author_notes
from presslens.stages.entities.rules import credit_patterns, rules
from presslens.stages.parties import party_words
from presslens.stages.places import load_places
from presslens.stages.roles import load_roles

DATELINE_END = "(?:—|–|―|--|-|:)"  # the dash or colon closing a dateline, either kind
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]*[A-Z.](?: [A-Z][A-Z.'’-]*[A-Z.]){0,3})"  # WASHINGTON, ST. LOUIS
    r"(?P<more>(?:,\s*[A-Z][\w.'’]*(?: [\w.'’]+){0,2})*)"  # , Calif., Jan. 1
    r"\s*(?P<agency>\([^()\n]{1,40}\))?"  # (AP)
    rf"\s*{DATELINE_END}\s"
)
# "New York (AFP) –", "Washington (Reuters) -": a place in title case needs its agency, in
# brackets, to be a dateline ("Jane Roe (D-Calif.) —" is a name and a party tag)
TITLE_DATELINE = re.compile(  # a date in a place's stead too: "Dec 29 (Reuters) -"
    r"(?P<place>[A-Z][a-z.'’-]+(?: [A-Z][a-z.'’-]+){0,3})(?: \d{1,2}(?=\s*\())?"
    r"(?P<more>(?:,\s*[A-Z][\w.'’]*(?: [\w.'’]+){0,2})*)"
    r"\s*(?P<agency>\((?![DRI]-)[A-Z][\w.&]+(?: [A-Z][\w.&]*){0,2}\))"
    rf"\s*{DATELINE_END}\s"
)
# "Dekalb, Ill. —", "New York, NY –", "Washington, DC, United States:": a place in title case
# with its state or country after a comma, and no agency, is a dateline when those parts read
# as an address (`addressed`)
PLACE_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z.'’-]+(?: [A-Z][a-z.'’-]+){0,3})"
    r"(?P<more>(?:,\s*[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2}){1,2})"
    rf"\s*{DATELINE_END}\s"
)
STATE_CODE = re.compile(r"[A-Z][a-z]{1,4}\.|[A-Z]{2}")  # "Ill.", "Calif.", "NY"
CAP = r"[A-Z][\w'’-]*"
SMALL = r"(?:a|an|and|as|at|by|for|in|of|on|or|the|to|with)"
INLINE_HEADING = re.compile(
    rf"{CAP}(?:[ \t]+(?:{CAP}|{SMALL})){{1,7}}[ \t]+{CAP}(?=:[ \t]+[\"“A-Z])"
)
INITIAL = r"[A-Z]\."  # "T." of a reader signing "Heather T. Remoff."
# a comma may follow a word: "An Ambitious, Divisive Legacy." (a section heading)
LONE_LINE = re.compile(rf"{CAP},?(?:[ \t]+(?:{CAP}|{INITIAL}|{SMALL}),?){{0,3}}\.?")
LOWER_WORD = re.compile(r"\b[a-z]+\b")
PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\n]+)*")
CLOSING_PARAGRAPHS = 3
BYLINE_WORDS = 12
HEADLINE_WORDS = 25
HEADLINE_MIN = 4  # words of four letters or more in a title-case line
INDEFINITE = {"a", "an", "another"}
MODIFIERS = {"compound", "amod", "nmod", "poss"}


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text)]


def dateline(paragraph: str) -> int:
    """Length of the dateline opening a paragraph, 0 when there is none."""
    found = DATELINE.match(paragraph) or TITLE_DATELINE.match(paragraph)
    if not found:
        address = PLACE_DATELINE.match(paragraph)
        return address.end() if address and addressed(address) else 0
    letters = len(found["place"].replace(".", ""))
    if letters < 3 or (letters < 4 and not (found["agency"] or found["more"])):
        return 0  # "US: ..." or "AP -" is no place-name dateline; "RYE, N.H. —" is one
    return found.end()


def addressed(found: re.Match[str]) -> bool:
    """Whether a title-case place and the parts after its comma read as an address: the
    gazetteer knows the place, or each part is a state's code ("Ill.", "NY"), a region or a
    country ("Jane Roe, Director —" is no dateline)."""
    places = load_places()
    parts = [part.strip() for part in found["more"].split(",") if part.strip()]
    if places.kind(found["place"]) is not None:
        return True
    return all(STATE_CODE.fullmatch(p) or places.kind(p) in ("region", "country") for p in parts)


def blocked_spans(text: str, doc: Doc) -> list[Span]:
    """Datelines, credit lines and bylines: no mention of an actor is taken from them."""
    blocks = paragraphs(text)
    blocked: list[Span] = []
    for start, end in blocks:
        length = dateline(text[start:end])
        if length:
            blocked.append(Span(start, start + length))
        heading = inline_heading(text, start, doc)
        if heading is not None:
            blocked.append(heading)
        if len(blocks) > 1 and lone_line(text, start, end, doc):
            blocked.append(Span(start, end))
        if len(text[start:end].split()) <= BYLINE_WORDS and any(
            p.search(text[start:end]) for p in credit_patterns()["byline"]
        ):
            blocked.append(Span(start, end))
    return blocked + credit_lines(text, doc, blocks) + addressed_posts(text)


# "I think, Mr. Ranking Member, that ...": an honorific and two words, set off as one speaks
ADDRESS = re.compile(
    r"(?:^|(?<=[,;:“\"‘(]))\s*(?P<words>(?:Mr|Mrs|Ms|Madam|Madame)\.?\s+"
    r"(?P<first>[A-Z][a-z]+)\s+(?P<post>[A-Z][a-z]+))(?=\s*[,.!?;”\"])",
    re.MULTILINE,
)


def addressed_posts(text: str) -> list[Span]:
    """'Mr. Ranking Member', 'Madam Vice President' spoken to: the post, no one's name (the
    last word a person's role noun, the first no given name: "Mr. John Baker" is a name)."""
    found = []
    for match in ADDRESS.finditer(text):
        if load_roles().kind(match["post"].lower()) != "PERSON":
            continue
        if known_first_name(match["first"]):
            continue
        found.append(Span(match.start("words"), match.end("words")))
    return found


CREDITS_KEY = "presslens.credit_lines"  # Doc.user_data: (start, end) of each credit line


def credit_lines(text: str, doc: Doc, blocks: list[tuple[int, int]] | None = None) -> list[Span]:
    """Sentences crediting a story's makers ("Roe reported from Oakland.", "Ann Bell
    contributed reporting."): no actor comes from them, and they report no one's words.
    Found once a parse: the entities stage asks first, the quotes stage again."""
    if CREDITS_KEY not in doc.user_data:
        found = find_credit_lines(text, doc, paragraphs(text) if blocks is None else blocks)
        doc.user_data[CREDITS_KEY] = [(s.start, s.end) for s in found]
    return [Span(start, end) for start, end in doc.user_data[CREDITS_KEY]]


def find_credit_lines(text: str, doc: Doc, blocks: list[tuple[int, int]]) -> list[Span]:
    closing = blocks[-CLOSING_PARAGRAPHS:][0][0] if blocks else len(text)
    anywhere, near_end = credit_patterns()["anywhere"], credit_patterns()["closing"]
    found: list[Span] = []
    for sent in doc.sents:
        words = text[sent.start_char : sent.end_char].strip()
        if any(p.search(words) for p in anywhere):
            found.append(Span(sent.start_char, sent.end_char))
        elif sent.start_char >= closing and any(p.search(words) for p in near_end):
            found.append(Span(sent.start_char, short_paragraph_end(text, sent, blocks)))
    return found + author_notes(doc, text, blocks, closing)


def short_paragraph_end(text: str, sent: DocSpan, blocks: list[tuple[int, int]]) -> int:
    """The end of a short paragraph the sentence opens ("Roe reported from Fresno, Calif.;
    Bell, from Washington.", which the parser splits after "Calif."), else the sentence's."""
    for start, end in blocks:
        if start <= sent.start_char < end:
            short = len(text[start:end].split()) <= 2 * BYLINE_WORDS
            return end if short and sent.start_char == start else sent.end_char
    return sent.end_char


def lone_line(text: str, start: int, end: int, doc: Doc) -> bool:
    """A paragraph that is a heading or a signature: a few capitalised words, no verb ("Enter
    President Trump." closing a column is a sentence)."""
    if not LONE_LINE.fullmatch(text[start:end].strip()):
        return False
    words = doc.char_span(start, end, alignment_mode="expand")
    return words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words)


def inline_heading(text: str, start: int, doc: Doc) -> Span | None:
    """The inline heading opening the paragraph at `start`, if it has one."""
    found = INLINE_HEADING.match(text, start)
    if found is None:
        return None
    words = doc.char_span(found.start(), found.end(), alignment_mode="expand")
    if words is not None and any(
        ent.label_ == "PERSON" and ent.start <= words.start and words.end <= ent.end
        for ent in ents_of(doc)
    ):
        return None  # "Hillary Rodham Clinton: ...", a transcript's speaker
    return Span(found.start(), found.end())


def headline_spans(text: str, doc: Doc | None = None) -> list[Span]:
    """Short lines whose words are nearly all capitalised (headlines and subheads), or written
    in capitals. With the parse, a line with a lower-case verb, noun, adjective or adverb is a
    sentence full of names ("Senator Maria Lopez spoke on Tuesday in Denver."), not a title:
    title case leaves only short function words in lower case."""
    found = []
    for start, end in paragraphs(text):
        line = text[start:end]
        words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
        if len(line.split()) > HEADLINE_WORDS:
            continue
        upper = sum(w[0].isupper() for w in words)
        capitals = len(words) >= HEADLINE_MIN and upper >= 0.8 * len(words)
        if capitals and doc is not None and lower_content_word(doc, start, end):
            capitals = False
        if capitals or (line.isupper() and any(c.isalpha() for c in line)):
            found.append(Span(start, end))  # title case, or a capitals line ("FULL TEXT.")
    return found


CONTENT_POS = ("VERB", "NOUN", "ADJ", "ADV")


def lower_content_word(doc: Doc, start: int, end: int) -> bool:
    """Whether the text [start, end) holds a lower-case content word of four letters or more."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return any(len(t.text) > 3 and t.text[0].islower() and t.pos_ in CONTENT_POS for t in span)


def inside(span: Span, spans: list[Span]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def opens_sentence(token: Token) -> bool:
    """The first word of its sentence, after any opening quotation marks or brackets."""
    doc, i = token.doc, token.i
    while not doc[i].is_sent_start:
        i -= 1
        if not (doc[i].is_punct or doc[i].is_space):
            return False
    return True


def common_word_opening(ent: DocSpan, lower_words: set[str]) -> bool:
    """'Struggle is ...': one capitalised word opening a sentence, which the tagger reads as a
    common word or the article also writes in lower case."""
    if len(ent) != 1 or not opens_sentence(ent[0]):
        return False
    token = ent[0]
    if token.is_upper and len(token) > 1:
        return False  # an acronym
    return token.pos_ != "PROPN" or token.lower_ in lower_words


def office_word(ent: DocSpan) -> bool:
    """'secretary of State', 'Minister of Finance': one word after an office's noun and "of"
    (resources/actors.json "offices") names the office, not an organisation; 'the president
    of Harvard' keeps Harvard."""
    root = ent.root
    if len(ent) != 1 or ent.label_ != "ORG" or root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    return root.head.head.lower_ in rules().offices


ROLE_INITIALISM = re.compile(r"[A-Z]{2,4}")


def role_initialism(name: str) -> bool:
    """'to COO and president Mike Siever', 'the company's CFO': an initialism that is a
    person's role noun (resources/speaker_roles.txt, role_nouns.txt: "CEO", "CFO", "COO", "DA")
    names a post, not an organisation."""
    return bool(ROLE_INITIALISM.fullmatch(name)) and load_roles().kind(name.lower()) == "PERSON"


def descriptive(ent: DocSpan) -> bool:
    """'a California Democrat': the name heads an indefinite noun phrase."""
    root = ent.root
    if any(child.dep_ == "det" and child.lower_ in INDEFINITE for child in root.children):
        return True
    if root.dep_ in MODIFIERS:
        return False  # "a Trump supporter": the article belongs to "supporter"
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in INDEFINITE


ZONE_WORDS = frozenset({"eastern", "central", "mountain", "pacific", "et", "ct", "mt", "pt"})
CLOCK = re.compile(r"(?:\d{1,2}(?::\d\d)?|[ap]\.?m\.?|noon|midnight)", re.IGNORECASE)


def time_zone(ent: DocSpan) -> bool:
    """'from 6 a.m. to 9 a.m. Eastern', 'at 8 p.m. Pacific': a zone's word right after a clock
    time names no one."""
    if len(ent) != 1 or ent.start == 0 or ent.text.casefold() not in ZONE_WORDS:
        return False
    return bool(CLOCK.fullmatch(ent.doc[ent.start - 1].text))


YEAR = re.compile(r"(?:19|20)\d\d")


def dated_thing(ent: DocSpan) -> bool:
    """'the 2017 Ford Fusion', 'a 2015 Boeing Business Jet': a year between an article and a
    name that heads its phrase dates a model or an edition of a thing; no one is named (the
    tagger often calls a model a person). Not a name opening with a first name of the census
    catalogue ('the 2016 Hillary Clinton'), nor one that only qualifies a noun after it ('the
    2012 Romney campaign'), nor a body's by its head noun ('a 2014 University of California
    paper', misparsed)."""
    if ent.start < 2 or ent.root.dep_ == "compound" or known_first_name(ent[0].text):
        return False
    year, article = ent.doc[ent.start - 1], ent.doc[ent.start - 2]
    if not YEAR.fullmatch(year.text) or not ent.start <= year.head.i < ent.end:
        return False
    words = ent.text.split()
    if "of" in words[1:]:
        words = words[: words.index("of", 1)]
    return article.lower_ in ("the", "a", "an") and not load_roles().body_noun(words[-1].lower())


def before_a_title(ent: DocSpan) -> bool:
    """'Independent Vermont Sen. Bernie Sanders': a name set before a person's abbreviated
    title and name describes that person."""
    return titles_a_name(text_after(ent).lstrip()) or before_an_office(ent) or party_role(ent)


ROLE_WORDS = 5  # "vice - presidential nominee": the longest role read between party and name


def party_role(ent: DocSpan) -> bool:
    """'GOP presidential nominee Donald Trump', 'the Democratic Party nominee Hillary Clinton':
    a party's name before a person's role in lower case (its last word a role noun) and the
    person's name describes the person, as "a California Democrat" does; not "Senate Majority
    Leader" (an office, `before_an_office`), nor "GOP leaders" (no name follows)."""
    name = ent.text.lower().removeprefix("the ").removesuffix(" party")
    if ent.label_ not in ("ORG", "NORP") or name not in party_words() or len(name) < 2:
        return False
    doc, role = ent.doc, []
    for token in doc[ent.end : ent.end + ROLE_WORDS]:
        if token.ent_type_ == "PERSON" or not (token.is_lower or token.text == "-"):
            break
        role.append(token)
    after = ent.end + len(role)
    if not role or after >= len(doc) or doc[after].ent_type_ != "PERSON":
        return False
    return load_roles().kind(role[-1].lower_) == "PERSON"


def before_an_office(ent: DocSpan) -> bool:
    """'Senate Majority Leader Mitch McConnell', 'House Speaker Paul Ryan', 'Defense Secretary
    Ash Carter': a one-word organisation's name set before an office's capitalised title (up
    to three words, the last a person's role noun) and a person's name is part of the title.
    Not an acronym ("FBI Director James Comey", "CIA Director ..." name bodies that act), a
    longer name ("Republican National Committee Chairman ...") or a place ("Texas Attorney
    General ...", which stays among the places)."""
    if ent.label_ != "ORG" or len(ent) != 1 or ent.text.isupper():
        return False  # "FBI Director James Comey", "New York Mayor ...": the body or the place
    doc, roles = ent.doc, load_roles()
    title = []
    for token in doc[ent.end : ent.end + 4]:
        if token.ent_type_ == "PERSON" or not token.text[:1].isupper() or token.ent_type_:
            break
        title.append(token)
    while title and roles.kind(title[-1].lower_) != "PERSON":
        title.pop()
    after = ent.end + len(title)
    return bool(title) and after < len(doc) and doc[after].ent_type_ == "PERSON"


def ends_with_a_title(ent: DocSpan) -> bool:
    """'Navy Capt' of 'Navy Capt. Jeff Davis': the tagger's span ends with the rank of the
    person named next; it names no one."""
    return titles_a_name(ent[-1].text + text_after(ent))


def text_after(ent: DocSpan, tokens: int = 6) -> str:
    """The text right after an entity, a few tokens of it: up to the next token's start in the
    text the parse kept, else joined from the tokens (`Doc.text` joins the whole doc)."""
    doc = ent.doc
    text = kept_text(doc)
    if text is None:
        following = doc[ent.end : ent.end + tokens]
        return ent[-1].whitespace_ + "".join(t.text_with_ws for t in following)
    stop = ent.end + tokens
    return text[ent.end_char : doc[stop].idx if stop < len(doc) else len(text)]


def titles_a_name(words: str) -> bool:
    """Whether the words open with an abbreviated title ("Sen.", "Capt.") and a name."""
    found = rules().title_start.match(words.lower())
    return bool(
        found and found.group().strip().endswith(".") and words[found.end() :][:1].isupper()
    )


def place_pair(name: str) -> bool:
    """'the U.S.-Mexico border', 'U.S.-China trade': two countries or regions joined by a
    hyphen say between which places, and name no one."""
    parts = name.split("-")
    return len(parts) == 2 and all(
        load_places().kind(part.replace(".", "")) in ("country", "region") for part in parts
    )


def lower_case_words(text: str) -> set[str]:
    return set(LOWER_WORD.findall(text))


HYPHENATED = r"[A-Z][\w'’]*(?:-[A-Z][\w'’]*)+"
LAW_NAME = re.compile(rf"\b({HYPHENATED})\s+(?:Act|Amendment|[Ll]aw)\b")
HYPHENATED_AT = re.compile(rf"(?<![\w-])(?:{HYPHENATED})(?![\w-])")


def law_names(text: str) -> set[str]:
    """Sponsors' names of the laws the article writes out: "Dodd-Frank" of "Dodd-Frank Act"."""
    return {found.group(1) for found in LAW_NAME.finditer(text)}


def within_law_name(span: Span, text: str, laws: set[str]) -> bool:
    """Whether `span` lies in a hyphenated law name (`law_names`): "Glass" of "Glass-Steagall"."""
    if not laws:
        return False
    start = span.start
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
        start -= 1
    found = HYPHENATED_AT.match(text, start)
    return found is not None and found.end() >= span.end and found.group() in laws


HANDLE = re.compile(r"@\w")  # "@edhenry", ".@HillaryClinton" (a reply made public)


def account_tag_or_case(ent: DocSpan) -> bool:
    """An account's handle ("@edhenry", "U see @edhenry"), a post's tag ("#JebBush"), or a
    party's name in a court case's ("Roe v. Wade", "Ashcroft v. Iqbal": the case, not an actor
    of the article; only the law's "v.", "Clinton vs. Trump" is a match-up of two, and not the
    initial of "Vladimir V. Putin")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end].text if ent.end < len(doc) else ""
    words = span_text(ent)  # a word holds a mark only if the name's text does
    if "@" in words and any(HANDLE.search(t.text) for t in ent):
        return True
    if before is not None and before.text == "#" and not before.whitespace_:
        return True
    inner = "v." in words and any(t.text == "v." for t in ent[1:-1])
    return "v." in (before.text if before else "", after) or inner


SHOUTED_RUN = 3  # words in capitals in a row: a kicker or a heading written loud


def loud_tokens(doc: Doc) -> set[int]:
    """The tokens of runs of three or more words in capitals ("IOWA POLLS NOT NECESSARILY
    WRONG", "DNC CHAIR DEBBIE WASSERMAN SCHULTZ RESIGNS"); punctuation does not break a run, a
    line break does ("... [NYT]" ending one line, "HOLD ON ..." opening the next). Only the
    words in capitals (the IS_UPPER column) and the tokens between two of them are read."""
    upper = (doc[i] for i in np.flatnonzero(doc.to_array(IS_UPPER)).tolist())
    shouted = [t.i for t in upper if not passed(t) and sum(c.isalpha() for c in t.text) >= 2]
    loud: set[int] = set()
    run: list[int] = []
    for i in [*shouted, None]:
        if i is not None and (not run or passed_over(doc, run[-1] + 1, i)):
            run.append(i)
            continue
        if len(run) >= SHOUTED_RUN:
            loud.update(range(run[0], run[-1] + 1))
        run = [i] if i is not None else []
    return loud


def passed_over(doc: Doc, start: int, end: int) -> bool:
    """Whether a run of capitals goes on over all the tokens [start, end)."""
    return all(passed(token) for token in doc[start:end])


def passed(token: Token) -> bool:
    """Punctuation, a number ("ELEVEN" too) or a space, holding no line break: a run of
    capitals goes on over it."""
    return "\n" not in token.text and (token.is_punct or token.like_num or token.is_space)
