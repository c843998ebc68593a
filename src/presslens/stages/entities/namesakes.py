"""A bare surname two people of the article share, read mention by mention (issue 16, "actors").

"Clinton" beside Bill and Hillary Clinton, "Bush" beside Jeb and George W. Bush: when no owner
stands out for the whole article (names.owner_of: one dominant, one introduced first, one the
pronouns say), a reader still resolves most mentions, each on its own:

- a title before it that the full name of one namesake carries ("President Clinton" beside
  "former President Bill Clinton"); a title no namesake, or several, carry decides nothing;
- a pronoun of one sex taking the mention up inside its own clause ("Clinton had told police
  officials that she ...", "Clinton is converting her traffic") leaves the namesakes of that sex;
- a namesake named in full in the same sentence is not the bare mention ("Clinton declared of
  Hillary Clinton"; "Bill Clinton reinforces all the attributes voters assign to Secretary
  Clinton"): a writer who meant the same person would have written a pronoun;
- of those left, the one named last, in the same sentence or the RECENT sentences before it,
  when the others were not named there ("Hillary Clinton rebuffed a heckler ... 'You're very
  rude,' Clinton told her");
- else the one namesake not only ever named as another's relative ("daughter Chelsea
  Clinton's apartment" beside Hillary Clinton).

A modifier ("the Clinton years", "Trump officials", "the Bush family") or a name under an
article or an adjective ("the newest Clinton", "a Cheney") names the family, not one of them.
A mention none of these decides is no one's: it is left out of every actor (returned, so that
the search for more mentions does not hand it to a namesake), rather than given to the wrong
person or left as an actor of its own, which splits the people it stands for.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from presslens.model import Span
from presslens.stages.entities.names import (
    FEMALE,
    MALE,
    SUBJECTS,
    Key,
    likely_gender,
    parse_person,
    person_gender,
)
from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import PLACE_LABELS, Group, actor_type, mention_tokens
from presslens.stages.roles import load_roles

CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w.]* $")  # "Bill " of "the Bill Clinton years"
RECENT = 2  # sentences before the mention's own searched for the namesake named last


def share_bare_surnames(groups: dict[Key, Group], doc: Doc, quoted: list[Span]) -> list[Span]:
    """Each mention of a bare surname shared by several people goes to the namesake it stands
    for; returns the spans of the mentions that stay no one's (see the module docstring).
    `quoted`: the article's quotations (words inside are a speaker's, not the writer's)."""
    left_out: list[Span] = []
    starts: list[int] = []  # sentence starts, read only for an article with namesakes
    people = people_by_surname(groups)
    for key in [k for k in groups if " " not in k[0] and not k[1]]:
        namesakes = people.get(key[0], [])
        if len(namesakes) < 2 or not shared_surname(groups[key]):
            continue
        starts = starts or [sentence.start_char for sentence in doc.sents]
        genders = {n: person_gender(groups[(n, "")], doc) or likely_gender(n) for n in namesakes}
        bare = groups.pop(key)
        for span in sorted(bare.spans, key=lambda s: s.start):  # one decided counts as named
            owner = reader_owner(span, namesakes, genders, groups, doc, starts, quoted)
            if owner is None:
                left_out.append(span)
            else:
                groups[(owner, "")].absorb(one_mention(bare, span, doc.text))
        left_out += unread(key[0], groups, doc.text)
    return left_out


def unread(word: str, groups: dict[Key, Group], text: str) -> list[Span]:
    """The occurrences of a shared surname alone that no mention covers: the search for more
    mentions would give them all to the one namesake that took the bare form. Not one inside
    a longer name ("the Bill Clinton years", "Melania Trump's speech"), which that search may
    still find."""
    taken = [span for group in groups.values() for span in group.spans]
    found = []
    for match in re.finditer(rf"\b{re.escape(word)}\b(?! [A-Z])", text):
        span = Span(match.start(), match.end())
        if not CAPITALISED_BEFORE.search(text, max(0, span.start - 40), span.start) and not any(
            t.overlaps(span) for t in taken
        ):
            found.append(span)
    return found


def people_by_surname(groups: dict[Key, Group]) -> dict[str, list[str]]:
    """The people named in full, by surname."""
    found: dict[str, list[str]] = {}
    for (name, gender), group in groups.items():
        if gender or " " not in name or not group.person:
            continue
        parts = parse_person(name)
        if parts is not None:
            found.setdefault(parts.last, []).append(name)
    return found


def shared_surname(group: Group) -> bool:
    """A bare name that may be a surname: not a country's, a place's or a group word's."""
    if rules().types.get(group.name) or actor_type(group) == "NORP":
        return False
    return not (actor_type(group) in PLACE_LABELS and not group.labels["PERSON"])


def reader_owner(
    span: Span,
    namesakes: list[str],
    genders: dict[str, str],
    groups: dict[Key, Group],
    doc: Doc,
    starts: list[int],
    quoted: list[Span],
) -> str | None:
    """The namesake one mention stands for, or None when the text does not tell."""
    tokens = mention_tokens(doc, span)
    if tokens is None or not a_person_named(tokens):
        return None  # "the Clinton years", "the newest Clinton": a family's name, a modifier
    title = title_word(doc, tokens.start)
    if title:  # "President Clinton" beside "former President Bill Clinton"
        titled = [n for n in namesakes if title in titles_of(groups[(n, "")], doc)]
        return titled[0] if len(titled) == 1 else None
    sex = clause_pronoun_sex(tokens, quoted)
    fits = [name for name in namesakes if not sex or genders[name] in ("", sex)]
    sentence = bisect_right(starts, span.start) - 1
    here = Span(starts[sentence], sentence_end(starts, sentence, doc))
    unnamed = [name for name in fits if not named_in_full(groups[(name, "")], here, doc, quoted)]
    if len(unnamed) == 1 and len(fits) > 1:
        return unnamed[0]  # "Clinton declared of Hillary Clinton": the other one
    fits = unnamed
    window = Span(starts[max(0, sentence - RECENT)], span.start)
    named = [name for name in fits if named_within(groups[(name, "")], window, doc)]
    if len(named) == 1:
        return named[0]
    principal = [name for name in fits if not only_as_relative(groups[(name, "")], doc)]
    return principal[0] if len(principal) == 1 and len(fits) > 1 else None


def only_as_relative(person: Group, doc: Doc) -> bool:
    """Whether every full mention of the person names them in passing as another's relative
    ("daughter Chelsea Clinton's apartment"): the bare surname is then the other namesake's.
    Not a relative the text goes on to tell of, a subject ("Her brother, Lucius Roe, runs a
    bakery")."""
    spans = [s for s in person.spans if " " in doc.text[s.start : s.end].strip()]
    tokens = [mention_tokens(doc, s) for s in spans]
    return bool(tokens) and all(
        t is not None and named_as_relative(t) and not a_subject(t.root) for t in tokens
    )


def a_subject(root: Token) -> bool:
    """The name, or the noun it is apposed to, is a verb's subject."""
    return root.dep_ in SUBJECTS or (root.dep_ == "appos" and root.head.dep_ in SUBJECTS)


def a_person_named(tokens: DocSpan) -> bool:
    """Whether the mention names a person: not a modifier of another noun ("the Clinton
    years", "Trump officials", "the Bush family") and not under an article or an adjective
    ("the newest Clinton", "a Cheney"), as a family's name is."""
    root = tokens.root
    if root.dep_ in ("compound", "amod", "nmod") or "-" in root.doc[root.i + 1 : root.i + 2].text:
        return False
    before = root.doc[tokens.start - 1] if tokens.start > 0 else None
    if before is not None and before.pos_ in ("DET", "ADJ"):
        return False  # the parse may hang "the newest" elsewhere
    return not any(child.dep_ in ("det", "amod") for child in root.children)


def title_word(doc: Doc, start: int) -> str:
    """The last word of a title just before a name ("president" of "former President"), or
    ''."""
    for width in (3, 2, 1):
        if start >= width:
            words = doc[start - width : start]
            if words[0].text[:1].isupper() and rules().title_start.fullmatch(
                words.text.casefold() + " "
            ):
                return words[-1].lower_.rstrip(".")
    return ""


def titles_of(person: Group, doc: Doc) -> set[str]:
    """The title words written before the person's mentions."""
    found = set()
    for span in person.spans:
        tokens = mention_tokens(doc, span)
        if tokens is not None:
            found.add(title_word(doc, tokens.start))
    return found - {""}


def named_within(person: Group, window: Span, doc: Doc) -> bool:
    """Whether the person is named in the window other than as another's relative ("her
    husband, former President Bill Clinton" names him, but she is who the text is about)."""
    for span in person.spans:
        if not window.contains(span):
            continue
        tokens = mention_tokens(doc, span)
        if tokens is not None and not named_as_relative(tokens):
            return True
    return False


def named_as_relative(tokens: DocSpan) -> bool:
    """'his wife Hillary Clinton', 'her husband, Bill Clinton', 'daughter Chelsea Clinton':
    the name apposed to, or compounded with, a noun for someone's relative or aide."""
    root = tokens.root
    nouns = [root.head] if root.dep_ == "appos" else []
    nouns += [c for c in root.children if c.dep_ in ("appos", "compound") and c.i < tokens.start]
    before = root.doc[tokens.start - 1] if tokens.start > 0 else None
    if before is not None and before.is_lower:
        nouns.append(before)  # "to daughter Chelsea Clinton's", "daughter" read as a verb
    return any(load_roles().relational(noun.lower_) for noun in nouns)


def sentence_end(starts: list[int], sentence: int, doc: Doc) -> int:
    return starts[sentence + 1] if sentence + 1 < len(starts) else len(doc.text)


def named_in_full(person: Group, sentence: Span, doc: Doc, quoted: list[Span]) -> bool:
    """Whether the writer names the person in the sentence with more than one word (a name
    inside a quotation is the speaker's word, not the writer's choice)."""
    for span in person.spans:
        if not sentence.contains(span) or " " not in span.of(doc.text):
            continue
        tokens = mention_tokens(doc, span)
        if tokens is not None and not in_quotation(tokens[0], quoted):
            return True
    return False


def clause_pronoun_sex(tokens: DocSpan, quoted: list[Span]) -> str:
    """'male' or 'female' for the first "he" or "she" (any form) inside the clause a subject
    mention governs ("Clinton is converting her traffic", "Clinton told officials that she"),
    outside quotations and before another person's name; '' for none. A pronoun outside that
    clause may be anyone's ("as Clinton speaks, a man bows his head")."""
    if tokens.root.dep_ not in SUBJECTS:
        return ""
    clause = tokens.root.head
    for token in clause.subtree:
        if token.i < tokens.end or in_quotation(token, quoted):
            continue
        if token.ent_type_ == "PERSON":
            return ""  # "Roe praised Jane Roe for her work": the pronoun may be hers
        if token.lower_ in MALE:
            return "male"
        if token.lower_ in FEMALE:
            return "female"
    return ""


def in_quotation(token: Token, quoted: list[Span]) -> bool:
    return any(q.start <= token.idx < q.end for q in quoted)


def one_mention(bare: Group, span: Span, text: str) -> Group:
    """One of a bare surname's mentions as a group of its own, its type votes in proportion."""
    part = Group(bare.name, spans=[span])
    share = 1 / len(bare.spans)
    part.labels.update({k: round(v * share) for k, v in bare.labels.items()})
    part.surfaces[span.of(text)] += 1
    return part
