"""Embedded social posts: the paragraph above a signature line is its author's words.

A page shows an embedded tweet as the post, then a line naming its author: "— Jane Roe
(@janeroe) March 10, 2016" (ingest writes the same line for a post saved as a tag). The post is
a direct quote of that author, with no reporting verb: the speaker is the name, or the handle
when the line gives no name. A handle is linked to an actor whose name it spells
("@realDonaldTrump", "@SpeakerRyan", "@edhenry" for Ed Henry), and to none when it spells
several or none.
"""

from __future__ import annotations

import re

from presslens.model import POST_SIGNATURE, Actor, Span
from presslens.stages.entities import actor_at
from presslens.stages.quotes.context import Attribution, Context, token_at, trim
from presslens.stages.quotes.speakers import Speaker

POST_CONFIDENCE = 0.9
MIN_SPELT = 4  # letters of a surname a handle must end with ("@SpeakerRyan"), or of a name


def post_attributions(ctx: Context, paragraphs: tuple[Span, ...]) -> list[Attribution]:
    """A direct quote for each paragraph followed by a post's signature line."""
    found = []
    for before, line in zip(paragraphs, paragraphs[1:], strict=False):
        if ctx.text[before.end : line.start].strip():
            continue  # a heading between them: not the post's own signature
        written = line.of(ctx.text)
        match = POST_SIGNATURE.fullmatch(written.strip())
        body = trim(ctx.text, before)
        if match is None or not body or POST_SIGNATURE.fullmatch(body.of(ctx.text)):
            continue
        offset = line.start + len(written) - len(written.lstrip())
        speaker = post_author(ctx, match, offset)
        found.append(Attribution("direct", body, None, None, speaker, POST_CONFIDENCE))
    return found


def post_author(ctx: Context, match: re.Match[str], offset: int) -> Speaker:
    """The signature's name (its actor, else the handle's), or the handle alone."""
    handle_group = "handle" if match["handle"] else "bare"
    handle = match[handle_group]
    spelt = handle_actor(ctx.actors, handle)
    if match["name"]:
        span = Span(offset + match.start("name"), offset + match.end("name"))
        actor = actor_at(ctx.actors, span) or spelt
        name = actor.name if actor else match["name"]
    else:
        span = Span(offset + match.start(handle_group), offset + match.end(handle_group))
        actor = spelt
        name = actor.name if actor else handle
    head = token_at(ctx, span.end - 1)
    if actor is None:
        return Speaker(span, head, name, None)
    return Speaker(span, head, name, actor.id, actor_ids=(actor.id,))


def handle_actor(actors: tuple[Actor, ...], handle: str) -> Actor | None:
    """The one person or organisation whose name the handle spells, if only one."""
    letters = spelling(handle)
    found = [a for a in actors if a.type in ("PERSON", "ORG") and spells(letters, a)]
    return found[0] if len(found) == 1 else None


def spells(letters: str, actor: Actor) -> bool:
    """'realdonaldtrump' spells Donald Trump; 'speakerryan' Paul Ryan (it ends with the
    surname); 'ap' the AP, but only whole."""
    for name in (actor.name, *actor.aliases):
        whole = spelling(name)
        if whole == letters or (len(whole) >= MIN_SPELT and whole in letters):
            return True
    surname = spelling(actor.name.split()[-1]) if actor.type == "PERSON" else ""
    return len(surname) >= MIN_SPELT and letters.endswith(surname)


def spelling(name: str) -> str:
    return "".join(c for c in name.casefold() if c.isalnum())
