"""Numbers in running text: digits, words, scales, fractions and vague plurals, with offsets.

It knows nothing of units. `find_numbers` reads every number expression ("2 billion",
"EUR 18.7 bn" -> 18.7 bn, "thirty five", "one and a half", "two thirds of a million",
"one in five", "tens of thousands of") into a `Number`; `read_number` reads one, token by token,
adding each part with the steps of accumulate.py. The scale words live in resources/scales.json.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presslens.stages.figures.accumulate import (
    Accumulator,
    apply_fraction,
    apply_multiplier,
    can_add,
    continues_after_and,
    glued_or_spaced,
    is_atom_word,
    read_digit_fraction,
    read_point_decimals,
    read_power,
    word_atom,
)
from presslens.stages.figures.lexicon import figure_words
from presslens.stages.figures.scales import scales
from presslens.stages.figures.tokens import Token, digit_value, tokenize

VULGAR = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5,
    "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8,
    "⅞": 7 / 8,
}  # fmt: skip
ORDINAL_SUFFIX = {"st", "nd", "rd", "th"}
SPACED_ABBREVIATIONS = {"k", "K", "bn", "mn", "mln", "bln", "tn", "tln", "trn", "MM", "mil"}
SIGN_WORDS = {"minus": -1.0, "negative": -1.0}


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


@dataclass(slots=True)
class Reading:
    """Where read_number stands: the next token, the running sum and what came before."""

    j: int
    acc: Accumulator = field(default_factory=Accumulator)
    seen: bool = False
    joined: bool = False  # right after a multiplier or "and": a smaller number may follow
    after_and: bool = False
    expect_multiplier: bool = False  # after a digit literal only a scale word may follow


def read_number(tokens: list[Token], i: int) -> tuple[Number, int] | None:
    """The number expression starting at token i, or None."""
    table = scales()
    state = Reading(i)
    while state.j < len(tokens):
        token = tokens[state.j]
        word = token.lower
        # Which token may come next, in order; each step reads it and says whether to go on.
        if token.kind == "num" and not state.expect_multiplier and (not state.seen or state.joined):
            go_on = read_digits(tokens, state)
        elif token.kind == "vulgar" and (not state.seen or glued_or_spaced(tokens, state.j)):
            go_on = read_vulgar(tokens, state)
        elif token.kind == "word" and is_atom_word(word) and not state.expect_multiplier:
            go_on = read_word_atom(tokens, state)
        elif word in table.multipliers and token.kind == "word":
            go_on = read_multiplier(tokens, state)
        elif state.seen and token.kind == "word" and abbreviation(token) is not None:
            go_on = read_abbreviation(tokens, state)
        elif word in ("a", "an") and not state.expect_multiplier:
            go_on = read_article(tokens, state)
        elif token.text == "-" and state.seen and state.j + 1 < len(tokens):
            go_on = read_fraction_dash(tokens, state)
        elif word in table.fractions and token.kind == "word":
            go_on = read_fraction(tokens, state)
        elif word == "and" and state.seen and continues_after_and(tokens, state.j, state.acc):
            go_on = read_and(state)
        elif word == "point" and state.seen and state.acc.words and state.j + 1 < len(tokens):
            go_on = read_point(tokens, state)
        else:
            go_on = False
        if not go_on:
            break
    return finish_number(tokens, i, state)


def read_digits(tokens: list[Token], state: Reading) -> bool:
    """A digit literal, with a power or a slash fraction glued on ('10^3', '3/4')."""
    acc = state.acc
    value = digit_value(tokens[state.j].text)
    if state.seen and (value >= 100 or not can_add(acc, value, state.seen)):
        return False
    if state.seen and not state.after_and and not followed_by_multiplier(tokens, state.j):
        return False  # "2.9 million 9 liter cases" are two numbers
    acc.current += value
    acc.atom = value
    state.seen, state.expect_multiplier, state.joined = True, True, False
    state.j = read_power(tokens, state.j + 1, acc)
    state.j = read_digit_fraction(tokens, state.j, acc)
    return True


def read_vulgar(tokens: list[Token], state: Reading) -> bool:
    """'½', '10½', '10 ½'."""
    state.acc.current += VULGAR[tokens[state.j].text]
    state.seen, state.expect_multiplier = True, True
    state.j += 1
    return True


def read_word_atom(tokens: list[Token], state: Reading) -> bool:
    """'seven', 'fifty-two': a word number below 100."""
    acc = state.acc
    atom = word_atom(tokens, state.j)
    if atom is None or not (state.after_and or can_add(acc, atom[0], state.seen)):
        return False
    # "two hundred six" needs no "and": nothing more to check
    acc.current += atom[0]
    acc.atom = atom[0]
    acc.words = True
    state.seen, state.joined = True, False
    state.j = atom[1]
    return True


def read_multiplier(tokens: list[Token], state: Reading) -> bool:
    """'hundred', 'million', 'dozen'."""
    factor = scales().multipliers[tokens[state.j].lower]
    step = apply_multiplier(state.acc, factor, state.seen, tokens, state.j)
    if step is None:
        return False
    state.seen, state.expect_multiplier, state.joined = True, False, True
    state.acc.words = state.acc.scaled = True
    state.j = step
    return True


def read_abbreviation(tokens: list[Token], state: Reading) -> bool:
    """'2bn', '10k': a scale abbreviation ends the number (always False: read no further)."""
    acc = state.acc
    token = tokens[state.j]
    if not abbreviation_applies(tokens, state.j):
        return False
    acc.current *= abbreviation(token) or 1.0
    acc.total += acc.current
    acc.current = 0.0
    acc.scaled = True
    state.j += 1
    return False


def read_article(tokens: list[Token], state: Reading) -> bool:
    """'a million', 'a half': the article counts as one before a scale word."""
    table = scales()
    j = state.j
    nxt = tokens[j + 1].lower if j + 1 < len(tokens) else ""
    if nxt in table.multipliers and not state.acc.current:
        state.acc.current, state.acc.atom, state.seen = 1.0, 1.0, True
        state.j += 1
        return True
    if nxt in table.fractions:
        state.j += 1
        return True
    return False


def read_fraction_dash(tokens: list[Token], state: Reading) -> bool:
    if tokens[state.j + 1].lower in scales().fractions:
        state.j += 1  # "one-eighth", "five - eighths"
        return True
    return False


def read_fraction(tokens: list[Token], state: Reading) -> bool:
    """'thirds', 'half', 'quarter'."""
    denominator = scales().fractions[tokens[state.j].lower]
    acc = state.acc
    step = apply_fraction(acc, denominator, state.seen, state.after_and, tokens, state.j)
    if step is None:
        return False
    state.seen, state.expect_multiplier, state.joined = True, False, False
    acc.words = True
    state.j = step
    return True


def read_and(state: Reading) -> bool:
    """'hundred and six': the number goes on after 'and'."""
    state.acc.atom = 0.0
    state.j += 1
    state.expect_multiplier, state.joined, state.after_and = False, True, True
    return True


def read_point(tokens: list[Token], state: Reading) -> bool:
    """'five point five': spoken decimals end the number (always False)."""
    step = read_point_decimals(tokens, state.j + 1, state.acc)
    if step is not None:
        state.j = step
    return False


def finish_number(tokens: list[Token], i: int, state: Reading) -> tuple[Number, int] | None:
    """The number read from token i, without a trailing 'and', 'a' or '-'; None when nothing
    was read or a lone 'one' is a pronoun."""
    j = state.j
    while j > i and tokens[j - 1].lower in ("and", "a", "an", "-"):
        j -= 1
    if not state.seen or j == i:
        return None
    plain = tokens[i].text if j == i + 1 else ""
    words = figure_words()
    if plain.lower() == "one" and i > 0 and tokens[i - 1].lower in words.pronoun_one:
        if j >= len(tokens) or tokens[j].lower in words.after_pronoun_one:
            return None  # "which one do you", "the one you mentioned"
    number = Number(
        tokens[i].start,
        tokens[j - 1].end,
        i,
        j,
        state.acc.value,
        words=state.acc.words,
        scaled=state.acc.scaled,
        plain=plain,
    )
    return number, j


def followed_by_multiplier(tokens: list[Token], j: int) -> bool:
    return j + 1 < len(tokens) and tokens[j + 1].lower in scales().multipliers


def abbreviation(token: Token) -> float | None:
    table = scales().abbreviations
    if token.text in table:
        return table[token.text]
    lower = token.lower
    return table[lower] if len(lower) > 1 and lower in table else None


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
    words = figure_words()
    return after.lower in words.many_words or after.lower not in words.length_words


def find_numbers(text: str, tokens: list[Token] | None = None) -> list[Number]:
    """Every number expression in text, left to right, none overlapping."""
    tokens = tokenize(text) if tokens is None else tokens
    numbers: list[Number] = []
    i = 0
    while i < len(tokens):
        found = read_vague(tokens, i) or read_ordinal(tokens, i)
        found = found or (read_number(tokens, i) if may_open_number(tokens[i]) else None)
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


def may_open_number(token: Token) -> bool:
    """Whether `read_number` may read a number from this token: the tests of its first step
    (nothing seen yet, no multiplier expected) that read on; for any other token it reads
    nothing and returns None."""
    if token.kind in ("num", "vulgar") or token.lower in ("a", "an"):
        return True
    table = scales()
    word = token.lower
    return token.kind == "word" and (
        is_atom_word(word) or word in table.multipliers or word in table.fractions
    )


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
        start, first = prev.start, i - 1
    elif prev.text in ("-", "−") and i >= 2 and tokens[i - 2].lower in SIGN_WORDS:
        start, first = tokens[i - 2].start, i - 2  # "minus-130 degrees"
    elif prev.text in ("-", "−"):
        before = tokens[i - 2] if i >= 2 else None
        if before is not None and before.kind in ("num", "word"):
            if before.end == prev.start or prev.end != tokens[i].start or before.kind == "num":
                return number  # "F-35", "10-20", "mid - 1972": a hyphen, not a sign
        start, first = prev.start, i - 1
    else:
        return number
    return Number(
        start,
        number.end,
        first,
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
