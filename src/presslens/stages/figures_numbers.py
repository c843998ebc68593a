"""Numbers in running text: digits, words, scales, fractions and vague plurals, with offsets.

This is the lowest layer of the figures stage: it knows nothing of units. `tokenize` splits text
into number, word and symbol tokens with character offsets; `find_numbers` reads every number
expression ("2 billion", "EUR 18.7 bn" -> 18.7 bn, "thirty five", "one and a half",
"two thirds of a million", "one in five", "tens of thousands of") into a `Number`. The word
lists live in resources/scales.json.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from presslens.resources import read_json

TOKEN = re.compile(
    r"(?P<num>\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?!\d)"  # Indian grouping 12,34,567
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])"  # 1,234,567.89
    r"|(?<![\d,.])\d{1,3}(?:, 0\d\d)+(?![\d,.])"  # "80, 000": a lone group never starts with 0
    r"|(?<![\d,.])\d{1,3}(?:[\u202f ]\d{3})+(?:\.\d+)?(?![\d,])"  # 1 234 567, thin spaces
    r"|\d+(?:\.\d+)?(?:[eE][+-]?\d+(?![\w]))?"
    r"|\.\d+)"
    r"|(?P<vulgar>[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞])"
    r"|(?P<word>[^\W\d_]+(?:\.(?=[a-z]\.))?)"
    r"|(?P<sym>\S)"
)
VULGAR = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}
SPACED_ABBREVIATIONS = {"k", "K", "bn", "mn", "mln", "bln", "tn", "tln", "trn", "MM", "mil"}
SIGN_WORDS = {"minus": -1.0, "negative": -1.0}


class Token(NamedTuple):
    """A word, number or symbol of the figures' own tokenisation (a tuple: there is one per
    token of every article, and a tuple is several times cheaper to build than a frozen
    dataclass)."""

    text: str
    start: int
    end: int
    kind: str  # num | vulgar | word | sym
    lower: str = ""  # the text lower-cased, filled in by tokenize (read for every token)


@dataclass(frozen=True, slots=True)
class Number:
    """One number expression: tokens [first, last) of the tokenized text."""

    start: int
    end: int
    first: int
    last: int
    value: float | None
    low: float | None = None
    high: float | None = None
    words: bool = False  # written (partly) in words
    scaled: bool = False  # carries a scale word or abbreviation ("2 billion", "5m")
    ordinal: bool = False  # "22nd"
    ratio: bool = False  # "one in five"
    plain: str = ""  # the digits as written, for years and labels ("2022")


@dataclass(frozen=True, slots=True)
class Scales:
    small: dict[str, float]
    tens: dict[str, float]
    multipliers: dict[str, float]
    abbreviations: dict[str, float]
    fractions: dict[str, float]
    vague: dict[str, tuple[float, float]]


@functools.cache
def scales() -> Scales:
    data = read_json("scales.json")
    return Scales(
        small=data["small"],
        tens=data["tens"],
        multipliers=data["multipliers"],
        abbreviations=data["abbreviations"],
        fractions=data["fractions"],
        vague={word: (low, high) for word, (low, high) in data["vague"].items()},
    )


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.group(), m.start(), m.end(), m.lastgroup or "sym", m.group().lower())
        for m in TOKEN.finditer(text)
    ]


def digit_value(text: str) -> float:
    return float(text.replace(",", "").replace("\u202f", "").replace(" ", ""))


def glued(tokens: list[Token], i: int) -> bool:
    """Token i touches token i-1 (no space between)."""
    return i > 0 and tokens[i - 1].end == tokens[i].start


def is_atom_word(word: str) -> bool:
    table = scales()
    return word in table.small or word in table.tens


def word_atom(tokens: list[Token], i: int) -> tuple[float, int] | None:
    """A word number below 100: 'seven', 'twenty', 'fifty-two', 'fifty - two', 'fifty two'."""
    table = scales()
    word = tokens[i].lower
    if word in table.small:
        return table.small[word], i + 1
    if word not in table.tens:
        return None
    value, j = table.tens[word], i + 1
    k = j + 1 if j < len(tokens) and tokens[j].text in "-‐" else j
    if k < len(tokens) and tokens[k].lower in table.small and 0 < table.small[tokens[k].lower] < 10:
        return value + table.small[tokens[k].lower], k + 1
    return value, j


@dataclass(slots=True)
class Accumulator:
    """Running state while reading 'two hundred and three thousand and a half'."""

    total: float = 0.0
    current: float = 0.0
    atom: float = 0.0  # the last number added to current (what a fraction word divides)
    last_big: float = 0.0
    words: bool = False
    scaled: bool = False
    fraction_only: bool = False  # current holds only a trailing fraction ("... and a half")

    @property
    def value(self) -> float:
        if self.fraction_only and self.total and self.last_big:
            return round(self.total + self.current * self.last_big, 9)
        return float(f"{self.total + self.current:.12g}")  # drop float noise of 1 + 1/3 - 1


def read_number(tokens: list[Token], i: int) -> tuple[Number, int] | None:
    """The number expression starting at token i, or None."""
    table = scales()
    acc = Accumulator()
    j = i
    seen = False
    joined = False  # right after a multiplier or "and": a smaller number may follow
    after_and = False
    expect_multiplier = False  # after a digit literal only a scale word may follow
    while j < len(tokens):
        token = tokens[j]
        word = token.lower
        if token.kind == "num" and not expect_multiplier and (not seen or joined):
            value = digit_value(token.text)
            if seen and (value >= 100 or not can_add(acc, value, seen)):
                break
            if seen and not after_and and not followed_by_multiplier(tokens, j):
                break  # "2.9 million 9 liter cases" are two numbers
            acc.current += value
            acc.atom = value
            seen, expect_multiplier, joined = True, True, False
            j = read_power(tokens, j + 1, acc)
            j = read_digit_fraction(tokens, j, acc)
            continue
        if token.kind == "vulgar" and (not seen or glued_or_spaced(tokens, j)):
            acc.current += VULGAR[token.text]
            seen, expect_multiplier = True, True
            j += 1
            continue
        if token.kind == "word" and is_atom_word(word) and not expect_multiplier:
            atom = word_atom(tokens, j)
            if atom is None or not (after_and or can_add(acc, atom[0], seen)):
                break
            if seen and not joined and acc.current % 100 == 0 and acc.current:
                pass  # "two hundred six": fine without "and"
            acc.current += atom[0]
            acc.atom = atom[0]
            acc.words = True
            seen, joined = True, False
            j = atom[1]
            continue
        if word in table.multipliers and token.kind == "word":
            step = apply_multiplier(acc, table.multipliers[word], seen, tokens, j)
            if step is None:
                break
            seen, expect_multiplier, joined = True, False, True
            acc.words = acc.scaled = True
            j = step
            continue
        if seen and token.kind == "word" and abbreviation(token) is not None:
            if not abbreviation_applies(tokens, j):
                break
            acc.current *= abbreviation(token) or 1.0
            acc.total += acc.current
            acc.current = 0.0
            acc.scaled = True
            j += 1
            break
        if word in ("a", "an") and not expect_multiplier:
            nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
            if nxt in table.multipliers and not acc.current:
                acc.current, acc.atom, seen = 1.0, 1.0, True
                j += 1
                continue
            if nxt in table.fractions:
                j += 1
                continue
            break
        if token.text == "-" and seen and j + 1 < len(tokens):
            if tokens[j + 1].lower in table.fractions:
                j += 1  # "one-eighth", "five - eighths"
                continue
            break
        if word in table.fractions and token.kind == "word":
            step = apply_fraction(acc, table.fractions[word], seen, after_and, tokens, j)
            if step is None:
                break
            seen, expect_multiplier, joined = True, False, False
            acc.words = True
            j = step
            continue
        if word == "and" and seen and continues_after_and(tokens, j, acc):
            acc.atom = 0.0
            j += 1
            expect_multiplier, joined, after_and = False, True, True
            continue
        if word == "point" and seen and acc.words and j + 1 < len(tokens):
            step = read_point_decimals(tokens, j + 1, acc)
            if step is None:
                break
            j = step
            break
        break
    while j > i and tokens[j - 1].lower in ("and", "a", "an", "-"):
        j -= 1
    if not seen or j == i:
        return None
    plain = tokens[i].text if j == i + 1 else ""
    if plain.lower() == "one" and i > 0 and tokens[i - 1].lower in PRONOUN_ONE:
        if j >= len(tokens) or tokens[j].lower in AFTER_PRONOUN_ONE:
            return None  # "which one do you", "the one you mentioned"
    number = Number(
        tokens[i].start,
        tokens[j - 1].end,
        i,
        j,
        acc.value,
        words=acc.words,
        scaled=acc.scaled,
        plain=plain,
    )
    return number, j


def followed_by_multiplier(tokens: list[Token], j: int) -> bool:
    return j + 1 < len(tokens) and tokens[j + 1].lower in scales().multipliers


PRONOUN_ONE = {"the", "this", "that", "which", "each", "every", "any", "no", "another", "someone"}
AFTER_PRONOUN_ONE = {
    "you",
    "do",
    "does",
    "is",
    "was",
    "are",
    "i",
    "we",
    "they",
    "he",
    "she",
    "that",
    "which",
    "who",
    "in",
    "on",
    "?",
    ".",
    ",",
}


def abbreviation(token: Token) -> float | None:
    table = scales().abbreviations
    if token.text in table:
        return table[token.text]
    lower = token.lower
    return table[lower] if len(lower) > 1 and lower in table else None


def read_power(tokens: list[Token], j: int, acc: Accumulator) -> int:
    """'1.1^23', '2.5^-1', '1.3x10^6': powers written with a caret."""
    k = j
    base = acc.atom
    scientific = False  # "1.3x10^6": the atom times a power of ten, not the atom to a power
    if k + 2 < len(tokens) and tokens[k].lower in TIMES_SIGNS and tokens[k + 1].text == "10":
        if tokens[k + 2].text == "^" and glued(tokens, k + 1):
            k += 2
            base, scientific = 10.0, True
        elif tokens[k].text == "×" and glued(tokens, k + 2):
            exponent = flat_exponent(tokens, k + 2)  # "1.99×10−30", "6.02×10²³"
            if exponent is not None:
                value = acc.atom * 10.0 ** exponent[0]
                acc.current = (acc.current - acc.atom) + value  # no cancellation at 1e-30
                acc.atom = value
                return exponent[1]
    if k >= len(tokens) or tokens[k].text != "^" or not glued(tokens, k):
        return j
    k += 1
    sign = 1
    while k < len(tokens) and tokens[k].text in "+-" and tokens[k].text:
        sign = -sign if tokens[k].text == "-" else sign
        k += 1
    if k >= len(tokens) or tokens[k].kind != "num":
        return j
    try:
        power = base ** (sign * digit_value(tokens[k].text))
    except (OverflowError, ZeroDivisionError):
        return j
    value = acc.atom * power if scientific else power
    acc.current = (acc.current - acc.atom) + value
    acc.atom = value
    return k + 1


TIMES_SIGNS = ("x", "×")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


def flat_exponent(tokens: list[Token], k: int) -> tuple[int, int] | None:
    """The exponent written right after '×10' when superscript was lost ('−30') or kept ('²³')."""
    token = tokens[k]
    if token.kind == "word" and all(c in "⁰¹²³⁴⁵⁶⁷⁸⁹⁻" for c in token.text):
        text = token.text.translate(SUPERSCRIPTS)
        return (int(text), k + 1) if text.lstrip("-").isdigit() else None
    if token.text in "−-" and k + 1 < len(tokens) and glued(tokens, k + 1):
        digits = tokens[k + 1].text
        if tokens[k + 1].kind == "num" and digits.isdigit() and len(digits) <= 3:
            return -int(digits), k + 2
    return None


def glued_or_spaced(tokens: list[Token], j: int) -> bool:
    """A vulgar fraction right after a number: '10½' or '10 ½'."""
    return j > 0 and tokens[j - 1].kind == "num"


def can_add(acc: Accumulator, value: float, seen: bool) -> bool:
    """Whether a word number may join what was read so far ('hundred and six': yes)."""
    if not seen or acc.current == 0:
        return True
    if acc.current % 100 == 0 and value < 100:
        return True
    return acc.current % 10 == 0 and acc.current % 100 != 0 and value < 10


def apply_multiplier(
    acc: Accumulator, factor: float, seen: bool, tokens: list[Token], j: int
) -> int | None:
    word = tokens[j].lower
    if not seen and not (j + 1 < len(tokens) and tokens[j + 1].lower in scales().multipliers):
        return None  # a bare "hundred" ("black-hundred") is a word; "hundred thousand" a number
    if factor == 100:
        if acc.current >= 100 and acc.words:
            return None
        acc.current = (acc.current or 1.0) * 100
        acc.atom = 0.0
        return j + 1
    if word in scales().vague and word.endswith("s") and word not in ("dozens",):
        # "3 dozens" and "hundreds" as a plain multiplier only after a number
        if not seen:
            return None
    if not seen and factor in (12, 144):
        return None  # a bare "dozen" or "gross" is a word, not a number
    if acc.current == 0 and acc.total > 0 and factor > acc.last_big:
        acc.total *= factor
    else:
        if acc.last_big and factor >= acc.last_big and acc.current == 0:
            return None
        acc.total += (acc.current or (0.0 if seen and acc.total else 1.0)) * factor
    acc.current = 0.0
    acc.fraction_only = False
    acc.last_big = factor
    return j + 1


def apply_fraction(
    acc: Accumulator, denominator: float, seen: bool, after_and: bool, tokens: list[Token], j: int
) -> int | None:
    """'two thirds', 'a half', 'one and a half', 'half a dozen', 'two thirds of a million'."""
    word = tokens[j].lower
    prev = tokens[j - 1].lower if j > 0 else ""
    nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    standalone = word in ("half", "quarter")
    if not seen and prev in (
        "the",
        "first",
        "second",
        "last",
        "latter",
        "other",
        "third",
        "fourth",
    ):
        return None  # "the first half of 2025" is a period, not a number
    if nxt == "-" and j + 2 < len(tokens) and tokens[j + 2].start == tokens[j + 1].end:
        return None  # "half-staff", "half-time"
    if not seen and not standalone and prev not in ("a", "an"):
        return None
    if word == "quarter" and not seen and prev not in ("a", "an"):
        if nxt not in scales().multipliers:
            return None
    if prev in ("a", "an") or not seen:
        numerator, replaced = 1.0, 0.0
    elif after_and and acc.atom:
        numerator = replaced = acc.atom
    else:
        numerator = replaced = acc.atom if acc.total and acc.atom else acc.current
        if tokens[j - 1].kind == "num" and not glued_or_dash(tokens, j):
            return None  # "the 1988 third quarter"
    if numerator == 0:
        return None
    acc.current += numerator / denominator - replaced
    acc.fraction_only = abs(acc.current - numerator / denominator) < 1e-9 and acc.total > 0
    acc.atom = 0.0
    k = j + 1
    if k + 2 < len(tokens) and tokens[k].lower == "of" and tokens[k + 1].lower in ("a", "an"):
        if tokens[k + 2].lower in scales().multipliers:
            return k + 2  # "two thirds of a million": the multiplier applies
    if k + 1 < len(tokens) and tokens[k].lower in ("a", "an") and tokens[k + 1].lower == "dozen":
        return k + 1  # "half a dozen"
    return k


def glued_or_dash(tokens: list[Token], j: int) -> bool:
    return tokens[j - 1].end == tokens[j].start or tokens[j - 1].text == "-"


def continues_after_and(tokens: list[Token], j: int, acc: Accumulator) -> bool:
    """'hundred and six', 'one and a half', 'million and a quarter': the number goes on."""
    if j + 1 >= len(tokens):
        return False
    nxt = tokens[j + 1]
    word = nxt.lower
    table = scales()
    if word in ("a", "an", "one") and j + 2 < len(tokens):
        if tokens[j + 2].lower in table.fractions:
            return True
    if acc.current and acc.current % 100 != 0 and acc.current >= 1 and not acc.last_big:
        # "three and three fifths" only with a fraction following
        k = j + 1
        atom = word_atom(tokens, k) if nxt.kind == "word" else None
        if atom and atom[1] < len(tokens) and tokens[atom[1]].lower in table.fractions:
            return True
        return False
    if j + 2 < len(tokens) and tokens[j + 2].lower == "hundred" and acc.current >= 100:
        return False  # "3 hundred and 2 hundred" are two numbers
    if not acc.words and nxt.kind == "word":
        return False  # "$ 100 and fifty": digits do not go on in words (fifty cents)
    if nxt.kind == "num":
        if acc.current == 0 and acc.total == 0:
            return False
        return digit_value(nxt.text) < 100 and "." not in nxt.text
    return nxt.kind == "word" and is_atom_word(word)


def read_digit_fraction(tokens: list[Token], j: int, acc: Accumulator) -> int:
    """'3/4', '10 1/2', '-4/5' right after a digit literal."""
    after_slash = j >= 2 and tokens[j - 2].text == "/"
    if j + 1 < len(tokens) and tokens[j].text in "/⁄" and tokens[j + 1].kind == "num":
        if glued(tokens, j) and glued(tokens, j + 1) and not after_slash:
            denominator = digit_value(tokens[j + 1].text)
            followed = j + 2 < len(tokens) and tokens[j + 2].text == "/"
            plain = "." not in tokens[j + 1].text and "." not in tokens[j - 1].text
            if denominator > abs(acc.atom) and plain and not followed:
                numerator = acc.atom
                acc.current += numerator / denominator - numerator
                return j + 2
    if j + 2 < len(tokens) and tokens[j].kind == "num" and tokens[j + 1].text == "/":
        if glued(tokens, j + 1) and glued(tokens, j + 2) and tokens[j + 2].kind == "num":
            numerator, denominator = digit_value(tokens[j].text), digit_value(tokens[j + 2].text)
            if denominator and numerator < denominator:
                acc.current += numerator / denominator
                return j + 3
    return j


def read_point_decimals(tokens: list[Token], j: int, acc: Accumulator) -> int | None:
    """'two hundred point zero three', 'five point five', 'point seventy-one'."""
    digits = ""
    table = scales()
    while j < len(tokens) and tokens[j].kind == "word":
        word = tokens[j].lower
        if word in table.small and table.small[word] < 10 and len(digits) < 12:
            digits += str(int(table.small[word]))
            j += 1
            continue
        atom = word_atom(tokens, j)
        if atom and not digits:
            digits = str(int(atom[0]))
            j = atom[1]
            break
        if atom and table.small.get(word, 99) >= 10:
            digits += str(int(atom[0]))
            j = atom[1]
        break
    if not digits:
        return None
    acc.current += float("0." + digits)
    return j


def abbreviation_applies(tokens: list[Token], j: int) -> bool:
    """'2bn', '$5m', '10k', '2.33 k': a scale abbreviation right after digits."""
    token = tokens[j]
    prev = tokens[j - 1]
    if prev.kind != "num":
        return False
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    if after is not None and after.start == token.end and after.kind in ("word", "num"):
        return False
    if token.lower in ("m", "mm") and token.text != "MM":
        return money_or_many(tokens, j)  # "$5m", "5m people" but "48m", "7.62mm"
    if token.start == prev.end:
        return token.text not in ("G", "T", "B") or not after or after.text not in ("-",)
    return token.text in SPACED_ABBREVIATIONS


CURRENCY_MARKS = set("$€£¥₹₽₴₩₪")
MANY_WORDS = {
    "people",
    "users",
    "customers",
    "subscribers",
    "viewers",
    "visitors",
    "shares",
    "barrels",
    "tonnes",
    "tons",
    "jobs",
    "homes",
    "households",
    "votes",
    "cases",
}


def money_or_many(tokens: list[Token], j: int) -> bool:
    """An 'm' after digits means million after a currency or before a counted plural."""
    k = j - 1
    while k > 0 and tokens[k].kind == "num" or k > 0 and tokens[k].text in ".,":
        k -= 1
    before = tokens[k] if tokens[k].kind != "num" else None
    if before is not None and (before.text in CURRENCY_MARKS or before.text.isupper()):
        return True
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    if tokens[j].lower == "mm" or after is None or after.kind != "word":
        return False
    return after.lower in MANY_WORDS or after.lower not in LENGTH_WORDS


LENGTH_WORDS = {
    "tall",
    "long",
    "wide",
    "high",
    "deep",
    "away",
    "above",
    "below",
    "across",
    "thick",
    "in",
    "from",
    "of",
    "under",
    "over",
    "to",
    "and",
    "or",
    "by",
    "x",
    "is",
    "was",
    "height",
    "length",
    "sprint",
    "race",
    "run",
    "hurdles",
    "freestyle",
    "backstroke",
    "breaststroke",
    "butterfly",
    "medley",
    "relay",
}


def find_numbers(text: str, tokens: list[Token] | None = None) -> list[Number]:
    """Every number expression in text, left to right, none overlapping."""
    tokens = tokenize(text) if tokens is None else tokens
    numbers: list[Number] = []
    i = 0
    while i < len(tokens):
        found = read_vague(tokens, i) or read_ordinal(tokens, i) or read_number(tokens, i)
        if found is None:
            i += 1
            continue
        number, j = found
        number = apply_sign(tokens, number)
        ratio = read_ratio(tokens, number, j)
        if ratio is not None:
            number, j = ratio
        numbers.append(number)
        i = max(j, i + 1)
    return numbers


def read_ordinal(tokens: list[Token], i: int) -> tuple[Number, int] | None:
    """'22nd', '1st', '4th': ordinals written in digits."""
    token = tokens[i]
    if token.kind != "num" or i + 1 >= len(tokens) or "." in token.text:
        return None
    suffix = tokens[i + 1]
    if suffix.lower in ORDINAL_SUFFIX and suffix.start == token.end:
        value = digit_value(token.text)
        return Number(token.start, suffix.end, i, i + 2, value, ordinal=True), i + 2
    return None


def read_vague(tokens: list[Token], i: int) -> tuple[Number, int] | None:
    """'thousands of', 'tens of thousands of', 'hundreds of millions of', 'dozens of'."""
    table = scales()
    word = tokens[i].lower
    base = 1.0
    j = i
    if word in ("tens", "hundreds") and i + 2 < len(tokens) and tokens[i + 1].lower == "of":
        inner = tokens[i + 2].lower
        if inner in table.vague and inner not in ("dozens", "scores"):
            base = 10.0 if word == "tens" else 100.0
            j = i + 2
            word = inner
    if word not in table.vague:
        return None
    follow = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    if follow != "of" and j == i:
        return None
    if i > 0 and (tokens[i - 1].kind == "num" or is_atom_word(tokens[i - 1].lower)):
        return None
    low, high = table.vague[word]
    number = Number(
        tokens[i].start,
        tokens[j].end,
        i,
        j + 1,
        None,
        low=low * base,
        high=high * base,
        words=True,
        scaled=True,
    )
    return number, j + 1


def apply_sign(tokens: list[Token], number: Number) -> Number:
    """A minus sign or 'minus'/'negative' right before the number."""
    i = number.first
    if i == 0 or number.value is None:
        return number
    prev = tokens[i - 1]
    if prev.lower in SIGN_WORDS:
        start = prev.start
    elif prev.text in ("-", "−") and i >= 2 and tokens[i - 2].lower in SIGN_WORDS:
        return Number(  # "minus-130 degrees"
            tokens[i - 2].start,
            number.end,
            i - 2,
            number.last,
            -number.value,
            words=number.words,
            scaled=number.scaled,
            plain=number.plain,
        )
    elif prev.text in ("-", "−"):
        before = tokens[i - 2] if i >= 2 else None
        if before is not None and before.kind in ("num", "word"):
            if before.end == prev.start or prev.end != tokens[i].start or before.kind == "num":
                return number  # "F-35", "10-20", "mid - 1972": a hyphen, not a sign
        start = prev.start
    else:
        return number
    return Number(
        start,
        number.end,
        i - 1,
        number.last,
        -number.value,
        words=number.words,
        scaled=number.scaled,
        plain=number.plain,
    )


def read_ratio(tokens: list[Token], number: Number, j: int) -> tuple[Number, int] | None:
    """'one in five', '1 out of 3', 'one over three': a ratio as a fraction."""
    if number.value is None or number.ordinal or j + 1 >= len(tokens):
        return None
    word = tokens[j].lower
    if word == "out" and j + 2 < len(tokens) and tokens[j + 1].lower == "of":
        k = j + 2
    elif word in ("in", "over"):
        k = j + 1
    else:
        return None
    found = read_number(tokens, k)
    if found is None:
        return None
    other, end = found
    if not other.value or (word != "over" and other.value <= number.value):
        return None
    if word == "in" and number.value != 1 and not number.words:
        return None
    if word == "over":
        after = tokens[end] if end < len(tokens) else None
        if after is not None and after.kind in ("word", "num"):
            return None
    value = number.value / other.value
    ratio = Number(
        number.start,
        other.end,
        number.first,
        end,
        value,
        words=True,
        ratio=True,
    )
    return ratio, end
