"""The running sum of one number read in words and digits: word atoms ('fifty-two'), scale
words ('two hundred thousand'), fractions ('two thirds', 'one and a half'), powers ('10^3',
'1.3×10²³'), slashes ('3/4', '10 1/2') and spoken decimals ('five point five').

numbers.read_number walks the tokens and calls these steps; each adds to an `Accumulator` and
says where the number goes on (a token index), or refuses (None) so that the number ends.
"""

from __future__ import annotations

from dataclasses import dataclass

from presslens.stages.figures.scales import scales
from presslens.stages.figures.tokens import Token, digit_value, glued

TIMES_SIGNS = ("x", "×")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")


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


def glued_or_spaced(tokens: list[Token], j: int) -> bool:
    """A vulgar fraction right after a number: '10½' or '10 ½'."""
    return j > 0 and tokens[j - 1].kind == "num"


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
