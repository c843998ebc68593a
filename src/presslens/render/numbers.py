"""Numbers as a reader writes them, for every output (the Markdown summary, the HTML report,
the web pages and the tooltips in the text): "$1 trillion", "about 50,000", "under 33%",
"2015–2022", "0.98".

A figure's `value` is a float ("$1 trillion" is 1e12 with unit USD), so printing it as it is
gives "1e+12" or "0.3333333333". Large amounts are written with a scale word and at most four
significant digits (the article's own text is shown beside them for the exact wording);
counts below a million are written whole with thousands separators; years are never grouped.
"""

from __future__ import annotations

import math

from presslens.model import Figure

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}
BOUND_WORDS = {"approx": "about", "over": "over", "under": "under"}
TIME_KINDS = ("date", "time", "ordinal")
# Units written after the number and pluralised when the number is not one.
PLURAL_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade"}
SIGNIFICANT = 4


def significant(value: float, digits: int = SIGNIFICANT) -> str:
    """`value` to at most `digits` significant digits, without trailing zeros or exponent."""
    if value == 0:
        return "0"
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    text = f"{value:.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def readable_number(value: float) -> str:
    """1e12 -> "1 trillion", 18.7e9 -> "18.7 billion", 400000 -> "400,000", 1/3 -> "0.3333"."""
    if not math.isfinite(value):
        return str(value)
    sign = "-" if value < 0 else ""
    size = abs(value)
    for scale, word in SCALES:
        if size >= scale * 0.9995:  # 999,999,999 reads as "1 billion", not "1000 million"
            mantissa = float(significant(size / scale))
            if mantissa < 1000 or word == SCALES[0][1]:
                return f"{sign}{significant(mantissa)} {word}"
    if size >= 1000:
        return f"{sign}{round(size):,}"
    return sign + significant(size)


def score(value: float) -> str:
    """A probability-like score in [0, 1] as shown to a reader: two decimals."""
    return f"{value:.2f}"


def percent(value: float) -> str:
    """A number already in percent: 75.0 -> "75%", 12.345 -> "12.35%"."""
    return f"{readable_number(value)}%"


def ratio_as_percent(value: float) -> str:
    """A share: 1/3 -> "33%", 0.5 -> "50%"; two significant digits (a ratio is rarely exact)."""
    return f"{significant(value * 100, 2)}%"


def plain_year(value: float) -> str:
    """Dates and ordinals: 2024 -> "2024" (never "2,024")."""
    return str(int(value)) if float(value).is_integer() else significant(value)


def amount(value: float, figure: Figure) -> str:
    """One number of the figure in its unit: "$1 trillion", "75%", "11 years", "50 m/day"."""
    unit = figure.unit or ""
    if figure.kind in TIME_KINDS:
        return plain_year(value)
    if figure.kind == "percent" or unit == "percent":
        return percent(value)
    if figure.kind == "ratio" and 0 < abs(value) <= 1:
        return ratio_as_percent(value)
    if figure.kind == "factor":
        return f"×{significant(value)}"
    number = readable_number(value)
    if figure.kind == "money" and unit in CURRENCY_SIGNS:
        return f"{'-' if number.startswith('-') else ''}{CURRENCY_SIGNS[unit]}{number.lstrip('-')}"
    if figure.kind == "count" or not unit:
        return number  # what is counted ("civilian casualty") is shown apart, as the unit
    if unit in PLURAL_UNITS and value != 1:
        unit += "s"
    return f"{number} {unit}"


def figure_value(figure: Figure) -> str:
    """The figure as data in words: "$1 trillion", "about 50,000", "under 33%", "2015–2022"."""
    if figure.low is not None and figure.high is not None:
        low, high = amount(figure.low, figure), amount(figure.high, figure)
        return f"{low}–{high}"
    if figure.value is None:
        return ""
    text = amount(figure.value, figure)
    bound = BOUND_WORDS.get(figure.bound)
    return f"{bound} {text}" if bound else text


def figure_unit(figure: Figure) -> str:
    """What a count counts ("civilian casualty"), which `figure_value` leaves out; else ""."""
    return (figure.unit or "") if figure.kind == "count" else ""


def figure_change(figure: Figure) -> str:
    """The change as shown: up, down, or the factor ("×3"); nothing more for a figure that is
    itself a factor ("tripled" is already "×3")."""
    if figure.change == "factor" and figure.factor:
        return "" if figure.kind == "factor" else f"×{significant(figure.factor)}"
    return figure.change or ""
