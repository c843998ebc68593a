"""An author's note closing an article ("Jane Roe is senior editor at Example News.", "Mr. Doe
is director of the Program on Trade at Example University."): it names the writer and the
writer's employer, neither of whom acts in the story.

The note is told by its grammar, not by a list of job titles: a sentence opening one of the
closing paragraphs of an article longer than them, whose subject is a person's name the article
has not used before, whose verb is "is" and whose complement is a noun for a person's role
(WordNet's, resources/role_nouns.txt: "editor", "lecturer", "coordinator", "chairman"), with no
quotation in it. The note runs to its paragraph's end ("... His new book is available from
Example Press."); a name the article used before the note stays the story's ("Research for the
Example Center showed ..." before "Roe is president of the Example Center.")."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.model import Span
from presslens.nlp.columns import ents_of
from presslens.stages.entities.rules import rules
from presslens.stages.roles import load_roles

QUOTATION = re.compile(r"[\"“”]|''")
SENTENCE_ENDS = frozenset({".", "!", "?", ";"})
ASIDE_WORDS = 40  # the longest aside read between a writer's name and "is"


def author_note(sent: DocSpan, text: str) -> bool:
    """Whether the sentence is a note on a writer the article has not named before."""
    people = [ent for ent in sent.ents if ent.label_ == "PERSON"]
    if not people or QUOTATION.search(sent.text):
        return False
    name = people[0]
    before = sent.doc[sent.start : name.start]
    if len(before) > 1 or (len(before) == 1 and before[0].lower_ not in rules().titles):
        return False  # the name opens the sentence, or its title does ("Mr. Doe is ...")
    verb: Token | None = name.root.head
    if name.root.dep_ != "nsubj" or verb != sent.root:
        verb = verb_after_aside(name)
    if verb is None or not present_role(verb):
        return False
    return name[-1].text not in text[: sent.start_char]  # the writer, not the story's subject


def present_role(verb: Token) -> bool:
    """'is' with a noun for a person's role as its complement ("is senior editor at ...");
    not "was" ("Doe was the person readers chose": a story's past, not a note)."""
    if verb.lemma_ != "be" or verb.tag_ != "VBZ":
        return False
    complements = [child for child in verb.children if child.dep_ == "attr"]
    return bool(complements) and load_roles().kind(complements[0].lemma_.lower()) == "PERSON"


def verb_after_aside(name: DocSpan) -> Token | None:
    """The verb of "Jane Roe, a former adviser to Senator John Doe, is ...": the first verb
    after an aside set off by commas, whatever the parse made the subject (it often hangs it
    on the aside's last name, or ends the sentence before the verb)."""
    doc = name.doc
    if name.end >= len(doc) or doc[name.end].text != ",":
        return None
    for word in doc[name.end + 1 : name.end + ASIDE_WORDS]:
        if QUOTATION.search(word.text) or word.text in SENTENCE_ENDS:
            return None
        if word.pos_ in ("VERB", "AUX"):
            return word if doc[word.i - 1].text == "," else None
    return None


def author_notes(doc: Doc, text: str, blocks: list[tuple[int, int]], closing: int) -> list[Span]:
    """The author's notes among the paragraphs from `closing` on, each to its paragraph's end,
    less the names the article used before it; none in an article no longer than them."""
    if not blocks or blocks[0][0] >= closing:
        return []  # a short text's opening is no closing note ("Olaf Roe is a teacher and ...")
    ends = {start: end for start, end in blocks if start >= closing}
    found: list[Span] = []
    for sent in doc.sents:
        if sent.start_char in ends and author_note(sent, text):
            found.extend(note_spans(sent, text, ends[sent.start_char]))
    return found


def note_spans(sent: DocSpan, text: str, end: int) -> list[Span]:
    """The note from the sentence's start to `end`, less the names the article used before."""
    spans, start = [], sent.start_char
    for ent in ents_of(sent.doc):
        if ent.start_char < start or ent.end_char > end:
            continue
        if ent.text in text[: sent.start_char]:
            spans.append(Span(start, ent.start_char))
            start = ent.end_char
    return [*spans, Span(start, end)]
