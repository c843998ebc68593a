"""The entities stage: the parse's named entities -> actors, group words and places.

1. mentions: every entity of the parse outside datelines, credit lines and headlines, cleaned
   to a name ("President Trump's" -> "Trump"; "the U.S." -> "United States") with the signs the
   words around it give (mentions.py, junk.py, types.py);
2. one group per name, and one per one-word name under a gendered title ("Mrs. Doe");
3. names: the forms of one person or organisation merged, ambiguous ones left apart (names.py);
4. sorting: group words (NORP: "Republican", "Russian") go to `groups`; a city, state or region
   named only as a location, or acting only inside quotations, goes to `places`; a common word
   opening a sentence, a name seen only inside an indefinite description ("a California
   Democrat") or only inside a quoted title or slogan ('the "Bernie or Bust" crowd') is
   dropped; the rest are actors;
5. more mentions: the other occurrences of each actor's forms and of its unshared surname.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presslens.model import Actor, Article, Span
from presslens.nlp.columns import ents_kept
from presslens.stages.entities import (
    abbreviations,
    addresses,
    coinages,
    coordinated,
    demonyms,
    determiners,
    extents,
    families,
    forms,
    initialisms,
    junk,
    listmates,
    names,
    namesakes,
    numbered,
    offices,
    openings,
    organisations,
    proper_kinds,
    retype,
    rolewords,
    terms,
    wording,
    works,
)
from presslens.stages.entities.mentions import Mention, find_mentions
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import PLACE_LABELS, Group, actor_type, every_mention, kind
from presslens.stages.parties import party_words
from presslens.stages.roles import load_roles
from presslens.stages.titles import title_like, work_title

QUALIFYING = frozenset({"compound", "amod", "nmod", "npadvmod"})  # "GOP nominee", "GOP-heavy"


@dataclass(frozen=True, slots=True)
class Entities:
    actors: tuple[Actor, ...] = ()
    groups: tuple[Actor, ...] = ()  # group words: nationalities, parties, religions (NORP)
    places: tuple[Actor, ...] = ()  # places named only as locations


def find_entities(article: Article, doc: Doc) -> Entities:
    """Actors, group words and places, each in order of first mention."""
    with ents_kept(doc):  # read often, set by none of the steps: built once
        return entities_of(article, doc)


def entities_of(article: Article, doc: Doc) -> Entities:
    from presslens.stages.quotes.marks import find_quoted  # the quotes package reads actors

    quoted = find_quoted(article.text)[0]
    titles = [q.span for q in quoted if work_title(doc, article.text, q.span, q.inner)]
    blocked = junk.blocked_spans(article.text, doc) + titles  # names in a title do not act
    headings = [s.heading_span for s in article.sections if s.heading_span is not None]
    mentions = find_mentions(article.text, doc, blocked, headings)
    mentions = numbered.without_numbered_names(article.text, mentions)  # "House Bill 1523"
    mentions = extents.countries_cut(mentions, article.text)  # "envoy to Ukraine Kurt Volker"
    mentions = abbreviations.places_spelt_out(mentions)  # "N. Korea" is North Korea
    mentions = abbreviations.plurals_continued(mentions, article.text)  # "Children's Hospital"
    mentions = abbreviations.catalogued_possessives(mentions, doc)  # "Martha's Vineyard"
    mentions = coordinated.pairs_cut(mentions, doc, article.text)  # "Hulu and Ora's site"
    mentions = families.families_named(mentions, article.text)  # "the Ricketts family"
    quoted_spans = [q.span for q in quoted]
    slogans = [q.span for q in quoted if title_like(q.inner.of(article.text))]
    groups = group_mentions(places_quoted_act_not(mentions, quoted_spans), article.text)
    retype.retype_groups(groups, doc)
    determiners.retype_definite(groups, doc)  # "the Gateway", "the Derg": no person's
    forms.join_case_forms(groups)  # "CLINTON", "Al Ashry" beside "al Ashry"
    forms.join_transposed(groups)  # "MNSBC" beside "MSNBC": a slip
    rolewords.join_role_titles(groups, doc)  # "Dean Amar" of "Vikram Amar, dean of ..."
    proper_kinds.peoples_relabelled(groups)  # "Virginia Democrats": no Virginia, no Democrats
    proper_kinds.catalogued_relabelled(groups, doc)  # "Ho Chi Minh City", "Jim Crow": no one's
    names.merge_people(groups, doc)
    # "Clinton" beside Bill and Hillary
    left_out = namesakes.share_bare_surnames(groups, doc, quoted_spans)
    works.join_epithets(groups)
    demonyms.join_surnames(groups)  # "Cuban said" after Mark Cuban
    demonyms.drop_joined_surnames(groups)  # "the Obama-Clinton foreign policy"
    demonyms.nations_acting(groups, doc)  # "the Saudi government denied": Saudi Arabia acts
    organisations.merge_organisations(groups)
    sorted_out: dict[str, dict[names.Key, Group]] = {"actor": {}, "group": {}, "place": {}}
    text = article.text
    for key, group in groups.items():
        found = section_of(key, group, groups, doc, text, slogans)
        if found != "none":
            sorted_out[found][key] = group
    actors = sorted_out["actor"]
    taken = [s for g in groups.values() for s in g.spans] + blocked + left_out
    find_more_mentions(article.text, actors, taken)
    retype.retype_by_pronouns(actors, doc)  # with every mention found
    return Entities(
        actors=records(actors, "a"),
        groups=records(sorted_out["group"], "g"),
        places=records(sorted_out["place"], "p"),
    )


def section_of(
    key: names.Key,
    group: Group,
    groups: dict[names.Key, Group],
    doc: Doc,
    text: str,
    slogans: list[Span],
) -> str:
    """'actor', 'group', 'place' or 'none' (no one: a coinage, a common word, a work's title,
    a term, junk) for one group of mentions, all forms merged; `slogans` are the quoted runs
    of capitalised words (titles, slogans)."""
    listmates.retype_by_listmates(group, doc)  # "Egypt, Jordan and Syria"
    listmates.retype_people_by_listmates(group, doc)  # "Patrik Laine and Nikolaj Ehlers"
    found = proper_kinds.kind_by_catalogue(group, text) or kind(group)  # "Medicare", "Latinos"
    if party_word(group) or party_describing(group, doc):
        found = "group"  # "ran for mayor as a Republican", "the GOP nominee argued"
    if families.family_named(key[0], group, groups):
        found = "group"  # "the Clintons"
    if coinages.coined(group, groups) or offices.pageant_named(group):
        return "none"  # "Brexit", "Obamacare", "Bridgegate", "Miss Universe": no one
    if found == "none":
        return "none"
    if found == "actor" and offices.seat_named(group, doc):
        found = "place"  # "a bid for the White House": the office
    elif found == "actor" and addresses.venue_with_address(group, text):
        found = "place"  # "June 26 -- PPL Pavilion, Allentown, PA": a venue and its town
    elif found == "actor":
        found = wording.describing_kind(group, doc) or found  # "the Kazakh economy"
    if found == "actor" and initialisms.describes_people(group, doc):
        found = "group"  # "LGBT parents", "the MAGA movement"
    if found == "actor" and wording.common_words_named(group, doc):
        return "none"  # "Last Man Standing", "Top Secret" files: no one's name
    if found == "actor" and openings.abstract_word_opening(group, doc):
        return "none"  # "Struggle is needed": a common word opening a sentence
    if found == "actor" and works.titled_work(group, doc):
        return "none"  # "her book, Living History": a work's title
    if found == "actor" and wording.called_a_thing(group, doc):
        return "none"  # "a chemical called IL-25", "a program called BleachBit": a thing
    if found == "actor" and works.named_in_titles_only(group, doc, slogans):
        return "none"  # '"Fox and Friends"', 'the "Bernie or Bust" crowd': a title, a slogan
    if found == "actor" and demonyms.joined_names_describing(group, doc):
        return "none"  # "the Dodd-Frank rules", "the Obama-Clinton disaster": no one
    if found == "actor" and terms.term_named(group, doc, text):
        return "none"  # "8.69 GW", "binge eating disorder (BED)": a unit, a term
    if found == "group" or not (is_junk(key, group) or not_an_actor(text, group)):
        return found
    return "none"


def places_quoted_act_not(mentions: list[Mention], quoted: list[Span]) -> list[Mention]:
    """A place named inside a quotation is the speaker's word, not the place acting: "make
    America great again", "keep America safe" make no actor of the United States."""
    for mention in mentions:
        place = mention.label in PLACE_LABELS or rules().types.get(mention.name) == "GPE"
        if place and any(q.contains(mention.span) for q in quoted):  # "USA, baby" tagged ORG
            mention.acting = 0
    return mentions


def find_actors(article: Article, doc: Doc) -> tuple[Actor, ...]:
    """Actors with their type, aliases and every mention span, in order of first mention."""
    return find_entities(article, doc).actors


def find_groups(article: Article, doc: Doc) -> tuple[Actor, ...]:
    """Group words (nationalities, parties: NORP), kept apart from actors."""
    return find_entities(article, doc).groups


def group_mentions(mentions: list[Mention], text: str) -> dict[names.Key, Group]:
    """Mentions grouped by name form, their votes counted. Field by field on purpose: a group
    of one per mention and `Group.absorb` read better but cost 4 ms an article in Counters."""
    groups: dict[names.Key, Group] = {}
    for mention in mentions:
        name = names.name_form(mention.name, mention.label)
        key = (name, mention.gender if " " not in name else "")
        group = groups.setdefault(key, Group(name=name, gender=key[1]))
        group.labels[mention.label] += 1
        if mention.person_role:
            group.labels["PERSON"] += 2
        if mention.gender:
            group.genders[mention.gender] += 1
            group.titles[mention.title] += 1
        group.surfaces[mention.span.of(text)] += 1
        group.spans.append(mention.span)
        group.acting += mention.acting
        group.locative += mention.locative
        group.media += mention.medium
        group.outlets += mention.outlet
        group.aired += mention.aired
        group.venues += mention.venue
        group.openings += mention.opening
        group.descriptive += mention.descriptive
        group.adjectives += mention.adjective
        group.describing += mention.describing
        group.placed += mention.placed
    return groups


def party_word(group: Group) -> bool:
    """A party's word alone ("Republican"; "GOP" is the party's name, kept) that the article
    also uses as a description ("ran for mayor as a Republican") or an adjective is a group
    word whatever the tagger typed it; "Green said" (a surname, never so used) is not, nor a
    name with a title ("Mr. Green")."""
    name = group.name.casefold()
    if " " in name or len(name) < 3 or name == "gop" or name not in party_words():
        return False
    return not group.titles and group.descriptive + group.adjectives > 0


def party_describing(group: Group, doc: Doc) -> bool:
    """A party's name ("GOP", "the Republican Party") only ever set before a noun or an
    adjective it qualifies ("The GOP presidential nominee argued", "GOP primary debates",
    "GOP-heavy areas") is a group word, as "Republican" is there: no mention has the party
    act, speak or own."""
    name = group.name.casefold().removesuffix(" party")
    if name not in party_words() or group.titles:
        return False
    return every_mention(group, doc, qualifies_a_word)


def qualifies_a_word(word: Token) -> bool:
    """A word set before the noun or adjective it qualifies ("GOP" of "GOP nominee", of
    "GOP-heavy"), not before those who speak for it ("Democratic Party officials said")."""
    head = word.head
    if word.dep_ not in QUALIFYING or head.i < word.i or head.pos_ not in ("NOUN", "ADJ"):
        return False
    return head.lemma_.lower() not in load_roles().spokesperson


def not_an_actor(text: str, group: Group) -> bool:
    """The tail of an event's name ("Media" of "... Prize for ... by the Media"), or a
    network's programme ("NBC's Meet the Press")."""
    return works.in_event_name(text, group) or offices.show_named(text, group)


def is_junk(key: names.Key, group: Group) -> bool:
    """A name every mention of which is a common word opening a sentence, an event's, a prize's,
    a law's or a work's name (works.names_a_work), a title in the plural ("Govs"), or a
    "person" only ever named with an indefinite article ("a Democrat": a person's name takes
    none, while "a gridlocked Congress" is still Congress); its other forms would have merged it
    with an actor."""
    mentions = len(group.spans)
    if group.descriptive == mentions and actor_type(group) == "PERSON":
        return True
    if group.describing == mentions and actor_type(group) != "PERSON":
        return True  # 'Independent Vermont Sen. Bernie Sanders' names no "Independent Vermont"
    if works.event_named(group):
        return True  # an event, a prize, a law or a work: "Republican National Convention"
    if works.plural_title(key[0]):
        return True  # "Govs." of "Govs. Jane Roe and John Poe"
    return " " not in key[0] and group.openings == mentions


def find_more_mentions(text: str, groups: dict[names.Key, Group], taken: list[Span]) -> None:
    """Mentions the tagger missed: other occurrences of surface forms and of surnames."""
    used = bytearray(len(text))  # 1 where a mention or a credit line already lies
    for span in taken:
        used[span.start : span.end] = b"\x01" * (span.end - span.start)
    # a form two actors share ("Doe" of Donald Doe and of "Mrs. Doe") claims nothing more
    owners = Counter(surface for group in groups.values() for surface in group.surfaces)
    probes = [(s, key) for key, g in groups.items() for s in g.surfaces if owners[s] == 1]
    probes += list(names.surname_probes(groups).items())
    for surface, key in sorted(probes, key=lambda probe: len(probe[0]), reverse=True):
        if len(surface) < 2 or (len(surface) < 3 and not surface.isupper()):
            continue
        group = groups[key]
        for start in whole_word_starts(text, surface):
            end = start + len(surface)
            if used.find(1, start, end) == -1 and not continues_name(text, end):
                group.spans.append(Span(start, end))
                group.surfaces[surface] += 1
                used[start:end] = b"\x01" * (end - start)


def continues_name(text: str, end: int) -> bool:
    """Whether a capitalised word follows: "Trump Tower", "Homeland Security Investigations"
    are other names, not more mentions of Trump or of Homeland Security."""
    return text[end : end + 1] == " " and text[end + 1 : end + 2].isupper()


def whole_word_starts(text: str, word: str) -> Iterator[int]:
    """Where `word` occurs in `text` not inside a longer word or hyphenated compound.

    str.find is a fast substring search; a regex with a leading look-behind tries every
    position, which made this the costliest step of the stage."""
    start = text.find(word)
    while start != -1:
        end = start + len(word)
        if not (is_word_char(text, start - 1) or is_word_char(text, end)):
            yield start
        start = text.find(word, start + 1)


def is_word_char(text: str, position: int) -> bool:
    if position < 0 or position >= len(text):
        return False
    char = text[position]
    return char.isalnum() or char in "_-"


def records(groups: dict[names.Key, Group], prefix: str) -> tuple[Actor, ...]:
    ordered = sorted(groups.values(), key=lambda g: min(s.start for s in g.spans))
    return tuple(record(group, f"{prefix}{number}") for number, group in enumerate(ordered, 1))


def record(group: Group, actor_id: str) -> Actor:
    """The actor of a group; every surface of its mentions other than the name shown is an
    alias (the bare "Doe" of an actor shown as "Mrs. Doe" too)."""
    name = shown_name(group)
    return Actor(
        id=actor_id,
        name=name,
        type=actor_type(group),
        aliases=tuple(sorted({s for s in group.surfaces if s != name})),
        mentions=tuple(sorted(set(group.spans), key=lambda s: s.start)),
    )


def shown_name(group: Group) -> str:
    """A one-word name kept apart under its title is shown with it: 'Mrs. Doe'."""
    if group.gender and group.titles:
        return f"{group.titles.most_common(1)[0][0]} {group.name}"
    return group.name


def actor_at(actors: tuple[Actor, ...], span: Span) -> Actor | None:
    """The actor with a mention overlapping `span` (the longest such mention wins)."""
    best: tuple[int, Actor] | None = None
    for actor in actors:
        for mention in actor.mentions:
            if mention.overlaps(span) and (best is None or len(mention) > best[0]):
                best = (len(mention), actor)
    return best[1] if best else None


def actors_by_id(actors: tuple[Actor, ...]) -> dict[str, Actor]:
    return {actor.id: actor for actor in actors}
