"""Import of a GeoNames dump: a tiny dump in the exact file formats, compiled and read back."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from geomap.gazetteer import ABBREV, ALIAS, NAME, SHORT, Gazetteer
from geomap.gazetteer_import import import_geonames

EUROPE, UKRAINE, ODESKA, ODESKYI, ODESA = 6255148, 690791, 698738, 12189513, 698740
IVANIVKA_1, IVANIVKA_2 = 707001, 707002
USA, TEXAS, ECTOR, ODESSA_TX = 6252001, 4736286, 5520910, 5527554
KHADZHIBEY, DNIESTER, BESSARABIA = 707003, 707004, 707005


def _row(gid: int, name: str, fclass: str, fcode: str, cc: str, admin1: str = "", admin2: str = "",
         population: int = 0, *, lat: float = 46.5, lon: float = 30.7, alternates: str = "") -> str:
    """One allCountries.txt line: the 19 tab-separated columns of GeoNames' readme."""
    cols = [gid, name, name, alternates, lat, lon, fclass, fcode, cc, "", admin1, admin2, "", "",
            population, "", 10, "Europe/Kyiv", "2024-01-01"]
    return "\t".join(map(str, cols))


ALL_COUNTRIES = [
    _row(EUROPE, "Europe", "L", "CONT", "", population=741000000, lat=48.7, lon=9.1),
    _row(UKRAINE, "Ukraine", "A", "PCLI", "UA", "00", population=44622516, lat=49.0, lon=32.0,
         alternates="Oekraine,Ukraina,UA,Украина"),
    _row(ODESKA, "Odeska Oblast", "A", "ADM1", "UA", "17", population=2380308),
    _row(ODESKYI, "Odeskyi Raion", "A", "ADM2", "UA", "17", "5110"),
    _row(ODESA, "Odesa", "P", "PPLA", "UA", "17", "5110", 1015826, alternates="Odessa,ODS,Одеса"),
    _row(IVANIVKA_1, "Ivanivka", "P", "PPL", "UA", "17", "5110", 1500, lat=46.9),
    _row(IVANIVKA_2, "Ivanivka", "P", "PPL", "UA", "17", "", 300, lat=46.2),
    _row(KHADZHIBEY, "Khadzhibey", "P", "PPLH", "UA", "17", "5110"),
    _row(DNIESTER, "Dniester", "H", "STM", "UA"),
    _row(BESSARABIA, "Bessarabia", "L", "RGN", "MD"),
    _row(USA, "United States", "A", "PCLI", "US", "00", population=327167434, lat=39.8, lon=-98.5),
    _row(TEXAS, "Texas", "A", "ADM1", "US", "TX", population=22875689, lat=31.3, lon=-99.3),
    _row(ECTOR, "Ector County", "A", "ADM2", "US", "TX", "135", 165171, lat=31.9, lon=-102.5),
    _row(ODESSA_TX, "Odessa", "P", "PPLA2", "US", "TX", "135", 114428, lat=31.8, lon=-102.4),
]

# alternateNamesV2.txt: id, geonameid, isolanguage, name, preferred, short, colloquial, historic, from, to
ALTERNATE_NAMES = [
    (1, ODESA, "en", "Odessa", 1, "", "", "", "", ""),
    (2, ODESA, "uk", "Одеса", "", "", "", "", "", ""),
    (3, ODESA, "link", "https://en.wikipedia.org/wiki/Odesa", "", "", "", "", "", ""),
    (4, ODESA, "post", "65000", "", "", "", "", "", ""),
    (5, ODESA, "iata", "ODS", "", "", "", "", "", ""),
    (6, ODESA, "", "Khadjibey", "", "", "", 1, "", "1794"),
    (7, USA, "abbr", "USA", "", "", "", "", "", ""),
    (8, USA, "abbr", "U.S.", "", "", "", "", "", ""),
    (9, USA, "en", "America", "", 1, "", "", "", ""),
    (10, TEXAS, "abbr", "TX", "", "", "", "", "", ""),
    (11, ODESKA, "en", "Odessa Oblast", "", "", "", "", "", ""),
    (12, DNIESTER, "en", "Nistru", "", "", "", "", "", ""),
]


def _zip(path: Path, member: str, lines: list[str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(member, "".join(line + "\n" for line in lines))
        if member.startswith("alternateNames"):  # the real archive ships this table alongside
            zf.writestr("iso-languagecodes.txt", "ISO 639-3\tISO 639-2\tISO 639-1\tLanguage Name\n")
    return path


@pytest.fixture
def dump(tmp_path: Path) -> tuple[Path, Path]:
    all_countries = _zip(tmp_path / "allCountries.zip", "allCountries.txt", ALL_COUNTRIES)
    alt_lines = ["\t".join(map(str, r)) for r in ALTERNATE_NAMES]
    return all_countries, _zip(tmp_path / "alternateNamesV2.zip", "alternateNamesV2.txt", alt_lines)


def _ids(gaz: Gazetteer, name: str) -> dict[int, int]:
    """Place id -> how, for the places a name matches exactly."""
    return {c.place.id: c.how for c in gaz.candidates(name, fuzzy=False)}


def test_import_places_kinds_and_hierarchy(dump: tuple[Path, Path], tmp_path: Path) -> None:
    logs: list[str] = []
    out = import_geonames(*dump, tmp_path / "store" / "gaz.sqlite", log=logs.append)
    gaz = Gazetteer(out)

    assert gaz.count() == 11  # the historical place, the river and the L.RGN area are left out
    assert {k: gaz.count(k) for k in ("continent", "country", "region", "district", "city")} == {
        "continent": 1, "country": 2, "region": 2, "district": 2, "city": 4}
    odesa = gaz.get(ODESA)
    assert odesa is not None
    assert (odesa.name, odesa.kind, odesa.country, odesa.feature) == ("Odesa", "city", "UA", "PPLA")
    assert (odesa.geonameid, odesa.population, odesa.lat, odesa.lon) == (ODESA, 1015826, 46.5, 30.7)
    assert (odesa.admin1, odesa.admin2) == (ODESKA, ODESKYI)
    assert gaz.get(ODESKYI).admin1 == ODESKA  # type: ignore[union-attr]
    assert (gaz.get(IVANIVKA_2).admin1, gaz.get(IVANIVKA_2).admin2) == (ODESKA, None)  # type: ignore[union-attr]
    assert (gaz.get(ODESSA_TX).admin1, gaz.get(ODESSA_TX).admin2) == (TEXAS, ECTOR)  # type: ignore[union-attr]
    for gid in (UKRAINE, ODESKA, TEXAS, EUROPE):
        assert (gaz.get(gid).admin1, gaz.get(gid).admin2) == (None, None)  # type: ignore[union-attr]
    assert gaz.get(EUROPE).country is None  # type: ignore[union-attr]
    assert gaz.by_geonameid(USA).kind == "country"  # type: ignore[union-attr]

    assert gaz.meta()["sources"] == "geonames-dump"
    assert gaz.meta()["schema"] == "3"
    assert any("written" in line for line in logs)


def test_import_names_alternates_and_abbreviations(dump: tuple[Path, Path], tmp_path: Path) -> None:
    gaz = Gazetteer(import_geonames(*dump, tmp_path / "gaz.sqlite", log=lambda _: None))

    assert _ids(gaz, "Odessa") == {ODESA: ALIAS, ODESSA_TX: NAME, ODESKA: SHORT}  # "Odessa Oblast" -> "Odessa"
    assert _ids(gaz, "Ivanivka") == {IVANIVKA_1: NAME, IVANIVKA_2: NAME}
    assert _ids(gaz, "Khadjibey") == {ODESA: ALIAS}  # historic names stay: news uses them
    assert _ids(gaz, "USA") == {USA: ABBREV}
    assert _ids(gaz, "U.S.") == {USA: ABBREV}
    assert _ids(gaz, "TX") == {TEXAS: ABBREV}
    assert _ids(gaz, "America") == {USA: ALIAS}
    assert _ids(gaz, "Odessa Oblast")[ODESKA] == ALIAS
    for not_a_name in ("ods", "65000", "https en wikipedia org wiki odesa", "nistru", "dniester", "khadzhibey"):
        assert not gaz.has_name(not_a_name), not_a_name
    # With the V2 file the untagged column is not used: its "Ukraina" has no language tag to trust.
    assert _ids(gaz, "Ukraina") == {}


def test_import_plain_text_without_alternate_names(tmp_path: Path) -> None:
    txt = tmp_path / "allCountries.txt"
    txt.write_text("".join(line + "\n" for line in ALL_COUNTRIES), encoding="utf-8")
    gaz = Gazetteer(import_geonames(txt, None, tmp_path / "gaz.sqlite", log=lambda _: None))

    assert _ids(gaz, "Odessa") == {ODESA: ALIAS, ODESSA_TX: NAME}  # from the alternatenames column
    assert _ids(gaz, "Ukraina") == {UKRAINE: ALIAS}
    assert not gaz.has_name("ods")  # uppercase codes in the untagged column are airport codes
    assert not gaz.has_name("ua")


def test_import_min_population_and_macroregions(dump: tuple[Path, Path], tmp_path: Path) -> None:
    out = import_geonames(*dump, tmp_path / "gaz.sqlite", min_population=1000, macroregions=True, log=lambda _: None)
    gaz = Gazetteer(out)

    assert _ids(gaz, "Ivanivka") == {IVANIVKA_1: NAME}  # the village of 300 is gone
    assert gaz.get(UKRAINE) is not None and gaz.get(ODESKYI) is not None  # the threshold is for places only
    assert gaz.get(BESSARABIA).kind == "macroregion"  # type: ignore[union-attr]
    assert gaz.meta()["min_population"] == "1000"
