"""Input formats beyond text and HTML: PDF, Word, ZIP archives and CSV / JSONL news exports.

Every file is made here with the libraries that write these formats; none is a real article.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

import docx
import pytest
from fpdf import FPDF
from pypdf import PdfWriter

from geomap.documents import Document, DocumentError, read_document, read_documents

LIMIT = 1_000_000
STORY = "Flooding hit Porto Alegre on Sunday. Rescue teams reached Canoas by boat."


def pdf_bytes(*pages: str, title: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    if title:
        pdf.set_title(title)
    for page in pages:
        pdf.add_page()
        pdf.multi_cell(w=45, text=page)  # a narrow column: lines wrap mid-sentence as in a real layout
    return bytes(pdf.output())


def scanned_pdf() -> bytes:
    """A PDF whose page has no text layer, like a scan."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes(*paragraphs: str, title: str = "") -> bytes:
    word = docx.Document()
    word.core_properties.title = title
    for p in paragraphs:
        word.add_paragraph(p)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def csv_bytes(rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def test_pdf_text_layer_with_wrapped_lines_joined():
    doc = read_document("report.pdf", pdf_bytes("Floods in Brazil", STORY, title="Floods in Brazil"), LIMIT)
    assert doc.title == "Floods in Brazil"
    assert "Flooding hit Porto Alegre on Sunday." in doc.text  # one sentence again, not one line per wrap
    assert "Rescue teams reached Canoas by boat." in doc.text


def test_scanned_or_broken_pdf_gets_a_clear_message():
    with pytest.raises(DocumentError, match=r"scan\.pdf has no text layer.*OCR"):
        read_document("scan.pdf", scanned_pdf(), LIMIT)
    with pytest.raises(DocumentError, match=r"broken\.pdf is not a readable PDF"):
        read_document("broken.pdf", b"%PDF-1.4 not really", LIMIT)


def test_docx_paragraphs_and_title():
    doc = read_document("story.docx", docx_bytes("Floods in Brazil", *STORY.split(" Rescue")), LIMIT)
    assert doc.title == "Floods in Brazil"
    assert doc.text.startswith("Floods in Brazil\n\nFlooding hit Porto Alegre")
    titled = read_document("t.docx", docx_bytes(STORY, title="Set in the properties"), LIMIT)
    assert titled.title == "Set in the properties"
    with pytest.raises(DocumentError, match=r"fake\.docx is not a readable Word"):
        read_document("fake.docx", zip_bytes({"hello.txt": b"hi"}), LIMIT)


def test_zip_of_articles_reads_each_and_names_the_bad_one():
    archive = zip_bytes({
        "news/one.txt": STORY.encode(), "news/two.md": b"# Second\n\nProtest in Lyon.",
        "news/three.pdf": pdf_bytes(STORY.replace("Sunday", "Monday")), "news/four.docx": docx_bytes("Fire in Oslo."),
        "news/page.html": b"<html><body><article><h1>Quake</h1><p>A quake shook Izmir.</p></article></body></html>",
        "news/picture.png": b"\x89PNG\r\n\x1a\n", "__MACOSX/news/._one.txt": b"\x00\x05", "news/.DS_Store": b"\x00",
        "inner.zip": b"PK",
    })
    items = read_documents("batch.zip", archive, LIMIT)
    docs = [i for i in items if isinstance(i, Document)]
    errors = [str(i) for i in items if isinstance(i, DocumentError)]
    assert sorted(d.source for d in docs) == [f"batch.zip/news/{n}" for n in
                                              ("four.docx", "one.txt", "page.html", "three.pdf", "two.md")]
    assert len(errors) == 2
    assert any(e.startswith("batch.zip/news/picture.png: unsupported file type .png") for e in errors)
    assert any(e.startswith("batch.zip/inner.zip: an archive inside an archive") for e in errors)


def test_zip_bomb_and_broken_zip_are_refused():
    big = zip_bytes({"a.txt": b"Kyiv " * 50_000})  # 250 KB unpacked, a few hundred bytes packed
    assert "over the limit" in str(read_documents("big.zip", big, 100_000)[0])
    [error] = read_documents("bomb.zip", zip_bytes({f"{i}.txt": b"x" * 60_000 for i in range(40)}), 100_000)
    assert "unpacks to more than" in str(error)
    [error] = read_documents("nope.zip", b"PK\x03\x04 broken", LIMIT)
    assert str(error) == "nope.zip is not a readable ZIP archive."


def test_csv_news_export_one_article_a_row():
    rows = [
        {"title": "Floods", "text": STORY, "url": "https://example.org/floods", "date": "2024-05-05T09:30:00Z"},
        {"title": "", "text": "Fire in Oslo.\nMore later.", "url": "", "date": "Mon, 06 May 2024 10:00:00 GMT"},
        {"title": "Empty", "text": "   ", "url": "", "date": ""},
        {"title": "Bad date", "text": "Quake in Izmir.", "url": "", "date": "next Tuesday-ish"},
        {"title": "Written date", "text": "Protest in Lyon.", "url": "", "date": "7 May 2024"},
    ]
    items = read_documents("export.csv", csv_bytes(rows), LIMIT)
    assert [type(i).__name__ for i in items] == ["Document", "Document", "DocumentError", "DocumentError", "Document"]
    floods, fire, empty, bad, lyon = items
    assert (floods.title, floods.source, floods.date) == ("Floods", "https://example.org/floods", "2024-05-05")
    assert (fire.title, fire.source, fire.date) == ("Fire in Oslo.", "export.csv row 3", "2024-05-06")
    assert str(empty) == "export.csv row 4: no article text in its 'text' field"
    assert "export.csv row 5: date 'next Tuesday-ish' is not a date" in str(bad)
    assert lyon.date == "2024-05-07"
    # Semicolons, as spreadsheets write them where the comma is the decimal mark; articles hold commas.
    [semi] = read_documents("semi.csv", csv_bytes(rows[:1], delimiter=";"), LIMIT)
    assert semi.text == STORY
    [no_text] = read_documents("wrong.csv", b"headline,body\nA,B\n", LIMIT)
    assert str(no_text).startswith("wrong.csv has no 'text' column (its columns: headline, body)")


def test_long_article_in_a_csv_cell():
    long_text = "Kyiv. " * 40_000  # 240 KB: over the csv module's default field limit
    [doc] = read_documents("long.csv", csv_bytes([{"text": long_text}]), LIMIT)
    assert len(doc.text) == len(long_text.strip())


def test_jsonl_news_export_names_bad_lines():
    lines = [json.dumps({"text": STORY, "title": "Floods", "date": "2024-05-05"}), "", "{not json",
             json.dumps(["a", "list"]), json.dumps({"title": "no text"}), json.dumps({"text": "Fire in Oslo."})]
    items = read_documents("feed.jsonl", "\n".join(lines).encode(), LIMIT)
    assert [i.title if isinstance(i, Document) else str(i) for i in items] == [
        "Floods", "feed.jsonl line 3: not JSON (Expecting property name enclosed in double quotes)",
        "feed.jsonl line 4: not a JSON object", "feed.jsonl line 5: no article text in its 'text' field",
        "Fire in Oslo."]
    assert items[0].date == "2024-05-05"


def test_single_article_files_still_read_through_read_documents():
    [doc] = read_documents("a.txt", STORY.encode(), LIMIT)
    assert doc.text == STORY
    [error] = read_documents("a.exe", b"MZ", LIMIT)
    assert "unsupported file type .exe" in str(error)
