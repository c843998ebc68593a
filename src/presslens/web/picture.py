"""The dossier page's picture: who appears with whom, drawn as an SVG network.

Nodes are the most mentioned actors on a circle, sized by mentions and coloured like their
quotes when they speak; an edge joins two actors named in the same sentence, thicker when it
happens more often. Only geometry is computed here; the template draws it (escaped).
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations
from typing import Any

from presslens.model import Dossier

WIDTH, HEIGHT = 540, 360
RADIUS = 125


def co_mentions(dossier: Dossier, ids: set[str]) -> Counter[tuple[str, str]]:
    """How often each pair of actors is mentioned in the same sentence."""
    pairs: Counter[tuple[str, str]] = Counter()
    mentions = [
        (m.start, actor.id) for actor in dossier.actors if actor.id in ids for m in actor.mentions
    ]
    mentions.sort()
    for sentence in dossier.sentences:
        inside = {aid for start, aid in mentions if sentence.start <= start < sentence.end}
        pairs.update((min(a, b), max(a, b)) for a, b in combinations(inside, 2))
    return pairs


def actor_network(
    dossier: Dossier, speaker_colours: dict[str, int], *, max_nodes: int = 12
) -> dict[str, Any]:
    """Nodes and edges with coordinates, ready for the template's <svg>."""
    top = sorted(dossier.actors, key=lambda a: (-len(a.mentions), a.name))[:max_nodes]
    if not top:
        return {"nodes": [], "edges": [], "width": WIDTH, "height": HEIGHT}
    most = max(len(a.mentions) for a in top) or 1
    nodes: dict[str, dict[str, Any]] = {}
    for index, actor in enumerate(top):
        angle = 2 * math.pi * index / len(top) - math.pi / 2
        nodes[actor.id] = {
            "name": actor.name,
            "x": round(WIDTH / 2 + RADIUS * math.cos(angle), 1),
            "y": round(HEIGHT / 2 + RADIUS * math.sin(angle), 1),
            "r": round(5 + 13 * math.sqrt(len(actor.mentions) / most), 1),
            "mentions": len(actor.mentions),
            "colour": speaker_colours.get(actor.id),
            "anchor": "start"
            if math.cos(angle) > 0.2
            else "end"
            if math.cos(angle) < -0.2
            else "middle",
        }
    pairs = co_mentions(dossier, set(nodes))
    heaviest = max(pairs.values(), default=1)
    edges = [
        {
            "x1": nodes[a]["x"],
            "y1": nodes[a]["y"],
            "x2": nodes[b]["x"],
            "y2": nodes[b]["y"],
            "width": round(1 + 5 * count / heaviest, 1),
            "count": count,
            "title": f"{nodes[a]['name']} – {nodes[b]['name']}: {count} sentences",
        }
        for (a, b), count in sorted(pairs.items())
    ]
    for node in nodes.values():
        dx = node["r"] + 4
        node["label_x"] = node["x"] + (
            dx if node["anchor"] == "start" else -dx if node["anchor"] == "end" else 0
        )
        above = node["anchor"] == "middle" and node["y"] < HEIGHT / 2
        below = node["anchor"] == "middle" and not above
        node["label_y"] = node["y"] + (-node["r"] - 5 if above else node["r"] + 12 if below else 4)
    return {"nodes": list(nodes.values()), "edges": edges, "width": WIDTH, "height": HEIGHT}
