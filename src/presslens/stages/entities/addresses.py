"""A building named with its address is a place (issue 16, "actors").

Listings of concerts, shows and matches write each venue with its town and state: "June 26 --
PPL Center, Allentown, PA", "Budweiser Stage, Toronto, ON", "USANA Amphitheatre, Salt Lake
City, UT". The small tagger types these names organisations, and no preposition marks them as
where things happen, so the place rules (types.building_named_as_place) miss them. A name
whose head is a building's noun by WordNet's first sense ("Amphitheatre", "Pavilion",
"Theatre", "Tower"; not a body's, "Emerson College, Boston"), every mention of which is
followed by a town the gazetteer knows, after a comma or a dash, is a place where it does not
act. Nouns whose first sense is no building ("Center", "Stage", "Arena") are left: "Center"
heads as many bodies ("Pew Research Center") as halls, and "thing" nouns hold "Times",
"Post", "Health".

Never for a name the article marks as a person's (a title, a sex) or a company's legal form.
"""

from __future__ import annotations

import re

from presslens.stages.entities.types import ACTS, Group, organisation_named
from presslens.stages.places import load_places
from presslens.stages.roles import load_roles

# ", Allentown, PA", " – St. Louis": the town after the venue, up to the next comma or line end
TOWN_AFTER = re.compile(r"\s*[,–—-]\s*(?P<town>[A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,3})\s*(?:[,\n]|$)")


def venue_with_address(group: Group, text: str) -> bool:
    """Whether the name is a building's, each mention written with its town (module docstring)."""
    words = group.name.split()
    if len(words) < 2 or group.titles or group.genders or group.acting >= ACTS:
        return False
    roles, head = load_roles(), words[-1].lower()
    if roles.kind(head) is not None or organisation_named(group.name):
        return False
    if not roles.structure(head):
        return False
    return all(town_after(text, span.end) for span in group.spans)


def town_after(text: str, end: int) -> bool:
    found = TOWN_AFTER.match(text, end)
    return found is not None and load_places().kind(found["town"]) == "city"
