"""Speakers: the noun phrase that says something, from the dependency parse, and who it is.

A speaker is the subject of the cue verb, the object of "according to", or the possessor or
"by"-agent of a reporting noun. Its span is the phrase without relative clauses ("Dugin, whose
philosophy ..." -> "Dugin"). Pronouns are resolved to the nearest compatible earlier speaker or
sentence subject; the actor is linked by the phrase's head, so "the Director of the Minsk
Dialogue Council" is not mistaken for the council.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Sentence  # a spaCy span: here always a sentence

from presslens.model import Actor, Span
from presslens.stages.entities import actor_at

SUBJECTS = ("nsubj", "csubj")
CUT_DEPS = {"relcl", "acl", "advcl", "parataxis", "ccomp", "xcomp"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "i", "we", "you"}
THING_PRONOUNS = {"it", "they", "them"}
PERSON_TYPES = {"PERSON"}
THING_TYPES = {"ORG", "GPE", "NORP"}
RELATIVE = {"who", "that", "which"}
NOT_SPEAKERS = {"that", "which", "this", "there", "what", "who", "these", "those", "one"}


@dataclass(frozen=True, slots=True)
class Speaker:
    span: Span
    head: int  # token index of the phrase's head
    name: str  # surface, or the resolved name for a pronoun
    actor_id: str | None
    pronoun: bool = False


def subject_of(verb: Token) -> Token | None:
    """The subject of a cue verb, borrowed from the verb it hangs on when it has none."""
    current = verb
    for _ in range(3):
        for child in current.children:
            if child.dep_ in SUBJECTS:
                if child.lower_ in RELATIVE and current.dep_ == "relcl":
                    return current.head  # "voters who say ..." -> voters
                return child
        if (
            current.dep_ in ("conj", "xcomp", "advcl", "acl", "pcomp")
            and current.head is not current
        ):
            if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return current.head if current.head.pos_ == "PROPN" else None
            current = current.head
            continue
        return None
    return None


def phrase_tokens(head: Token) -> list[Token]:
    """The head with its modifiers, cutting relative clauses and other clausal attachments."""
    keep = {head.i}
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in CUT_DEPS:
                continue
            keep.add(child.i)
            stack.append(child)
    doc = head.doc
    first = last = head.i
    while first - 1 in keep:
        first -= 1
    while last + 1 in keep:
        last += 1
    run = list(doc[first : last + 1])
    while run and (run[-1].is_punct or run[-1].dep_ == "case"):
        run.pop()
    while run and run[0].is_punct:
        run.pop(0)
    return run or [head]


def name_head(head: Token) -> Token:
    """The token that names the speaker: an apposed proper name beats a common-noun head."""
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return child
    return head


def actor_for(actors: tuple[Actor, ...], token: Token) -> Actor | None:
    span = Span(token.idx, token.idx + len(token.text))
    return actor_at(actors, span)


def make_speaker(text: str, head: Token, actors: tuple[Actor, ...]) -> Speaker | None:
    if head.lower_ in NOT_SPEAKERS or head.pos_ in ("VERB", "AUX"):
        return None
    run = phrase_tokens(head)
    if any(t.lower_ == "whose" for t in run):
        return None  # "whose philosophy": a relative clause, not a speaker
    span = Span(run[0].idx, run[-1].idx + len(run[-1].text))
    if head.pos_ == "PRON":
        return Speaker(span, head.i, head.text, None, pronoun=True)
    actor = actor_for(actors, name_head(head))
    name = actor.name if actor else span.of(text)
    return Speaker(span, head.i, name, actor.id if actor else None)


def speaker_type(speaker: Speaker, actors_by_id: dict[str, Actor]) -> str | None:
    if speaker.actor_id:
        return actors_by_id[speaker.actor_id].type
    return None


def compatible(pronoun: str, kind: str | None) -> bool:
    if pronoun in PERSON_PRONOUNS:
        return kind in PERSON_TYPES or kind is None
    if pronoun in THING_PRONOUNS:
        return kind in THING_TYPES or kind is None or (pronoun == "they" and kind in PERSON_TYPES)
    return False


def resolve_pronoun(
    doc: Doc,
    speaker: Speaker,
    earlier: list[Speaker],
    actors: tuple[Actor, ...],
    actors_by_id: dict[str, Actor],
) -> Speaker:
    """A pronoun takes the name and actor of the nearest compatible earlier referent.

    Sentence by sentence, going back: an earlier speaker or an actor that is a subject there
    ("The CREA reports ... Further, it says ..."); a sentence whose subject is the same pronoun
    passes the question on to the one before. Failing that, the nearest compatible mention.
    """
    pronoun = doc[speaker.head].lower_
    if pronoun in ("i", "we", "you"):
        return speaker
    sentences = sentences_back(doc, speaker.head, 4)
    for sent in sentences:
        found = earlier_in(sent, speaker, pronoun, earlier, actors_by_id)
        if found is not None:
            return Speaker(speaker.span, speaker.head, found.name, found.actor_id, True)
        actor = sentence_actor(sent, speaker, pronoun, actors, subjects_only=True)
        if actor is not None:
            return Speaker(speaker.span, speaker.head, actor.name, actor.id, True)
    for sent in sentences:
        actor = sentence_actor(sent, speaker, pronoun, actors, subjects_only=False)
        if actor is not None:
            return Speaker(speaker.span, speaker.head, actor.name, actor.id, True)
    return speaker


def sentences_back(doc: Doc, token: int, count: int) -> list[Sentence]:
    sentence = doc[token].sent
    found = [sentence]
    while len(found) < count and found[-1].start > 0:
        found.append(doc[found[-1].start - 1].sent)
    return found


def earlier_in(
    sent: Sentence,
    speaker: Speaker,
    pronoun: str,
    earlier: list[Speaker],
    actors_by_id: dict[str, Actor],
) -> Speaker | None:
    for candidate in reversed(earlier):
        if candidate.actor_id is None and candidate.pronoun:
            continue
        inside = sent.start_char <= candidate.span.start < sent.end_char
        if inside and candidate.span.start < speaker.span.start:
            if compatible(pronoun, speaker_type(candidate, actors_by_id)):
                return candidate
    return None


def sentence_actor(
    sent: Sentence,
    speaker: Speaker,
    pronoun: str,
    actors: tuple[Actor, ...],
    *,
    subjects_only: bool,
) -> Actor | None:
    """An actor in the sentence before the pronoun: its subject, or (failing that) the first."""
    candidates: list[tuple[int, int, Actor]] = []
    for token in sent:
        if token.i >= speaker.head:
            break
        if token.pos_ not in ("PROPN", "NOUN"):
            continue
        actor = actor_for(actors, token)
        if actor is None or not compatible(pronoun, actor.type):
            continue
        is_subject = main_subject(token)
        if is_subject or not subjects_only:
            candidates.append((0 if is_subject else 1, token.i, actor))
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], c[1]))[2]


def main_subject(token: Token) -> bool:
    """The subject (or part of the subject) of the sentence's main verb, not of a side clause."""
    for node in (token, token.head):
        if node.dep_ in ("nsubj", "nsubjpass"):
            verb = node.head
            return verb.dep_ == "ROOT" or verb.head.dep_ == "ROOT" and verb.dep_ in ("conj", "aux")
    return False
