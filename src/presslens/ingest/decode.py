"""Bytes to text: UTF-8 (with or without BOM), UTF-16, and legacy encodings by detection."""

from __future__ import annotations

import codecs

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
    if not data.strip():
        raise EmptyInputError(f"{name} is empty: give a file or URL with article text")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    utf16 = utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if looks_binary(data):
        raise BinaryInputError(
            f"{name} looks like binary data, not text or HTML: give a text, HTML or URL input"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return data.decode("utf-8", errors="replace")
    if best.encoding in WESTERN_COUSINS and is_plain_western(data):
        return data.decode("cp1252")
    return data.decode(best.encoding, errors="replace")


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
