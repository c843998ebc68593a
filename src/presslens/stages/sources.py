"""Sources that claims lean on: organisations, people, polls, media, documents. (Issue 5.)

A source is the party that asserts what a sentence reports, never merely the sentence's
grammatical subject ("The State Department had asked the FBI to ..." asserts nothing: the
article's author does). It is cited in one of five ways:
  "According to ISW: ..."                         the object of "according to"
  "The CREA reports that ...", "polls show ..."   the subject of a reporting verb with a clause
                                                  (a poll, report or medium: with any content)
  "... in a new Quinnipiac poll", "a survey by Gallup"
                                                  a poll or report with a named author
  "... it has been revealed that ..."             a passive report with no one named (unknown)
  a quotation with a speaker                      the speaker (from the quotes stage), when the
                                                  quote asserts: quoted words, or a reported
                                                  finite clause ("X said the bridge would open");
                                                  not a request or intention ("X asked Y to ...",
                                                  "X wants to ..."), a stance toward a thing ("X
                                                  backs Y"), a question or negated speech
"it says ..." right after a cited organisation or document is that same source again.
Each source is typed from its words and its actor (resources/sources_cues.json) and keeps the
spans of all its citations in `mentions`, so that the claims stage can link sentences to it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import LOWER, POS
from spacy.strings import get_string_id
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Token

from presslens import nlp
from presslens.model import Actor, Article, Quote, Source, Span
from presslens.resources import read_json
from presslens.stages.entities import actor_at

KIND_ORDER = ("poll", "document", "media", "organisation", "person")
STOP_TOKEN = {",", ":", ";", ".", "“", "”", '"', "–", "—", "―", "(", ")", "!", "?"}
LEADING = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.I)
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
PASSIVE = re.compile(
    r"\bit\s+(?:has|had|is|was|have)\s+(?:been\s+|now\s+been\s+)?(?:\w+ly\s+)?(\w+ed|said|found|"
    r"understood|known|shown)\b",
    re.I,
)
PRONOUN_SUBJECTS = {"it", "they"}
PERSON_PRONOUNS = {"i", "we", "you", "he", "she", "me", "us"}
MAX_NAME_TOKENS = 12
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}  # a verb that asserts something happened or holds
QUESTION_WORDS = {"whether", "if", "why", "how", "when", "where", "who", "what"}
EVIDENCE_KINDS = ("poll", "document", "media")  # subjects that report with any content
AGENT_PREPOSITIONS = {"by", "from"}  # "a survey by Gallup" ("a study of Medicare": a topic)
ACTOR_KINDS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "organisation",
    "NORP": "organisation",
}


@dataclass(frozen=True, slots=True)
class Cues:
    verbs: frozenset[str]
    passive: frozenset[str]
    kinds: dict[str, tuple[str, ...]]
    media_names: frozenset[str]
    evidence: frozenset[str]


@functools.cache
def cues() -> Cues:
    data = read_json("sources_cues.json")
    kinds = {kind: tuple(words) for kind, words in data["kinds"].items()}
    return Cues(
        frozenset(data["verbs"]),
        frozenset(data["passive"]),
        kinds,
        frozenset(data["media_names"]),
        frozenset(data["evidence"]),
    )


@dataclass(frozen=True, slots=True)
class Citation:
    name: str
    kind: str
    span: Span
    actor_id: str | None = None


# "according to three sources who spoke ...": the relative word opens what follows the name
TRAILING_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that)$", re.IGNORECASE)


def clean_name(text: str) -> str:
    """ "The CREA" -> "CREA", "Trump's" -> "Trump", "three sources who" -> "three sources";
    whitespace collapsed."""
    name = " ".join(text.split())
    name = LEADING.sub("", name)
    name = TRAILING_RELATIVE.sub("", name)
    return POSSESSIVE.sub("", name).strip(" ,:;")


@functools.cache
def kind_pattern(kind: str) -> re.Pattern[str]:
    """One regex per source kind matching any of its cue words as whole words."""
    words = sorted(cues().kinds[kind], key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")  # matches nothing
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)")


def has_kind_word(lowered: str, kind: str) -> bool:
    return kind_pattern(kind).search(lowered) is not None


def kind_of(name: str, actor: Actor | None) -> str:
    """Type a cited name by its head ("Director of the X Council" is a person), then whole."""
    head = re.split(r"\s+(?:of|for|at|from|by|in|on)\s+", name, maxsplit=1)[0]
    if head != name and (kind := kind_of_words(head, None)) != "unknown":
        return kind
    return kind_of_words(name, actor)


def kind_of_words(name: str, actor: Actor | None) -> str:
    """Type a cited name from its words first (a poll of a firm is a poll), then its actor."""
    lowered = name.casefold()
    rule = cues()
    for kind in KIND_ORDER[:2]:
        if has_kind_word(lowered, kind):
            return kind
    if lowered in rule.media_names or LEADING.sub("", lowered) in rule.media_names:
        return "media"
    if has_kind_word(lowered, "media"):
        return "media"
    if actor is not None and actor.type in ACTOR_KINDS:
        return ACTOR_KINDS[actor.type]
    for kind in KIND_ORDER[3:]:
        if has_kind_word(lowered, kind):
            return kind
    if re.fullmatch(r"[A-Z][A-Z&.-]{1,9}", name):
        return "organisation"  # a bare acronym such as ISW or CREA
    return "unknown"


def widen(span: Span, actor: Actor) -> Span:
    """The span grown to cover the actor's mentions that it cuts ("The Institute" + " for X")."""
    start, end = span.start, span.end
    for mention in actor.mentions:
        if mention.overlaps(span):
            start, end = min(start, mention.start), max(end, mention.end)
    return Span(start, end)


def citation(article: Article, span: Span, actors: tuple[Actor, ...]) -> Citation | None:
    actor = actor_at(actors, span)
    if actor is not None:
        span = widen(span, actor)
    name = clean_name(span.of(article.text))
    if not name or name.casefold() in PERSON_PRONOUNS | PRONOUN_SUBJECTS:
        return None
    return Citation(name, kind_of(name, actor), span, actor.id if actor else None)


def phrase_after(doc: Doc, start: int) -> Span | None:
    """Tokens from `start` up to punctuation or a verb: the object of "according to"."""
    tokens: list[Token] = []
    for token in doc[start : start + MAX_NAME_TOKENS]:
        if token.text in STOP_TOKEN or token.pos_ in ("VERB", "AUX") or "\n" in token.text:
            break
        tokens.append(token)
    if not tokens:
        return None
    return Span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


def according_to(doc: Doc) -> list[tuple[Span, int]]:
    found = []
    lower = doc.to_array([LOWER]).reshape(len(doc))
    to = get_string_id("to")
    for i in np.flatnonzero(lower[:-2] == get_string_id("according")).tolist():
        if lower[i + 1] == to:
            span = phrase_after(doc, i + 2)
            if span:
                found.append((span, i))
    return found


def tagged(doc: Doc, pos: int, lower: Iterable[str] | None = None) -> list[int]:
    """The tokens of this part of speech (and of one of these lower-case forms), in order, read
    as arrays: a walk over every Token of an article costs more than the rules run on the few
    that pass."""
    table = doc.to_array([POS, LOWER]).reshape(len(doc), 2)
    passing = table[:, 0] == pos
    if lower is not None:
        forms = np.array([get_string_id(word) for word in lower], dtype=np.uint64)
        passing &= np.isin(table[:, 1], forms)
    return np.flatnonzero(passing).tolist()


def subject_phrase(subject: Token) -> Span:
    """The subject's noun phrase: its determiners, modifiers and compounds, not its clauses."""
    keep = [t for t in subject.lefts if t.dep_ in ("det", "amod", "compound", "nummod", "poss")]
    first = keep[0] if keep else subject
    left = min(first.left_edge.i, subject.i) if keep else subject.i
    tokens = [t for t in subject.doc[left : subject.i + 1] if t.text not in STOP_TOKEN]
    start = tokens[0] if tokens else subject
    end = subject
    for right in subject.rights:
        if right.dep_ == "appos" and subject.pos_ != "PROPN" and right.pos_ == "PROPN":
            # "Putin's ideology advisor, Alexandr Dugin": the name, not the role
            return Span(right.left_edge.idx, right.idx + len(right.text))
        if right.dep_ == "compound":
            end = right
    return Span(start.idx, end.idx + len(end.text))


def reporting_subjects(doc: Doc) -> list[tuple[Span, int, bool]]:
    """(subject span, verb index, is a pronoun) for subjects of reporting verbs that report:
    with a clause ("X found that ...", "..., X said"), or a poll, report or medium whatever
    follows ("polls show Clinton ahead"); "X wrote a check", "X found ways to ..." cite
    nothing."""
    verbs = cues().verbs
    found = []
    for i in tagged(doc, VERB):
        token = doc[i]
        if token.lemma_.lower() not in verbs or is_negated(token):
            continue
        for child in token.children:
            if child.dep_ != "nsubj":
                continue
            lowered = child.lower_
            if lowered in PERSON_PRONOUNS or child.tag_ in ("WDT", "WP"):
                continue
            if not (reports_clause(token) or is_evidence(child)):
                continue
            found.append((subject_phrase(child), token.i, lowered in PRONOUN_SUBJECTS))
    return found


def is_negated(verb: Token) -> bool:
    return any(child.dep_ == "neg" for child in verb.children)


def is_finite(tokens: Iterable[Token]) -> bool:
    """A clause that states something: a finite verb, or a verb with its own subject ("that
    support hurt the party", where the tagger may read "hurt" as a participle)."""
    return any(token.tag_ in FINITE_TAGS or has_subject(token) for token in tokens)


def has_subject(verb: Token) -> bool:
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ == "VBG":
        return False
    children = list(verb.children)
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in children) and not any(
        c.tag_ == "TO" for c in children
    )


def reports_clause(verb: Token) -> bool:
    """A finite clause hangs on the verb ("says that wages fell", "wages fell, the IFS says"),
    or the verb interrupts or follows one ("wages fell, Smith said, ..." parsed the other way)."""
    if any(child.dep_ == "ccomp" and is_finite(child.subtree) for child in verb.children):
        return True
    head = verb.head
    between = verb.doc[min(head.i, verb.i) + 1 : max(head.i, verb.i)]
    if head.i == verb.i or not any(token.is_punct for token in between):
        return False
    if verb.dep_ == "parataxis":
        return True  # "The hashtag, Mr. Abboud said, accompanied ...": a parenthetical
    return verb.dep_ in ("ccomp", "conj", "advcl") and head.i < verb.i and head.tag_ in FINITE_TAGS


def is_evidence(noun: Token) -> bool:
    """A poll, report or medium by its own words ("recent poll", "the Guardian")."""
    words = clean_name(subject_phrase(noun).of(nlp.text_of(noun.doc)))
    return kind_of_words(words, None) in EVIDENCE_KINDS


def cited_evidence(doc: Doc) -> list[Span]:
    """Polls and reports with a named author cited in passing: "in a new Quinnipiac poll",
    "a survey by Gallup", "a report from the Brookings Institution"."""
    found = []
    # a common noun: "Pew Research", "Drudge Report" are names, read elsewhere
    for i in tagged(doc, NOUN, cues().evidence):
        token = doc[i]
        if token.dep_ in ("nsubj", "nsubjpass") or is_according_object(token):
            continue  # the reporting-verb and "according to" rules read these
        author = named_author(token)
        if author is None:
            continue
        start = min(
            (t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod", "nummod")),
            key=lambda t: t.i,
            default=token,
        )
        end = max(author.i, token.i)
        last = doc[end]
        found.append(Span(start.left_edge.idx, last.idx + len(last.text)))
    return found


def named_author(noun: Token) -> Token | None:
    """The last token of the name that authored a poll or report, if one is named."""
    for child in noun.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN" and child.i < noun.i:
            return child
        if child.dep_ == "prep" and child.lower_ in AGENT_PREPOSITIONS:
            names = [c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if names:
                return max(names[0].subtree, key=lambda t: t.i if t.dep_ != "punct" else -1)
    return None


def is_according_object(noun: Token) -> bool:
    head = noun.head
    return head.lower_ == "to" and head.head.lower_ == "according"


def passive_reports(article: Article, doc: Doc) -> list[Span]:
    passive = cues().passive
    found = []
    for match in PASSIVE.finditer(article.text):
        verb = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if verb is not None and verb.root.lemma_.lower() in passive:
            found.append(Span(match.start(), match.end()))
    return found


def speaker_citations(
    quotes: tuple[Quote, ...], actors: tuple[Actor, ...], doc: Doc | None = None
) -> list[Citation]:
    by_id = {actor.id: actor for actor in actors}
    found = []
    for quote in quotes:
        if quote.speaker_span is None or not quote.speaker:
            continue
        actor = by_id.get(quote.speaker_actor_id or "")
        if actor is not None and actor.type == "NORP":
            continue  # "many Ukrainians": a group's view, not a source to check
        name = actor.name if actor else clean_name(quote.speaker)
        kind = kind_of(name if actor else quote.speaker, actor)
        if doc is not None and not asserts(quote, doc, any_content=kind in EVIDENCE_KINDS):
            continue  # "X asked Y to ...", "X wants to ...", "X backs Y": nothing asserted
        if actor is None and kind == "unknown":
            continue  # "he", "critics": too vague to list as a source
        found.append(Citation(name, kind, quote.speaker_span, actor.id if actor else None))
    return found


def asserts(quote: Quote, doc: Doc, *, any_content: bool = False) -> bool:
    """Whether a quote reports something asserted: quoted words always; reported speech when
    its content is a finite clause (any content for a poll or report: "polls show Clinton
    ahead") under a cue that is not negated."""
    if quote.kind != "indirect":
        return True
    cue = doc.char_span(*span_of(quote.cue_span), alignment_mode="expand")
    if cue is not None and len(cue) and any(is_negated(token) for token in cue):
        return False
    content = doc.char_span(quote.span.start, quote.span.end, alignment_mode="expand")
    if content is None or not len(content):
        return False
    first = content[0]
    if first.tag_ == "TO" or first.lower_ in QUESTION_WORDS:
        return False  # "to review the emails", "whether the plan works"
    return any_content or is_finite(content)


def span_of(span: Span | None) -> tuple[int, int]:
    return (span.start, span.end) if span is not None else (0, 0)


def sentence_index(sentences: tuple[Span, ...], offset: int) -> int:
    for number, sentence in enumerate(sentences):
        if sentence.start <= offset < sentence.end:
            return number
    return -1


def resolve_pronoun(
    span: Span, sentences: tuple[Span, ...], earlier: list[Citation]
) -> Citation | None:
    """ "it says ..." within two sentences of a cited organisation, document, poll or medium."""
    here = sentence_index(sentences, span.start)
    for previous in reversed(earlier):
        if previous.span.start >= span.start or previous.kind == "person":
            continue
        if 0 <= here - sentence_index(sentences, previous.span.start) <= 2:
            return Citation(previous.name, previous.kind, span, previous.actor_id)
        return None
    return None


def collect(
    article: Article,
    doc: Doc,
    sentences: tuple[Span, ...],
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...],
) -> list[Citation]:
    """Every citation in text order."""
    found: list[Citation] = []
    for span, _ in according_to(doc):
        if (item := citation(article, span, actors)) is not None:
            found.append(item)
    pronouns: list[Span] = []
    for span, _, is_pronoun in reporting_subjects(doc):
        if is_pronoun:
            pronouns.append(span)
        elif (item := citation(article, span, actors)) is not None and item.kind != "unknown":
            found.append(item)
    for span in cited_evidence(doc):
        if (item := citation(article, span, actors)) is not None and item.kind != "unknown":
            found.append(item)
    for span in passive_reports(article, doc):
        found.append(Citation(span.of(article.text), "unknown", span))
    found.extend(speaker_citations(quotes, actors, doc))
    found.sort(key=lambda item: item.span.start)
    for span in pronouns:
        if (item := resolve_pronoun(span, sentences, found)) is not None:
            found.append(item)
    found.sort(key=lambda item: item.span.start)
    return found


def group_key(item: Citation) -> str:
    if item.actor_id:
        return item.actor_id
    return item.name.casefold() if item.kind != "unknown" else f"unknown:{item.span.start}"


def find_sources(
    article: Article,
    doc: Doc,
    sentences: tuple[Span, ...],
    actors: tuple[Actor, ...],
    quotes: tuple[Quote, ...],
) -> tuple[Source, ...]:
    """Cited sources in order of first citation; `claim_ids` are filled by the claims stage."""
    groups: dict[str, list[Citation]] = {}
    kept: list[Span] = []
    # longest first at each place, so that "the Director of the X Council" beats "Director"
    found = collect(article, doc, sentences, actors, quotes)
    for item in sorted(found, key=lambda c: (c.span.start, -len(c.span))):
        if any(item.span.overlaps(span) for span in kept):
            continue  # the same words found by two rules
        kept.append(item.span)
        groups.setdefault(group_key(item), []).append(item)
    sources = []
    for number, items in enumerate(groups.values(), start=1):
        first = items[0]
        kind = next((c.kind for c in items if c.kind != "unknown"), "unknown")
        sources.append(
            Source(
                id=f"s{number}",
                name=first.name,
                kind=kind,
                span=first.span,
                actor_id=first.actor_id,
                mentions=tuple(item.span for item in items),
            )
        )
    return tuple(sources)
