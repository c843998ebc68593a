"""Hostile bytes inside an article: a stray invalid byte in UTF-8 text is one U+FFFD (not the
whole article read as another code page), and NUL bytes and terminal escapes never reach the
article text; each leaves a warning in the dossier."""

from __future__ import annotations

import pytest

from presslens.ingest.detect import load

pytestmark = pytest.mark.hostile

TEXTS = [
    "Headline\n\nThe mayor said “no” to the plan, calling it “absurd” — twice, on Monday.\n",
    "Schlagzeile\n\nEin schönes Wochenende für die Bürger. Die Straße ist groß und grün.\n",
    "Titre\n\nCafé au lait — naïve résumé, déjà vu: le maire a parlé à la presse.\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_stray_byte_in_utf8_is_one_replacement_not_mojibake(text: str) -> None:
    data = text.encode("utf-8")
    cut = data.index(b" ", 30)
    article = load(data[:cut] + b"\xff" + data[cut:])
    expected = load(text)
    assert article.text.replace("\ufffd", "") == expected.text
    assert article.text.count("\ufffd") == 1
    assert any("invalid UTF-8" in w.message for w in article.warnings)


@pytest.mark.parametrize(
    "hostile",
    [
        b"\x00",  # PostgreSQL refuses NUL in text
        b"\x1b[2J\x1b[31m",  # clear the screen, turn red
        b"\x1b]0;owned\x07",  # set the terminal's title
        "\u009b31m".encode(),  # the one-character CSI
    ],
)
def test_control_characters_never_reach_the_article(hostile: bytes) -> None:
    more = b"Ferries run again from Tuesday, and the fish market opens at six. " * 4
    data = b"Port news\n\nThe port " + hostile + b"reopens on Monday, the harbour master said. "
    data += more + b"\n"
    article = load(data)
    assert "reopens on Monday" in article.text
    assert not any(ch in article.text for ch in "\x00\x1b\x07\x9b")
    assert any("control character" in w.message for w in article.warnings)
