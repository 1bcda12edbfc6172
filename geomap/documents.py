"""Reading uploaded articles: bytes of a .txt, .md or .html file in, title and plain text out.

Uploads come from anywhere, so everything that can go wrong (size, type, encoding, an HTML page
with no article in it) ends in one `DocumentError` whose message names the file and says why;
the app shows it and carries on with the other files.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import PurePath

import trafilatura
from charset_normalizer import from_bytes

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Control characters that never occur in a text file; finding them means the bytes are binary.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_TITLE_CHARS = 100  # a first line longer than this is a paragraph, not a title: cut it


class DocumentError(ValueError):
    """A file that can't be turned into article text; the message is meant for the user."""


@dataclass(frozen=True)
class Document:
    """An article ready to parse. `source` says where it came from (a file name, "pasted text")."""

    title: str
    text: str
    source: str


def human_size(n: int) -> str:
    """Sizes the way people read them in an error message: 1.5 MB, 300 KB."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.0f} KB"
    return f"{n} bytes"


def read_document(filename: str, data: bytes, max_bytes: int) -> Document:
    """One uploaded file as a `Document`, or a `DocumentError` naming the file and the reason."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentError(f"{filename}: unsupported file type {suffix or '(none)'}; use {', '.join(SUFFIXES)}.")
    if len(data) > max_bytes:
        raise DocumentError(f"{filename} is {human_size(len(data))}, over the limit of {human_size(max_bytes)} "
                            "per file; split it into smaller files.")
    raw = decode(filename, data, html=suffix in HTML_SUFFIXES)
    if suffix in HTML_SUFFIXES:
        title, text = html_article(filename, raw)
    else:
        text = normalize(raw)
        title = first_line_title(text)
    if not text.strip():
        raise DocumentError(f"{filename} holds no text.")
    return Document(title=title or PurePath(filename).stem, text=text, source=filename)


def text_document(text: str, source: str = "pasted text") -> Document:
    """Pasted text as a `Document`: its first line is the title."""
    text = normalize(text)
    if not text.strip():
        raise DocumentError(f"The {source} is empty.")
    return Document(title=first_line_title(text) or source, text=text, source=source)


def decode(filename: str, data: bytes, html: bool = False) -> str:
    """Bytes to str: a BOM, then strict UTF-8, then an HTML page's declared charset, then detection."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(filename, data.decode(codec, errors="replace"))
    try:
        return _checked(filename, data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if html and (declared := _META_CHARSET.search(data[:4096])):
        try:
            return _checked(filename, data.decode(declared.group(1).decode("ascii")))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall through to detection
    best = from_bytes(data).best()
    if best is None:
        raise DocumentError(f"{filename} is not readable text (binary data or an unknown encoding).")
    return _checked(filename, str(best))


def _checked(filename: str, text: str) -> str:
    if _BINARY.search(text):
        raise DocumentError(f"{filename} is not readable text (it contains binary data).")
    return text


def normalize(text: str) -> str:
    """Unix line ends, no BOM or trailing blanks: offsets then mean the same thing everywhere."""
    return text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").strip()


def first_line_title(text: str) -> str:
    """The first non-blank line, without Markdown heading marks, cut to a sensible length."""
    for line in text.split("\n"):
        title = _MD_HEADING.sub("", line).strip()
        if title:
            return title if len(title) <= _TITLE_CHARS else title[:_TITLE_CHARS].rsplit(" ", 1)[0] + "…"
    return ""


def html_article(filename: str, page: str) -> tuple[str, str]:
    """(title, text) of the article in an HTML page, leaving out menus, footers and scripts."""
    # trafilatura needs a document body; a bare fragment ("<p>…</p>") gets one.
    html = page if re.search(r"<body[\s>]", page, re.IGNORECASE) else f"<html><body>{page}</body></html>"
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    if doc is not None and (doc.text or "").strip():
        text = normalize(doc.text)
        return (doc.title or "").strip() or first_line_title(text), text
    text = normalize(trafilatura.html2txt(html))
    if text:
        return first_line_title(text), text
    raise DocumentError(f"{filename}: no article text found in this HTML page.")
