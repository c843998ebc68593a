"""Units beyond our own table, from a maintained catalogue: pint's definition files
(default_en.txt and constants_en.txt, BSD-3-Clause), read as data from the installed package.

pint itself is never imported (its import and registry take ~0.3-0.6 s and ~55 MB); the two
text files are located with `importlib.util.find_spec` and parsed once, on the first word after
a number that our table does not know (~13 ms, 0.4 MB). From them come the canonical names,
symbols and aliases of the units, the decimal prefixes ('kilo-' = 'k-', composed at lookup:
'kilohertz', 'kHz', 'mSv'), and each unit's dimension, reduced to base dimensions ('knot' ->
length / time), which gives the unit's kind here (duration, temperature, quantity).
Dimensionless units (percent, count, radian) are left to our table. Plurals follow pint's own
rule (an added 's', 'es' after a hiss).

Our own table (resources/units.json) always wins: the catalogue is asked only for a word or
symbol that table does not know. resources/unit_catalogue.json says what the catalogue may
not read in news text: names that are common English words after a number ('hand', 'quarter',
'are'), symbols that are words or codes ('at', 'St'), the prefixes news uses, and our spelling
('metre'); one-letter symbols are read only behind a prefix ('kW'), names only in lower case.
Without pint installed the catalogue is empty and the stage reads only our table.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from presslens.resources import read_json

IDENTIFIER = re.compile(r"[^\W\d]\w*")
Dimension = tuple[tuple[str, float], ...]  # sorted (base dimension, exponent) pairs


@dataclass(frozen=True, slots=True)
class Entry:
    name: str  # canonical name with spaces: "nautical mile", "hertz"
    symbol: str  # pint's symbol, "" when it has none
    dimension: Dimension | None  # None when it could not be reduced


@dataclass(frozen=True, slots=True)
class Catalogue:
    names: dict[tuple[str, ...], Entry]  # lower-cased name words (singular and plural) -> unit
    stems: dict[str, Entry]  # every one-word name, read behind a prefix ('microseconds')
    symbols: dict[str, Entry]  # exact symbols of two to four characters
    bases: dict[str, Entry]  # every symbol, read behind a prefix ('kW', 'kHz', 'mA')
    prefix_names: dict[str, str]  # "kilo" -> "k"
    prefix_symbols: dict[str, str]  # "k" -> "kilo"


def definition_files() -> list[Path]:
    """pint's English definition files, found without importing pint ([] without pint)."""
    try:
        spec = importlib.util.find_spec("pint")
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    folder = Path(next(iter(spec.submodule_search_locations)))
    return [p for p in (folder / "constants_en.txt", folder / "default_en.txt") if p.exists()]


def definition_lines(text: str) -> list[list[str]]:
    """`name = definition = symbol = alias ...` lines, outside @context/@system/@defaults
    blocks (whose lines are transformations, not units); @group blocks are units."""
    found = []
    skipping = False
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("@"):
            head = line.split()[0]
            if head == "@end":
                skipping = False
            elif head in ("@context", "@system", "@defaults"):
                skipping = True
            continue
        if skipping or "=" not in line or line.startswith("["):
            continue
        found.append([part.strip() for part in line.split("=")])
    return found


def reduce(expression: str, known: dict[str, str], memo: dict[str, Dimension | None]):
    """The base dimensions of a definition ('nautical_mile / hour' -> length / time)."""
    expression = expression.split(";", 1)[0].replace("^", "**").strip()
    if expression.startswith("[") and expression.endswith("]"):
        base = expression[1:-1]
        return ((base, 1.0),) if base else ()
    try:
        tree = ast.parse(expression, mode="eval").body
    except SyntaxError:
        return None
    return walk(tree, known, memo)


def walk(node: ast.AST, known: dict[str, str], memo: dict[str, Dimension | None]):
    if isinstance(node, ast.Constant):
        return ()
    if isinstance(node, ast.Name):
        return dimension_of(node.id, known, memo)
    if isinstance(node, ast.UnaryOp):
        return walk(node.operand, known, memo)
    if isinstance(node, ast.BinOp):
        left = walk(node.left, known, memo)
        if isinstance(node.op, ast.Pow):
            power = node.right.value if isinstance(node.right, ast.Constant) else None
            if left is None or not isinstance(power, (int, float)):
                return None
            return scaled(left, float(power))
        right = walk(node.right, known, memo)
        if left is None or right is None:
            return None
        if isinstance(node.op, ast.Mult):
            return combine(left, right, 1.0)
        if isinstance(node.op, ast.Div):
            return combine(left, right, -1.0)
    return None


def dimension_of(name: str, known: dict[str, str], memo: dict[str, Dimension | None]):
    if name in memo:
        return memo[name]
    memo[name] = None  # a cycle reads as unknown
    expression = known.get(name)
    if expression is None:
        memo[name] = None if name not in ("π", "pi") else ()
        return memo[name]
    memo[name] = reduce(expression, known, memo)
    return memo[name]


def scaled(dimension: Dimension, power: float) -> Dimension:
    return tuple((base, exp * power) for base, exp in dimension)


def combine(left: Dimension, right: Dimension, sign: float) -> Dimension:
    total = dict(left)
    for base, exp in right:
        total[base] = total.get(base, 0.0) + sign * exp
    return tuple(sorted((b, e) for b, e in total.items() if abs(e) > 1e-9))


def add_prefixed(known: dict[str, str], prefixes: list[str]) -> None:
    """Definitions name prefixed units ('kilogram', 'decimeter'): each reduces to its stem."""
    words = {w for expression in list(known.values()) for w in IDENTIFIER.findall(expression)}
    for word in words - known.keys():
        for prefix in prefixes:
            if word.startswith(prefix) and word[len(prefix) :] in known:
                known[word] = word[len(prefix) :]
                break


def is_name(alias: str, head: str) -> bool:
    """A spelled-out name: the canonical one, or a lower-case alias of four letters or more, or
    a shortening of the name ('amp' for 'ampere'; not abbreviations such as 'bps', 'esu')."""
    if alias == head:
        return True
    plain = alias.replace("_", "")
    return plain.isalpha() and alias.islower() and (len(alias) > 3 or head.startswith(alias))


def read_lines(path: Path) -> list[list[str]]:
    return definition_lines(path.read_text("utf-8"))


def plurals(word: str) -> list[str]:
    """pint's plural rule (an added 's'), and 'es' after a hiss ('inches')."""
    if not word[-1:].isalpha():
        return [word]
    return [word, word + ("es" if word.endswith(("s", "x", "ch", "sh", "z")) else "s")]


@functools.cache
def catalogue() -> Catalogue:
    rules = read_json("unit_catalogue.json")
    skip_names = set(rules["skip_names"])
    skip_symbols = set(rules["skip_symbols"])
    files = definition_files()
    constants = [p for f in files if f.name.startswith("constants") for p in read_lines(f)]
    lines = [p for f in files if not f.name.startswith("constants") for p in read_lines(f)]
    known: dict[str, str] = {}
    every_prefix: list[str] = []  # for reducing 'kilogram' in definitions
    prefix_names: dict[str, str] = {}
    prefix_symbols: dict[str, str] = {}
    for parts in constants + lines:
        head = parts[0]
        if head.endswith("-"):
            every_prefix.append(head[:-1])
            if head[:-1] in rules["prefixes"]:
                symbols_of = [a[:-1] for a in parts[2:] if a.endswith("-") and len(a) == 2]
                prefix_names[head[:-1]] = symbols_of[0] if symbols_of else ""
                for symbol in symbols_of:
                    prefix_symbols[symbol] = head[:-1]
            continue
        if len(parts) >= 2:
            known[head] = parts[1]
            for alias in parts[2:]:
                if alias and alias != "_":
                    known.setdefault(alias, head)
    add_prefixed(known, every_prefix)
    memo: dict[str, Dimension | None] = {}
    names: dict[tuple[str, ...], Entry] = {}
    stems: dict[str, Entry] = {}
    symbols: dict[str, Entry] = {}
    bases: dict[str, Entry] = {}
    for parts in lines:
        head = parts[0]
        if head.endswith("-") or len(parts) < 2:
            continue
        dimension = dimension_of(head, known, memo)
        if dimension == ():
            continue  # dimensionless (percent, count, radian): our own table's business
        symbol = parts[2] if len(parts) > 2 and parts[2] != "_" else ""
        entry = Entry(head.replace("_", " "), symbol, dimension)
        for alias in [head, *parts[3:]]:
            if alias and alias != "_" and is_name(alias, head):
                words = alias.lower().split("_")
                for last in plurals(words[-1]):
                    if len(words) == 1:
                        stems.setdefault(last, entry)
                    if alias.lower() not in skip_names:
                        names.setdefault((*words[:-1], last), entry)
        for alias in [symbol, *parts[3:]]:
            if 1 <= len(alias) <= 4 and "_" not in alias and alias[0].isalpha():
                bases.setdefault(alias, entry)
        if 1 < len(symbol) <= 4 and symbol not in skip_symbols and symbol.isalnum():
            symbols.setdefault(symbol, entry)  # the canonical symbol only: aliases are mixed
    return Catalogue(names, stems, symbols, bases, prefix_names, prefix_symbols)


@dataclass(frozen=True, slots=True)
class Found:
    code: str  # "kHz", "knot"
    name: str  # "kilohertz", "knot"
    kind: str  # duration | temperature | quantity
    size: int  # how many words it took


def kind_of_dimension(dimension: Dimension | None) -> str:
    if dimension == (("time", 1.0),):
        return "duration"
    if dimension == (("temperature", 1.0),):
        return "temperature"
    return "quantity"


def found(entry: Entry, size: int, prefix: str = "") -> Found:
    symbol = catalogue().prefix_names.get(prefix, "") if prefix else ""
    name = prefix + entry.name
    for american, ours in spellings().items():
        name = name.replace(american, ours)
    code = (symbol + entry.symbol) if entry.symbol else name
    return Found(code, name, kind_of_dimension(entry.dimension), size)


@functools.cache
def spellings() -> dict[str, str]:
    return dict(read_json("unit_catalogue.json")["spellings"])


def look_up(words: list[str]) -> Found | None:
    """The catalogue unit that `words` (the texts after a number, exact case) start with:
    a name of up to three words ('nautical miles', 'kilohertz'), else a symbol ('kHz')."""
    table = catalogue()
    for size in (3, 2, 1):
        if len(words) >= size and all(w.islower() or not w.isalpha() for w in words[:size]):
            entry = table.names.get(tuple(w.lower() for w in words[:size]))
            if entry is not None:
                return found(entry, size)
    if not words or not words[0]:
        return None
    word = words[0]
    lower = word.lower()
    for prefix in table.prefix_names:
        if word.islower() and lower.startswith(prefix) and len(lower) > len(prefix) + 3:
            entry = table.stems.get(lower[len(prefix) :])
            if entry is not None and entry.dimension is not None:
                return found(entry, 1, prefix)
    entry = table.symbols.get(word)
    if entry is not None:
        return found(entry, 1)
    for symbol, prefix in table.prefix_symbols.items():
        rest = word[len(symbol) :]
        if word.startswith(symbol) and rest and not (word.isupper() and len(word) == 2):
            entry = table.bases.get(rest)  # not 'MA', 'GA': state codes
            if entry is not None and not (rest == "s" and symbol.isupper()):  # not 'Ms.'
                return found(entry, 1, prefix)
    return None
