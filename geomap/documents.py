"""Reading uploaded articles: bytes of a .txt, .md, .html, .pdf or .docx file in, title and plain text out;
a .zip of those, or a CSV / JSONL export of many articles, in `read_documents`.

Uploads come from anywhere, so everything that can go wrong (size, type, encoding, an HTML page
with no article in it) ends in one `DocumentError` whose message names the file and says why;
the app shows it and carries on with the other files.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import PurePath
from typing import Any

import trafilatura
from charset_normalizer import from_bytes

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
PDF_SUFFIXES = (".pdf",)
DOCX_SUFFIXES = (".docx",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES + DOCX_SUFFIXES  # one article a file
# Many articles a file: an archive of the above, or a news export with one article a row.
ARCHIVE_SUFFIXES = (".zip",)
TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson")
ALL_SUFFIXES = SUFFIXES + ARCHIVE_SUFFIXES + TABLE_SUFFIXES
# What a .zip may unpack to, as a multiple of the per-file limit: an archive bomb stops there.
ARCHIVE_EXPANSION = 20
# Written dates that news exports use besides ISO 8601 and RFC 2822 (RSS).
DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y")

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
    date: str | None = None  # publication date (ISO) from the page's metadata, where it has one


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
    if suffix in PDF_SUFFIXES:
        return pdf_document(filename, data)
    if suffix in DOCX_SUFFIXES:
        return docx_document(filename, data)
    raw = decode(filename, data, html=suffix in HTML_SUFFIXES)
    published = None
    if suffix in HTML_SUFFIXES:
        title, text, published = html_article(filename, raw)
    else:
        text = normalize(raw)
        title = first_line_title(text)
    if not text.strip():
        raise DocumentError(f"{filename} holds no text.")
    return Document(title=title or PurePath(filename).stem, text=text, source=filename, date=published)


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


def html_article(filename: str, page: str) -> tuple[str, str, str | None]:
    """(title, text, publication date) of the article in an HTML page, leaving out menus, footers and scripts."""
    # trafilatura needs a document body; a bare fragment ("<p>…</p>") gets one.
    html = page if re.search(r"<body[\s>]", page, re.IGNORECASE) else f"<html><body>{page}</body></html>"
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_recall=True)
    if doc is not None and (doc.text or "").strip():
        text = normalize(doc.text)
        return (doc.title or "").strip() or first_line_title(text), text, doc.date or None
    text = normalize(trafilatura.html2txt(html))
    if text:
        return first_line_title(text), text, None
    raise DocumentError(f"{filename}: no article text found in this HTML page.")


def pdf_document(filename: str, data: bytes) -> Document:
    """A PDF's text layer; a scan (pages as pictures) has none, and the message says what to do."""
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about damaged files: the DocumentError says it
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{filename} is password-protected; save an unprotected copy.")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata.title if reader.metadata else None) or ""
    except DocumentError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on a damaged file
        raise DocumentError(f"{filename} is not a readable PDF ({exc}).") from exc
    text = normalize("\n\n".join(unwrap_lines(p.strip()) for p in pages if p.strip()))
    if not text:
        raise DocumentError(f"{filename} has no text layer (a scanned PDF?): run OCR on it first (e.g. ocrmypdf), "
                            "or paste its text.")
    return Document(title=title.strip() or first_line_title(text), text=text, source=filename)


_SENTENCE_END = (".", "!", "?", ":", ";", '"', "\u201d", "\u2019", ")")
_WRAPPED = 0.6  # a line at least this share of the page's longest line was wrapped by the layout, if unfinished


def unwrap_lines(page: str) -> str:
    """Joins lines a PDF wrapped mid-sentence: the parser reads a line break as the end of a sentence, and
    "Porto\nAlegre" must stay one name. Short lines (headings, a paragraph's last line) keep their break."""
    lines = page.split("\n")
    width = max(len(line.rstrip()) for line in lines)
    out = lines[0]
    for prev, line in zip(lines, lines[1:]):
        prev = prev.rstrip()
        if prev.endswith("-") and prev[-2:-1].isalpha() and line[:1].islower():
            out = out.rstrip()[:-1] + line  # a word hyphenated across lines
        elif prev and line.strip() and not prev.endswith(_SENTENCE_END) and len(prev) >= _WRAPPED * width:
            out = out.rstrip() + " " + line.lstrip()
        else:
            out += "\n" + line
    return out


def docx_document(filename: str, data: bytes) -> Document:
    """A Word document's paragraphs, one paragraph a line; the title from its properties or first line."""
    import docx

    try:
        word = docx.Document(io.BytesIO(data))
    except Exception as exc:  # a zip that is no Word file, a damaged part: python-docx raises several kinds
        raise DocumentError(f"{filename} is not a readable Word (.docx) document ({exc}).") from exc
    text = normalize("\n\n".join(p.text.strip() for p in word.paragraphs if p.text.strip()))
    if not text:
        raise DocumentError(f"{filename} holds no text.")
    title = (word.core_properties.title or "").strip()
    return Document(title=title or first_line_title(text), text=text, source=filename)


def read_documents(filename: str, data: bytes, max_bytes: int) -> list[Document | DocumentError]:
    """Every article in one file, in order: one for an article file, many for a .zip, .csv or .jsonl.

    A member or row that can't be read is a `DocumentError` in its place, naming it; the rest are
    read. A file that can't be read at all is a list of its one error.
    """
    suffix = PurePath(filename).suffix.lower()
    try:
        if suffix in ARCHIVE_SUFFIXES:
            return zip_documents(filename, data, max_bytes)
        if suffix in TABLE_SUFFIXES:
            return table_documents(filename, data, max_bytes)
        return [read_document(filename, data, max_bytes)]
    except DocumentError as exc:
        return [exc]


def zip_documents(filename: str, data: bytes, max_bytes: int) -> list[Document | DocumentError]:
    """The articles in a .zip: article files and news exports at any depth; no archives inside."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DocumentError(f"{filename} is not a readable ZIP archive.") from exc
    members = [i for i in archive.infolist() if not i.is_dir() and not _hidden(i.filename)]
    if sum(i.file_size for i in members) > ARCHIVE_EXPANSION * max_bytes:
        raise DocumentError(f"{filename} unpacks to more than {human_size(ARCHIVE_EXPANSION * max_bytes)}; "
                            "split it into smaller archives.")
    out: list[Document | DocumentError] = []
    for info in members:
        name = f"{filename}/{info.filename}"
        if PurePath(info.filename).suffix.lower() in ARCHIVE_SUFFIXES:
            out.append(DocumentError(f"{name}: an archive inside an archive; unpack it first."))
            continue
        try:
            with archive.open(info) as member:
                content = member.read(max_bytes + 1)  # never more than the limit, whatever the header claims
        except (RuntimeError, zipfile.BadZipFile, OSError) as exc:  # encrypted, damaged
            out.append(DocumentError(f"{name} can't be unpacked ({exc})."))
            continue
        if len(content) > max_bytes:
            out.append(DocumentError(f"{name} is over the limit of {human_size(max_bytes)} per file."))
            continue
        out += read_documents(name, content, max_bytes)
    return out


def _hidden(path: str) -> bool:
    """Files archivers add beside the content (macOS resource forks, .DS_Store): not articles, not errors."""
    parts = PurePath(path).parts
    return parts[0] == "__MACOSX" or any(p.startswith(".") for p in parts)


def table_documents(filename: str, data: bytes, max_bytes: int) -> list[Document | DocumentError]:
    """A news export, one article a row: CSV with a header, or JSON Lines; fields text, title, url, date."""
    raw = decode(filename, data)
    rows = _csv_rows(filename, raw, max_bytes) if PurePath(filename).suffix.lower() == ".csv" else _jsonl_rows(raw)
    out: list[Document | DocumentError] = []
    for where, row in rows:
        try:
            doc = row if isinstance(row, DocumentError) else row_document(f"{filename} {where}", row, max_bytes)
        except DocumentError as exc:
            doc = exc
        out.append(doc if isinstance(doc, Document) else DocumentError(f"{filename} {where}: {doc}"))
    return out


def _csv_rows(filename: str, raw: str, max_bytes: int) -> list[tuple[str, dict[str, Any]]]:
    csv.field_size_limit(max(csv.field_size_limit(), max_bytes))  # an article is longer than csv's 128 KB default
    head = raw.split("\n", 1)[0]
    # Spreadsheets export with commas, semicolons (where the comma is the decimal mark) or tabs.
    reader = csv.DictReader(io.StringIO(raw, newline=""), delimiter=max((",", ";", "\t"), key=head.count))
    header = [(h or "").strip().lower() for h in reader.fieldnames or []]
    if "text" not in header:
        raise DocumentError(f"{filename} has no 'text' column (its columns: {', '.join(header) or 'none'}); "
                            "name the article text column 'text'.")
    reader.fieldnames = header
    try:
        # Row numbers as a spreadsheet shows them: the header is row 1.
        return [(f"row {n}", row) for n, row in enumerate(reader, start=2)]
    except csv.Error as exc:
        raise DocumentError(f"{filename} is not a readable CSV file (line {reader.line_num}: {exc}).") from exc


def _jsonl_rows(raw: str) -> list[tuple[str, dict[str, Any] | DocumentError]]:
    rows: list[tuple[str, dict[str, Any] | DocumentError]] = []
    for n, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append((f"line {n}", DocumentError(f"not JSON ({exc.msg})")))
            continue
        rows.append((f"line {n}", row if isinstance(row, dict) else DocumentError("not a JSON object")))
    return rows


def row_document(source: str, row: dict[str, Any], max_bytes: int) -> Document:
    """One article of a news export; `source` (file and row) stands in where the row has no url."""
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DocumentError("no article text in its 'text' field")
    if len(text.encode("utf-8")) > max_bytes:
        raise DocumentError(f"its text is over the limit of {human_size(max_bytes)} per article")
    if _BINARY.search(text):
        raise DocumentError("its text holds binary data")
    text = normalize(text)
    title = str(row.get("title") or "").strip() or first_line_title(text)
    url = str(row.get("url") or "").strip()
    return Document(title=title, text=text, source=url or source, date=iso_date(row.get("date")))


def iso_date(value: object) -> str | None:
    """A publication date as ISO (YYYY-MM-DD) from ISO 8601, RFC 2822 (RSS) or a written date."""
    if value is None or str(value).strip() == "":
        return None
    written = str(value).strip()
    try:
        return datetime.fromisoformat(written.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(written).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(written, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return date.fromisoformat(written[:10]).isoformat()
    except ValueError:
        raise DocumentError(f"date {written!r} is not a date (use YYYY-MM-DD)") from None
