"""`load`: any supported source to an `Article`, detecting text vs HTML by content."""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import io
import re
import sys
import zlib
from pathlib import Path
from typing import BinaryIO

import py3langid

from presslens.errors import EmptyInputError, InputError, MissingInputError
from presslens.ingest.blocks import clean_line
from presslens.ingest.decode import decode_with_note, scrub
from presslens.ingest.inputs import is_gzip, is_supported, not_a_file, read_bounded, too_large
from presslens.ingest.published import with_own
from presslens.ingest.text import parse_saved_page
from presslens.model import Article, Origin, StageWarning
from presslens.settings import Settings

HTML_MARKERS = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]", re.IGNORECASE)
HTML_TAGS = re.compile(r"</?(p|div|h[1-6]|article|span|a|br|section|main)[\s>/]", re.IGNORECASE)
URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
GZIP_MAGIC = b"\x1f\x8b"
GUNZIP_NOTE = " once decompressed"


def looks_like_html(text: str) -> bool:
    head = text[:20_000]
    return bool(HTML_MARKERS.search(head)) or len(HTML_TAGS.findall(head)) >= 3


# The commonest English function words. A text of which a quarter of the words are these is
# English whatever the classifier says: of a short sample it may say Nigerian Pidgin ("pcm",
# an English-lexified creole) for two English sentences, and every stage would be skipped.
# (English lines of PolNeAR: median share 0.33; French 0.17 for its "a"s, German 0.)
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for it on was with he as at by be this from or are his have "
    "an they not had has but were said she which their will been would who its".split()
)
ENGLISH_SHARE = 0.25


def detect_language(text: str) -> str | None:
    sample = text[:5000]
    words = re.findall(r"\w+", sample)
    if len(words) < 3:
        return None
    language = str(py3langid.classify(sample)[0])
    if language != "en" and english_words_share(words) >= ENGLISH_SHARE:
        return "en"
    return language


def english_words_share(words: list[str]) -> float:
    return sum(w.lower() in ENGLISH_FUNCTION_WORDS for w in words) / len(words)


def from_text(
    raw: str,
    *,
    origin: Origin,
    settings: Settings,
    notes: tuple[str, ...] = (),
    title: str | None = None,
) -> Article:
    """Text or HTML (by content) to an Article with its language set; `notes` (what reading the
    input replaced or dropped) become ingest warnings; `title`, when the input's own field
    gives one (a JSON line's), is the article's title whatever the page says."""
    raw, scrubbed = scrub(raw)
    notes += scrubbed
    if not raw.strip():
        raise EmptyInputError(f"{origin.uri or 'input'} is empty: give article text, HTML or a URL")
    is_html = looks_like_html(raw)
    if is_html:
        from presslens.ingest.html import parse_html  # trafilatura is slow to import

        origin = dataclasses.replace(origin, kind="html" if origin.kind == "text" else origin.kind)
        article = parse_html(raw, origin=origin)
        if title and title.strip():
            article = dataclasses.replace(article, title=clean_line(title))
    else:
        article = parse_saved_page(raw, origin=origin, settings=settings, title=title)
    warnings = list(article.warnings) + [StageWarning("ingest", note) for note in notes]
    if not article.text.strip():
        warnings.append(StageWarning("ingest", "no article text found in the input"))
    language = detect_language(" ".join(filter(None, [article.title, article.text])))
    article = with_own(article)  # a byline or date the page's metadata did not give
    return dataclasses.replace(article, language=language, warnings=tuple(warnings))


def read_limited(path: Path, limit: int) -> bytes:
    """A file's bytes, refused past `limit` however large the file says it is (/dev/zero says 0)
    and refused outright when it is a FIFO, a device or a socket (reading one may never end).
    A gzip file (a web archive's `page.html.gz`) is read decompressed, within the same limit."""
    reason = not_a_file(path)
    if reason:
        raise InputError(reason)
    try:
        with path.open("rb") as handle:
            if is_gzip(handle):
                return gunzip_bounded(handle, limit, str(path))
            return read_bounded(handle, limit, str(path))
    except IsADirectoryError as exc:
        raise InputError(f"{path} is a directory: give one article file") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{path} does not exist: check the path") from exc
    except PermissionError as exc:
        raise InputError(f"{path} cannot be read (permission denied)") from exc


def gunzip_bounded(stream: BinaryIO, limit: int, name: str) -> bytes:
    """The decompressed bytes of gzip data, refused as soon as they pass `limit` (a few KB of
    gzip can inflate to gigabytes), or a clear error for gzip data that does not inflate."""
    try:
        return read_bounded(gzip.GzipFile(fileobj=stream), limit, name, note=GUNZIP_NOTE)
    except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError
        reason = f"{name} is damaged gzip data ({exc}): give the page uncompressed"
        raise InputError(reason) from exc


def from_bytes(
    data: bytes,
    *,
    origin: Origin,
    settings: Settings,
    notes: tuple[str, ...] = (),
    title: str | None = None,
) -> Article:
    if data.startswith(GZIP_MAGIC):  # a gzipped page from stdin, a URL or an archive
        data = gunzip_bounded(io.BytesIO(data), settings.max_bytes, origin.uri or "input")
    if len(data) > settings.max_bytes:
        raise too_large(origin.uri or "input", settings.max_bytes)
    origin = dataclasses.replace(origin, sha256=hashlib.sha256(data).hexdigest())
    text, note = decode_with_note(data, name=origin.uri or "input")
    notes += (note,) if note else ()
    return from_text(text, origin=origin, settings=settings, notes=notes, title=title)


def load(
    source: str | bytes | Path, *, settings: Settings | None = None, uri: str | None = None
) -> Article:
    """An Article from article text (`str`, plain or HTML), raw `bytes` or a file `Path`."""
    settings = settings or Settings()
    if isinstance(source, Path):
        origin = Origin(kind="text", uri=uri or str(source))
        return from_bytes(
            read_limited(source, settings.max_bytes), origin=origin, settings=settings
        )
    if isinstance(source, bytes):
        return from_bytes(source, origin=Origin(kind="text", uri=uri), settings=settings)
    if isinstance(source, str):
        data = source.encode("utf-8", errors="surrogatepass")
        if len(data) > settings.max_bytes:
            return from_bytes(data, origin=Origin(kind="text", uri=uri), settings=settings)
        origin = Origin(kind="text", uri=uri, sha256=hashlib.sha256(data).hexdigest())
        return from_text(source, origin=origin, settings=settings)
    raise InputError(
        f"cannot read a {type(source).__name__} as an article: give str, bytes or Path"
    )


def load_location(location: str, *, settings: Settings | None = None) -> Article:
    """The CLI's view: '-' is stdin, http(s) is a URL, anything else a file path."""
    settings = settings or Settings()
    if location == "-":
        data = sys.stdin.buffer.read(settings.max_bytes + 1)
        return from_bytes(data, origin=Origin(kind="stdin", uri="-"), settings=settings)
    if URL.match(location):
        from presslens.ingest.fetch import fetch_url

        data, fetched_at = fetch_url(location, settings=settings)
        origin = Origin(kind="url", uri=location, fetched_at=fetched_at)
        return from_bytes(data, origin=origin, settings=settings)
    return load(Path(location), settings=settings)


PATH_STARTS = ("/", "./", "../", "~/", ".\\", "..\\")
LONGEST_PATH = 4096


def text_source(text: str, settings: Settings | None = None) -> str | Path | Article:
    """What a str given to the public `presslens.analyse` stands for, as its user means it: an
    http(s) URL is fetched, one line naming an existing file is that file, one line shaped like
    a file name that does not exist raises MissingInputError (never a one-word article), and
    anything else is the article's text. Only the public API reads a str so: the web's and the
    CLI's texts never name files on the server."""
    line = text.strip()
    if not line or "\n" in line or len(line) > LONGEST_PATH or "\x00" in line:
        return text
    if URL.match(line):
        return load_location(line, settings=settings)
    path = Path(line).expanduser()
    try:
        if path.is_file():
            return path
        if path.is_dir():
            raise InputError(f"{line} is a directory: give one article file (or `ingest` it)")
    except (OSError, ValueError):  # a name the file system cannot hold is text
        return text
    if looks_like_path(line):
        raise MissingInputError(
            f"{line} does not exist: check the path, or pass the article's text itself"
        )
    return text


def looks_like_path(line: str) -> bool:
    """A single word only a file name would be: a suffix ingest reads (or .json), or a path's
    start."""
    if any(ch.isspace() for ch in line):
        return False
    return (
        is_supported(Path(line)) or line.lower().endswith(".json") or line.startswith(PATH_STARTS)
    )
