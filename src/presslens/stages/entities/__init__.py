"""Actors: the people and organisations an article is about, and the countries or governments
that act or speak in it, each with its aliases and every mention; group words (nationalities,
parties) and places named only as locations are kept apart.

Modules, in the order the stage runs them: `labels` (the tagger's labels set right from context),
`mentions` (entities of the parse, cleaned to names), `extents` (where a name starts and ends),
`junk` (datelines, credit lines, headlines, non-names), `types` (what a name is), `names` (one
actor per person), `organisations` (one per organisation), `stage` (the stage itself); `rules`
loads the word lists. Beside them: `retype` (types set right from the name), `works` (events,
prizes, epithets), `variants` (one person spelt two ways, two names run into one), `offices`
(a building standing for an office, a network's programme), `wording` (names the tagger's own
reading says are no actor's).
"""

from presslens.stages.entities.stage import (
    Entities,
    actor_at,
    actors_by_id,
    find_actors,
    find_entities,
    find_groups,
)

__all__ = ["Entities", "actor_at", "actors_by_id", "find_actors", "find_entities", "find_groups"]
