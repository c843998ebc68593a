"""The source tree keeps the shape of DESIGN.md's flow: folders follow the stages, nothing imports
a module above it, no import circle, and no file or function grows past what one reading holds."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "presslens"
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 60

# What each part of the package may import (besides itself), top of the flow first. `cli` is
# the outer ring and may import anything; the package's __init__ is the public API.
MAY_IMPORT: dict[str, set[str]] = {
    "version": set(),
    "errors": set(),
    "resources": set(),
    "model": {"version", "errors"},
    "settings": {"errors"},
    "segment": {"model"},
    "ingest": {"model", "settings", "errors", "resources"},
    "nlp": {"settings", "errors", "resources"},  # firstnames: the first-name catalogue
    "stages": {"model", "resources", "nlp", "settings", "errors"},
    "pipeline": {"ingest", "nlp", "segment", "stages", "model", "settings", "errors"},
    "render": {"model", "version"},
    "store": {"model", "errors", "resources"},
    # corpus reads numbers in stored claims' texts as the figures stage does (claimgroups)
    "corpus": {"store", "nlp", "stages", "model", "settings", "errors", "resources"},
    "web": {
        "render",
        "store",
        "corpus",
        "pipeline",
        "ingest",
        "model",
        "settings",
        "errors",
        "version",
    },
    "batch": {"pipeline", "ingest", "nlp", "store", "model", "settings", "errors"},
    "cli": {"*"},
    "": {"version", "errors", "ingest", "model", "pipeline", "settings", "stages", "corpus"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


MODULES = {module_name(path): path for path in source_files()}


def imported_modules(path: Path) -> Iterator[str]:
    """Every presslens module `path` imports, at the top or inside a function."""
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            names = [name if name in MODULES else node.module for name in names]
        else:
            continue
        yield from (name for name in names if name.split(".")[0] == "presslens")


def part_of(module: str) -> str:
    """The part of the flow a module belongs to: 'stages', 'model', '' for the package."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def import_graph() -> dict[str, set[str]]:
    return {name: set(imported_modules(path)) - {name} for name, path in MODULES.items()}


def test_nothing_imports_upward() -> None:
    wrong = []
    for module, targets in import_graph().items():
        allowed = MAY_IMPORT[part_of(module)]
        for target in targets:
            part = part_of(target)
            if part != part_of(module) and "*" not in allowed and part not in allowed:
                wrong.append(f"{module} -> {target}")
    assert wrong == []


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import circle as a list of modules, or [] when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return []

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return []


@pytest.mark.parametrize(
    ("graph", "circle"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
        ({"a": {"a2"}, "a2": set(), "b": {"b"}}, ["b", "b"]),
    ],
)
def test_find_cycle(graph: dict[str, set[str]], circle: list[str]) -> None:
    assert find_cycle(graph) == circle


def test_no_import_circle_between_parts_of_the_package() -> None:
    # package __init__ files re-export their modules; an edge into one is an edge into them
    graph = import_graph()
    assert find_cycle({m: t for m, t in graph.items() if m != "presslens"}) == []


def test_the_model_does_not_pull_in_render_or_store() -> None:
    code = (
        "import sys, presslens.model; "
        "print(sorted(m for m in sys.modules if m.startswith(('presslens.render', "
        "'presslens.store', 'presslens.web', 'presslens.cli'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_no_file_is_too_long() -> None:
    sizes = {str(path.relative_to(SRC)): line_count(path) for path in source_files()}
    long = {name: n for name, n in sizes.items() if n > MAX_FILE_LINES}
    assert long == {}


def line_count(path: Path) -> int:
    return len(path.read_text("utf-8").splitlines())


def test_no_function_is_too_long() -> None:
    long = []
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({lines})")
    assert long == []


def test_no_module_name_stands_in_for_a_folder() -> None:
    """`figures_core.py` beside `figures.py` is a folder in disguise."""
    prefixed = []
    for path in source_files():
        stem = path.stem
        siblings = {p.stem for p in path.parent.glob("*.py")} | {
            p.name for p in path.parent.iterdir() if p.is_dir()
        }
        head = stem.split("_")[0]
        if "_" in stem and head in siblings and head != stem:
            prefixed.append(str(path.relative_to(SRC)))
    assert prefixed == []
