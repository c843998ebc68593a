"""Transcript turns: "TAPPER: Do you think ...?" is Jake Tapper's question.

A transcript or interview printed in an article gives each turn as a paragraph opening with
its speaker's name in capitals and a colon, with no quotation marks and no reporting verb
("FALLIN: Well, I think ...", also inside quotation marks: '"RAMOS: Secretary, did you ...').
The rest of the paragraph, and of the unlabelled paragraphs up to the next turn, is a direct
quote of that speaker. The article prints a transcript when a label names a person actor of
the article (any of its names or its surname, in any case) or a full name's label ("KATE
BOULDUAN:") comes back as its surname ("BOULDUAN:"). Its turns are then those labels, the
full names (kept with no actor when no actor bears them), and the one-word labels that come
back. A one-word label that names no one and comes once ("UPDATE:", "VIDEO:") is a heading's,
never a turn.
"""

from __future__ import annotations

import re
from collections import Counter

from presslens.model import TURN_LABEL, Actor, Span
from presslens.stages.quotes.context import Attribution, Context, token_at, trim
from presslens.stages.quotes.speakers import Speaker

TURN_CONFIDENCE = 0.9
CLOSING = "\"”'"


def turn_attributions(ctx: Context, paragraphs: list[Span]) -> list[Attribution]:
    """A direct quote for each transcript turn of the article (`paragraphs` in text order,
    headings too: a short question turn may be read as one)."""
    labelled = [(p, m) for p in paragraphs if (m := TURN_LABEL.match(ctx.text, p.start, p.end))]
    named = {id(m): label_actor(ctx.actors, m["label"]) for _, m in labelled}
    full = {m["label"].split()[-1]: m["label"] for _, m in labelled if " " in m["label"]}
    counts = Counter(m["label"] for _, m in labelled)
    if not any(named.values()) and not full.keys() & counts.keys():
        return []  # no label names a person, none a speaker twice: headings' labels
    found = []
    for number, (paragraph, match) in enumerate(labelled):
        actor = named[id(match)]
        name = full.get(match["label"], match["label"])  # "TAPPER" after "JAKE TAPPER"
        if actor is None and " " not in name and counts[name] < 2:
            continue  # "VIDEO:" once in a transcript
        following = labelled[number + 1][0].start if number + 1 < len(labelled) else None
        body = turn_body(ctx.text, continued(ctx.text, paragraph, paragraphs, following), match)
        if body is not None:
            speaker = turn_speaker(ctx, match, actor, name)
            found.append(Attribution("direct", body, None, None, speaker, TURN_CONFIDENCE))
    return found


def label_actor(actors: tuple[Actor, ...], label: str) -> Actor | None:
    """The one person actor the label names: "TAPPER", "JAKE TAPPER", "Mr. Tapper" forms."""
    words = label.casefold().split()
    found = [a for a in actors if a.type == "PERSON" and names(a, words)]
    return found[0] if len(found) == 1 else None


def names(actor: Actor, words: list[str]) -> bool:
    forms = [name.casefold().split() for name in (actor.name, *actor.aliases)]
    if any(form == words for form in forms):
        return True
    surname = actor.name.casefold().split()[-1]
    return words[-1] == surname and (len(words) == 1 or words == forms[0][-len(words) :])


def continued(text: str, paragraph: Span, paragraphs: list[Span], following: int | None) -> Span:
    """The turn's paragraph with the unlabelled paragraphs after it up to the next turn: an
    answer may run over several. A stage direction ("(END VIDEO CLIP.)", "...") ends it, and
    the last turn runs on no further: what follows a transcript is the article's again."""
    end = paragraph.end
    if following is None:
        return paragraph
    for other in paragraphs:
        if other.start < paragraph.end or other.start >= following:
            continue
        words = other.of(text).strip()
        if words[:1] in "([" or not any(c.isalpha() for c in words):
            break
        end = other.end
    return Span(paragraph.start, end)


def turn_body(text: str, paragraph: Span, match: re.Match[str]) -> Span | None:
    """The words after the label, without the quotation marks around the turn."""
    end = paragraph.end
    if match["open"]:
        while end > match.end() and (text[end - 1].isspace() or text[end - 1] in CLOSING):
            end -= 1
    body = trim(text, Span(match.end(), end))
    return body if body.end > body.start else None


def turn_speaker(ctx: Context, match: re.Match[str], actor: Actor | None, name: str) -> Speaker:
    """The label's actor, or the label's name ("Kate Boulduan") with none."""
    span = Span(match.start("label"), match.end("label"))
    head = token_at(ctx, span.end - 1)
    if actor is None:
        return Speaker(span, head, name.title(), None)
    return Speaker(span, head, actor.name, actor.id, actor_ids=(actor.id,))


def outside_turns(items: list[Attribution], turns: list[Attribution]) -> list[Attribution]:
    """Without the quotations a turn already gives its speaker: a quoted turn ('"RAMOS:
    Secretary, ...?"') is one quote, the label's, not a second one with no speaker or with the
    speaker of the turn before, nor is a speakerless quotation over several quoted turns. What
    the turn itself reports ("I told him that ...") stays."""
    return [
        item
        for item in items
        if not (item.kind == "direct" or item.speaker is None)
        or not any(item.span.share_inside(t.span) > 0.5 for t in turns)
        and not (item.speaker is None and any(item.span.contains(t.span) for t in turns))
    ]
