from __future__ import annotations

import codecs

import pytest

from presslens.errors import BinaryInputError, EmptyInputError
from presslens.ingest.decode import decode_bytes

RUSSIAN = "Москва объявила о новых мерах поддержки экономики после падения рубля."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café society".encode(), "Café society"),
        (codecs.BOM_UTF8 + "Café society".encode(), "Café society"),
        ("Café society, again".encode("utf-16"), "Café society, again"),
        ("Café society, without a BOM".encode("utf-16-le"), "Café society, without a BOM"),
        (RUSSIAN.encode("cp1251"), RUSSIAN),
        (
            "Déjà vu à la française, très bien.".encode("latin-1"),
            "Déjà vu à la française, très bien.",
        ),
    ],
)
def test_decodes_common_encodings(data: bytes, expected: str) -> None:
    assert decode_bytes(data) == expected


@pytest.mark.parametrize("data", [b"", b"   \n\t "])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        decode_bytes(data, name="x.txt")


def test_binary_input_is_refused() -> None:
    with pytest.raises(BinaryInputError, match="binary"):
        decode_bytes(bytes(range(256)) * 40, name="blob.bin")


def test_invalid_utf8_still_decodes() -> None:
    text = decode_bytes(b"Valid start \xff\xfe then more ordinary words in English here.")
    assert text.startswith("Valid start")
