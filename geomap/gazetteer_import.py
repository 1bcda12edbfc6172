"""Compile the gazetteer from a full GeoNames dump instead of the PyPI data packages.

Reads `allCountries.zip` (or the unzipped `.txt`) and, optionally, `alternateNamesV2.zip`
from https://download.geonames.org/export/dump/ into the usual store. The dump is 1.5 GB
unzipped, so files are streamed: a first pass over allCountries keeps only the admin-code map
and a bitmap of the places to keep, alternate names are spooled into a temporary SQLite table,
and a second pass writes each place with all its names at once.
"""

from __future__ import annotations

import io
import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from .gazetteer import ABBREV, ALIAS, NAME, SCHEMA_VERSION, GazetteerWriter, Place, default_path
from .text import is_latin

# GeoNames feature codes -> kinds. Populated places are class P, minus the historical,
# abandoned and destroyed ones, which would only add false matches.
_ADMIN_KINDS = {
    ("A", "PCLI"): "country", ("A", "PCLD"): "country", ("A", "PCLF"): "country", ("A", "PCLS"): "country",
    ("A", "PCLIX"): "country", ("A", "TERR"): "country",
    ("A", "ADM1"): "region", ("A", "ADM2"): "district", ("A", "ADM3"): "district",
    ("L", "CONT"): "continent",
}
_GONE_PLACES = frozenset({"PPLH", "PPLQ", "PPLW", "PPLCH"})
# Alternate-name "languages" that hold codes, links or period names rather than names.
_NOT_NAMES = frozenset({"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "tcid", "phon", "fr_1793"})
_COLUMNS = 19  # allCountries.txt
_ALT_COLUMNS = 4  # alternateNamesV2.txt needs id, geonameid, language, name
_PROGRESS_ROWS = 1_000_000


@contextmanager
def _lines(path: Path) -> Iterator[Iterator[str]]:
    """The lines of a GeoNames file, zipped (the data member named after the archive) or plain."""
    if path.suffix.lower() != ".zip":
        with path.open(encoding="utf-8", newline="\n") as f:
            yield f
        return
    with zipfile.ZipFile(path) as zf:
        members = [m for m in zf.namelist() if m.endswith(".txt")]
        member = f"{path.stem}.txt"
        if member not in members:
            member = max(members, key=lambda m: zf.getinfo(m).file_size)
        with zf.open(member) as raw:
            yield io.TextIOWrapper(raw, encoding="utf-8", newline="\n")


def _rows(lines: Iterator[str], width: int) -> Iterator[list[str]]:
    for line in lines:
        row = line.rstrip("\r\n").split("\t")
        if len(row) >= width:
            yield row


def _code(value: str) -> str | None:
    """Admin codes are blank or "00" when unknown."""
    return value if value and value != "00" else None


class _IdSet:
    """Membership of GeoNames ids (about 13 million) in a bitmap: 2 MB instead of a 300 MB set."""

    def __init__(self) -> None:
        self._bits = bytearray()

    def add(self, i: int) -> None:
        byte = i >> 3
        if byte >= len(self._bits):
            self._bits.extend(bytes(byte - len(self._bits) + 1 + len(self._bits) // 2))
        self._bits[byte] |= 1 << (i & 7)

    def __contains__(self, i: int) -> bool:
        byte = i >> 3
        return byte < len(self._bits) and bool(self._bits[byte] & (1 << (i & 7)))


def _kind(row: list[str], min_population: int, macroregions: bool) -> str | None:
    fclass, fcode = row[6], row[7]
    if fclass == "P":
        return "city" if fcode not in _GONE_PLACES and int(row[14] or 0) >= min_population else None
    if macroregions and (fclass, fcode) == ("L", "RGN"):
        return "macroregion"
    return _ADMIN_KINDS.get((fclass, fcode))


def _alternate(name: str, language: str | None) -> int | None:
    """How an alternate name is indexed, or None when it is a code or English text cannot contain it.

    `language` is None for the dump's own untagged alternatenames column, where short uppercase
    entries are mostly airport codes; in alternateNamesV2 codes carry their own tags, so short
    uppercase names there are abbreviations like those tagged "abbr".
    """
    if language in _NOT_NAMES or not name or "://" in name or any(ch.isdigit() for ch in name):
        return None
    if not is_latin(name):
        return None
    short = name.replace(".", "")
    if language == "abbr" or (short.isupper() and len(short) <= 5):
        return ABBREV if language is not None else None
    return ALIAS


def import_geonames(
    all_countries: Path,
    alternate_names: Path | None,
    path: Path | None = None,
    *,
    min_population: int = 0,
    macroregions: bool = False,
    log: Callable[[str], object] = print,
) -> Path:
    """Compile a store from a GeoNames dump; returns its path (default: the standard location).

    Keeps countries and territories, first-level regions, second- and third-level districts,
    continents and populated places of at least `min_population` (which applies to those
    only). `macroregions` adds GeoNames' L.RGN areas; off by default because tens of thousands
    of obscure areas would outrank cities of the same name. Place ids are geonameids, and a
    place's admin1/admin2 are the geonameids of its ADM1/ADM2 rows. Without `alternate_names`,
    the dump's own alternatenames column supplies aliases.
    """
    started = time.perf_counter()
    all_countries = Path(all_countries)

    # Pass 1: which places to keep, and the geonameid of every admin code.
    keep = _IdSet()
    adm1: dict[tuple[str, str], int] = {}
    adm2: dict[tuple[str, str, str], int] = {}
    kept = 0
    with _lines(all_countries) as lines:
        for row in _rows(lines, _COLUMNS):
            kind = _kind(row, min_population, macroregions)
            if kind is None:
                continue
            gid, cc, a1, a2 = int(row[0]), row[8], _code(row[10]), _code(row[11])
            keep.add(gid)
            kept += 1
            if row[7] == "ADM1" and a1:
                adm1[cc, a1] = gid
            elif row[7] == "ADM2" and a1 and a2:
                adm2[cc, a1, a2] = gid
    log(f"pass 1: {kept} places to keep, {len(adm1)} ADM1 and {len(adm2)} ADM2 codes "
        f"in {time.perf_counter() - started:.0f}s")

    writer = GazetteerWriter(path or default_path())
    # The spool of alternate names can reach a gigabyte: keep it on the store's disk, not in /tmp.
    with tempfile.TemporaryDirectory(prefix="geomap-import-", dir=writer.path.parent) as tmp, \
            closing(sqlite3.connect(Path(tmp) / "alternates.sqlite")) as spool:
        spool.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
                            "CREATE TABLE alt (gid INTEGER NOT NULL, name TEXT NOT NULL, how INTEGER NOT NULL);")
        if alternate_names is not None:
            n = _spool_alternates(Path(alternate_names), keep, spool)
            log(f"{n} alternate names spooled in {time.perf_counter() - started:.0f}s")

        # Pass 2: every kept place with all its names in one call.
        written = 0
        with _lines(all_countries) as lines:
            for row in _rows(lines, _COLUMNS):
                kind = _kind(row, min_population, macroregions)
                if kind is None:
                    continue
                writer.add_place(_place(row, kind, adm1, adm2))
                writer.add_names(int(row[0]), _names(row, spool if alternate_names is not None else None))
                written += 1
                if written % _PROGRESS_ROWS == 0:
                    log(f"pass 2: {written} places written")
    log(f"pass 2: {written} places written in {time.perf_counter() - started:.0f}s")

    out = writer.finish({
        "schema": str(SCHEMA_VERSION), "built": time.strftime("%Y-%m-%dT%H:%M:%S"), "sources": "geonames-dump",
        "min_population": str(min_population), "build_seconds": f"{time.perf_counter() - started:.1f}",
    })
    log(f"gazetteer written to {out} in {time.perf_counter() - started:.0f}s")
    return out


def _spool_alternates(path: Path, keep: _IdSet, spool: sqlite3.Connection) -> int:
    """Copy the usable alternate names of kept places to an indexed table; returns their count."""
    batch: list[tuple[int, str, int]] = []
    total = 0
    with _lines(path) as lines:
        for row in _rows(lines, _ALT_COLUMNS):
            gid = int(row[1])
            if gid not in keep:
                continue
            how = _alternate(row[3], row[2])
            if how is None:
                continue
            batch.append((gid, row[3], how))
            if len(batch) >= 100_000:
                spool.executemany("INSERT INTO alt VALUES (?,?,?)", batch)
                total += len(batch)
                batch.clear()
    spool.executemany("INSERT INTO alt VALUES (?,?,?)", batch)
    spool.execute("CREATE INDEX alt_gid ON alt(gid)")
    return total + len(batch)


def _place(row: list[str], kind: str, adm1: dict[tuple[str, str], int],
           adm2: dict[tuple[str, str, str], int]) -> Place:
    """The place of a dump row; districts and populated places point to the units that hold them."""
    gid, fcode, cc = int(row[0]), row[7], row[8]
    a1, a2 = _code(row[10]), _code(row[11])
    admin1 = adm1.get((cc, a1)) if a1 and kind in ("district", "city") else None
    admin2 = adm2.get((cc, a1, a2)) if a1 and a2 and (kind == "city" or fcode == "ADM3") else None
    return Place(gid, row[1], kind, cc or None, float(row[4]), float(row[5]), int(row[14] or 0), gid, fcode,
                 admin1, admin2)


def _names(row: list[str], spool: sqlite3.Connection | None) -> list[tuple[str, int]]:
    """The place's name first (so it keeps the NAME rank), its ASCII form, then alternates."""
    names = [(row[1], NAME), (row[2], ALIAS)]
    if spool is None:
        alternates = ((a, _alternate(a, None)) for a in row[3].split(",") if a)
        names += [(a, how) for a, how in alternates if how is not None]
    else:
        names += spool.execute("SELECT name, how FROM alt WHERE gid=? ORDER BY rowid", (int(row[0]),)).fetchall()
    return names
