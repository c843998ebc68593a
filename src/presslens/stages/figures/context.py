"""What a figure means in its sentence: the counted noun, the concept, the period, and a unit
carried over from an earlier figure ("264 billion Euros ... 282 billion" -> EUR, inferred).

The counted noun and the concept read the spaCy parse when there is one; without a parse the
counted noun falls back to the next word and the concept stays empty.
"""

from __future__ import annotations

import bisect
import re

from spacy.attrs import IDX
from spacy.tokens import Doc
from spacy.tokens import Token as SpacyToken

from presslens.stages.figures.cues import cues
from presslens.stages.figures.draft import Draft
from presslens.stages.figures.lexicon import figure_words
from presslens.stages.figures.tokens import Token
from presslens.stages.figures.units import rate_after, tables

NOUNS = ("NOUN", "PROPN")
PHRASE_DEPS = ("amod", "compound", "nmod", "npadvmod", "nummod", "poss")
SUBJECTS = ("nsubj", "nsubjpass")
NO_CONCEPT_KINDS = ("date", "time", "ordinal", "label")
LEADING_PREPOSITION = re.compile(r"^(?:in|during|for|of)\s+", re.IGNORECASE)


class Parse:
    """A spaCy Doc with a character-offset index; `base` is where the doc's text starts."""

    def __init__(self, doc: Doc, base: int = 0) -> None:
        self.doc = doc
        self.base = base
        self.starts = doc.to_array(IDX).tolist()  # no Token objects built: this is per token

    def token_at(self, char: int) -> SpacyToken | None:
        """The spaCy token that covers character `char` of the figures' text."""
        position = char - self.base
        k = bisect.bisect_right(self.starts, position) - 1
        if k < 0:
            return None
        token = self.doc[k]
        return token if position < token.idx + len(token.text) else None


def add_counted(tokens: list[Token], drafts: list[Draft], parse: Parse | None) -> None:
    """Counts take the noun they count as unit and concept ('3000 children' -> child)."""
    for draft in drafts:
        if draft.unit is not None or draft.kind not in ("count", "ratio"):
            continue
        found = counted_from_parse(tokens, draft, parse) if parse else None
        if found is not None and len(found) > 2 and crosses_figure(drafts, draft, found[2]):
            found = None  # "four in 10 — 38 percent": the noun belongs to the next figure
        if found is None and (parse is None or next_is_noun(tokens, draft, parse)):
            found = counted_from_words(tokens, draft)
        if found is not None and draft.kind == "ratio" and draft.value is not None:
            if tokens[draft.num_last].lower == "of" if draft.num_last < len(tokens) else False:
                draft.concept = found[1]  # "one-third of its size": what it is a part of
                continue
        if found is not None:
            draft.counted, draft.concept = found[0], found[1]
            if len(found) > 2 and found[2] > draft.end:
                draft.end = found[2]  # "3000 children": the counted noun is part of the figure
                counted_rate(tokens, draft)


def crosses_figure(drafts: list[Draft], draft: Draft, end: int) -> bool:
    return any(draft.end <= other.start < end for other in drafts if other is not draft)


def counted_rate(tokens: list[Token], draft: Draft) -> None:
    """'3000 tests per day' -> test/day."""
    j = next((k for k in range(draft.last, len(tokens)) if tokens[k].start >= draft.end), None)
    if j is None or draft.counted is None:
        return
    rate = rate_after(tokens, j)
    if rate is not None:
        denominator, end = rate
        known = tables().by_code.get(denominator)
        draft.counted = f"{draft.counted} per {known.name if known else denominator}"
        draft.kind = "rate"
        draft.end = tokens[end - 1].end
        draft.last = end


def carry_counted(drafts: list[Draft], sentences: list[tuple[int, int]]) -> None:
    """'50,000 casualties, nearly 14,000 of whom': a bare part of a count counts the same."""
    for index, draft in enumerate(drafts):
        if draft.unit is not None or draft.counted or draft.kind != "count" or draft.value is None:
            continue
        here = sentence_index(draft.start, sentences)
        for other in reversed(drafts[:index]):
            if sentence_index(other.start, sentences) != here:
                break
            if other.kind == "count" and other.counted and other.value is not None:
                if draft.value <= other.value and not other.unit_inferred:
                    draft.counted, draft.unit_inferred = other.counted, True
                break


def next_is_noun(tokens: list[Token], draft: Draft, parse: Parse) -> bool:
    if draft.last >= len(tokens):
        return False
    token = parse.token_at(tokens[draft.last].start)
    return token is not None and token.pos_ in NOUNS


def drop_bare_ones(tokens: list[Token], drafts: list[Draft]) -> list[Draft]:
    """'One based on ...', 'the one': a lone 'one' with nothing counted is a pronoun."""
    kept = []
    for draft in drafts:
        text = " ".join(t.lower for t in tokens[draft.num_first : draft.num_last])
        if text == "one" and draft.unit is None and draft.counted is None and draft.kind == "count":
            continue
        if text == "one" and draft.kind == "count" and picks_from_group(tokens, draft.num_last):
            continue  # "one of the great speeches": a pick, not a count of one
        before = tokens[draft.num_first - 1].lower if draft.num_first > 0 else ""
        if (
            text == "one"
            and before == "at"
            and draft.unit is not None
            and draft.unit.unit == "point"
        ):
            continue  # "at one point" is a time, not a figure
        kept.append(draft)
    return kept


def picks_from_group(tokens: list[Token], j: int) -> bool:
    """'of the', 'of his', 'of Russia's' after 'one' (not 'of three', 'of 12')."""
    if j + 1 >= len(tokens) or tokens[j].lower != "of":
        return False
    if tokens[j + 1].lower in figure_words().selection_heads:
        return True
    for k in range(j + 1, min(j + 6, len(tokens) - 1)):  # "of baseball's", "of Mr. Trump's"
        if tokens[k].kind == "num":
            return False
        if tokens[k].text in ("'", "’") and tokens[k + 1].lower == "s" and k > j + 1:
            return tokens[k + 1].start == tokens[k].end
    return False


def counted_from_parse(
    tokens: list[Token], draft: Draft, parse: Parse
) -> tuple[str, str] | tuple[str, str, int] | None:
    number = parse.token_at(tokens[draft.num_last - 1].end - 1)
    if number is None:
        return None
    after = tokens[draft.num_last].lower if draft.num_last < len(tokens) else ""
    if after == "of":
        return noun_after_of(number)
    head = number.head
    while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in NOUNS:
        head = head.head
    if head.i <= number.i or head.pos_ not in NOUNS or head.i - number.i > 5:
        return None
    if number.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod", "appos"):
        return None
    words = [t for t in parse.doc[number.i + 1 : head.i + 1] if keep_in_phrase(t)]
    if any(t.pos_ not in PHRASE_POS for t in words) or not joined_modifiers(words):
        words = [head]
    end = parse.base + head.idx + len(head.text)
    return unit_phrase(words), parse.doc[words[0].i : head.i + 1].text, end


PHRASE_POS = ("ADJ", "NOUN", "PROPN", "VERB", "NUM", "ADV", "PUNCT", "CCONJ")


def joined_modifiers(words: list[SpacyToken]) -> bool:
    """'Kia and Hyundai vehicles', 'digital and physical sales': a conjunction inside the
    phrase joins two modifiers of the counted noun; one at its edge does not."""
    return all(0 < k < len(words) - 2 for k, token in enumerate(words) if token.pos_ == "CCONJ")


def keep_in_phrase(token: SpacyToken) -> bool:
    """Determiners and punctuation leave a counted phrase; a hyphen inside a word stays."""
    if token.pos_ == "DET":
        return False
    return token.pos_ != "PUNCT" or (token.text == "-" and not token.whitespace_)


def noun_after_of(number: SpacyToken) -> tuple[str, str] | None:
    """'thousands of job cuts', 'one of the best wireless speakers'."""
    for child in number.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in NOUNS]
            if objects:
                head = objects[0]
                words = noun_phrase(head, deps=("amod", "compound"))
                return unit_phrase(words), head.doc[words[0].i : head.i + 1].text
    return None


def unit_phrase(words: list[SpacyToken]) -> str:
    """The counted phrase lemmatised, without participles and codes ('recorded songs' -> song)."""
    skip = cues().counted_skip
    kept = [
        t
        for t in words[:-1]
        if t.lower_ not in skip
        and t.pos_ not in ("VERB", "ADV", "CCONJ")
        and not (t.pos_ == "PUNCT" and t.text != "-")
        and not any(c.isdigit() for c in t.text)
    ] + words[-1:]
    while kept and kept[0].text == "-":
        kept = kept[1:]
    text = "".join(t.lemma_.lower() + (t.whitespace_ and " ") for t in kept[:-1])
    return (text + singular(kept[-1])).replace(" - ", "-").strip()


def singular(token: SpacyToken) -> str:
    """The lemma of the counted noun; plural proper nouns and nouns the lemmatiser leaves alone
    ('Americans', 'World Cups', 'innings') lose their plural -s."""
    lemma = token.lemma_.lower()
    if token.tag_ not in ("NNS", "NNPS") or lemma != token.lower_ or len(lemma) < 4:
        return lemma
    if lemma.endswith("ies"):
        return lemma[:-3] + "y"
    if lemma.endswith("s") and not lemma.endswith(("ss", "us", "is")):
        return lemma[:-1]
    return lemma


def counted_from_words(tokens: list[Token], draft: Draft) -> tuple[str, str] | None:
    j = draft.last
    if j >= len(tokens) or tokens[j].kind != "word":
        return None
    word = tokens[j].text
    if word.lower() in cues().counted_stop or not word.isalpha() or len(word) < 2:
        return None
    if word[0].isupper() and word.lower() not in ("americans",):
        return None
    lemma = word.lower()
    if lemma.endswith("ies") and len(lemma) > 4:
        lemma = lemma[:-3] + "y"
    elif lemma.endswith("s") and not lemma.endswith("ss"):
        lemma = lemma[:-1]
    return lemma, word


def noun_phrase(head: SpacyToken, deps: tuple[str, ...] = PHRASE_DEPS) -> list[SpacyToken]:
    """The head noun with its adjectives and compounds on the left ('pre-war population')."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in ("punct", "cc") and child.i == start - 1 and child.text in (",", "and"):
            start = child.i  # "small, friendly deals", "Kia and Hyundai vehicles"
            continue
        if child.dep_ not in deps or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    while start < head.i and head.doc[start].dep_ in ("punct", "cc"):
        start += 1  # a conjunction with nothing on its left is not part of the phrase
    return [t for t in head.doc[start : head.i + 1] if keep_in_phrase(t) and t.pos_ != "PRON"]


def add_concepts(tokens: list[Token], drafts: list[Draft], parse: Parse | None) -> None:
    """The noun phrase a figure measures ('average speed', 'new vehicle sales')."""
    if parse is None:
        return
    for draft in drafts:
        if draft.concept or draft.kind in NO_CONCEPT_KINDS:
            continue
        try:
            draft.concept = concept_of(tokens, draft, parse)
        except (IndexError, ValueError):
            draft.concept = None


def concept_of(tokens: list[Token], draft: Draft, parse: Parse) -> str | None:
    start, end = draft.start, draft.end
    token = parse.token_at(tokens[draft.num_last - 1].end - 1)
    if token is None:
        return None
    base = parse.base
    span = (start - base, end - base)
    while token.head.i != token.i and start <= token.head.idx + base < end:
        token = token.head
    if draft.kind in ("percent", "ratio", "count"):
        of_object = object_of(token)
        if of_object is not None:
            return phrase_text(of_object, span)
    for _ in range(6):
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in NOUNS:
            return phrase_text(head.head, span)
        if token.dep_ in ("nummod", "appos", "compound") and head.pos_ in NOUNS:
            return phrase_text(head, span)
        if head.pos_ in ("VERB", "AUX"):
            return subject_of(head, span)
        token = head
    return None


def object_of(token: SpacyToken) -> SpacyToken | None:
    """'40% of Russian speakers' -> speakers."""
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.pos_ in NOUNS:
                    return grandchild
    return None


def subject_of(verb: SpacyToken, span: tuple[int, int]) -> str | None:
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in SUBJECTS and child.pos_ in NOUNS and not within(child, span):
                return phrase_text(child, span)
        if verb.dep_ in ("conj", "xcomp", "advcl", "relcl") and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
            continue
        if verb.dep_ == "relcl" and verb.head.pos_ in NOUNS:
            return phrase_text(verb.head, span)
        return None
    return None


def within(token: SpacyToken, span: tuple[int, int]) -> bool:
    return span[0] <= token.idx < span[1]


def phrase_text(head: SpacyToken, span: tuple[int, int]) -> str | None:
    """The noun phrase of head as written, without the figure's own words ('trade deficit')."""
    if within(head, span):
        return None
    first = head.i
    for token in reversed(noun_phrase(head)[:-1]):
        overlaps = token.idx < span[1] and span[0] < token.idx + len(token.text)
        if token.i != first - 1 or overlaps or token.text in "()[]":
            break
        first = token.i
    text = head.doc[first : head.i + 1].text
    if any(ch.isdigit() or ch == "%" for ch in text):
        return None  # another figure, not what this one measures
    return text if len(text) <= 80 else head.text


def add_periods(text: str, drafts: list[Draft], sentences: list[tuple[int, int]]) -> None:
    """Each figure takes the nearest time expression of its sentence ('in 2021')."""
    by_sentence: dict[int, list[Draft]] = {}
    starts = [s for s, _ in sentences]
    for draft in drafts:  # one pass, not one per sentence: articles have hundreds of sentences
        if draft.kind not in NO_CONCEPT_KINDS:
            k = bisect.bisect_right(starts, draft.start) - 1
            if k >= 0 and draft.start < sentences[k][1]:
                by_sentence.setdefault(k, []).append(draft)
    for k, inside in by_sentence.items():
        start, end = sentences[k]
        periods = period_spans(text, start, end)
        for draft in inside:
            best = nearest_period(text, draft, periods)
            if best is not None:
                draft.period = LEADING_PREPOSITION.sub("", text[best[0] : best[1]]).strip()


def period_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    sentence = text[start:end]
    found: list[tuple[int, int]] = []
    for pattern in cues().periods:
        for match in pattern.finditer(sentence):
            span = (start + match.start(), start + match.end())
            if not any(a <= span[0] and span[1] <= b for a, b in found):
                found = [f for f in found if not (span[0] <= f[0] and f[1] <= span[1])]
                found.append(span)
    return sorted(found)


def nearest_period(
    text: str, draft: Draft, periods: list[tuple[int, int]]
) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    best_gap = 10**9
    for start, end in periods:
        if start < draft.end and draft.start < end:
            if start <= draft.start and draft.end <= end:
                return None  # "over the three years of war": the figure is itself a period
            continue
        gap = start - draft.end if start >= draft.end else draft.start - end
        gap = gap if start >= draft.end else gap + 5  # prefer what follows ("fell 8% in 2025")
        between = text[draft.end : start] if start >= draft.end else text[end : draft.start]
        if any(mark in between for mark in ",;:(—–"):
            gap += 60  # a clause boundary lies between
        if gap < best_gap:
            best, best_gap = (start, end), gap
    return best if best_gap <= 200 else None


def carry_units(tokens: list[Token], drafts: list[Draft], sentences: list[tuple[int, int]]) -> None:
    """A bare number continuing a figure takes its unit, marked inferred: money when scaled
    ('264 billion Euros ... 282 billion'), percent when both are changes, a dimension when the
    bare number is a range in the same sentence."""
    sentence_of = {id(d): sentence_index(d.start, sentences) for d in drafts}
    for index, draft in enumerate(drafts):
        if draft.unit is not None or draft.counted or draft.kind != "count":
            continue
        source = carry_source(drafts, index, sentence_of)
        if source is None or source.unit is None:
            continue
        if source.unit.kind == "money" and not draft.scaled:
            continue
        if source.unit.kind == "percent" and not (draft.change and source.change):
            continue
        if source.unit.kind == "percent" and (draft.high or draft.value or 0) >= PERCENT_CEILING:
            continue  # "jobs rose from 7,000 to 9,000": thousands are counted, not percents
        if is_conversion(tokens, draft) or is_partitive(tokens, draft):
            continue
        if source.unit.kind in ("quantity", "temperature", "rate"):
            if draft.bound != "range" or sentence_of[id(source)] != sentence_of[id(draft)]:
                continue  # "113 gigapascals ... between 70 and 100"
        draft.unit, draft.kind, draft.unit_inferred = source.unit, source.kind, True


PERCENT_CEILING = 1000  # a bare number this large is never a carried percent

CARRIED_KINDS = ("money", "percent", "quantity", "temperature", "rate")


def carry_source(drafts: list[Draft], index: int, sentence_of: dict[int, int]) -> Draft | None:
    here = sentence_of[id(drafts[index])]
    for k in range(index - 1, -1, -1):
        other = drafts[k]
        if here - sentence_of[id(other)] > 1:
            return None
        if other.unit is not None and other.unit.kind in CARRIED_KINDS:
            return other
    return None


def is_partitive(tokens: list[Token], draft: Draft) -> bool:
    """'thousands of small deals': a number followed by 'of' and a noun counts that noun."""
    j = draft.last
    if j + 1 >= len(tokens) or tokens[j].lower != "of":
        return False
    # after "of", a reference back to an amount ("$2 billion ... 100 million of it") is no noun
    references = figure_words().of_references
    return tokens[j + 1].kind == "word" and tokens[j + 1].lower not in references


def is_conversion(tokens: list[Token], draft: Draft) -> bool:
    """'1.356 billion ($1.762bn)': the bracket converts a figure in another currency."""
    j = draft.last
    if j + 1 < len(tokens) and tokens[j].text == "(":
        nxt = tokens[j + 1]
        return (nxt.text,) in tables().before or nxt.kind == "sym"
    return False


def sentence_index(char: int, sentences: list[tuple[int, int]]) -> int:
    return max(bisect.bisect_right(sentence_starts(sentences), char) - 1, 0)


_STARTS: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}


def sentence_starts(sentences: list[tuple[int, int]]) -> list[int]:
    """The start offsets of `sentences`, built once per list (it is asked once per figure)."""
    cached = _STARTS.get(id(sentences))
    if cached is None or cached[0] is not sentences:
        _STARTS.clear()  # one list alive at a time: the text being read
        cached = (sentences, [s for s, _ in sentences])
        _STARTS[id(sentences)] = cached
    return cached[1]
