"""What kind of figure a number is, beyond count and unit: a date or a clock time ('2021',
'May 4', '5pm', '2016-07-23' is ranges.py's), a label that names a thing ('Section 427',
'F-35', '14 Elm Tree Road'), an age ('29 years old', '64 yo') or a rate ('50 meters a day').

Each test reads only a few tokens around the number: it runs for every number of an article.
"""

from __future__ import annotations

from presslens.stages.figures.cues import cues
from presslens.stages.figures.draft import Draft
from presslens.stages.figures.lexicon import figure_words
from presslens.stages.figures.numbers import Number
from presslens.stages.figures.tokens import Token
from presslens.stages.figures.units import Unit, currency_before, rate_after, tables, unit_after

# ---- dates and times ----------------------------------------------------------------------


def date_kind(tokens: list[Token], number: Number) -> str | None:
    """'date' for years and days of months, 'time' for clock times; None otherwise."""
    if number.value is None or number.words or number.scaled:
        return None
    i, j = number.first, number.last
    if month_day_slash(tokens, i, j):
        return "date"  # "the 9/11 attacks", "on 5/12": a month and a day, not 0.82
    text = number.plain
    nxt = tokens[j] if j < len(tokens) else None
    prev = tokens[i - 1] if i > 0 else None
    if nxt is not None and nxt.kind == "word" and is_clock_suffix(tokens, j):
        return "time"
    if text.startswith("0") and len(text) == 4 and text.isdigit():
        return "time"  # "0401 GMT"
    if (
        nxt is not None
        and nxt.text in (":",)
        and j + 1 < len(tokens)
        and tokens[j + 1].kind == "num"
    ):
        if nxt.end == tokens[j + 1].start and len(tokens[j + 1].text) == 2:
            return "time"
    if prev is not None and prev.text == ":" and i >= 2 and tokens[i - 2].kind == "num":
        if prev.start == tokens[i - 2].end:
            return "time"
    if text and "/" in (prev.text if prev else "", nxt.text if nxt else ""):
        if is_slash_date(tokens, i):
            return "date"
    months = cues().months
    month_before = i - 1
    if prev is not None and prev.text == "." and i >= 2 and tokens[i - 2].lower in months:
        month_before = i - 2  # "Sept. 30"
    if text.isdigit() and 1 <= number.value <= 31:
        if month_before >= 0 and month_at(tokens, month_before):
            return "date"
        if nxt is not None and month_at(tokens, j):
            return "date"
        if joined_to_day(tokens, i):
            return "date"  # "Nov. 7 and 8": the 8th of November too
    if text.isdigit() and len(text) <= 4 and era_year(tokens, i, j):
        return "date"
    if text.isdigit() and len(text) == 4 and 1800 <= number.value <= 2100:
        return "date" if year_like(tokens, number) else None
    if text.isdigit() and len(text) == 4 and nxt is not None and nxt.text == "s":
        return "date"  # "1990s"
    if text.isdigit() and len(text) == 2 and nxt is not None and nxt.text == "s":
        if prev is not None and prev.text in "'’" and prev.end == tokens[i].start:
            return "date"  # "the '60s": a decade
    return None


DAY_JOINERS = frozenset({"and", "or", "&", "to", "through", "-", "–"})


def joined_to_day(tokens: list[Token], i: int) -> bool:
    """The number at i follows a day of a month through 'and', 'or', 'to', a dash."""
    k = i
    while k >= 2 and tokens[k - 1].lower in DAY_JOINERS and tokens[k - 2].kind == "num":
        day = tokens[k - 2]
        if not day.text.isdigit() or not 1 <= int(day.text) <= 31:
            return False
        m = k - 3
        if m >= 1 and tokens[m].text == "." and tokens[m - 1].lower in cues().months:
            m -= 1
        if m >= 0 and month_at(tokens, m):
            return True
        k -= 2
    return False


def is_clock_suffix(tokens: list[Token], j: int) -> bool:
    """'5am', '10.45pm', '11 a.m.', '6 p.m.'."""
    word = tokens[j].lower
    if word in ("am", "pm"):
        return True
    return (
        word in ("a.", "p.", "a", "p")
        and j + 1 < len(tokens)
        and tokens[j + 1].lower in ("m", "m.")
    )


def month_at(tokens: list[Token], k: int) -> bool:
    """Token k names a month. 'May' and 'March' are months capitalised; in lower case only
    after a date preposition ('on may 19', 'on 1 may') or abbreviated with a period ('dec.')."""
    token = tokens[k]
    word = token.lower.rstrip(".")
    if word not in cues().months:
        return False
    words = figure_words()
    if word not in words.ambiguous_months or token.text[0].isupper():
        return True
    if word != "may" and k + 1 < len(tokens) and tokens[k + 1].text == ".":
        return tokens[k + 1].start == token.end  # "jan. 1", "dec. 12, 1994"
    before = tokens[k - 1].lower if k > 0 else ""
    if before in words.date_prepositions:
        return True
    if k >= 2 and tokens[k - 1].kind == "num" and tokens[k - 2].lower in words.date_prepositions:
        return True  # "on 1 may"
    return False


ERA_AFTER = (("AD",), ("BC",), ("BCE",), ("CE",), ("A", ".", "D", "."), ("B", ".", "C", "."))


def era_year(tokens: list[Token], i: int, j: int) -> bool:
    """'A.D. 1000', '50 BC', 'between A.D. 1000 and 1260': a year with an era, any size."""

    def words(start: int, end: int) -> tuple[str, ...]:
        # Only a few tokens around the number are read (this runs for every number).
        return tuple(token.text for token in tokens[start:end])

    if i >= 1 and tokens[i - 1].text == "AD" or i >= 4 and words(i - 4, i) == ERA_AFTER[4]:
        return True
    if any(words(j, j + len(era)) == era for era in ERA_AFTER):
        return True
    if i >= 2 and tokens[i - 1].text in ("and", "to", "-", "–") and tokens[i - 2].kind == "num":
        first = i - 2
        return first >= 1 and (
            tokens[first - 1].text == "AD" or first >= 4 and words(first - 4, first) == ERA_AFTER[4]
        )
    return False


def month_day_slash(tokens: list[Token], i: int, j: int) -> bool:
    """'9/11', '5/12': digits over digits that read as month/day rather than a fraction (news
    writes fractions with small denominators: 1/3, 3/4, 9/10), with no whole number before
    ('1 3/16'), no unit after ('3/16 inch') and no 'of' ('1/16 of a pint')."""
    if j - i != 3 or tokens[i + 1].text != "/" or not tokens[i].text.isdigit():
        return False
    top, bottom = tokens[i].text, tokens[i + 2].text
    if not bottom.isdigit() or not (1 <= int(top) <= 12 and 11 <= int(bottom) <= 31):
        return False
    if i > 0 and tokens[i - 1].kind == "num":
        return False
    if j < len(tokens) and tokens[j].lower == "of":
        return False  # "1/16 of a pint": a part of something
    return j >= len(tokens) or unit_after(tokens, j, touching=False) is None


def is_slash_date(tokens: list[Token], i: int) -> bool:
    """'5/17/2018' and '17/05/18': three numbers joined by slashes."""
    k = i
    while k >= 2 and tokens[k - 1].text == "/" and tokens[k - 2].kind == "num":
        k -= 2
    parts = 1
    m = k
    while m + 2 < len(tokens) and tokens[m + 1].text == "/" and tokens[m + 2].kind == "num":
        m += 2
        parts += 1
    return parts == 3


def year_like(tokens: list[Token], number: Number) -> bool:
    """A 4-digit number is a year unless it counts something ('2000 people')."""
    i, j = number.first, number.last
    prev = tokens[i - 1].lower if i > 0 else ""
    nxt = tokens[j] if j < len(tokens) else None
    if prev in cues().year_preps or prev.rstrip(".") in cues().months:
        return True
    if nxt is not None and nxt.text in ("AD", "BC", "CE", "BCE"):
        return True
    if prev in (".", "ad", "bc") and i >= 2 and tokens[i - 2].lower in ("d", "a.", "ad", "bc", "c"):
        return True  # "A.D. 1000"
    if nxt is None:
        return True
    if nxt.kind == "word" and nxt.text.islower():
        word = nxt.lower
        if word in figure_words().plural_people or (word.endswith("s") and not word.endswith("ss")):
            return unit_after(tokens, j, touching=False) is None and word not in ("was", "is")
    return True


# ---- labels -------------------------------------------------------------------------------


HYPHEN_JOINERS = frozenset({"to", "through", "and"})


def hyphen_joint(tokens: list[Token], k: int) -> bool:
    """Tokens k..k+2 are '-to-' (or '-through-', '-and-') glued between two numbers."""
    if k < 1 or k + 3 >= len(tokens) or tokens[k - 1].kind not in ("num", "word"):
        return False
    dash, word, dash2 = tokens[k], tokens[k + 1], tokens[k + 2]
    glued_all = tokens[k - 1].end == dash.start and dash.end == word.start
    glued_all = glued_all and word.end == dash2.start and dash2.end == tokens[k + 3].start
    return glued_all and dash.text in "-‐" and dash2.text in "-‐" and word.lower in HYPHEN_JOINERS


def glued_label(tokens: list[Token], number: Number) -> bool:
    """'scp-173', 'WW1', '24703L202', '1 )': numbers glued into codes or list markers."""
    i, j = number.first, number.last
    if i > 0 and tokens[i - 1].kind == "word" and tokens[i - 1].end == tokens[i].start:
        return currency_before(tokens, i) is None
    if i > 1 and tokens[i - 1].text in "-‐" and tokens[i - 1].end == tokens[i].start:
        before = tokens[i - 2]
        if i > 3 and hyphen_joint(tokens, i - 3):
            return False  # "0-to-60": the end of a range written with hyphens
        if before.kind == "num" and before.end == tokens[i - 1].start and before.text.isdigit():
            if number.value is not None and number.value <= int(before.text) < 1000:
                return True  # "beat Clemson 45-40": the second half of a score
        if i > 2 and tokens[i - 3].kind == "num" and tokens[i - 3].end == before.start:
            return False  # "5k-20k": a range of scaled numbers
        if before.kind == "word" and before.end == tokens[i - 1].start:
            if (before.lower,) in cues().bounds:
                return False  # "sub-300"
            if currency_before(tokens, i) is None and before.lower not in cues().up:
                return (
                    before.text[0].isupper()
                    or before.lower in cues().labels
                    or before.text.islower()
                )
    if j + 1 < len(tokens) and tokens[j].kind == "word" and tokens[j].start == tokens[j - 1].end:
        if tokens[j + 1].kind == "num" and tokens[j + 1].start == tokens[j].end:
            return True
    if j < len(tokens) and tokens[j].text == ")" and not number.words:
        return not any(t.text == "(" for t in tokens[max(0, i - 4) : i])
    return False


def is_label(tokens: list[Token], number: Number) -> bool:
    """'Section 427', 'Model 3', 'F-35', 'COVID-19', 'S&P 500': a number that names a thing."""
    i = number.first
    if number.words or number.scaled or number.value is None:
        return False
    if house_number(tokens, number):
        return True
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.kind == "word" and prev.end == tokens[i].start:
        return True  # "WW1", "G7", "S23"
    if (
        prev.text in "-‐"
        and i >= 2
        and tokens[i - 2].kind == "word"
        and tokens[i - 2].end == prev.start
    ):
        return tokens[i - 2].text[0].isupper() or tokens[i - 2].lower in cues().labels
    word = prev.lower
    if word in cues().labels and prev.text[0].isupper():
        return True
    if word in cues().labels_any_case or (
        word == "." and i >= 2 and tokens[i - 2].lower in ("no", "nos")
    ):
        return True
    if prev.kind == "word" and prev.text[0].islower() and any(c.isupper() for c in prev.text):
        return True  # "iPhone 12"
    if prev.kind == "word" and prev.text[0].isupper() and not is_sentence_start(tokens, i - 1):
        return capitalised_name(tokens, i - 1)
    if prev.text == "&" or (prev.text == "#" and prev.end == tokens[i].start):
        return True
    return False


ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def house_number(tokens: list[Token], number: Number) -> bool:
    """'49 Zorro Ranch Road', '9 E 71st St', '22 Ave Foch': a number before a street name."""
    if not number.plain.isdigit():
        return False  # house numbers are plain digits: "49", not "4.5" or "1e999"
    streets = cues().streets
    for k in range(number.last, min(number.last + 5, len(tokens))):
        token = tokens[k]
        if token.kind == "word" and token.text[0].isupper():
            if token.lower in streets and not saint(tokens, k):
                return True
            continue
        glued = token.start == tokens[k - 1].end
        if token.kind == "num" or (token.lower in ORDINAL_SUFFIXES and glued):
            continue
        return False
    return False


def saint(tokens: list[Token], k: int) -> bool:
    """'St. Louis', 'St Paul': Saint before a name, not Street."""
    if tokens[k].lower != "st":
        return False
    m = k + 2 if k + 1 < len(tokens) and tokens[k + 1].text == "." else k + 1
    return m < len(tokens) and tokens[m].kind == "word" and tokens[m].text[0].isupper()


def capitalised_name(tokens: list[Token], k: int) -> bool:
    """A capitalised word before a number that is a name, not a cue ('Sakhalin 1')."""
    word = tokens[k].lower
    all_cues = cues()
    if (word,) in all_cues.bounds or word in all_cues.up or word in all_cues.down:
        return False
    if word.rstrip(".") in all_cues.months or word in all_cues.year_preps:
        return False
    if (word,) in tables().before_lower or (tokens[k].text,) in tables().before:
        return False
    openers = figure_words().sentence_openers
    return word not in openers and word not in ("about", "around", "nearly", "some")


def is_sentence_start(tokens: list[Token], k: int) -> bool:
    return k == 0 or tokens[k - 1].text in (".", "!", "?", "\n", ":", "“", '"', "(")


# ---- ages and rates -----------------------------------------------------------------------


def read_rate_and_age(tokens: list[Token], draft: Draft, last: int) -> int:
    """'50 meters a day' -> m/day; '29 years old', '50-year-old' -> year of age."""
    unit = draft.unit
    age_units = figure_words().age_units
    if unit is not None and unit.kind == "duration" and unit.unit in age_units:
        k = last + 1 if last < len(tokens) and tokens[last].text in "-‐" else last
        if k < len(tokens) and tokens[k].lower in ("old", "olds"):  # "18- to 29-year-olds"
            draft.unit = Unit(unit.unit + " of age", age_units[unit.unit], "duration")
            return k + 1
        if k + 1 < len(tokens) and tokens[k].lower == "of" and tokens[k + 1].lower == "age":
            draft.unit = Unit(unit.unit + " of age", age_units[unit.unit], "duration")
            return k + 2
        return last
    age_abbreviation = age_after(tokens, last) if unit is None else None
    if age_abbreviation is not None:
        draft.unit = Unit("year of age", "year of age", "duration")
        draft.kind = "duration"
        return age_abbreviation
    before = [t.lower for t in tokens[max(draft.first - 2, 0) : draft.first]]
    if unit is None and (before[-1:] in (["aged"], ["age"], ["ages"]) or before[-1:] == ["of"]):
        if before[-1:] == ["of"] and before[0] not in ("age", "ages"):
            return last
        draft.unit = Unit("year of age", "year of age", "duration")
        draft.kind = "duration"
        return last
    if unit is None or unit.kind not in ("money", "percent", "quantity", "temperature", "duration"):
        return last
    k = last + 1 if last < len(tokens) and tokens[last].text in "-‐" else last
    rate = rate_after(tokens, k)
    if rate is None and k < len(tokens) and tokens[k].lower == "of":
        rate = rate_after_of(tokens, k)  # "2.4 billion gallons of jet fuel a year"
        if rate is not None:
            return apply_rate(draft, unit, rate[0], last)
    if rate is None:
        return last
    denominator, end = rate
    if end < len(tokens) and tokens[end - 1].text in "-‐":
        return last
    known = tables().by_code.get(denominator)
    name = known.name if known else denominator
    draft.unit = Unit(f"{unit.unit}/{denominator}", f"{unit.name} per {name}", "rate")
    draft.kind = "rate"
    return end


AGE_ABBREVIATIONS = ("yo", "y.o.", "y/o", "yrs old", "yr old")


def age_after(tokens: list[Token], j: int) -> int | None:
    """'87 yo', '40 y.o.', '6 y/o': where a written-short age ends, or None."""
    text = ""
    for k in range(j, min(j + 4, len(tokens))):
        if k > j and tokens[k].start - tokens[k - 1].end > 1:
            break
        text += (" " if k > j and tokens[k].start > tokens[k - 1].end else "") + tokens[k].lower
        if text in AGE_ABBREVIATIONS:
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is None or after.start > tokens[k].end or after.kind != "word":
                return k + 1
    return None


def rate_after_of(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """A rate after a short 'of' phrase: 'of copper cathode a year'."""
    for m in range(k + 2, min(k + 5, len(tokens))):
        if tokens[m - 1].kind != "word":
            return None
        if tokens[m].lower in ("a", "per", "an") or tokens[m].lower in tables().adverbs:
            found = rate_after(tokens, m)
            return found if found is not None and found[0] in figure_words().time_rates else None
    return None


def apply_rate(draft: Draft, unit: Unit, denominator: str, last: int) -> int:
    """Make the figure a rate but keep its span on the number and unit."""
    known = tables().by_code.get(denominator)
    name = known.name if known else denominator
    draft.unit = Unit(f"{unit.unit}/{denominator}", f"{unit.name} per {name}", "rate")
    draft.kind = "rate"
    return last
