"""A woman's maiden name and her married name (issue 16, "actors"): "Dena Minning" and "Dena
Grayson" are one person when the article also writes "Dena Minning Grayson" (and "Nancy Davis"
of "Nancy Davis Reagan" beside "Nancy Reagan"). The two-word name joins the three-word one
before full names are clustered, so that the cluster holds all three and a bare "Minning" is
read as her middle name. Only when the married form stands in the article too: "Muhammad Ali"
is not the "Muhammad Ali Center", nor "Brent Bozell" his son "Brent Bozell III"."""

from __future__ import annotations

from presslens.stages.entities.rules import rules
from presslens.stages.entities.types import Group

Key = tuple[str, str]  # names.Key (names.py imports this module)


def join_maiden_names(groups: dict[Key, Group]) -> None:
    """Each two-word name that opens the one three-word name whose first and last words are
    also written together ("Dena Minning" / "Dena Minning Grayson" / "Dena Grayson") joins the
    three-word name."""
    for key in [k for k in groups if not k[1] and k[0].count(" ") == 1]:
        fuller = [
            name
            for name, gender in groups
            if not gender and name.startswith(f"{key[0]} ") and married_form(name, groups)
        ]
        if len(fuller) == 1:
            groups[(fuller[0], "")].absorb(groups.pop(key))


def married_form(name: str, groups: dict[Key, Group]) -> bool:
    """Whether a three-word name's first and last words stand as a name of their own, its last
    word no generation ("III", "Sr")."""
    words = name.split(" ")
    if len(words) != 3 or not words[2][:1].isupper() or words[1].endswith("."):
        return False
    if words[2].casefold().rstrip(".,") in rules().name_suffixes:
        return False
    return (f"{words[0]} {words[2]}", "") in groups
