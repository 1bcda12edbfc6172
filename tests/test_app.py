"""The page's logic through Streamlit's AppTest: samples, uploads, pasting, filters, removal, the place panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geomap.documents import SUFFIXES

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
def app() -> AppTest:
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=180)
    at.run()
    assert not at.exception, at.exception
    return at


def paste_button(at: AppTest):
    return next(b for b in at.button if b.label == "Add pasted text")


def article_ids(at: AppTest) -> list[str]:
    return list(at.session_state["articles"])


def test_first_look_shows_the_samples(app: AppTest) -> None:
    assert len(SAMPLES) >= 4
    titles = {a.title for a in app.session_state["articles"].values()}
    assert len(titles) == len(SAMPLES)
    assert "Monsoon floods cut off villages across Sindh as the Indus rises" in titles
    assert set(table(app)["article"]) == titles
    assert f"from {len(SAMPLES)} of {len(SAMPLES)} articles" in summary(app)
    assert not app.error


def test_upload_many_with_a_bad_and_a_too_big_file(app: AppTest) -> None:
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
    titles = {a.title for a in app.session_state["articles"].values()}
    assert {"Missiles hit Kyiv districts", "Cholera in Zomba"} <= titles
    assert len(titles) == len(SAMPLES) + 2
    assert "Missiles hit Kyiv districts" in set(table(app)["article"])
    assert app.file_uploader[0].value in (None, [])  # emptied for the next batch


def test_same_file_twice_is_reported_not_duplicated(app: AppTest) -> None:
    app.file_uploader[0].set_value(("again.txt", SAMPLES[0].read_bytes(), "text/plain")).run()
    assert len(app.session_state["articles"]) == len(SAMPLES)
    assert any("already loaded" in i.value for i in app.info)


def test_paste_an_article(app: AppTest) -> None:
    app.text_area(key="paste_text").input(KYIV_TEXT)
    paste_button(app).click().run()
    assert not app.exception, app.exception
    assert "Missiles hit Kyiv districts" in {a.title for a in app.session_state["articles"].values()}
    assert app.text_area(key="paste_text").value == ""
    assert any("Added 1 article" in s.value for s in app.success)


def test_filters_by_kind_confidence_and_article(app: AppTest) -> None:
    app.multiselect(key="kind_filter").set_value(["country"]).run()
    kinds = set(table(app)["kind"])
    assert kinds <= {"country", "unresolved"} and "country" in kinds

    app.multiselect(key="kind_filter").set_value(["city", "district"])
    app.slider(key="min_confidence").set_value(0.9).run()
    rows = table(app)
    assert len(rows) and (rows["confidence"] >= 0.9).all()
    assert set(rows["kind"]) <= {"city / town", "district", "unresolved"}

    first = article_ids(app)[0]
    app.multiselect(key="article_filter").set_value([first]).run()
    assert set(table(app)["article"]) == {app.session_state["articles"][first].title}
    assert "from 1 of" in summary(app)


def test_remove_an_article(app: AppTest) -> None:
    gone = article_ids(app)[0]
    app.button(key=f"remove_{gone}").click().run()
    assert not app.exception, app.exception
    assert gone not in app.session_state["articles"]
    assert gone not in app.session_state["article_filter"]
    assert len(app.session_state["articles"]) == len(SAMPLES) - 1


def test_panel_lists_excerpts_with_the_mention_highlighted(app: AppTest) -> None:
    app.text_area(key="paste_text").input(KYIV_TEXT)
    paste_button(app).click().run()
    kyiv = next(a for a in app.session_state["articles"].values() if a.title == "Missiles hit Kyiv districts")
    solomianka = next(m for m in kyiv.mentions if m.text == "Solomyansky district")
    app.session_state["selected"] = f"place-{solomianka.place_id}"
    app.run()
    page = all_html(app)
    assert '<mark class="gm-hit">Solomyansky district</mark>' in page
    assert "two residential blocks catching fire" in page
    assert "Missiles hit Kyiv districts" in page  # the article's title
    assert any(e.label == "Read the whole article" for e in app.expander)


def test_untrusted_text_is_escaped_on_the_page(app: AppTest) -> None:
    app.text_area(key="paste_text").input(XSS_TEXT)
    paste_button(app).click().run()
    art = next(a for a in app.session_state["articles"].values() if "Reykjavik" in a.title)
    app.session_state["selected"] = next(f"place-{m.place_id}" for m in art.mentions if m.place_id)
    app.run()
    page = all_html(app)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title, in the sidebar and the panel
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert "<script>" not in page and "<img" not in page
