"""Exports of the stored map: GeoJSON (validated, longitude first), CSV, KML, a standalone HTML map, corrections."""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from geojson_pydantic import FeatureCollection

from geomap import export
from geomap.documents import Document
from geomap.store import Store

KML = "{http://www.opengis.net/kml/2.2}"
HOSTILE_TITLE = '=HYPERLINK("http://evil.example") <script>alert(1)</script>'
HOSTILE = ("Shelling hit Kharkiv overnight, officials in Kyiv said. <img src=x onerror=alert(2)> "
           "Residents of Kharkiv sheltered in the metro.")
STORM = "A storm hit Georgia on Monday, flooding roads near Atlanta and Savannah."
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def stored(gp, tmp_path_factory):
    """A store with three articles, one of them hostile, and one correction."""
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'geomap.sqlite'}"
    with Store(url) as store:
        hostile = store.add_article(Document(HOSTILE_TITLE, HOSTILE, "hostile.html", "2024-05-05"), gp.parse(HOSTILE))
        storm = store.add_article(Document("Storm", STORM, "storm.txt"), gp.parse(STORM))
        store.add_article(Document("Kyiv", "Air defence worked over Kyiv.", "kyiv.txt"),
                          gp.parse("Air defence worked over Kyiv."))
        atlanta = next(m for m in store.mentions(storm) if m.text == "Atlanta")
        store.add_correction(storm, atlanta.start, atlanta.end, None)
        yield store, hostile, storm


def test_geojson_is_valid_rfc7946_with_longitude_first(stored):
    store, hostile, _ = stored
    data = json.loads(json.dumps(export.geojson(store.places())))
    FeatureCollection.model_validate(data)  # raises on any structural error
    assert "crs" not in data
    by_name = {f["properties"]["name"]: f for f in data["features"]}
    lon, lat = by_name["Kyiv"]["geometry"]["coordinates"]
    assert 30 < lon < 31 and 50 < lat < 51  # Kyiv: 30.5 E, 50.45 N
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    kyiv = by_name["Kyiv"]["properties"]
    assert kyiv["n_mentions"] == 2 and kyiv["n_articles"] == 2
    assert {a["title"] for a in kyiv["articles"]} == {HOSTILE_TITLE, "Kyiv"}
    kharkiv = by_name["Kharkiv"]["properties"]
    assert [m["text"] for m in kharkiv["mentions"]] == ["Kharkiv", "Kharkiv"]
    assert kharkiv["mentions"][0]["excerpt"].startswith("Shelling hit Kharkiv overnight")
    assert kharkiv["articles"] == [{"id": str(hostile), "title": HOSTILE_TITLE, "source": "hostile.html",
                                    "date": "2024-05-05"}]
    assert "Atlanta" not in by_name  # corrected to "not a place"


def test_csv_one_row_per_mention_and_no_formulas(stored):
    store, *_ = stored
    out = io.StringIO()
    export.write_csv(store.places(), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == sum(p.n_mentions for p in store.places())
    hostile = [r for r in rows if r["article_source"] == "hostile.html"]
    assert hostile and all(r["article_title"] == "'" + HOSTILE_TITLE for r in hostile)
    assert {r["mention"] for r in hostile} == {"Kharkiv", "Kyiv"}


def test_kml_parses_and_escapes_article_text(stored):
    store, *_ = stored
    places = store.places()
    text = export.kml(places)
    assert "<script" not in text and "<img" not in text
    root = ET.fromstring(text)
    marks = root.findall(f"{KML}Document/{KML}Placemark")
    assert len(marks) == len(places)
    kyiv = next(m for m in marks if m.findtext(f"{KML}name") == "Kyiv")
    lon, lat = map(float, kyiv.findtext(f"{KML}Point/{KML}coordinates").split(","))
    assert 30 < lon < 31 and 50 < lat < 51
    description = kyiv.findtext(f"{KML}description")  # HTML, as Google Earth renders it
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in description and "<script" not in description
    assert "<mark" in description  # the excerpt, with the mention marked


def test_html_map_is_standalone(stored, tmp_path):
    store, *_ = stored
    path = tmp_path / "map.html"
    export.write(store.places(), "html", path)
    page = path.read_text(encoding="utf-8")
    assert "<script src=" not in page and "<link " not in page  # every asset inlined
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page
    assert "L.markerClusterGroup" in page and "window.GEOMAP_COUNTRIES" in page
    assert page.count("data-place=") == len(store.places())  # one marker per place
    assert "<script>alert" not in page and "<img src=x" not in page


@pytest.mark.slow
def test_html_map_opens_with_no_network(stored, tmp_path):
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium (.ci/run does)")
        pytest.skip(f"{CHROMIUM} is absent: `apt-get install -y chromium` to run the browser test")
    from playwright.sync_api import sync_playwright

    store, *_ = stored
    path = tmp_path / "map.html"
    export.write(store.places(), "html", path)
    blocked: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                   else (blocked.append(route.request.url), route.abort()))
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(path.as_uri())
        page.wait_for_selector(".leaflet-container")
        page.wait_for_function("document.querySelectorAll('.gm-marker, .marker-cluster').length > 0")
        outlines = page.evaluate("window.GEOMAP_COUNTRIES.features.length")
        browser.close()
    assert errors == []
    assert outlines > 100
    assert all("tile.openstreetmap.org" in url for url in blocked)  # only the online tile layer tried the network


def test_corrections_export_as_jsonl(stored):
    store, _, storm = stored
    out = io.StringIO()
    assert export.write_corrections(store, out) == 1
    [record] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert record["is_place"] is False and record["place"] is None
    assert record["mention"]["text"] == "Atlanta"
    assert STORM[record["mention"]["start"]:record["mention"]["end"]] == "Atlanta"
    assert record["text"] == STORM and record["article_id"] == storm
    assert record["parser"]["name"] == "Atlanta" and record["parser"]["country_code"] == "US"
    assert record["excerpt"] == STORM


def test_corrections_render_as_text_for_a_download(stored, tmp_path):
    store, *_ = stored
    with open(tmp_path / "corrections.jsonl", "w", encoding="utf-8") as out:
        export.write_corrections(store, out)
    assert export.corrections_jsonl(store) == (tmp_path / "corrections.jsonl").read_text(encoding="utf-8")
    with Store(f"sqlite:///{tmp_path / 'empty.sqlite'}") as empty:
        assert export.corrections_jsonl(empty) == ""


def test_every_format_renders_as_text_for_a_download(stored, tmp_path):
    places = stored[0].places()
    for fmt in ("geojson", "csv", "kml"):  # the HTML map's element ids are random on each render
        export.write(places, fmt, tmp_path / f"map.{fmt}")
        with open(tmp_path / f"map.{fmt}", encoding="utf-8", newline="") as written:
            assert written.read() == export.render(places, fmt)
    assert set(export.MEDIA_TYPES) == set(export.FORMATS)
    assert export.render(places, "csv").startswith(",".join(export.CSV_FIELDS) + "\r\n")


def test_unknown_format_is_refused(stored, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        export.write(stored[0].places(), "shapefile", tmp_path / "x")
