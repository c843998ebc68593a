"""Quotes grouped by who said them: written once here for every output (the report's panel,
the Markdown summary, the highlights in the text, the web pages).

A speaker is keyed by actor id, else resolved name, else surface, so the colour of a speaker's
swatch in a panel is the colour of their quotes in the text. A speaker that resolves to no
actor (a pronoun, a description) is a group of its own with its surface as its name.
"""

from __future__ import annotations

from dataclasses import dataclass

from presslens.model import Dossier, Quote

SPEAKER_COLOURS = 8
UNKNOWN_SPEAKER = "Unknown speaker"


@dataclass(frozen=True, slots=True)
class Speaker:
    """One speaker of an article with their quotes in text order."""

    key: str
    name: str
    colour: int  # 0..SPEAKER_COLOURS-1, by order of first quote
    actor_id: str | None
    quotes: tuple[Quote, ...]


def speaker_key(quote: Quote) -> str:
    return quote.speaker_actor_id or quote.speaker_name or quote.speaker or "?"


def speaker_name(quote: Quote, names: dict[str, str]) -> str:
    """The actor's name when the speaker resolved to one, else the name or words the text uses."""
    named = names.get(quote.speaker_actor_id or "")
    return named or quote.speaker_name or quote.speaker or UNKNOWN_SPEAKER


def group_by_speaker(dossier: Dossier) -> list[Speaker]:
    """Speakers in order of their first quote."""
    names = {actor.id: actor.name for actor in dossier.actors}
    grouped: dict[str, list[Quote]] = {}
    for quote in dossier.quotes:
        grouped.setdefault(speaker_key(quote), []).append(quote)
    return [
        Speaker(
            key=key,
            name=speaker_name(quotes[0], names),
            colour=index % SPEAKER_COLOURS,
            actor_id=quotes[0].speaker_actor_id,
            quotes=tuple(quotes),
        )
        for index, (key, quotes) in enumerate(grouped.items())
    ]


def tellers(dossier: Dossier) -> dict[str, str]:
    """Quote id -> the name of whoever tells a report inside their own words (`Quote.within`):
    "Flynn said Trump was right when he said A" lists A as Trump's, as Flynn tells it."""
    names = {actor.id: actor.name for actor in dossier.actors}
    by_id = {quote.id: quote for quote in dossier.quotes}
    return {
        quote.id: speaker_name(by_id[quote.within], names)
        for quote in dossier.quotes
        if quote.within in by_id
    }
