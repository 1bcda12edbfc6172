"""The real page in headless Chromium, with every non-loopback request blocked.

Upload the example article, click the Solomianskyi district marker, read the excerpt in the panel;
upload an article full of script payloads and check nothing ran. Blocking proves the map needs no
CDN: Leaflet and its plugin come from the app itself, and the missing tiles leave outlines showing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import EXAMPLE, shared_file

from geomap.mapview import place_key

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT = ROOT / "docs" / "screenshot.png"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
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


@pytest.fixture(scope="module")
def app_url(tmp_path_factory) -> Iterator[str]:
    chromium_or_skip()
    port = free_port()
    log = (tmp_path_factory.mktemp("streamlit") / "server.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.read() == b"ok":
                        break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"streamlit did not come up; see {log.name}")
                time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()


@pytest.fixture
def page(app_url: str, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []
    dialogs: list[str] = []

    def only_loopback(route) -> None:
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.fallback()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1440, "height": 960})
        context.route("**/*", only_loopback)
        tab = context.new_page()
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.goto(app_url)
        tab.blocked, tab.dialogs = blocked, dialogs
        yield tab
        context.close()


def map_frame(page):
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def upload(page, path: Path, expected_articles: int) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.get_by_text(f"Loaded articles ({expected_articles})").wait_for(timeout=90_000)


# True once a marker layer on the map holds a marker at (lat, lon): the app's update has arrived.
HAS_MARKER_AT = """([lat, lon]) => (window.feature_group || []).some(group => window.map.hasLayer(group)
    && group.getLayers().some(cluster => cluster.getLayers().some(marker => {
        const at = marker.getLatLng();
        return Math.abs(at.lat - lat) < 1e-6 && Math.abs(at.lng - lon) < 1e-6;
    })))"""


def click_marker(page, key: str, lat: float, lon: float) -> None:
    """Zoom in far enough that the place leaves its cluster, then click its marker like a person would."""
    frame = map_frame(page)
    frame.wait_for_function(HAS_MARKER_AT, arg=[lat, lon], timeout=30_000)
    frame.evaluate("([lat, lon]) => window.map.setView([lat, lon], 13, {animate: false})", [lat, lon])
    marker = page.frame_locator(MAP_FRAME).locator(f'[data-place="{key}"]')
    marker.wait_for(timeout=30_000)
    marker.hover()
    marker.click()


def test_click_a_district_offline_then_survive_an_xss_article(page, gp, tmp_path: Path) -> None:
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".gm-marker, .marker-cluster").first.wait_for(timeout=90_000)  # the samples are on the map
    samples = int(page.get_by_text("Loaded articles (").inner_text().split("(")[1].rstrip(")"))

    article = shared_file(EXAMPLE)
    solomianka = next(m for m in gp.parse(article.read_text(encoding="utf-8")) if m.text == "Solomyansky district")
    assert (round(solomianka.lat, 2), round(solomianka.lon, 2)) == (50.43, 30.45)
    upload(page, article, samples + 1)
    map_frame(page).evaluate("() => { window.__sameMap = true; }")
    click_marker(page, place_key(solomianka), solomianka.lat, solomianka.lon)
    excerpt = page.locator(".gm-excerpt", has_text="two residential blocks catching fire")
    excerpt.wait_for(timeout=30_000)
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
    page.locator(".gm-excerpt", has_text="</div><img").first.wait_for(timeout=30_000)
    assert map_frame(page).evaluate("() => window.map.getZoom()") == 13
    page.get_by_text("Read the whole article").last.click()
    page.locator(".gm-fulltext", has_text="Police in").wait_for(timeout=10_000)

    body = page.locator("body").inner_text()
    assert "<script>window.__geomapXss = 1; alert(1)</script>" in body  # shown as text
    assert '<img src=x onerror="window.__geomapXss=2;alert(2)">' in body
    for where in (page, map_frame(page)):
        assert where.evaluate("() => window.__geomapXss") is None
    assert page.dialogs == []
