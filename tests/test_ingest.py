"""Batch ingest: every input format from a folder, failures named, idempotent and resumable, 1 or 2 processes."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from geomap.cli import main
from geomap.documents import Document
from geomap.ingest import IngestReport, ingest_documents
from geomap.store import Store

STORIES = [
    "Shelling hit Kharkiv overnight, officials in Kyiv said.",
    "Protesters gathered in Paris on Monday. Police in Lyon arrested 12 people.",
    "A storm hit Georgia, flooding roads near Atlanta and Savannah.",
    "Flooding hit Porto Alegre on Sunday. Rescue teams reached Canoas by boat.",
    "An earthquake shook Izmir and was felt in Athens.",
]


def pdf_bytes(text: str) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    pdf.add_page()
    pdf.multi_cell(w=0, text=text)
    return bytes(pdf.output())


def docx_bytes(text: str) -> bytes:
    word = docx.Document()
    word.add_paragraph(text)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of articles in every format, a duplicate, a broken file and files that are no articles."""
    root = tmp_path / "news"
    (root / "sub" / ".cache").mkdir(parents=True)
    (root / "a.txt").write_text(STORIES[0], encoding="utf-8")
    (root / "copy of a.txt").write_text(STORIES[0] + "\r\n", encoding="utf-8")  # the same article again
    (root / "b.md").write_text("# Protest\n\n" + STORIES[1], encoding="utf-8")
    (root / "sub" / "c.html").write_text(f"<html><body><article><p>{STORIES[2]}</p></article></body></html>",
                                         encoding="utf-8")
    (root / "sub" / "d.pdf").write_bytes(pdf_bytes(STORIES[3]))
    (root / "e.docx").write_bytes(docx_bytes(STORIES[4]))
    with zipfile.ZipFile(root / "f.zip", "w") as z:
        z.writestr("inside/g.txt", "Fire broke out in Oslo.")
    (root / "export.csv").write_text('text,title,url,date\n"Talks in Geneva.",Talks,https://example.org/t,2024-05-01\n'
                                     ',Empty row,,\n', encoding="utf-8")
    (root / "feed.jsonl").write_text(json.dumps({"text": "Rain in Bergen.", "date": "2024-05-02"}) + "\n{oops\n",
                                     encoding="utf-8")
    (root / "broken.pdf").write_bytes(b"%PDF-1.4 nothing here")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / "sub" / ".cache" / "hidden.txt").write_text("Hidden notes about Rome.", encoding="utf-8")
    return root


def test_ingest_a_folder_then_again(folder, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    assert main(["ingest", str(folder), "--db", url, "-j", "1", "-q"]) == 0
    summary = capsys.readouterr().err
    assert summary.startswith("8 article(s) stored, 1 already stored, 3 failed; 10 file(s) read")
    assert "1 file(s) of other types ignored" in summary
    assert f"{folder / 'broken.pdf'} is not a readable PDF" in summary
    assert f"{folder / 'export.csv'} row 3: no article text" in summary
    assert f"{folder / 'feed.jsonl'} line 2: not JSON" in summary
    with Store(url) as store:
        articles = {a.document.source: a for a in store.articles()}
        assert set(articles) == {str(folder / n) for n in ("a.txt", "b.md", "sub/c.html", "sub/d.pdf", "e.docx")} | {
            f"{folder / 'f.zip'}/inside/g.txt", "https://example.org/t", f"{folder / 'feed.jsonl'} line 1"}
        assert articles["https://example.org/t"].document.date == "2024-05-01"
        mapped = {h.mention.text for p in store.places() for h in p.hits}
    assert {"Kharkiv", "Paris", "Atlanta", "Porto Alegre", "Izmir", "Oslo", "Geneva", "Bergen"} <= mapped
    # Again over the same folder: nothing new, nothing duplicated.
    assert main(["ingest", str(folder), "--db", url, "-q"]) == 0
    assert capsys.readouterr().err.startswith("0 article(s) stored, 9 already stored, 3 failed")
    # Named files of unknown type and missing paths fail by name; nothing to ingest is an error.
    assert main(["ingest", str(folder / "photo.jpg"), str(folder / "gone.txt"), "--db", url, "-q"]) == 1
    err = capsys.readouterr().err
    assert "photo.jpg: unsupported file type .jpg" in err and "gone.txt: no such file or folder" in err


def test_export_and_store_commands(folder, tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    main(["ingest", str(folder / "a.txt"), str(folder / "b.md"), "--db", url, "-q"])
    for fmt in ("geojson", "csv", "kml", "html", "corrections"):
        assert main(["export", "--db", url, "--format", fmt, "-o", str(tmp_path / f"out.{fmt}")]) == 0
    features = json.loads((tmp_path / "out.geojson").read_text(encoding="utf-8"))["features"]
    assert {f["properties"]["name"] for f in features} >= {"Kharkiv", "Kyiv", "Paris", "Lyon"}
    assert (tmp_path / "out.corrections").read_text() == ""
    capsys.readouterr()
    assert main(["store", "list", "--db", url]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[2] for line in listed] == [STORIES[0], "Protest"]
    assert main(["store", "delete", listed[0].split("\t")[0], "--db", url]) == 0
    assert main(["store", "delete", "999", "--db", url]) == 1
    with Store(url) as store:
        assert [a.document.title for a in store.articles()] == ["Protest"]


def test_an_interrupted_ingest_resumes_where_it_stopped(gp, tmp_path):
    docs = [Document(title=f"story {i}", text=t, source=f"s{i}") for i, t in enumerate(STORIES)]

    def stops_after_two() -> Iterator[Document]:
        yield from docs[:2]
        raise KeyboardInterrupt

    with Store(f"sqlite:///{tmp_path / 'db.sqlite'}") as store:
        with pytest.raises(KeyboardInterrupt):
            ingest_documents(stops_after_two(), store, gp, IngestReport(), batch_size=1)
        assert [a.document.source for a in store.articles()] == ["s0", "s1"]
        report = ingest_documents(docs, store, gp, IngestReport(), batch_size=2)
        assert (report.stored, report.skipped) == (3, 2)
        assert [a.document.source for a in store.articles()] == ["s0", "s1", "s2", "s3", "s4"]


def test_two_processes_store_what_one_process_parses(gp, store_url):
    docs = [Document(title=f"story {i}", text=t, source=f"s{i}", date="2024-05-06" if i == 2 else None)
            for i, t in enumerate(STORIES)]
    with Store(store_url) as store:
        report = ingest_documents(docs, store, gp, IngestReport(), n_process=2, batch_size=2)
        assert (report.stored, report.skipped, report.failed) == (5, 0, [])
        stored = {a.document.source: a.id for a in store.articles()}
        for d in docs:
            expected = gp.parse(d.text, date=d.date)
            assert [m.to_dict() for m in store.mentions(stored[d.source])] == [m.to_dict() for m in expected]
