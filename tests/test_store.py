"""The persistent store on an SQLite file and on a real PostgreSQL server: the same tests on both."""

from __future__ import annotations

import gc
import json
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from geomap.documents import Document
from geomap.export import geojson
from geomap.parser import Mention
from geomap.store import (
    Base,
    Correction,
    Store,
    alembic_config,
    apply_corrections,
    content_hash,
    correction_options,
    make_engine,
    option_label,
)

STORM = "A storm hit Georgia on Monday, flooding roads near Atlanta and Savannah."
SHELLING = "Shelling hit Kharkiv overnight, officials in Kyiv said."
PROTEST = "Protesters gathered in Paris on Monday. Police in Lyon arrested 12 people."


def doc(body: str, source: str = "test") -> Document:
    return Document(title=body.split(".")[0], text=body, source=source)


def kyiv(start: int = 0) -> Mention:
    return Mention(text="Kyiv", start=start, end=start + 4, name="Kyiv", kind="city", country_code="UA", lat=50.45,
                   lon=30.52, place_id=703448, geonameid=703448, confidence=0.9, excerpt="Kyiv was hit.")


def count(store: Store, table: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


@pytest.fixture
def store(store_url):
    with Store(store_url) as s:
        yield s


def test_schema_is_migrated_to_head_and_matches_the_models(store):
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head
        # A model change without a migration shows up here as a difference.
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_article_round_trip_and_dedupe(store, gp):
    mentions = gp.parse(SHELLING)
    assert {m.text for m in mentions} == {"Kharkiv", "Kyiv"}
    first = store.add_article(doc(SHELLING, "a.txt"), mentions)
    # The same article again, from another file and with a Windows line end: recognised, not stored twice.
    assert store.add_article(doc(SHELLING + "\r\n", "b.txt"), mentions) == first
    other = store.add_article(doc(SHELLING.replace("Kyiv", "Lviv"), "c.txt"), [])
    assert other != first
    assert [(a.id, a.document.source) for a in store.articles()] == [(first, "a.txt"), (other, "c.txt")]
    assert [m.to_dict() for m in store.mentions(first)] == [m.to_dict() for m in mentions]
    assert store.find(content_hash(SHELLING + "\n")) == first


def test_delete_article_takes_its_mentions(store):
    keep = store.add_article(doc("Kyiv was hit. Kyiv again."), [kyiv(0), kyiv(14)])
    gone = store.add_article(doc("Kyiv once."), [kyiv(0)])
    assert count(store, "mentions") == count(store, "resolutions") == 3
    assert store.delete_article(gone) is True
    assert store.delete_article(gone) is False
    assert [a.id for a in store.articles()] == [keep]
    assert count(store, "mentions") == count(store, "resolutions") == 2
    with pytest.raises(KeyError):
        store.mentions(gone)


def test_a_failed_write_leaves_no_half_article(store):
    store.add_article(doc("Kyiv before."), [kyiv()])
    broken = kyiv(20)
    broken.events = [{"category": object()}]  # can't be stored: the write fails after the article row
    with pytest.raises((SQLAlchemyError, TypeError, ValueError)):
        store.add_article(doc("Kyiv was hit again, officials said."), [kyiv(), broken])
    assert [a.document.text for a in store.articles()] == ["Kyiv before."]
    assert count(store, "mentions") == count(store, "resolutions") == 1


def test_map_data_survives_a_restart(store_url, gp):
    with Store(store_url) as s:
        for body in (STORM, SHELLING, PROTEST):
            s.add_article(doc(body), gp.parse(body))
        s.add_correction(s.articles()[0].id, 12, 19, None)  # "Georgia": not a place here
        before = json.dumps(geojson(s.places()), sort_keys=True)
    del s
    gc.collect()
    with Store(store_url) as reopened:
        after = json.dumps(geojson(reopened.places()), sort_keys=True)
        assert len(reopened.articles()) == 3
    assert after == before
    assert {f["properties"]["name"] for f in json.loads(after)["features"]} >= {"Atlanta", "Kharkiv", "Paris"}
    assert "Georgia" not in {f["properties"]["name"] for f in json.loads(after)["features"]}


def test_corrections_apply_on_every_read_and_after_reparsing(store, gp, gazetteer):
    article = store.add_article(doc(STORM), gp.parse(STORM))
    georgia = next(m for m in store.mentions(article) if m.text == "Georgia")
    assert georgia.country_code == "US"
    country = next(a for a in georgia.alternatives if a["country_code"] == "GE")
    store.add_correction(article, georgia.start, georgia.end, country)  # pick a candidate
    atlanta = next(m for m in store.mentions(article) if m.text == "Atlanta")
    store.add_correction(article, atlanta.start, atlanta.end, None)  # not a place
    savannah = next(m for m in store.mentions(article) if m.text == "Savannah")
    found = gazetteer.search("Savanah")  # typo-tolerant search, then pick
    store.add_correction(article, savannah.start, savannah.end, found[0])

    def check(mentions: list[Mention]) -> None:
        by_text = {m.text: m for m in mentions}
        assert "Atlanta" not in by_text
        assert (by_text["Georgia"].kind, by_text["Georgia"].country_code) == ("country", "GE")
        assert by_text["Georgia"].confidence == 1.0
        assert any(a["country_code"] == "US" for a in by_text["Georgia"].alternatives)  # the parser's choice
        assert by_text["Savannah"].place_id == found[0].id

    check(store.mentions(article))
    assert {m.text for m in store.mentions(article, corrected=False)} == {"Georgia", "Atlanta", "Savannah"}
    # Deleted and added again, parsed afresh: the corrections come back with it.
    assert store.delete_article(article)
    again = store.add_article(doc(STORM, "re-upload.txt"), gp.parse(STORM))
    check(store.mentions(again))
    assert len(store.corrections(again)) == 3
    # A later correction of the same mention replaces the earlier one; deleting it restores the parser's choice.
    store.add_correction(again, atlanta.start, atlanta.end, next(iter(atlanta.alternatives)))
    assert len(store.corrections()) == 3
    assert store.delete_correction(again, atlanta.start, atlanta.end)
    assert next(m for m in store.mentions(again) if m.text == "Atlanta").place_id == atlanta.place_id


def test_a_correction_is_offered_for_the_same_name_in_the_same_country(store, gp):
    article = store.add_article(doc(STORM), gp.parse(STORM))
    georgia = next(m for m in store.mentions(article) if m.text == "Georgia")
    store.add_correction(article, georgia.start, georgia.end,
                         next(a for a in georgia.alternatives if a["country_code"] == "GE"))
    later = next(m for m in gp.parse("Talks on Georgia resumed in Geneva.") if m.text == "Georgia")
    hints = store.hints(later)
    assert [(h.text, h.place["country_code"]) for h in hints] == [("Georgia", "GE")]
    assert store.hints(next(m for m in gp.parse(PROTEST) if m.text == "Paris")) == []
    with pytest.raises(KeyError):
        store.add_correction(article, 0, 1, None)  # no mention there


def test_correction_options_offer_candidates_and_searched_places(gp, gazetteer):
    georgia = next(m for m in gp.parse(STORM) if m.text == "Georgia")
    options = correction_options(georgia)
    assert [(o["name"], o["country_code"]) for o in options] == [(a["name"], a["country_code"])
                                                                 for a in georgia.alternatives]
    searched = correction_options(georgia, gazetteer, "Tbilsi")  # a typo
    assert searched[: len(options)] == options
    assert "Tbilisi" in {o["name"] for o in searched[len(options):]}
    assert georgia.place_id not in {o["place_id"] for o in searched}
    assert len({o["place_id"] for o in searched}) == len(searched)
    assert option_label(next(o for o in options if o["kind"] == "country")).startswith("Georgia — country (")
    assert option_label({"name": "Atlanta", "kind": "city", "country_code": "US", "lat": 33.749, "lon": -84.388}) \
        == "Atlanta — city / town, US (33.75, -84.39)"


def _write_articles(url: str, worker: int, start_at: float) -> list[int]:
    """One writer process: its own articles and a few every writer adds."""
    with Store(url) as store:
        while time.time() < start_at:  # both writers start together
            time.sleep(0.01)
        ids = []
        for i in range(30):
            body = f"Shared report {i} from Kyiv." if i % 6 == 0 else f"Writer {worker}, report {i}: Kyiv was hit."
            ids.append(store.add_article(doc(body, f"w{worker}"), [kyiv(body.index("Kyiv"))]))
        return ids


def test_two_concurrent_writers_lose_nothing(store_url):
    Store(store_url).close()  # migrated before the race: the writers race on articles, not on the schema
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=spawn) as pool:
        start_at = time.time() + 3
        results = [f.result() for f in [pool.submit(_write_articles, store_url, w, start_at) for w in (1, 2)]]
    with Store(store_url) as store:
        articles = store.articles()
        assert len(articles) == 2 * 25 + 5  # 25 own articles each, 5 shared ones stored once
        assert sorted(a.id for a in articles) == sorted(set(results[0]) | set(results[1]))
        assert results[0][::6] == results[1][::6]  # both writers got the one id of each shared article
        assert count(store, "mentions") == len(articles)
        assert all(len(store.mentions(a.id)) == 1 for a in articles)


def _open_at(url: str, start_at: float) -> str:
    """A process that opens the database at the same instant as others: "ok" or the error it met."""
    while time.time() < start_at:
        pass
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return conn.exec_driver_sql("PRAGMA journal_mode").scalar_one()
    except SQLAlchemyError as error:
        return repr(error)
    finally:
        engine.dispose()


def test_processes_opening_a_new_sqlite_file_together_all_get_in(tmp_path):
    """SQLite refuses a WAL switch at once, without a busy wait, while another process is making it:
    seen as 'database is locked' when two app processes first opened one new file."""
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(4, mp_context=spawn) as pool:
        for attempt in range(30):
            url = f"sqlite:///{tmp_path / f'new{attempt}.sqlite'}"
            start_at = time.time() + 0.2
            assert [f.result() for f in [pool.submit(_open_at, url, start_at) for _ in range(4)]] == ["wal"] * 4


def test_threads_sharing_one_store_lose_nothing(store):
    """As app sessions do: one Store, many threads writing and reading at once."""
    def write(worker: int) -> list[int]:
        ids = []
        for i in range(15):
            body = f"Writer {worker}, report {i}: Kyiv was hit."
            ids.append(store.add_article(doc(body), [kyiv(body.index("Kyiv"))]))
            store.places()
        return ids

    with ThreadPoolExecutor(4) as pool:
        ids = [i for batch in pool.map(write, range(4)) for i in batch]
    assert sorted(ids) == sorted(a.id for a in store.articles()) and len(set(ids)) == 60
    assert count(store, "mentions") == 60


def test_sqlite_file_is_in_wal_mode_under_the_data_directory(tmp_path, monkeypatch):
    monkeypatch.setenv("GEOMAP_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("GEOMAP_DATABASE_URL", raising=False)
    with Store() as store:
        assert store.url == f"sqlite:///{tmp_path / 'home' / 'geomap.sqlite'}"
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
    monkeypatch.setenv("GEOMAP_DATABASE_URL", f"sqlite:///{tmp_path / 'team.sqlite'}")
    with Store() as store:
        store.add_article(doc("Kyiv."), [kyiv()])
    assert (tmp_path / "team.sqlite").exists()


def test_the_revision_changes_with_every_write(store):
    """A write changes the revision; a revision seen twice means the same map data (undoing a write
    brings back the earlier state: ids and times only grow)."""
    seen = [(store.revision(), store.map_articles())]

    def wrote() -> None:
        seen.append((store.revision(), store.map_articles()))
        assert seen[-1][0] != seen[-2][0]

    store.add_article(doc("Kyiv was hit."), [kyiv()])
    wrote()
    second = store.add_article(doc("Kyiv was hit again."), [kyiv()])
    wrote()
    store.add_correction(second, 0, 4, None)
    wrote()
    store.add_correction(second, 0, 4, {"name": "Kyiv Oblast", "kind": "region", "country_code": "UA",
                                        "lat": 50.0, "lon": 30.5, "geonameid": 703446, "place_id": 703446})
    wrote()
    store.delete_correction(second, 0, 4)
    wrote()
    store.delete_article(second)
    wrote()
    store.add_article(doc("Kyiv was hit a third time."), [kyiv()])  # SQLite may give it the freed id
    wrote()
    for rev_a, data_a in seen:
        assert all(data_b == data_a for rev_b, data_b in seen if rev_b == rev_a)
    assert store.revision() == seen[-1][0]  # reading changes nothing


def test_a_corrected_place_brings_its_own_feature_code(gp):
    """A camp corrected to a town loses "refugee camp"; a correction saved before feature codes were
    kept leaves none rather than the camp's."""
    camp = next(m for m in gp.parse("Families fled to Kakuma refugee camp.") if m.text == "Kakuma")
    assert camp.feature == "CMPRF"
    town = {"name": "Kakuma", "kind": "city", "country_code": "KE", "lat": 3.71, "lon": 34.86, "geonameid": 195197,
            "place_id": 195197}
    old = Correction("h", camp.start, camp.end, camp.text, "KE", town, {}, datetime.now(UTC))
    new = Correction("h", camp.start, camp.end, camp.text, "KE", town | {"feature": "PPL"}, {}, datetime.now(UTC))
    assert apply_corrections([camp], [old])[0].feature is None
    assert apply_corrections([camp], [new])[0].feature == "PPL"
