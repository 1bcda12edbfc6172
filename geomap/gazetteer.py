"""The embedded gazetteer: an indexed SQLite store of places and their names.

It is compiled once from data packages (see `gazetteer_build`) or a GeoNames dump into a
cache directory, then opened read-only: look-ups are indexed queries, start-up is instant.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .sites import SITE_CODES
from .text import (
    ADMIN_WORDS,
    PART_WORDS,
    name_key,
    skeleton,
    strip_admin_words,
    umlauts_spelled_out,
    vowelless,
)

SCHEMA_VERSION = 3

# Kinds, coarse to fine. "region" is a first-level unit (state, oblast, province),
# "district" a second-level one (county, raion, city district).
KINDS = ("continent", "macroregion", "country", "region", "district", "city")
AREA_KINDS = KINDS[:4]  # areas, not points: mapped on their own layer, and no text calls one a town

# How a name row matched the place: its own name, an alias, an uppercase-only abbreviation,
# or the name with its kind word dropped ("Kyivska oblast" -> "Kyivska").
NAME, ALIAS, ABBREV, SHORT = 0, 1, 2, 3
# What follows a bearing in names of parts no place is: "North Island" is not Iceland (German "Island").
_GENERIC = frozenset({"island", "islands", "coast", "shore", "side", "end", "bank", "river", "lake", "sea", "hills",
                      "branch", "fork", "country"})  # "the South Branch" of a river is not Branch County

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, kind TEXT NOT NULL,
    feature TEXT, country TEXT, admin1 INTEGER, admin2 INTEGER,
    lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, place INTEGER NOT NULL, how INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS skeletons (skel TEXT NOT NULL, place INTEGER NOT NULL);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE INDEX IF NOT EXISTS skeletons_skel ON skeletons(skel);
CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid);
CREATE INDEX IF NOT EXISTS places_admin1 ON places(admin1);
"""


# GeoNames' code for a small populated locality, given to the US post towns that cities500 lacks:
# a name on its own never finds one, only a story that names its state or county.
POST_TOWN = "PPLL"
_PART_OF_TOWN = 20_000  # "North Wales" the borough is smaller than this: the name may mean part of Wales


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry. `admin1`/`admin2` are ids of the enclosing places."""

    id: int
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    geonameid: int | None = None
    feature: str | None = None
    admin1: int | None = None
    admin2: int | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a name may refer to, with how the name matched it."""

    place: Place
    how: int
    exact: bool = True  # False when only the transliteration skeleton matched


def placed_by_region(place: Place) -> bool:
    """A district no town of cities500 lies in, put at its region's point: rough, and with no people
    counted, so it should neither outrank a town of its name nor earn a kind word's bonus."""
    return place.kind == "district" and not place.population


def sites_named(candidates: Callable[[str], list[Candidate]], name: str, word: str) -> list[Candidate]:
    """The camp or crossing a name stands for before that word ("Ifo camps", "Kakuma refugee camp"),
    where the gazetteer holds one."""
    return [c for c in candidates(f"{name} {word}") if c.place.feature in SITE_CODES]


def water_bodies(candidates: Callable[[str], list[Candidate]], name: str) -> list[Candidate]:
    """The river or sea a bare name stands for after "the" ("the Ganges", "the Tasman", "the Clyde"),
    where the gazetteer holds it only with its feature word, before or after the name."""
    if " of " in f" {name_key(name)} ":
        return []  # "the Republic of Congo" is a state's formal name, not a river's bare one
    found: dict[int, Candidate] = {}
    for full in (f"{name} River", f"River {name}", f"{name} Sea"):
        for c in candidates(full):
            if c.place.feature in ("STM", "SEA"):
                found.setdefault(c.place.id, c)
    return list(found.values())

def default_home() -> Path:
    """Where compiled data lives: $GEOMAP_HOME, else the user's cache directory."""
    env = os.environ.get("GEOMAP_HOME")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "geomap"


def default_path() -> Path:
    return default_home() / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


class GazetteerMissing(RuntimeError):
    """The compiled store is absent: tell the user the one command that builds it."""


_NAMES_CACHED = 1 << 16
_COLUMNS = "id, name, kind, country, lat, lon, population, geonameid, feature, admin1, admin2"


class Gazetteer:
    """Read-only access to a compiled gazetteer; safe to share between threads."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else default_path()
        if not self.path.exists():
            raise GazetteerMissing(
                f"No gazetteer at {self.path}. Build it once with: python -m geomap gazetteer build"
            )
        self._local = threading.local()
        self._place_cache: dict[int, Place | None] = {}
        # Every recognizer rule asks about the names it meets, and articles name the same places over
        # and over: SQLite is asked once per name (bounded, for long batch ingests).
        self._rows = lru_cache(maxsize=_NAMES_CACHED)(self._query_rows)
        self._ranked = lru_cache(maxsize=_NAMES_CACHED)(self._rank)

    @property
    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta"))

    def count(self, kind: str | None = None) -> int:
        if kind:
            return self._db.execute("SELECT COUNT(*) FROM places WHERE kind=?", (kind,)).fetchone()[0]
        return self._db.execute("SELECT COUNT(*) FROM places").fetchone()[0]

    def get(self, place_id: int | None) -> Place | None:
        if place_id is None:
            return None
        if place_id not in self._place_cache:
            row = self._db.execute(f"SELECT {_COLUMNS} FROM places WHERE id=?", (place_id,)).fetchone()
            self._place_cache[place_id] = Place(*row) if row else None
        return self._place_cache[place_id]

    def by_geonameid(self, geonameid: int) -> Place | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM places WHERE geonameid=?", (geonameid,)).fetchone()
        return Place(*row) if row else None

    def country(self, code: str) -> Place | None:
        """The country with this ISO 3166-1 alpha-2 code."""
        row = self._db.execute(f"SELECT {_COLUMNS} FROM places WHERE kind='country' AND country=?",
                               (code.upper(),)).fetchone()
        return Place(*row) if row else None

    def has_name(self, key: str) -> bool:
        return bool(self._rows(key))

    def name_rows(self, key: str) -> tuple[tuple[int, int], ...]:
        """(place id, how) for every place carrying exactly this normalised name."""
        return self._rows(key)

    def _query_rows(self, key: str) -> tuple[tuple[int, int], ...]:
        return tuple(self._db.execute("SELECT place, how FROM names WHERE key=?", (key,)))

    def candidates(self, name: str, *, fuzzy: bool = True, limit: int = 250) -> list[Candidate]:
        """Places the name may refer to, best name matches first.

        Looks up the name as written or, if nothing has it, without its kind word ("Odesa region"
        -> "Odesa"), then (if `fuzzy`) by transliteration skeleton and, where nothing else matched, by
        the vowelless key of the Arab world's and Iran's names.
        """
        key = name_key(name)
        return list(self._ranked(key, fuzzy, limit)) if key else []

    def _rank(self, key: str, fuzzy: bool, limit: int) -> tuple[Candidate, ...]:
        keys = [key]
        head, _, last = key.rpartition(" ")
        if head and last in ADMIN_WORDS:
            keys.append(head)  # one kind word at a time: "Kansas City District" is Kansas City's
        short = strip_admin_words(key)
        if short not in keys:
            keys.append(short)
        if key.startswith("the "):
            keys.append(key[4:])
        best: dict[int, Candidate] = {}
        for k in keys:
            if best:
                break  # a name matched as written needs no shorter form: "Republic of Congo", "Kansas City"
            for place_id, how in self.name_rows(k):
                prior = best.get(place_id)
                if prior is None or how < prior.how:
                    best[place_id] = Candidate(self.get(place_id), how)  # type: ignore[arg-type]
        head, _, rest = key.partition(" ")
        if rest and head in PART_WORDS and rest not in _GENERIC and all(
                c.place.kind in ("city", "district") and c.place.population < _PART_OF_TOWN for c in best.values()):
            # "Middle Tennessee", "East Nashville", "Upstate New York": a part of a place no data set
            # names is found as the place itself; so is "North Wales", despite a borough in Pennsylvania.
            for place_id, _ in self.name_rows(strip_admin_words(rest)):
                best.setdefault(place_id, Candidate(self.get(place_id), SHORT))  # type: ignore[arg-type]
        if fuzzy and len(best) < limit:
            for k in keys:
                skel = skeleton(k)
                if len(skel) < 4 or len(k) < 5:
                    continue  # "RMs" is no spelling of Reims
                for (place_id,) in self._db.execute("SELECT place FROM skeletons WHERE skel=?", (skel,)):
                    if place_id not in best:
                        best[place_id] = Candidate(self.get(place_id), ALIAS, exact=False)  # type: ignore[arg-type]
        if fuzzy and not best and _ARABIC_SPELLING.search(key) and _vowelless_enough(v := vowelless(key)):
            # An Arabic or Persian name in another transliteration: "Menoufia" for Monufia.
            for (place_id,) in self._db.execute("SELECT place FROM skeletons WHERE skel=?", ("~" + v,)):
                best[place_id] = Candidate(self.get(place_id), ALIAS, exact=False)  # type: ignore[arg-type]
        ranked = sorted(best.values(), key=lambda c: (not c.exact, c.how == ABBREV, -c.place.population))
        return tuple(ranked[:limit])

    def search(self, query: str, limit: int = 10) -> list[Place]:
        """Typo-tolerant name search for people picking a place by hand."""
        from rapidfuzz import fuzz, process

        key = name_key(query)
        if not key:
            return []
        prefix = key[:3]
        rows = self._db.execute(
            "SELECT DISTINCT key FROM names WHERE key >= ? AND key < ? LIMIT 20000", (prefix, prefix + "\uffff")
        ).fetchall()
        scored = process.extract(key, [r[0] for r in rows], scorer=fuzz.WRatio, limit=limit * 3)
        seen: dict[int, Place] = {}
        for k, _score, _ in scored:
            for place_id, _how in self.name_rows(k):
                place = self.get(place_id)
                if place is not None:
                    seen.setdefault(place_id, place)
        return sorted(seen.values(), key=lambda p: -p.population)[:limit]

    def children(self, place: Place) -> list[Place]:
        """Places directly inside a country/region (used for containment tests)."""
        rows = self._db.execute(f"SELECT {_COLUMNS} FROM places WHERE admin1=? OR admin2=?", (place.id, place.id))
        return [Place(*r) for r in rows]


# How English writes Arabic and Persian sounds: "ou", "q", "kh", "iya", "el-", a final "-ah" ("Menoufia",
# "Daqahliya", "Makhmour"). Only a name written so is looked up by its vowels-free key: "Canso" in Nova
# Scotia is no Konsoy in Tajikistan.
_ARABIC_SPELLING = re.compile(r"ou|q|kh|dh|gh|iya|ee|aa|\b[ae]l |[ae]h$|ia$|uddin$")


def _vowelless_enough(key: str) -> bool:
    """Three consonants at least: "Hama" and "Homs" would be one."""
    return sum(ch != "_" for ch in key) >= 3


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def mean_point(points: Iterable[tuple[float, float, float]]) -> tuple[float, float] | None:
    """Weighted mean of (lat, lon, weight) on the sphere, so regions across 180° come out right."""
    x = y = z = total = 0.0
    for lat, lon, w in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
        total += w
    if total <= 0:
        return None
    hyp = math.hypot(x, y)
    return math.degrees(math.atan2(z, hyp)), math.degrees(math.atan2(y, x))


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 5)


class GazetteerWriter:
    """Writes a new store beside the old one and swaps it in only when complete."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = self.path.with_suffix(".building")
        self.tmp.unlink(missing_ok=True)
        self.db = sqlite3.connect(self.tmp)
        self.db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)

    def add_place(self, place: Place) -> None:
        self.db.execute(
            f"INSERT OR REPLACE INTO places ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (place.id, place.name, place.kind, place.country, _round(place.lat), _round(place.lon), place.population,
             place.geonameid, place.feature, place.admin1, place.admin2),
        )

    def add_names(self, place_id: int, names: Iterator[tuple[str, int]] | Iterable[tuple[str, int]]) -> None:
        """Index each (surface name, how) under its key, its short form and its skeleton.

        Pass all of a place's names in one call, best first: a key keeps its first `how`, and a name
        given outright outranks one derived from another ("Orientale" is an alias of Orientale
        Province, not only what is left of its name without the kind word). Not so for "X City":
        "Oklahoma" and "New York" are first the states, whatever aliases the cities have.
        """
        names = [(surface, how, key) for surface, how in names if (key := name_key(surface))]
        seen: dict[str, int] = {}
        if names and names[0][2].endswith(" city"):
            seen[strip_admin_words(names[0][2])] = SHORT
        for _, how, key in names:
            seen.setdefault(key, how)
        for surface, how, key in names:
            seen.setdefault(strip_admin_words(key), SHORT)
            seen.setdefault(name_key(umlauts_spelled_out(surface)), ALIAS if how == NAME else how)
        rows = [(k, place_id, h) for k, h in seen.items()]
        skels = {sk for sk in map(skeleton, seen) if len(sk) >= 4}
        self.db.executemany("INSERT INTO names VALUES (?,?,?)", rows)
        self.db.executemany("INSERT INTO skeletons VALUES (?,?)", [(s, place_id) for s in skels])

    def drop_others_names(self, kind: str, owners: dict[str, int]) -> None:
        """Take back from places of this kind the aliases and short forms (names without their kind
        words) that are another's own name, and their skeletons."""
        skels = {skeleton(key): place for key, place in owners.items()}
        for table, column, own, extra in (("names", "key", owners, f"AND how IN ({ALIAS}, {SHORT})"),
                                          ("skeletons", "skel", skels, "")):
            found = self.db.execute(
                f"SELECT rowid, {column}, place FROM {table} WHERE place IN (SELECT id FROM places WHERE kind=?) "
                f"{extra}", (kind,)).fetchall()
            self.db.executemany(f"DELETE FROM {table} WHERE rowid=?",
                                [(rowid,) for rowid, key, place in found if own.get(key, place) != place])

    def index_vowelless(self, countries: Iterable[str]) -> None:
        """Index the names of these countries' places by their vowelless key as well (see
        `Gazetteer.candidates`), marked apart from the skeletons by a leading "~"."""
        codes = list(countries)
        rows = self.db.execute(
            f"SELECT DISTINCT n.key, n.place FROM names n JOIN places p ON p.id = n.place "
            f"WHERE p.country IN ({','.join('?' * len(codes))})", codes).fetchall()
        keys = {("~" + v, place) for key, place in rows if _vowelless_enough(v := vowelless(key))}
        self.db.executemany("INSERT INTO skeletons VALUES (?,?)", sorted(keys))

    def finish(self, meta: dict[str, str]) -> Path:
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", list(meta.items()))
        self.db.executescript(INDEXES)
        self.db.commit()
        self.db.execute("VACUUM")
        self.db.close()
        os.replace(self.tmp, self.path)
        return self.path
