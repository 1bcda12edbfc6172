"""Geocoding: the offline gazetteer through geopy, and online services against a local fake.

The fake is a real HTTP server on a free loopback port that answers like Nominatim and Photon
and records every request, so caching, rate limiting and errors are observed from outside.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
from geopy.exc import GeocoderNotFound, GeocoderServiceError
from geopy.extra.rate_limiter import RateLimiter

from geomap.gazetteer import ALIAS, NAME, Gazetteer, distance_km
from geomap.geocode import (
    GazetteerGeocoder,
    GeocoderCandidates,
    GeocodingError,
    OnlineGeocoder,
    make_geocoder,
    project_user_agent,
)

# --- the offline gazetteer -------------------------------------------------------------------


@pytest.fixture(scope="module")
def offline() -> GazetteerGeocoder:
    return GazetteerGeocoder(Gazetteer())


def test_make_geocoder_defaults_to_offline() -> None:
    assert isinstance(make_geocoder(), GazetteerGeocoder)
    with pytest.raises(GeocoderNotFound, match="offline, nominatim, photon"):
        make_geocoder("nowhere-maps")


def test_offline_geocode_kyiv(offline: GazetteerGeocoder) -> None:
    loc = offline.geocode("Kyiv")
    assert loc is not None
    assert distance_km(loc.latitude, loc.longitude, 50.45, 30.52) < 10
    assert loc.address.startswith("Kyiv") and loc.address.endswith("Ukraine")
    assert loc.raw["country_code"] == "UA"
    assert set(loc.raw) >= {"id", "geonameid", "kind", "country_code", "population", "feature"}


def test_offline_geocode_all_odessas(offline: GazetteerGeocoder) -> None:
    locs = offline.geocode("Odessa", exactly_one=False)
    assert len(locs) >= 3
    assert locs[0].raw["country_code"] == "UA"  # the largest city named so comes first
    assert distance_km(locs[0].latitude, locs[0].longitude, 46.48, 30.73) < 10
    texas = [loc for loc in locs if distance_km(loc.latitude, loc.longitude, 31.85, -102.37) < 10]
    assert texas and texas[0].address == "Odessa, Texas, United States"
    assert len(offline.geocode("Odessa", exactly_one=False, limit=2)) == 2


def test_offline_ranking_and_qualifiers(offline: GazetteerGeocoder) -> None:
    assert offline.geocode("Georgia").raw["kind"] == "country"  # countries before regions of that name
    assert offline.geocode("USA").raw["kind"] == "country"  # before the town of Usa, Japan
    tx = offline.geocode("Odessa, Texas")
    assert distance_km(tx.latitude, tx.longitude, 31.85, -102.37) < 10
    assert offline.geocode("Kyiv, Ukraine").raw["country_code"] == "UA"
    assert offline.geocode("Odessa, Narnia") is None
    assert offline.geocode("Qwxzvbnm") is None
    with pytest.raises(NotImplementedError):
        offline.reverse((50.45, 30.52))


# --- online services against a local fake ----------------------------------------------------

ODESSA_NOMINATIM = [
    {"place_id": 101, "osm_type": "relation", "osm_id": 1413934, "lat": "46.4843", "lon": "30.7323",
     "class": "boundary", "type": "administrative", "addresstype": "city", "name": "Odesa",
     "display_name": "Odesa, Odesa Raion, Odesa Oblast, Ukraine",
     "address": {"city": "Odesa", "state": "Odesa Oblast", "country": "Ukraine", "country_code": "ua"}},
    {"place_id": 102, "osm_type": "relation", "osm_id": 6571629, "lat": "31.8457", "lon": "-102.3677",
     "class": "boundary", "type": "administrative", "addresstype": "city", "name": "Odessa",
     "display_name": "Odessa, Ector County, Texas, United States",
     "address": {"city": "Odessa", "state": "Texas", "country": "United States", "country_code": "us"}},
    {"place_id": 103, "osm_type": "relation", "osm_id": 72634, "lat": "46.7", "lon": "30.1",
     "class": "boundary", "type": "administrative", "addresstype": "state", "name": "Odesa Oblast",
     "display_name": "Odesa Oblast, Ukraine", "address": {"state": "Odesa Oblast", "country_code": "ua"}},
    {"place_id": 104, "osm_type": "node", "osm_id": 555, "lat": "50.44", "lon": "30.52",
     "class": "amenity", "type": "restaurant", "addresstype": "amenity", "name": "Odessa",
     "display_name": "Odessa, Khreshchatyk, Kyiv, Ukraine", "address": {"country_code": "ua"}},
    {"place_id": 105, "osm_type": "node", "osm_id": 777, "lat": "43.1", "lon": "-79.1",
     "class": "place", "type": "hamlet", "name": "Odessa", "display_name": "Odessa"},
]
KYIV_NOMINATIM = [
    {"place_id": 201, "osm_type": "relation", "osm_id": 421866, "lat": "50.4500336", "lon": "30.5241361",
     "class": "boundary", "type": "administrative", "addresstype": "city", "name": "Kyiv",
     "display_name": "Kyiv, Ukraine", "address": {"city": "Kyiv", "country": "Ukraine", "country_code": "ua"}},
]
KYIV_PHOTON = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.5241361, 50.4500336]},
     "properties": {"osm_type": "R", "osm_id": 421866, "osm_key": "place", "osm_value": "city", "type": "city",
                    "name": "Kyiv", "country": "Ukraine", "countrycode": "UA"}},
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [30.52, 50.45]},
     "properties": {"osm_type": "W", "osm_id": 9, "osm_key": "highway", "osm_value": "primary",
                    "type": "street", "name": "Kyivska Street", "countrycode": "UA"}},
]}


@dataclass
class Request:
    path: str
    params: dict[str, str]
    user_agent: str | None
    at: float


@dataclass
class FakeService:
    """What the fake server saw; `port` is its loopback port."""

    port: int = 0
    requests: list[Request] = field(default_factory=list)

    def queries(self) -> list[str]:
        return [r.params.get("q", "") for r in self.requests]


def _answer(path: str, query: str) -> object:
    if path == "/api":
        return KYIV_PHOTON if query == "Kyiv" else {"type": "FeatureCollection", "features": []}
    return {"Kyiv": KYIV_NOMINATIM, "Odessa": ODESSA_NOMINATIM}.get(query, [])


@pytest.fixture
def service() -> Iterator[FakeService]:
    seen = FakeService()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            params = dict(parse_qsl(url.query))
            seen.requests.append(Request(url.path, params, self.headers.get("User-Agent"), time.monotonic()))
            query = params.get("q", "")
            if query == "boom":
                self.send_error(500, "Internal Server Error")
                return
            if query == "slow":
                time.sleep(1.0)  # longer than the client's timeout; nobody is left to answer
                return
            body = json.dumps(_answer(url.path, query)).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    seen.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield seen
    server.shutdown()
    server.server_close()
    thread.join()


def _online(service: FakeService, cache_dir: Path, name: str = "nominatim", **kwargs: object) -> OnlineGeocoder:
    kwargs = {"min_delay_seconds": 0.0, "max_retries": 0, **kwargs}
    geocoder = make_geocoder(name, domain=f"127.0.0.1:{service.port}", scheme="http", cache_dir=cache_dir, **kwargs)
    assert isinstance(geocoder, OnlineGeocoder)
    return geocoder


def test_nominatim_answers_with_project_user_agent(service: FakeService, tmp_path: Path) -> None:
    loc = _online(service, tmp_path).geocode("Kyiv")
    assert loc is not None
    assert loc.address == "Kyiv, Ukraine"
    assert (loc.latitude, loc.longitude) == (50.4500336, 30.5241361)
    assert loc.raw["osm_id"] == 421866
    (request,) = service.requests
    assert request.path == "/search"
    assert request.user_agent == project_user_agent()
    assert request.user_agent.startswith("geomap/") and "(+https://" in request.user_agent
    assert request.params["addressdetails"] == "1" and request.params["format"] == "json"


def test_nominatim_answers_come_from_disk_cache(service: FakeService, tmp_path: Path) -> None:
    geocoder = _online(service, tmp_path)
    first = geocoder.geocode("Kyiv")
    assert geocoder.geocode("Kyiv") == first
    assert geocoder.geocode("  KYIV ") == first  # normalised: case and spacing do not matter
    assert len(service.requests) == 1

    restarted = _online(service, tmp_path)  # a new process would build exactly this
    again = restarted.geocode("Kyiv")
    assert again == first and again.raw == first.raw
    assert len(service.requests) == 1

    assert restarted.geocode("Nowhere") is None
    assert restarted.geocode("Nowhere") is None  # "no result" is remembered too
    many = restarted.geocode("Kyiv", exactly_one=False)  # a different question is asked once
    assert [loc.address for loc in many] == ["Kyiv, Ukraine"]
    assert service.queries() == ["Kyiv", "Nowhere", "Kyiv"]
    assert (tmp_path / "geocode-cache.sqlite").exists()


def test_nominatim_is_rate_limited(service: FakeService, tmp_path: Path) -> None:
    geocoder = _online(service, tmp_path, min_delay_seconds=0.3)
    assert isinstance(geocoder.rate_limiter, RateLimiter)
    for query in ("Kyiv", "Odessa", "Nowhere"):
        geocoder.geocode(query)
    gaps = [b.at - a.at for a, b in pairwise(service.requests)]
    assert len(gaps) == 2 and min(gaps) >= 0.28


def test_nominatim_errors_are_clear_and_not_cached(service: FakeService, tmp_path: Path) -> None:
    geocoder = _online(service, tmp_path)
    with pytest.raises(GeocodingError, match=r"nominatim geocoder at http://127\.0\.0\.1:\d+ .*'boom'.*500") as err:
        geocoder.geocode("boom")
    assert isinstance(err.value, GeocoderServiceError) and isinstance(err.value.__cause__, GeocoderServiceError)
    with pytest.raises(GeocodingError):
        geocoder.geocode("boom")
    assert service.queries() == ["boom", "boom"]


def test_nominatim_timeout_is_clear(service: FakeService, tmp_path: Path) -> None:
    geocoder = _online(service, tmp_path, timeout=0.3)
    with pytest.raises(GeocodingError, match=r"'slow': no answer within 0\.3 s"):
        geocoder.geocode("slow")


def test_candidates_from_nominatim(service: FakeService, tmp_path: Path) -> None:
    source = GeocoderCandidates(_online(service, tmp_path), limit=7)
    cands = source.candidates("Odessa")
    assert service.requests[0].params["limit"] == "7"
    summary = [(c.place.name, c.place.kind, c.place.country, c.how) for c in cands]
    assert summary == [  # the restaurant is not a place
        ("Odesa", "city", "UA", ALIAS),
        ("Odessa", "city", "US", NAME),
        ("Odesa Oblast", "region", "UA", ALIAS),
        ("Odessa", "city", None, NAME),
    ]
    odesa = cands[0].place
    assert (odesa.lat, odesa.lon, odesa.population, odesa.feature) == (46.4843, 30.7323, 0, "boundary=administrative")
    assert all(c.place.id < 0 for c in cands) and len({c.place.id for c in cands}) == 4
    assert source.get(odesa.id) == odesa
    assert source.get(None) is None and source.get(12345) is None

    # Ids are stable: a fresh adapter over the cached answers gives the same ones.
    assert [c.place.id for c in GeocoderCandidates(_online(service, tmp_path), limit=7).candidates("Odessa")] == [
        c.place.id for c in cands]


def test_candidates_from_photon(service: FakeService, tmp_path: Path) -> None:
    photon = _online(service, tmp_path, name="photon")
    (kyiv,) = GeocoderCandidates(photon).candidates("Kyiv")  # the street is dropped
    assert (kyiv.place.name, kyiv.place.kind, kyiv.place.country, kyiv.how) == ("Kyiv", "city", "UA", NAME)
    assert service.requests[0].path == "/api"
    # The same OSM object gets the same id whichever service reported it.
    (via_nominatim,) = GeocoderCandidates(_online(service, tmp_path)).candidates("Kyiv")
    assert via_nominatim.place.id == kyiv.place.id
