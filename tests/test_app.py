"""The page's logic through Streamlit's AppTest: samples, uploads, pasting, filters, removal, the place panel,
the store behind it (restarts, duplicates, deletion), corrections and downloads.

Every test has its own SQLite file (GEOMAP_DATABASE_URL under tmp_path): tests don't see each other's
articles and the user's own database is never opened.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from geomap.documents import SUFFIXES, Document
from geomap.mapview import Article, place_key
from geomap.store import Store

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "data").iterdir() if p.suffix in SUFFIXES)
KYIV_TEXT = """Missiles hit Kyiv districts
The missile strikes caused widespread damage, with two residential blocks catching fire in the Solomyansky district.
A market burned in the Podilsky district of Kyiv."""
XSS_TEXT = ('<script>alert(1)</script> Flood in Reykjavik\n'
            'Heavy rain flooded streets in Reykjavik </div><img src=x onerror="alert(2)"> on Monday.')


def table(at: AppTest):
    return at.dataframe[0].value


def summary(at: AppTest) -> str:
    return next(c.value for c in at.caption if "places from" in c.value)


def all_html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """This test's own database, which the app opens through GEOMAP_DATABASE_URL."""
    url = f"sqlite:///{tmp_path / 'geomap.sqlite'}"
    monkeypatch.setenv("GEOMAP_DATABASE_URL", url)
    return url


def start(db: str) -> AppTest:
    """A new session of the page (the URL is read from the environment `db` set)."""
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def app(db: str) -> AppTest:
    return start(db)


def restart(db: str) -> AppTest:
    """As after a server restart: nothing cached in the process (the app's Store, the parser), a new session."""
    st.cache_resource.clear()
    return start(db)


def stored(db: str) -> dict[str, Article]:
    """The articles in the database, corrections applied, read by a Store of the test's own."""
    with Store(db) as store:
        return {a.id: a for a in store.map_articles()}


def paste_button(at: AppTest):
    return next(b for b in at.button if b.label == "Add pasted text")


def button(at: AppTest, label: str, n: int = 0):
    """The n-th button with this label (the panel's buttons have generated keys)."""
    return [b for b in at.button if b.label == label][n]


def select(at: AppTest, db: str, text: str, title: str | None = None) -> str:
    """Select, as a marker click does, the place of the mention `text` (in the article titled `title`)."""
    key = next(place_key(m) for a in stored(db).values() if title in (None, a.title) for m in a.mentions
               if m.text == text)
    at.session_state["selected"] = key
    at.run()
    assert not at.exception, at.exception
    return key


def fixes(at: AppTest) -> list[str]:
    """The corrected names the panel lists, as shown."""
    return [h.proto.body for h in at.html if 'class="gm-fix"' in h.proto.body]


def test_first_look_shows_the_samples(app: AppTest, db: str) -> None:
    assert len(SAMPLES) >= 4
    titles = {a.title for a in stored(db).values()}
    assert len(titles) == len(SAMPLES)
    assert "Monsoon floods cut off villages across Sindh as the Indus rises" in titles
    assert set(table(app)["article"]) == titles
    assert f"from {len(SAMPLES)} of {len(SAMPLES)} articles" in summary(app)
    assert not app.error


def test_upload_many_with_a_bad_and_a_too_big_file(app: AppTest, db: str) -> None:
    app.file_uploader[0].set_value([
        ("kyiv.txt", KYIV_TEXT.encode("utf-8"), "text/plain"),
        ("broken.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x00" + bytes(range(256)), "text/plain"),
        ("huge.md", b"Kyiv " * 500_000, "text/markdown"),
        ("page.html", b"<html><head><title>Cholera in Zomba</title></head><body><p>Cholera cases rose in Zomba "
                      b"and Blantyre, health officials in Malawi said.</p></body></html>", "text/html"),
    ]).run()
    assert not app.exception, app.exception
    errors = " ".join(e.value for e in app.error)
    assert "broken" in errors and "not readable text" in errors
    assert "huge" in errors and "over the limit" in errors
    titles = {a.title for a in stored(db).values()}  # the good files are stored
    assert {"Missiles hit Kyiv districts", "Cholera in Zomba"} <= titles
    assert len(titles) == len(SAMPLES) + 2
    assert "Missiles hit Kyiv districts" in set(table(app)["article"])
    assert app.file_uploader[0].value in (None, [])  # emptied for the next batch


def test_same_file_twice_is_reported_not_duplicated(app: AppTest, db: str) -> None:
    app.file_uploader[0].set_value(("again.txt", SAMPLES[0].read_bytes(), "text/plain")).run()
    assert len(stored(db)) == len(SAMPLES)
    assert any("already loaded" in i.value for i in app.info)
    # Twice in one batch, once with Windows line ends: stored once, and the copy reported.
    kyiv = KYIV_TEXT.encode("utf-8")
    app.file_uploader[0].set_value([("kyiv.txt", kyiv, "text/plain"),
                                    ("kyiv-copy.txt", kyiv.replace(b"\n", b"\r\n"), "text/plain")]).run()
    assert not app.exception, app.exception
    assert [a.document.source for a in stored(db).values()].count("kyiv.txt") == 1
    assert len(stored(db)) == len(SAMPLES) + 1
    assert any("already loaded" in i.value and "copy" in i.value for i in app.info)
    assert f"of {len(SAMPLES) + 1} articles" in summary(app)


def test_paste_an_article(app: AppTest, db: str) -> None:
    app.text_area(key="paste_text").input(KYIV_TEXT)
    paste_button(app).click().run()
    assert not app.exception, app.exception
    assert "Missiles hit Kyiv districts" in {a.title for a in stored(db).values()}
    assert app.text_area(key="paste_text").value == ""
    assert any("Added 1 article" in s.value for s in app.success)


def test_filters_by_kind_confidence_and_article(app: AppTest, db: str) -> None:
    app.multiselect(key="kind_filter").set_value(["country"]).run()
    kinds = set(table(app)["kind"])
    assert kinds <= {"country", "unresolved"} and "country" in kinds

    app.multiselect(key="kind_filter").set_value(["city", "district"])
    app.slider(key="min_confidence").set_value(0.9).run()
    rows = table(app)
    assert len(rows) and (rows["confidence"] >= 0.9).all()
    assert set(rows["kind"]) <= {"city / town", "district", "unresolved"}

    first = next(iter(stored(db)))
    app.multiselect(key="article_filter").set_value([first]).run()
    assert set(table(app)["article"]) == {stored(db)[first].title}
    assert "from 1 of" in summary(app)


def test_remove_an_article_deletes_it_from_the_database(app: AppTest, db: str) -> None:
    gone = next(iter(stored(db)))
    title = stored(db)[gone].title
    app.button(key=f"remove_{gone}").click().run()
    assert not app.exception, app.exception
    assert gone not in stored(db)
    assert gone not in app.session_state["article_filter"]
    assert len(stored(db)) == len(SAMPLES) - 1
    assert title not in set(table(app)["article"])
    # Still gone after a restart: the samples are loaded into an empty database only.
    again = restart(db)
    assert len(stored(db)) == len(SAMPLES) - 1
    assert title not in set(table(again)["article"])
    assert f"of {len(SAMPLES) - 1} articles" in summary(again)


def test_panel_lists_excerpts_with_the_mention_highlighted(app: AppTest, db: str) -> None:
    app.text_area(key="paste_text").input(KYIV_TEXT)
    paste_button(app).click().run()
    select(app, db, "Solomyansky district", "Missiles hit Kyiv districts")
    page = all_html(app)
    assert '<mark class="gm-hit">Solomyansky district</mark>' in page
    assert "two residential blocks catching fire" in page
    assert "Missiles hit Kyiv districts" in page  # the article's title
    assert any(e.label == "Read the whole article" for e in app.expander)


def test_untrusted_text_is_escaped_on_the_page(app: AppTest, db: str) -> None:
    app.text_area(key="paste_text").input(XSS_TEXT)
    paste_button(app).click().run()
    art = next(a for a in stored(db).values() if "Reykjavik" in a.title)
    app.session_state["selected"] = next(f"place-{m.place_id}" for m in art.mentions if m.place_id)
    app.run()
    button(app, "Not a place").click().run()  # the correction's line in the panel quotes the text too
    assert not app.exception, app.exception
    assert fixes(app) and all("<script" not in f for f in fixes(app))
    page = all_html(app)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title, in the sidebar and the panel
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert "<script>" not in page and "<img" not in page


DATED_TEXT = """Shelling and fires in eastern Ukraine
Shelling hit Kharkiv on Tuesday, injuring at least 4 people.
A warehouse burned in Lviv yesterday, officials said."""


def test_roles_and_categories_filter_the_table(app: AppTest) -> None:
    assert set(table(app)["role"]) <= {"site", "other"}  # actors are hidden at first
    app.multiselect(key="role_filter").set_value(["actor"]).run()
    rows = table(app)
    assert len(rows) and set(rows["role"]) == {"actor"}

    app.multiselect(key="role_filter").set_value(["site", "other"])
    app.multiselect(key="category_filter").set_value(["protest"]).run()
    rows = table(app)
    assert len(rows) and all("Protest" in cell for cell in rows["incidents"])
    assert "Lima" in set(rows["mention"])


def test_a_dated_paste_and_the_date_filter(app: AppTest) -> None:
    app.text_area(key="paste_text").input(DATED_TEXT)
    app.date_input(key="paste_date").set_value(date(2024, 3, 14))
    paste_button(app).click().run()
    assert not app.exception, app.exception
    rows = table(app)
    dated = dict(zip(rows["mention"], rows["date"]))
    assert dated["Kharkiv"] == "2024-03-12" and dated["Lviv"] == "2024-03-13"  # "on Tuesday", "yesterday"
    assert app.session_state["date_range"] == (date(2024, 3, 12), date(2024, 3, 14))

    app.date_input(key="date_range").set_value((date(2024, 3, 13), date(2024, 3, 14)))
    app.checkbox(key="include_undated").uncheck().run()
    rows = table(app)
    assert "Lviv" in set(rows["mention"]) and "Kharkiv" not in set(rows["mention"])
    assert set(rows["date"]) <= {"2024-03-13", "2024-03-14"}


def test_panel_shows_the_incident_timeline_and_heat_map_toggles(app: AppTest, db: str) -> None:
    app.text_area(key="paste_text").input(KYIV_TEXT)
    paste_button(app).click().run()
    select(app, db, "Solomyansky district", "Missiles hit Kyiv districts")
    app.radio(key="heat").set_value("casualties").run()
    assert not app.exception, app.exception
    page = all_html(app)
    assert 'class="gm-incident"' in page and "Missile attack" in page and "Fire" in page
    assert '<mark class="gm-trigger">missile strikes</mark>' in page


# --- the store behind the page -------------------------------------------------------------------------

SAMPLE_KHARKIV = "Shelling hits Kupiansk and villages in Ukraine's Kharkiv oblast"  # mentions Brussels and Warsaw
BRUSSELS_TEXT = """EU ministers meet in Brussels
Foreign ministers met in Brussels on Monday to discuss sanctions."""


def places_in(db: str) -> dict[tuple[str, str | None], int]:
    """(place name, country) -> mentions, over the whole database: the map's data, corrections applied."""
    with Store(db) as store:
        return {(p.name, p.country_code): p.n_mentions for p in store.places()}


def test_articles_and_corrections_survive_a_restart(app: AppTest, db: str) -> None:
    app.text_area(key="paste_text").input(KYIV_TEXT)
    paste_button(app).click().run()
    select(app, db, "Warsaw", SAMPLE_KHARKIV)
    button(app, "Not a place").click().run()
    assert "Warsaw" not in set(table(app)["mention"])
    before = table(app)

    again = restart(db)
    assert len(stored(db)) == len(SAMPLES) + 1  # the samples were not loaded a second time
    assert "Missiles hit Kyiv districts" in set(table(again)["article"])
    assert "Warsaw" not in set(table(again)["mention"])  # the correction is back with the article
    assert table(again).equals(before)
    assert f"from {len(SAMPLES) + 1} of {len(SAMPLES) + 1} articles" in summary(again)


def test_correct_a_place_with_a_candidate_then_undo(app: AppTest, db: str) -> None:
    belgium = select(app, db, "Brussels", SAMPLE_KHARKIV)
    assert ("Brussels", "BE") in places_in(db)
    [picker] = [e for e in app.expander if e.label.startswith("Wrong place?")]
    assert "Brussels" in picker.label
    options = app.selectbox(key=next(s.key for s in app.selectbox if s.label == "The right place"))
    canada = next(o for o in options.options if ", CA (" in o)
    options.select_index(options.options.index(canada)).run()
    button(app, "Use this place").click().run()
    assert not app.exception, app.exception

    places = places_in(db)  # what the map is drawn from, applied at once
    assert ("Brussels", "CA") in places and ("Brussels", "BE") not in places
    rows = table(app)
    assert set(rows[rows["mention"] == "Brussels"]["country"]) == {"CA"}
    # The panel still shows Brussels, Belgium: where its mention went, and the way back.
    assert [f for f in fixes(app) if "corrected to Brussels — city / town, CA" in f]
    assert not [e for e in app.expander if e.label.startswith("Wrong place?")]

    # The new place lists the mention as corrected to it.
    canada_key = select(app, db, "Brussels", SAMPLE_KHARKIV)
    assert canada_key != belgium
    assert [f for f in fixes(app) if "corrected to this place (the parser chose Brussels — city / town, BE" in f]
    button(app, "Undo").click().run()
    assert not app.exception, app.exception
    assert ("Brussels", "BE") in places_in(db) and ("Brussels", "CA") not in places_in(db)
    with Store(db) as store:
        assert store.corrections() == []


def test_correct_a_place_found_by_a_typo_tolerant_search(app: AppTest, db: str) -> None:
    select(app, db, "Warsaw", SAMPLE_KHARKIV)
    app.text_input(key=next(t.key for t in app.text_input if t.label == "Search places by name")).input("Warsw").run()
    options = next(s for s in app.selectbox if s.label == "The right place")
    district = next(o for o in options.options if o.startswith("Warszawa — district, PL"))
    options.select_index(options.options.index(district)).run()
    button(app, "Use this place").click().run()
    assert not app.exception, app.exception
    assert ("Warszawa", "PL") in places_in(db) and ("Warsaw", "PL") not in places_in(db)
    assert "Warszawa" in set(table(app)["place"])


def test_an_earlier_correction_is_suggested_for_the_same_name(app: AppTest, db: str) -> None:
    select(app, db, "Brussels", SAMPLE_KHARKIV)
    options = next(s for s in app.selectbox if s.label == "The right place")
    options.select_index(next(i for i, o in enumerate(options.options) if ", CA (" in o)).run()
    button(app, "Use this place").click().run()
    app.text_area(key="paste_text").input(BRUSSELS_TEXT)
    paste_button(app).click().run()
    assert not app.exception, app.exception

    select(app, db, "Brussels", "EU ministers meet in Brussels")  # Brussels, Belgium: the parser's choice here
    assert [e.label for e in app.expander if e.label.startswith("Wrong place?")] == [
        "Wrong place? “Brussels” (2 mentions)"]  # the headline's and the sentence's, corrected together
    options = next(s for s in app.selectbox if s.label == "The right place")
    assert options.options[0].startswith("★ Brussels — city / town, CA")  # suggested, and picked already
    assert "as corrected in another article" in options.options[0]
    assert options.index == 0
    button(app, "Use this place").click().run()
    assert ("Brussels", "BE") not in places_in(db) and places_in(db)[("Brussels", "CA")] == 1 + 2


def capture_downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], str]]:
    """file name -> the callable a download button would run when clicked."""
    made: dict[str, Callable[[], str]] = {}

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs) -> str:
        made[file_name] = data_callable
        return f"deferred-{file_name}"

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return made


def test_downloads_are_what_the_map_shows(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    made = capture_downloads(monkeypatch)
    app = start(db)
    assert [b.label for b in app.download_button] == ["GeoJSON", "CSV", "KML", "HTML map", "Corrections"]
    assert set(made) == {"geomap.geojson", "geomap.csv", "geomap.kml", "geomap.html", "geomap-corrections.jsonl"}
    assert made["geomap-corrections.jsonl"]() == ""

    select(app, db, "Warsaw", SAMPLE_KHARKIV)
    button(app, "Not a place").click().run()
    app.multiselect(key="kind_filter").set_value(["country"]).run()  # the map shows countries only
    assert not app.exception, app.exception

    features = json.loads(made["geomap.geojson"]())["features"]
    assert features and {f["properties"]["kind"] for f in features} == {"country"}
    assert {f["properties"]["name"] for f in features} >= {"Ukraine", "Pakistan"}
    rows = list(csv.DictReader(io.StringIO(made["geomap.csv"]())))
    assert {r["kind"] for r in rows} == {"country"} and len(rows) == sum(f["properties"]["n_mentions"]
                                                                        for f in features)
    marks = ET.fromstring(made["geomap.kml"]()).findall(".//{http://www.opengis.net/kml/2.2}Placemark")
    assert len(marks) == len(features)
    page = made["geomap.html"]()
    assert page.count("data-place=") == len(features) and "<script src=" not in page
    [record] = [json.loads(line) for line in made["geomap-corrections.jsonl"]().splitlines()]
    assert record["mention"]["text"] == "Warsaw" and record["is_place"] is False


def test_an_article_another_writer_adds_shows_on_the_next_run(app: AppTest, db: str, gp) -> None:
    """The app reads the store again only when its revision changed; a team-mate's ingest (another
    Store on the same database) changes it."""
    before = table(app)
    app.run()
    assert table(app).equals(before)  # nothing changed: served from the cache
    with Store(db) as other:
        other.add_article(Document("Ingested elsewhere", KYIV_TEXT, "ingest", None), gp.parse(KYIV_TEXT))
    app.run()
    assert "Ingested elsewhere" in set(table(app)["article"])
    assert f"from {len(SAMPLES) + 1} of {len(SAMPLES) + 1} articles" in summary(app)
