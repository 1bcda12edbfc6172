"""The real page in headless Chromium, with every non-loopback request blocked.

Upload the example article, click the Solomianskyi district marker, read the excerpt in the panel;
upload an article full of script payloads and check nothing ran; filter the map by incident category;
correct two places, restart the server and find the corrections still on the map, in the panel and
in the GeoJSON download. Blocking proves the map needs no CDN: Leaflet and its plugins come from
the app itself, and the missing tiles leave outlines showing.

Every test starts its own `streamlit run` server on its own SQLite file under tmp_path, so tests
don't share articles and the user's own database is never opened. Waits are long (the machine may
be busy with other tests); nothing is asserted about how long anything took.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import EXAMPLE, shared_file

from geomap.documents import SUFFIXES, read_document
from geomap.mapview import choice_key, place_key

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT = ROOT / "docs" / "screenshot.png"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
WAIT = 120_000  # ms: generous, for a machine busy with other tests; a wait, never an assertion on speed
XSS_ARTICLE = """<script>window.__geomapXss = 1; alert(1)</script> Storm floods the harbour in Reykjavik
Heavy rain flooded streets in Reykjavik </div><img src=x onerror="window.__geomapXss=2;alert(2)"> on Monday.
Police in Reykjavik closed the harbour road `${window.__geomapXss=3}` <b onmouseover="window.__geomapXss=4">today</b>.
"""


def chromium_or_skip() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium (.ci/run does)")
    pytest.skip(f"{CHROMIUM} is absent: `apt-get install -y chromium` to run the browser test")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(database_url: str, log_path: Path) -> Iterator[str]:
    """`streamlit run` of the app on a free loopback port, storing into `database_url`; stopped on exit."""
    port = free_port()
    env = {**os.environ, "GEOMAP_DATABASE_URL": database_url}
    with log_path.open("a") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + WAIT / 1000
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=5) as answer:
                        if answer.read() == b"ok":
                            break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        pytest.fail(f"streamlit did not come up; see {log_path}")
                    time.sleep(0.5)
            yield url
        finally:
            server.terminate()
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


@pytest.fixture
def database(tmp_path: Path) -> str:
    """This test's own database."""
    return f"sqlite:///{tmp_path / 'geomap.sqlite'}"


@pytest.fixture
def app_url(database: str, tmp_path: Path) -> Iterator[str]:
    chromium_or_skip()
    with streamlit_server(database, tmp_path / "server.log") as url:
        yield url


@pytest.fixture
def browser(tmp_path: Path):
    """A headless Chromium that lets only loopback requests through (the blocked ones are in `.blocked`)."""
    chromium_or_skip()
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def only_loopback(route) -> None:
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.fallback()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1440, "height": 960}, accept_downloads=True)
        context.set_default_timeout(WAIT)
        context.route("**/*", only_loopback)
        context.blocked = blocked
        yield context
        context.close()


def open_page(browser, url: str):
    """A new tab on the app; `.blocked` lists requests that tried to leave the machine, `.dialogs` any alert."""
    dialogs: list[str] = []
    tab = browser.new_page()
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.goto(url)
    tab.blocked, tab.dialogs = browser.blocked, dialogs
    return tab


@pytest.fixture
def page(browser, app_url: str):
    return open_page(browser, app_url)


def map_frame(page):
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def upload(page, path: Path, expected_articles: int) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.get_by_text(f"Loaded articles ({expected_articles})").wait_for(timeout=WAIT)


# True once a marker layer on the map holds a marker at (lat, lon): the app's update has arrived.
HAS_MARKER_AT = """([lat, lon]) => (window.feature_group || []).some(group => window.map.hasLayer(group)
    && group.getLayers().some(cluster => cluster.getLayers && cluster.getLayers().some(marker => {
        const at = marker.getLatLng();
        return Math.abs(at.lat - lat) < 1e-6 && Math.abs(at.lng - lon) < 1e-6;
    })))"""


def click_marker(page, key: str, lat: float, lon: float) -> None:
    """Zoom in far enough that the place leaves its cluster, then click its marker like a person would."""
    frame = map_frame(page)
    frame.wait_for_function(HAS_MARKER_AT, arg=[lat, lon], timeout=WAIT)
    frame.evaluate("([lat, lon]) => window.map.setView([lat, lon], 13, {animate: false})", [lat, lon])
    marker = page.frame_locator(MAP_FRAME).locator(f'[data-place="{key}"]')
    marker.wait_for(timeout=WAIT)
    marker.hover()
    marker.click()


def test_click_a_district_offline_then_survive_an_xss_article(page, gp, tmp_path: Path) -> None:
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".gm-marker, .marker-cluster").first.wait_for(timeout=WAIT)  # the samples are on the map
    samples = int(page.get_by_text("Loaded articles (").inner_text().split("(")[1].rstrip(")"))

    article = shared_file(EXAMPLE)
    solomianka = next(m for m in gp.parse(article.read_text(encoding="utf-8")) if m.text == "Solomyansky district")
    assert (round(solomianka.lat, 2), round(solomianka.lon, 2)) == (50.43, 30.45)
    upload(page, article, samples + 1)
    map_frame(page).evaluate("() => { window.__sameMap = true; }")
    click_marker(page, place_key(solomianka), solomianka.lat, solomianka.lon)
    excerpt = page.locator(".gm-excerpt", has_text="two residential blocks catching fire")
    excerpt.wait_for(timeout=WAIT)
    assert excerpt.locator("mark").inner_text() == "Solomyansky district"
    assert page.locator(".gm-place h3").inner_text() == solomianka.name
    frame_now = map_frame(page)
    assert frame_now.evaluate("() => window.__sameMap === true"), "the click re-created the map"
    assert frame_now.evaluate("() => window.map.getZoom()") == 13, "the click reset the map's view"

    # Offline: Leaflet ran from the app's own files; only tile requests went out, and were blocked.
    assert frame_now.evaluate("() => window.L && window.L.version") == "1.9.3"
    assert frame_now.evaluate("() => document.querySelectorAll('.leaflet-container path').length") > 100
    assert page.blocked and all("tile.openstreetmap.org" in url for url in page.blocked), page.blocked[:5]

    frame_now.evaluate("() => window.map.setView([49.5, 33.0], 5, {animate: false})")
    page.wait_for_timeout(800)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))

    xss = tmp_path / "storm <script>.txt"
    xss.write_text(XSS_ARTICLE, encoding="utf-8")
    upload(page, xss, samples + 2)
    reykjavik = next(m for m in gp.parse(XSS_ARTICLE.strip()) if m.lat is not None)
    click_marker(page, place_key(reykjavik), reykjavik.lat, reykjavik.lon)
    page.locator(".gm-excerpt", has_text="</div><img").first.wait_for(timeout=WAIT)
    assert map_frame(page).evaluate("() => window.map.getZoom()") == 13
    settle(page)  # an expander opened during a rerun can be re-mounted closed
    page.get_by_text("Read the whole article").last.click()
    page.locator(".gm-fulltext", has_text="Police in").wait_for(timeout=WAIT)

    body = page.locator("body").inner_text()
    assert "<script>window.__geomapXss = 1; alert(1)</script>" in body  # shown as text
    assert '<img src=x onerror="window.__geomapXss=2;alert(2)">' in body
    for where in (page, map_frame(page)):
        assert where.evaluate("() => window.__geomapXss") is None
    assert page.dialogs == []


# The incident category of every marker on the map's marker layers (clustered markers included).
MARKER_CATEGORIES = """() => (window.feature_group || []).filter(group => window.map.hasLayer(group))
    .flatMap(group => group.getLayers()).flatMap(cluster => cluster.getLayers ? cluster.getLayers() : [])
    .map(marker => (marker.options.icon.options.html.match(/data-category="([^"]+)"/) || [])[1])"""


def test_filter_the_map_by_incident_category(page) -> None:
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".gm-marker, .marker-cluster").first.wait_for(timeout=WAIT)
    samples = int(page.get_by_text("Loaded articles (").inner_text().split("(")[1].rstrip(")"))
    upload(page, shared_file(EXAMPLE), samples + 1)
    map_frame(page).wait_for_function(f"() => ({MARKER_CATEGORIES})().includes('missile_attack')", timeout=WAIT)
    assert len(set(map_frame(page).evaluate(MARKER_CATEGORIES))) > 2  # several categories at first

    settle(page)
    box = page.get_by_test_id("stMultiSelect").filter(has_text="Incident categories")
    box.get_by_role("button", name="Clear all").click()
    box.get_by_role("combobox").fill("Fire")
    page.get_by_role("option", name="Fire").first.click()
    page.keyboard.press("Escape")
    map_frame(page).wait_for_function(
        f"() => {{ const c = ({MARKER_CATEGORIES})(); return c.length > 0 && c.every(x => x === 'fire'); }}",
        timeout=WAIT)
    # Solomianskyi (missile strike and fire) and Podilskyi (fire) are both still there, drawn as fire.
    assert map_frame(page).evaluate(MARKER_CATEGORIES).count("fire") >= 2
    assert page.blocked == [] or all("tile.openstreetmap.org" in url for url in page.blocked)


# True once the app's script has not been running for a second: a rerun can follow another (the map
# component reports back after redrawing its markers), and a click in between can be lost.
QUIET = """(token) => {
    const now = performance.now();
    if (window.__gmSettle !== token) { window.__gmSettle = token; window.__gmBusy = now; }
    if (document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState !== 'notRunning') {
        window.__gmBusy = now;
        return false;
    }
    return now - window.__gmBusy > 1000;
}"""
def settle(page) -> None:
    """Until the app is quiet (see QUIET), so what a click opens or triggers isn't re-mounted or dropped."""
    page.wait_for_function(QUIET, arg=time.monotonic_ns(), timeout=WAIT)


def open_picker(page, name: str) -> None:
    """Open the "Wrong place?" expander of the mention `name` in the panel."""
    settle(page)
    page.get_by_test_id("stExpander").filter(has_text=f"Wrong place? “{name}”").locator("summary").click()


def choose(page, label: str, option: str) -> None:
    """Pick the option containing `option` in the select box `label` as a keyboard user would: type to
    filter the list, then take the first match. Clicking the option itself is racy: a rerun of the
    app re-renders the open list and detaches the element under the pointer. Retried until the box
    shows the choice."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    combo = page.get_by_test_id("stSelectbox").filter(has_text=label).get_by_role("combobox")
    for _ in range(10):
        settle(page)
        combo.click()
        combo.fill(option)
        try:
            page.get_by_role("option").filter(has_text=option).first.wait_for(timeout=10_000)
        except PlaywrightTimeout:
            continue
        combo.press("ArrowDown")
        combo.press("Enter")
        try:
            page.wait_for_function("([el, want]) => el.value.includes(want)", arg=[combo.element_handle(), option],
                                   timeout=10_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"could not pick {option!r} in {label!r}")


def wait_for_map(page) -> None:
    """Until the map's frame has drawn markers (or clusters of them)."""
    page.frame_locator(MAP_FRAME).locator(".gm-marker, .marker-cluster").first.wait_for(timeout=WAIT)


def no_marker_at(page, lat: float, lon: float) -> bool:
    return not map_frame(page).evaluate(HAS_MARKER_AT, [lat, lon])


def wait_for_no_marker_at(page, lat: float, lon: float) -> None:
    map_frame(page).wait_for_function(f"(at) => !({HAS_MARKER_AT})(at)", arg=[lat, lon], timeout=WAIT)


def test_corrections_made_in_the_browser_survive_a_restart(browser, database: str, gp, tmp_path: Path) -> None:
    chromium_or_skip()
    sample = ROOT / "data" / "kharkiv_shelling.txt"
    doc = read_document(sample.name, sample.read_bytes(), 2_000_000)
    mentions = gp.parse(doc.text, date=doc.date)
    brussels = next(m for m in mentions if m.text == "Brussels")  # Brussels, Belgium; a candidate in Canada
    assert brussels.country_code == "BE"
    canada = next(a for a in brussels.alternatives if a["country_code"] == "CA")
    warsaw = next(m for m in mentions if m.text == "Warsaw")

    with streamlit_server(database, tmp_path / "first.log") as url:
        page = open_page(browser, url)
        samples = sum(p.suffix in SUFFIXES for p in (ROOT / "data").iterdir())
        page.get_by_text(f"Loaded articles ({samples})").wait_for(timeout=WAIT)
        wait_for_map(page)

        # Pick one of the parser's other candidates.
        click_marker(page, place_key(brussels), brussels.lat, brussels.lon)
        page.locator(".gm-place h3", has_text="Brussels").wait_for(timeout=WAIT)
        open_picker(page, "Brussels")
        choose(page, "The right place", "Brussels — city / town, CA")
        settle(page)
        page.get_by_role("button", name="Use this place").click()
        page.locator(".gm-fix", has_text="corrected to Brussels — city / town, CA").wait_for(timeout=WAIT)
        map_frame(page).wait_for_function(HAS_MARKER_AT, arg=[canada["lat"], canada["lon"]], timeout=WAIT)
        wait_for_no_marker_at(page, brussels.lat, brussels.lon)

        # And "not a place".
        click_marker(page, place_key(warsaw), warsaw.lat, warsaw.lon)
        page.locator(".gm-place h3", has_text="Warsaw").wait_for(timeout=WAIT)
        open_picker(page, "Warsaw")
        settle(page)
        page.get_by_role("button", name="Not a place").click()
        page.locator(".gm-fix", has_text="“Warsaw” marked not a place").wait_for(timeout=WAIT)
        wait_for_no_marker_at(page, warsaw.lat, warsaw.lon)
        page.close()

    # A new server process on the same database file.
    with streamlit_server(database, tmp_path / "second.log") as url:
        page = open_page(browser, url)
        page.get_by_text(f"Loaded articles ({samples})").wait_for(timeout=WAIT)  # not loaded twice
        wait_for_map(page)
        map_frame(page).wait_for_function(HAS_MARKER_AT, arg=[canada["lat"], canada["lon"]], timeout=WAIT)
        assert no_marker_at(page, brussels.lat, brussels.lon)
        assert no_marker_at(page, warsaw.lat, warsaw.lon)

        click_marker(page, choice_key(canada), canada["lat"], canada["lon"])
        fixed = page.locator(".gm-fix", has_text="corrected to this place (the parser chose Brussels — city / town, BE")
        fixed.wait_for(timeout=WAIT)

        with page.expect_download(timeout=WAIT) as download:
            page.get_by_test_id("stDownloadButton").filter(has_text="GeoJSON").get_by_role("button").click()
        features = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["features"]
        where = {(f["properties"]["name"], f["properties"]["country_code"]) for f in features}
        assert ("Brussels", "CA") in where
        assert ("Brussels", "BE") not in where and ("Warsaw", "PL") not in where
        assert page.dialogs == []
        assert all("tile.openstreetmap.org" in url for url in page.blocked), page.blocked[:5]
