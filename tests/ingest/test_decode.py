from __future__ import annotations

import codecs

import pytest

from presslens import analyse
from presslens.errors import BinaryInputError, EmptyInputError
from presslens.ingest.decode import decode_bytes, repair_mojibake
from presslens.ingest.detect import load

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


# UTF-8 read as Windows-1252 once ("Ã±" for "ñ") and twice (a C1 control inside "Ã\x83Â§")
MOJIBAKE = [
    ("Minister Ana MuÃ±oz", "Minister Ana Muñoz"),
    ("the cafÃ© on RÃ©publique street", "the café on République street"),
    ("Fran\u00c3\x83\u00c2\u00a7oise Brun", "Françoise Brun"),
    ("she said \u00e2\u20ac\u0153never\u00e2\u20ac\u009d twice", "she said “never” twice"),
    ("Governor Luis PeA\u0303\u00b1a", "Governor Luis Peña"),  # and decomposed: "A" + tilde
    ("the cleric Ali G\u00c31\u20444ler", "the cleric Ali Güler"),  # and "¼" spelt "1⁄4" (NFKC)
]


@pytest.mark.parametrize(("damaged", "mended"), MOJIBAKE)
def test_mojibake_is_mended_with_a_warning(damaged: str, mended: str) -> None:
    text = f"Harbour talks\n\nOn Monday {damaged} met the port council about the ferry plan.\n"
    article = load(text)
    assert mended in article.text
    assert any("mojibake" in w.message for w in article.warnings)


@pytest.mark.parametrize(
    "text",
    ["João flew from São Paulo to Málaga.", "Ãngel Sánchez, 1º lugar, costs £5 ± 1."],
)
def test_real_accented_text_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == (text, None)


def test_mended_names_make_one_actor() -> None:
    text = (
        "Talks in the capital\n\n"
        "President Rosa MartÃ­nez met the trade envoy on Monday. "
        "Martínez said the deal would protect farmers. "
        "Later, MartÃ­nez told reporters the talks had gone well. "
        "Marti\u0301nez, in a decomposed spelling, is still the same minister.\n"
    )
    dossier = analyse(text)
    people = [a for a in dossier.actors if "Mart" in a.name]
    assert [a.name for a in people] == ["Rosa Martínez"]
    assert len(people[0].mentions) == 4
