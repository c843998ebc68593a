"""Bytes to text: UTF-8 (with or without BOM), UTF-16, and legacy encodings by detection.

Text that is UTF-8 but for a few stray bytes stays UTF-8, the stray bytes replaced by U+FFFD and
counted in a note (a detector would read the whole article as another code page: mojibake).
Control characters (NUL, terminal escapes) never reach an article: `scrub` drops them, after
`repair_mojibake` has mended UTF-8 that an earlier program read as Windows-1252 or Latin-1
("PeÃ±a Nieto" back to "Peña Nieto"; one person, not two actors).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from presslens.errors import BinaryInputError, EmptyInputError

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """Control bytes (other than whitespace) in more than 1% of a sample: not text."""
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(1, len(sample) // 100)


def utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from the zero bytes that ASCII characters leave behind."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, *, name: str = "input") -> str:
    """Decode article bytes; raises a clear error for empty or binary data."""
    return decode_with_note(data, name=name)[0]


def decode_with_note(data: bytes, *, name: str = "input") -> tuple[str, str | None]:
    """The text of article bytes and a note when bytes had to be replaced; raises a clear error
    for empty or binary data."""
    if not data.strip():
        raise EmptyInputError(f"{name} is empty: give a file or URL with article text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff"), None
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), None
    if looks_binary(data):
        raise BinaryInputError(
            f"{name} looks like binary data, not text or HTML: give a text, HTML or URL input"
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    mostly = mostly_utf8(data)
    if mostly is not None:
        return mostly
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return data.decode("utf-8", errors="replace"), None
    if best.encoding in WESTERN_COUSINS and is_plain_western(data):
        return data.decode("cp1252"), None
    return data.decode(best.encoding, errors="replace"), None


def mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few invalid bytes: its text with U+FFFD for them, and a note saying how many.

    Legacy code pages almost never form valid UTF-8 sequences (an accented letter is one byte
    followed by ASCII), so text with at least twice as many valid multi-byte characters as
    invalid bytes is UTF-8 that was damaged, not another encoding."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - invalid
    if invalid <= 0 or multibyte < 2 * invalid:
        return None
    return text, f"{invalid} invalid UTF-8 byte sequence(s) replaced with U+FFFD"


# C0 controls but tab, line feed, vertical tab, form feed and carriage return; DEL; C1 controls
# but NEL. They are never article text, a terminal runs the escapes, and PostgreSQL refuses NUL.
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")
# Lone UTF-16 surrogates (a JSON "\ud800" escape, a str built by hand): no encoding can write them.
SURROGATES = re.compile("[\ud800-\udfff]")


# The first character of a UTF-8 multi-byte sequence read as Windows-1252 or Latin-1 (bytes
# C2-F4 are "Â" to "ô"): text without one holds no mojibake of that kind, and skips the repair.
# Mojibake that then went through compatibility normalisation (NFKC): "ü" read as "Ã¼", and
# "¼" spelt out as "1⁄4" ("GÃ1⁄4len" for Gülen). After a lead character the fraction is put
# back, so that the mojibake can be mended.
FRACTIONS = {"1\u20444": "¼", "1\u20442": "½", "3\u20444": "¾"}
VULGAR_FRACTION = re.compile("([\u00c2\u00c3])(1\u20444|1\u20442|3\u20444)")
MOJIBAKE_LEAD = re.compile("[\u00c2-\u00f4]")


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """`text` with UTF-8 mojibake mended by ftfy's `fix_encoding` (which leaves text alone
    unless re-decoding makes it plainly better), and a note saying it was.

    Only the encoding is mended: quotation marks, ligatures and widths stay as written."""
    if not MOJIBAKE_LEAD.search(text):
        return text, None
    import ftfy  # 50 ms to import; most articles never need it

    restored = VULGAR_FRACTION.sub(lambda m: m[1] + FRACTIONS[m[2]], text)
    fixed = ftfy.fix_encoding(restored)
    if fixed == restored:
        return text, None
    return fixed, "mojibake repaired: UTF-8 text had been read as another code page (Ã© for é)"


def composed(text: str) -> str:
    """`text` in Unicode's composed form (NFC): "í" written as "i" and a combining accent is one
    character, so a name spelt both ways is one name, and mojibake that was decomposed ("A" and
    a combining tilde for "Ã") is seen and mended. Canonically equivalent text reads the same."""
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def scrub(text: str) -> tuple[str, tuple[str, ...]]:
    """`text` composed (see `composed`), with mojibake mended, without control characters and
    with U+FFFD for lone surrogates, and notes saying what changed. Mojibake goes before the
    controls: C1 controls are part of double-encoded text ("Ã\x83Â§" is "ç" read twice)."""
    text = composed(text)
    text, repaired = repair_mojibake(text)
    text, controls = CONTROLS.subn("", text)
    text, surrogates = SURROGATES.subn("\ufffd", text)
    notes = [repaired] if repaired else []
    if controls:
        notes.append(f"{controls} control character(s) (NUL, terminal escapes) removed")
    if surrogates:
        notes.append(f"{surrogates} lone surrogate(s) replaced with U+FFFD")
    return text, tuple(notes)


# Legacy code pages that share most bytes with cp1252: detectors pick them for short Western
# European text (German, French) whose few accented letters fit several of them equally well.
WESTERN_COUSINS = {
    "cp1250",
    "cp1257",
    "iso8859_2",
    "iso8859_4",
    "iso8859_10",
    "iso8859_13",
    "iso8859_15",
    "latin_1",
    "iso8859_1",
    "cp1252",
}
WESTERN_LETTERS = set("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ€£«»–—‘’“”…°·")


def is_plain_western(data: bytes) -> bool:
    """Does cp1252 read these bytes as ordinary Western European letters only?"""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return all(ch in WESTERN_LETTERS for ch in text if ord(ch) > 127)
