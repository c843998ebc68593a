"""Ages written as a bare number: a person's age set in apposition ('Jane Roe, 52, of Dayton',
'a retired teacher, 67,', 'John Roe (52)', 'Mr. Roe, then 38,', 'the brothers, 22 and 19,'), a
decade of life ('in her 60s', 'in his early 70s') and an age after a verb of age ('turned 52',
'died at 85'). The forms that carry their own unit ('29 years old', 'a 34-year-old nurse',
'aged 34', 'at the age of 34', '18- to 29-year-olds') are read with the number
(kinds.read_rate_and_age).

Every age, of a person or of a thing ('the 200-year-old bridge'), is a `duration` figure in the
unit 'year of age', as NewsQuant and Recognizers-Text write it: the unit says it is an age, the
concept says whose ('Jane Roe', 'bridge'). Being a duration keeps it out of the figures a claim
is ranked up for (claims/stage.py, is_measure) and out of the kinds compared across articles
(corpus/conflicts.py, COMPARABLE_KINDS): an age is never set against a count.

Who stands before the comma decides an apposition: a person's name (the parse's PERSON, or a
proper noun it calls an organisation, nothing, or a place no gazetteer knows: surnames alone
are often tagged ORG or GPE), a noun
for a person (stages/roles.py: 'teacher', 'wife', 'suspect', WordNet's person nouns) or the
word 'age' ('their average age (63)'). Places, dates, groups and things ('the death toll, 49,')
keep their counts. Without a parse, a capitalised word that does not open the sentence or name
a month stands for a name.
"""

from __future__ import annotations

from spacy.tokens import Token as SpacyToken

from presslens.stages.figures.context import Parse
from presslens.stages.figures.cues import cues
from presslens.stages.figures.draft import Draft
from presslens.stages.figures.lexicon import figure_words
from presslens.stages.figures.tokens import Token
from presslens.stages.figures.units import Unit
from presslens.stages.places import load_places
from presslens.stages.roles import load_roles

AGE = Unit("year of age", "year of age", "duration")
MAX_AGE = 120
CLOSERS = frozenset({",", ".", ";", ":", ")", "—", "–", "―", "?", "!"})
PAIR_JOINERS = frozenset({"and", "or"})
# the tagger's place types: a surname it calls a place ('Singh', 'Lachlan') is a person unless
# the gazetteer knows the name as a place
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# named entities the parse gives to what is never a person with an age
NOT_PEOPLE = frozenset(
    {
        "NORP",
        "DATE",
        "TIME",
        "EVENT",
        "PRODUCT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
        "MONEY",
        "PERCENT",
        "QUANTITY",
        "CARDINAL",
        "ORDINAL",
    }
)


def mark_ages(tokens: list[Token], drafts: list[Draft], parse: Parse | None) -> None:
    """Bare counts that are ages become durations in years of age (after add_counted, so
    that 'turned 52 pages' keeps its counted noun)."""
    last_age = -1  # token index just after the last age found: 'Roe, 22 and 19,'
    for draft in drafts:
        if draft.unit is not None and draft.unit.unit == AGE.unit:
            last_age = draft.last  # 'between the ages of 18 and 29'
        if not bare_whole(tokens, draft):
            continue
        if decade_of_life(tokens, draft):
            last_age = draft.last
        elif paired_age(tokens, draft, last_age) or verb_of_age(tokens, draft):
            set_age(draft)
            last_age = draft.last
        elif in_apposition(tokens, draft, parse):
            set_age(draft)
            last_age = draft.last


def bare_whole(tokens: list[Token], draft: Draft) -> bool:
    """A whole number in digits with no unit, counted noun, range or change: '52'."""
    if draft.kind != "count" or draft.unit is not None or draft.counted is not None:
        return False
    if draft.value is None or draft.low is not None or draft.change or draft.scaled:
        return False
    if draft.num_last - draft.num_first != 1 or not tokens[draft.num_first].text.isdigit():
        return False
    return 0 < draft.value <= MAX_AGE


def set_age(draft: Draft) -> None:
    draft.unit, draft.kind = AGE, "duration"


def closes(tokens: list[Token], j: int) -> bool:
    """Token j ends an apposition (or the text does)."""
    return j >= len(tokens) or tokens[j].text in CLOSERS


def in_apposition(tokens: list[Token], draft: Draft, parse: Parse | None) -> bool:
    """'Jane Roe, 52, of Dayton', 'said Jim Bean, 71.', 'John Roe (52)', 'Mr. Roe, then 38,',
    'Mr. Roe, now 81 and retired': a number set off after a person."""
    i, j = draft.num_first, draft.num_last
    opener = i - 1
    adverb = opener >= 0 and tokens[opener].lower in figure_words().age_adverbs
    if adverb:
        opener -= 1
    if opener < 1 or tokens[opener].text not in (",", "("):
        return False
    if tokens[opener].text == "(":
        if j >= len(tokens) or tokens[j].text != ")":
            return False  # '(1.)': a place in a ranked list
    elif not (closes(tokens, j) or second_age_follows(tokens, j)):
        if not (adverb and tokens[j].lower in PAIR_JOINERS):
            return False
    return is_person(tokens, opener - 1, parse)


def second_age_follows(tokens: list[Token], j: int) -> bool:
    """'22 and 19,': two ages of the people named before."""
    if j + 2 > len(tokens) or tokens[j].lower not in PAIR_JOINERS:
        return False
    nxt = tokens[j + 1]
    return nxt.kind == "num" and nxt.text.isdigit() and closes(tokens, j + 2)


def paired_age(tokens: list[Token], draft: Draft, last_age: int) -> bool:
    """The second of two ages joined by 'and' ('Roe, 22 and 19,')."""
    i = draft.num_first
    return last_age == i - 1 and tokens[i - 1].lower in PAIR_JOINERS


def is_person(tokens: list[Token], k: int, parse: Parse | None) -> bool:
    """Token k (the word before the comma) ends a person's name or a noun for a person."""
    if k < 0 or tokens[k].kind != "word":
        return False
    word = tokens[k]
    if word.lower == "age":
        return True  # 'their average age (63)', 'whose age, 44,'
    spacy_token = parse.token_at(word.start) if parse is not None else None
    if spacy_token is None:
        return person_by_form(tokens, k)
    if spacy_token.ent_type_ == "PERSON":
        return True
    if spacy_token.ent_type_ in NOT_PEOPLE:
        return False
    if spacy_token.ent_type_ in PLACE_TYPES and load_places().kind(entity_text(spacy_token)):
        return False
    if spacy_token.pos_ == "PROPN":
        return word.text[0].isupper()
    return spacy_token.pos_ == "NOUN" and person_noun(spacy_token.lemma_.lower())


def entity_text(token: SpacyToken) -> str:
    """The text of the named entity that ends at `token` ('New York' for 'York')."""
    start = token
    while start.ent_iob_ == "I" and start.i > 0:
        start = start.doc[start.i - 1]
    return start.doc[start.i : token.i + 1].text


def person_by_form(tokens: list[Token], k: int) -> bool:
    """Without a parse: a capitalised word inside the sentence that is no month, or a noun
    for a person."""
    word = tokens[k]
    if word.text[0].isupper():
        opens = k == 0 or tokens[k - 1].text in (".", "!", "?", "\n", '"', "“")
        return not opens and word.lower.rstrip(".") not in cues().months
    lemma = word.lower[:-1] if word.lower.endswith("s") else word.lower
    return person_noun(word.lower) or person_noun(lemma)


def person_noun(lemma: str) -> bool:
    return load_roles().kind(lemma) == "PERSON"


def verb_of_age(tokens: list[Token], draft: Draft) -> bool:
    """'when she turned 52,', 'died at 85.': a verb whose bare number is an age."""
    i, j = draft.num_first, draft.num_last
    verbs = figure_words().age_verbs
    before = tokens[i - 1].lower if i >= 1 else ""
    two_before = f"{tokens[i - 2].lower} {before}" if i >= 2 else ""
    if before not in verbs and two_before not in verbs:
        return False
    return closes(tokens, j) or tokens[j].text.islower()


def decade_of_life(tokens: list[Token], draft: Draft) -> bool:
    """'in her 60s' -> 60 to 69, 'in his early 70s' -> 70 to 73, 'mid-30s' -> 34 to 36,
    'late 20s' -> 27 to 29: a range of years of age, read with the owner's word."""
    i, j = draft.num_first, draft.num_last
    value = draft.value
    if value is None or value % 10 or not 10 <= value <= 110:
        return False
    if j >= len(tokens) or tokens[j].lower != "s" or tokens[j].start != tokens[j - 1].end:
        return False
    words = figure_words()
    first = i - 1
    if first >= 0 and tokens[first].text in "-‐" and tokens[first].end == tokens[i].start:
        first -= 1  # 'mid-30s'
    part = tokens[first].lower if first >= 0 else ""
    low, high = value, value + 9
    if part in words.decade_parts:
        low, high = decade_part(value, part)
        first -= 1
    else:
        first = i - 1
    if first < 0 or tokens[first].lower not in words.decade_owners:
        return False
    start = first + 1
    draft.first, draft.start = start, tokens[start].start
    draft.last, draft.end = j + 1, tokens[j].end
    draft.value, draft.low, draft.high, draft.bound = None, low, high, "range"
    set_age(draft)
    return True


def decade_part(value: float, part: str) -> tuple[float, float]:
    """The years of a decade that 'early', 'mid' and 'late' name."""
    offsets = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
    low, high = offsets.get(part, (0, 9))
    return value + low, value + high
