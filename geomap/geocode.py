"""Geocoding through geopy: the offline gazetteer as a geopy geocoder, and opt-in online services.

The offline `GazetteerGeocoder` is the default and never touches the network. Online services
("nominatim", "photon") are built only on request by `make_geocoder`, which puts every one of
them behind the same `OnlineGeocoder` wrapper: a rate limiter, timeouts, one clear error type
and an on-disk answer cache, so a query reaches a public service at most once per machine.
`GeocoderCandidates` lets the resolver draw candidates from any geopy geocoder.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

from geopy.adapters import RequestsAdapter, URLLibAdapter
from geopy.exc import (
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderNotFound,
    GeocoderQueryError,
    GeocoderQuotaExceeded,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim, Photon
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from .gazetteer import ALIAS, KINDS, NAME, Candidate, Gazetteer, Place, default_home, placed_by_region
from .text import name_key

PROJECT_URL = "https://github.com/geomap"
CACHE_FILE = "geocode-cache.sqlite"
ERROR_WAIT_SECONDS = 5.0  # pause before retrying a failed request, as geopy's RateLimiter does


def project_user_agent() -> str:
    """The User-Agent public services ask for: the application, its version and a contact URL.

    A function rather than a constant: `geomap/__init__` sets `__version__` after importing its
    submodules, so reading it while this module is imported could hit a half-initialised package.
    """
    from . import __version__

    return f"geomap/{__version__} (+{PROJECT_URL})"


# --- the offline gazetteer ------------------------------------------------------------------


class GazetteerGeocoder(Geocoder):
    """The compiled gazetteer behind geopy's geocoder interface; answers locally, never over HTTP.

    Queries are place names, optionally qualified after commas ("Odessa, Texas", "Kyiv, Ukraine"):
    a qualified name keeps only the places inside a region or country the qualifier names.
    Results rank exact name matches (not transliteration look-alikes) first, then coarser kinds
    (country, region) before cities, then population. Places without coordinates are left out.
    `reverse` is not offered: the store has no spatial index.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        super().__init__(user_agent=project_user_agent())
        self.gazetteer = gazetteer or Gazetteer()

    def geocode(
        self, query: str, *, exactly_one: bool = True, limit: int | None = None, timeout: object = DEFAULT_SENTINEL
    ) -> Location | list[Location] | None:
        """Like geopy's geocoders: one Location, a list, or None when nothing matches.

        `timeout` is accepted for interface compatibility and ignored: look-ups are local.
        """
        if not isinstance(query, str):
            raise GeocoderQueryError("GazetteerGeocoder takes a place name, not a structured query")
        locations = [self._location(c.place) for c in self._ranked(query) if c.place.lat is not None]
        if not locations:
            return None
        if exactly_one:
            return locations[0]
        return locations[:limit] if limit else locations

    def reverse(self, query: object, *, exactly_one: bool = True, timeout: object = DEFAULT_SENTINEL) -> NoReturn:
        raise NotImplementedError("The offline gazetteer has no spatial index; use an online geocoder to reverse")

    def _ranked(self, query: str) -> list[Candidate]:
        head, *qualifiers = [part.strip() for part in query.split(",")]
        cands = self.gazetteer.candidates(query, fuzzy=not qualifiers)  # a skeleton of "a, b" matches noise
        if not cands and qualifiers:
            cands = [c for c in self.gazetteer.candidates(head) if all(self._within(c.place, q) for q in qualifiers)]
        return sorted(cands, key=lambda c: (not c.exact, len(KINDS) if placed_by_region(c.place) else KINDS.index(
            c.place.kind), -c.place.population, c.how, c.place.id))

    def _within(self, place: Place, qualifier: str) -> bool:
        """Whether the qualifier names the place's country or one of its enclosing units."""
        for c in self.gazetteer.candidates(qualifier, fuzzy=False):
            q = c.place
            if q.id in (place.admin1, place.admin2) or (q.kind == "country" and q.country == place.country):
                return True
        return False

    def _location(self, place: Place) -> Location:
        parts = [place.name]
        region = self.gazetteer.get(place.admin1)
        if region is not None:
            parts.append(region.name)
        if place.kind != "country" and place.country:
            country = self.gazetteer.country(place.country)
            parts.append(country.name if country else place.country)
        address = ", ".join(p for i, p in enumerate(parts) if i == 0 or p != parts[i - 1])
        raw = {
            "id": place.id, "geonameid": place.geonameid, "name": place.name, "kind": place.kind,
            "feature": place.feature, "country_code": place.country, "admin1": place.admin1,
            "admin2": place.admin2, "population": place.population,
        }
        return Location(address, (place.lat, place.lon), raw)


# --- online services: one wrapper for timeouts, rate limits, errors and caching ----------------


class GeocodingError(GeocoderServiceError):
    """An online geocoder failed; the message says which service, for which query, and why.

    It subclasses geopy's `GeocoderServiceError`, so callers catching geopy errors still do;
    the original geopy exception is chained as `__cause__`.
    """


_ADVICE: tuple[tuple[type[GeopyError], str], ...] = (
    (GeocoderTimedOut, "no answer within {timeout} s; try again later or raise the timeout"),
    (GeocoderRateLimited, "the service is rate-limiting us; raise min_delay_seconds"),
    (GeocoderQuotaExceeded, "the service's request quota is used up"),
    (GeocoderAuthenticationFailure, "the service refused us; check the user agent and its usage policy"),
    (GeocoderInsufficientPrivileges, "the service refused us; check the user agent and its usage policy"),
    (GeocoderUnavailable, "the service is unreachable; check the domain and the network"),
    (GeocoderQueryError, "the service rejected the query"),
)


def _explain(error: GeopyError, service: str, endpoint: str, query: object, timeout: object) -> str:
    advice = next((a for cls, a in _ADVICE if isinstance(error, cls)), "the service failed")
    return (f"{service} geocoder at {endpoint} could not geocode {query!r}: "
            f"{advice.format(timeout=timeout)} ({type(error).__name__}: {error})")


def _normalize(query: str | Mapping[str, str]) -> str | dict[str, str]:
    """Queries differing only in case, width or spacing share one cache entry."""
    def squash(text: str) -> str:
        return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()

    if isinstance(query, Mapping):
        return {k: squash(str(v)) for k, v in sorted(query.items())}
    return squash(query)


def _to_json(location: Location) -> dict[str, Any]:
    return {"address": location.address, "lat": location.latitude, "lon": location.longitude, "raw": location.raw}


def _from_json(item: dict[str, Any]) -> Location:
    return Location(item["address"], (item["lat"], item["lon"]), item["raw"])


class GeocodeCache:
    """Answers of online geocoders in a SQLite file, shared by processes and kept across restarts.

    "No result" is stored too, so unknown names are not asked again either.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")  # readers in other processes do not block a writer
            db.execute("CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer TEXT NOT NULL, "
                       "stored TEXT NOT NULL)")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=30)) as db, db:
            yield db

    def get(self, key: str) -> list[Location] | None:
        """The stored answer (possibly empty), or None when the query was never answered."""
        with self._connect() as db:
            row = db.execute("SELECT answer FROM answers WHERE key=?", (key,)).fetchone()
        return None if row is None else [_from_json(item) for item in json.loads(row[0])]

    def put(self, key: str, locations: list[Location]) -> None:
        answer = json.dumps([_to_json(loc) for loc in locations], ensure_ascii=False)
        with self._connect() as db:
            db.execute("INSERT OR REPLACE INTO answers VALUES (?,?,?)",
                       (key, answer, time.strftime("%Y-%m-%dT%H:%M:%S")))


class OnlineGeocoder(Geocoder):
    """A geopy geocoder for a public service, made polite and durable.

    Requests go through geopy's `RateLimiter` (at most one per `min_delay_seconds`, retrying
    service errors), answers are kept in a `GeocodeCache` keyed by service, normalised query,
    `exactly_one` and request options, and every failure surfaces as one `GeocodingError`.
    Failures are not cached. `defaults` are request options sent with every query.
    """

    def __init__(
        self,
        name: str,
        service: Geocoder,
        cache: GeocodeCache,
        *,
        endpoint: str,
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
        defaults: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(scheme=service.scheme, timeout=service.timeout, user_agent=service.headers["User-Agent"])
        self.name = name
        self.service = service
        self.cache = cache
        self.endpoint = endpoint
        self.defaults = dict(defaults or {})
        self.rate_limiter = RateLimiter(
            service.geocode, min_delay_seconds=min_delay_seconds, max_retries=max_retries,
            error_wait_seconds=max(min_delay_seconds, ERROR_WAIT_SECONDS), swallow_exceptions=False,
        )
        self._lock = threading.Lock()  # one request per query even when threads ask at once

    def geocode(
        self,
        query: str | Mapping[str, str],
        *,
        exactly_one: bool = True,
        limit: int | None = None,
        timeout: object = DEFAULT_SENTINEL,
        **options: Any,
    ) -> Location | list[Location] | None:
        """geopy's `geocode`, answered from the cache when this query was answered before."""
        options = {**self.defaults, **options}
        if not exactly_one and limit is not None:
            options["limit"] = limit
        key = json.dumps([self.name, _normalize(query), exactly_one, options], sort_keys=True, default=str)
        with self._lock:
            locations = self.cache.get(key)
            if locations is None:
                locations = self._fetch(query, exactly_one=exactly_one, timeout=timeout, **options)
                self.cache.put(key, locations)
        if exactly_one:
            return locations[0] if locations else None
        return locations or None

    def _fetch(self, query: str | Mapping[str, str], *, timeout: object, **kwargs: Any) -> list[Location]:
        try:
            result = self.rate_limiter(query, timeout=timeout, **kwargs)
        except GeopyError as error:
            wait = self.timeout if timeout is DEFAULT_SENTINEL else timeout
            raise GeocodingError(_explain(error, self.name, self.endpoint, query, wait)) from error
        if result is None:
            return []
        return [result] if isinstance(result, Location) else list(result)


def _adapter_factory() -> Callable[..., Any]:
    """geopy's HTTP adapter without its own silent retries: geopy's requests adapter retries
    failed reads at once, past the rate limiter, so retries are left to `OnlineGeocoder` alone."""
    return partial(RequestsAdapter, max_retries=0) if RequestsAdapter.is_available else URLLibAdapter


# Online services that need no API key: geopy class, default domain, options sent with every query.
_ONLINE: dict[str, tuple[Callable[..., Geocoder], str, dict[str, Any]]] = {
    "nominatim": (Nominatim, "nominatim.openstreetmap.org", {"addressdetails": True}),
    "photon": (Photon, "photon.komoot.io", {}),
}
GEOCODERS = ("offline", *_ONLINE)


def make_geocoder(
    name: str = "offline",
    *,
    user_agent: str | None = None,
    domain: str | None = None,
    scheme: str | None = None,
    cache_dir: str | Path | None = None,
    min_delay_seconds: float = 1.0,
    timeout: float = 10,
    max_retries: int = 2,
    gazetteer: Gazetteer | None = None,
) -> Geocoder:
    """A geocoder by name: "offline" (the gazetteer), or an online service listed in `GEOCODERS`.

    Online services are contacted only when this is called with their name; they identify
    themselves with `project_user_agent()` unless `user_agent` is given, and cache answers in
    `cache_dir` (default: the geomap home directory). `domain`/`scheme` point at another
    instance, e.g. a self-hosted Nominatim. `gazetteer` applies to "offline" only.
    """
    key = name.strip().lower()
    if key == "offline":
        return GazetteerGeocoder(gazetteer)
    if key not in _ONLINE:
        raise GeocoderNotFound(f"Unknown geocoder {name!r}; choose one of: {', '.join(GEOCODERS)}")
    factory, default_domain, defaults = _ONLINE[key]
    domain = (domain or default_domain).strip("/")
    service = factory(domain=domain, scheme=scheme, timeout=timeout, user_agent=user_agent or project_user_agent(),
                      adapter_factory=_adapter_factory())
    cache = GeocodeCache(Path(cache_dir or default_home()) / CACHE_FILE)
    return OnlineGeocoder(key, service, cache, endpoint=f"{service.scheme}://{domain}",
                          min_delay_seconds=min_delay_seconds, max_retries=max_retries, defaults=defaults)


# --- geocoder results as resolver candidates -------------------------------------------------

# OSM place and boundary types (Nominatim `addresstype`/`type`, Photon `type`/`osm_value`) -> kinds.
_OSM_KINDS = {
    "continent": "continent",
    "country": "country",
    "state": "region", "province": "region", "region": "region",
    "county": "district", "district": "district", "city_district": "district", "suburb": "district",
    "municipality": "district", "borough": "district",
    "city": "city", "town": "city", "village": "city", "hamlet": "city",
}
_OSM_TYPES = {"node": "N", "way": "W", "relation": "R"}


def _stable_id(key: str) -> int:
    """A negative 63-bit id, the same in every run, far from the gazetteer's own ids."""
    digest = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")
    return -1 - (digest >> 1)


class GeocoderCandidates:
    """Candidates for the resolver from any OSM-based geopy geocoder (Nominatim, Photon).

    Each result becomes a `Place` with a stable id from its OSM object, a kind from its OSM
    type and its country code when the service reports one (Nominatim does with
    `addressdetails`, which `make_geocoder` requests). Results that are neither settlements
    nor administrative areas (streets, shops, rivers) are dropped. Service errors propagate.
    `get` knows only places this adapter has produced; the resolver tolerates None.
    """

    def __init__(self, geocoder: Geocoder, *, limit: int = 10) -> None:
        self.geocoder = geocoder
        self.limit = limit
        self._places: dict[int, Place] = {}

    def candidates(self, name: str) -> list[Candidate]:
        found = self.geocoder.geocode(name, exactly_one=False, limit=self.limit) or []
        key = name_key(name)
        out = []
        for location in found:
            place = self._place(location)
            if place is None:
                continue
            self._places[place.id] = place
            out.append(Candidate(place, NAME if name_key(place.name) == key else ALIAS))
        return out

    def get(self, place_id: int | None) -> Place | None:
        return None if place_id is None else self._places.get(place_id)

    @staticmethod
    def _place(location: Location) -> Place | None:
        raw = location.raw
        props = raw.get("properties", raw)  # Photon nests its fields in a GeoJSON feature
        kind = next((_OSM_KINDS[t] for t in (props.get("addresstype"), props.get("type"), props.get("osm_value"))
                     if t in _OSM_KINDS), None)
        if kind is None:
            return None
        osm_type, osm_id = props.get("osm_type"), props.get("osm_id")
        if osm_type and osm_id is not None:
            ident = f"osm:{_OSM_TYPES.get(osm_type, osm_type)}:{osm_id}"
        elif raw.get("place_id") is not None:
            ident = f"place_id:{raw['place_id']}"
        else:
            ident = f"at:{location.address}:{location.latitude:.5f},{location.longitude:.5f}"
        country = (raw.get("address") or {}).get("country_code") or props.get("countrycode")
        name = props.get("name") or location.address.split(",")[0].strip()
        feature = f"{props.get('class') or props.get('osm_key')}={props.get('type') or props.get('osm_value')}"
        return Place(_stable_id(ident), name, kind, country.upper() if country else None,
                     location.latitude, location.longitude, 0, None, feature)
