"""The compiled offline gazetteer holds what news mentions, with names, hierarchy and kinds."""

from __future__ import annotations

import pytest

from geomap.gazetteer import ALIAS, KINDS, POST_TOWN, SHORT, distance_km, mean_point
from geomap.natural_features import NATURAL_FEATURES
from geomap.regions import WATER_FEATURES
from geomap.sites import SITES, TOWN_SPELLINGS
from geomap.text import name_key, skeleton, strip_admin_words, vowelless


def _best(gazetteer, name, kind=None):
    cands = [c.place for c in gazetteer.candidates(name) if kind is None or c.place.kind == kind]
    assert cands, f"nothing for {name!r} ({kind})"
    return cands[0]


def test_every_kind_is_present(gazetteer):
    counts = {k: gazetteer.count(k) for k in KINDS}
    assert counts["country"] >= 240
    assert counts["region"] >= 3000
    assert counts["district"] >= 25000
    assert counts["city"] >= 200_000  # GeoNames cities500
    assert counts["continent"] == 7
    assert counts["macroregion"] >= 20


def test_country_point_is_not_the_capital(gazetteer):
    russia = _best(gazetteer, "Russia", "country")
    moscow = _best(gazetteer, "Moscow", "city")
    assert distance_km(russia.lat, russia.lon, moscow.lat, moscow.lon) > 1000
    assert russia.geonameid == 2017370


@pytest.mark.parametrize("name,lat,lon", [
    ("Russia", 60.0, 100.0), ("China", 35.0, 105.0), ("Indonesia", -5.0, 120.0),  # the Factbook's, as GeoNames
    ("United States", 39.76, -98.5), ("Canada", 60.11, -113.64), ("India", 22.0, 79.0)])  # GeoNames' own
def test_country_points_are_geonames(gazetteer, name, lat, lon):
    """The other news corpora score against GeoNames' points, and a country's point is one number."""
    country = _best(gazetteer, name, "country")
    assert distance_km(country.lat, country.lon, lat, lon) < 5


def test_us_post_towns_fill_in_below_cities500(gazetteer):
    """Local news names villages too small for GeoNames' cities500; the USPS list has them, once
    each, in their state and county."""
    kaycee = [c.place for c in gazetteer.candidates("Kaycee", fuzzy=False) if c.place.country == "US"]
    assert len(kaycee) == 1 and kaycee[0].feature == POST_TOWN and kaycee[0].population == 0
    assert distance_km(kaycee[0].lat, kaycee[0].lon, 43.71, -106.64) < 20
    assert gazetteer.get(kaycee[0].admin1).name == "Wyoming"
    assert gazetteer.get(kaycee[0].admin2).name == "Johnson County"
    # A town cities500 has is not added again from its post office.
    peachtree = [c.place for c in gazetteer.candidates("Peachtree City", fuzzy=False)]
    assert [p.feature for p in peachtree] == ["PPL"] and peachtree[0].geonameid


@pytest.mark.parametrize("name", ["Solomianskyi District", "Solomyansky", "Solom'yanskyi", "Podilskyi Raion"])
def test_kyiv_city_districts(gazetteer, name):
    district = _best(gazetteer, name, "district")
    assert district.country == "UA"
    kyiv = gazetteer.get(district.admin1)
    assert kyiv is not None and kyiv.name == "Kyiv City"  # the city with special status, by its English name
    assert distance_km(district.lat, district.lon, 50.45, 30.52) < 12


def test_regions_and_their_hierarchy(gazetteer):
    odesa = _best(gazetteer, "Odesa Oblast", "region")
    assert odesa.country == "UA" and odesa.feature == "ADM1"
    texas = _best(gazetteer, "Texas", "region")
    paris_tx = [c.place for c in gazetteer.candidates("Paris") if c.place.admin1 == texas.id]
    assert paris_tx, "Paris, Texas is inside Texas"
    assert _best(gazetteer, "Hubei province", "region").country == "CN"
    assert _best(gazetteer, "Scott County", "district").country == "US"


def test_small_places_and_alternate_names(gazetteer):
    kiev = _best(gazetteer, "Kiev")
    assert kiev.name == "Kyiv" and kiev.kind == "city"
    soldeu = [c.place for c in gazetteer.candidates("Soldeu") if c.place.country == "AD"]
    assert soldeu and soldeu[0].population < 1000  # cities500 goes down to a few hundred people


@pytest.mark.parametrize(("name", "code"), [("UK", "GB"), ("U.S.", "US"), ("DRC", "CD"), ("Zaire", "CD"),
                                            ("Burma", "MM"), ("Ivory Coast", "CI"), ("Soviet Union", "RU"),
                                            ("USSR", "RU"), ("Yugoslavia", "RS")])
def test_country_abbreviations_and_historic_names(gazetteer, name, code):
    assert any(c.place.kind == "country" and c.place.country == code for c in gazetteer.candidates(name))


def test_continents_and_macroregions(gazetteer):
    assert _best(gazetteer, "Africa", "continent").lat < 20
    west_africa = _best(gazetteer, "West Africa", "macroregion")
    assert 0 < west_africa.lat < 20 and -20 < west_africa.lon < 10
    assert _best(gazetteer, "Middle East", "macroregion").lon > 30


def test_a_part_of_no_place_is_no_alias_of_one(gazetteer):
    """"North Wales" is found as Wales, but "North Island" is not Iceland ("Island" in German)."""
    assert "IS" not in {c.place.country for c in gazetteer.candidates("North Island")}
    assert _best(gazetteer, "North Wales", "region").country == "GB"


def test_unknown_name_gives_nothing(gazetteer):
    assert gazetteer.candidates("Xqzzyville") == []
    assert gazetteer.candidates("") == []


def test_typo_tolerant_search(gazetteer):
    assert any(p.name == "Kharkiv" for p in gazetteer.search("Kharkov"))
    assert any(p.name == "Belgorod" for p in gazetteer.search("Belgorot"))


def test_name_normalisation():
    assert name_key("Kyiv’s") == name_key("kyivs")
    assert name_key("U.S.") == "us"
    assert skeleton(name_key("Solomyansky")) == skeleton(name_key("Solomianskyi")) == skeleton(
        name_key("Solom'yanskyi"))
    assert skeleton(name_key("Odessa")) == skeleton(name_key("Odesa"))
    assert strip_admin_words("kyiv oblast") == "kyiv"
    assert strip_admin_words("province of bulacan") == "bulacan"


@pytest.mark.parametrize(("name", "expected", "country"), [
    ("Menoufia", "Monufia", "EG"), ("Daqahliya", "Dakahlia", "EG"), ("Hadramout", "Hadramawt", "YE"),
    ("Salahuddin", "Salah ad Din", "IQ"), ("Shebin el-Kom", "Shibīn al Kawm", "EG"),
])
def test_arabic_names_in_another_transliteration(gazetteer, name, expected, country):
    """Arabic vowels are spelled as each writer hears them; the consonants stay."""
    assert [(c.place.name, c.place.country, c.exact) for c in gazetteer.candidates(name)][:1] == [
        (expected, country, False)]


def test_the_vowelless_key_is_a_last_resort(gazetteer):
    """Only a fuzzy look-up, only the Arab world's and Iran's names, only for a name spelled as English
    writes Arabic, and only for three consonants or more: "Menoufia" brings no Menifee (California),
    "Canso" (Nova Scotia) no Konsoy (Tajikistan), "Hamou" no Hama."""
    assert vowelless(name_key("Canso")) == vowelless(name_key("Konsoy")) and gazetteer.candidates("Canso") == []
    assert vowelless(name_key("Menifee")) == vowelless(name_key("Menoufia"))
    assert {c.place.country for c in gazetteer.candidates("Menoufia")} == {"EG"}
    assert gazetteer.candidates("Menoufia", fuzzy=False) == []
    assert vowelless(name_key("Hamou")) == vowelless(name_key("Hama")) and gazetteer.candidates("Hamou") == []


def test_short_forms_of_a_names_first_words(gazetteer):
    """Local news writes "Mt. Juliet" and "Ft. Worth"; GeoNames has Mount Juliet with no such alias."""
    assert name_key("Mt. Juliet") == name_key("Mount Juliet") == "mount juliet"
    assert name_key("Port St. Lucie") == "port saint lucie"
    assert name_key("Main St.") == "main st"  # a street, not a saint
    assert name_key("Co. Durham") == "county durham"
    assert "Mount Juliet" in {c.place.name for c in gazetteer.candidates("Mt. Juliet")}


def test_mean_point_across_the_antimeridian():
    lat, lon = mean_point([(0.0, 179.0, 1.0), (0.0, -179.0, 1.0)])
    assert abs(lat) < 1e-9 and abs(abs(lon) - 180) < 1e-6



@pytest.mark.parametrize(("name", "expected", "kind", "country"), [
    ("Hedmark", "Hedmark", "region", "NO"), ("Kasai Occidental", "Kasai-Occidental", "region", "CD"),
    ("Nyanza", "Nyanza Province", "region", "KE"), ("Lake Erie", "Lake Erie", "macroregion", "US"),
    ("Swat Valley", "Swat Valley", "macroregion", "PK"), ("Fort Hood", "Fort Hood", "city", "US"),
    ("Americas", "Americas", "macroregion", None), ("USA", "United States", "country", "US"),
    ("East Sea", "Sea of Japan", "macroregion", None), ("Luzon", "Luzon", "macroregion", "PH"),
    ("Bay Area", "San Francisco Bay Area", "macroregion", "US"),
    ("Baden-Wuerttemberg", "Baden-Wurttemberg", "region", "DE"),  # umlauts spelled out
    ("Cascades", "Cascade Range", "macroregion", "US"), ("Carolinas", "Carolinas", "macroregion", "US"),
    # Islands too small for the country outlines lie in the country of their towns.
    ("Lesbos", "Lesbos", "macroregion", "GR"), ("Zanzibar", "Zanzibar", "macroregion", "TZ"),
    ("Rugen", "Rügen", "macroregion", "DE"),
    ("Yorkshire", "Yorkshire", "macroregion", "GB"), ("Transylvania", "Transylvania", "macroregion", "RO"),
    ("Gulf Coast", "Gulf Coast", "macroregion", "US"), ("Outer Banks", "Outer Banks", "macroregion", "US"),
    ("Dnipro River", "Dnieper", "macroregion", "UA"), ("River Thames", "River Thames", "macroregion", "GB"),
    ("Merseyside", "Merseyside", "region", "GB"), ("Peak District", "Peak District", "macroregion", "GB"),
    ("Co Donegal", "Donegal", "region", "IE"),  # Irish usage
])
def test_former_regions_and_physical_features(gazetteer, name, expected, kind, country):
    """Each hand-listed place is its own entry, however long the lists grow (ids never collide), in the
    country around its point; a sea lies in none."""
    found = [c.place.name for c in gazetteer.candidates(name) if c.place.kind == kind and c.place.country == country]
    assert expected in found


@pytest.mark.parametrize(("name", "official"), [
    ("Bavaria", "Bayern"), ("Tibet", "Xizang Zizhiqu"), ("Crimea", "Avtonomna Respublika Krym"),
    ("Maharashtra", "Mahārāshtra"), ("Tennessee", "Tennessee"), ("Massachusetts", "Massachusetts"),
    ("Kursk Oblast", "Kurskaya oblast'"), ("Belgorod Oblast", "Belgorodskaya oblast'"),
])
def test_regions_shown_by_their_english_names(gazetteer, name, official):
    region = _best(gazetteer, official, "region")
    assert region.name == name and _best(gazetteer, name, "region") == region


@pytest.mark.parametrize(("name", "country"), [("Hodeidah", "YE"), ("Fallujah", "IQ"), ("Qaim", "IQ")])
def test_arab_places_without_their_article(gazetteer, name, country):
    """English news drops the Arabic article GeoNames keeps: "Al Ḩudaydah" is "Hodeidah"."""
    assert _best(gazetteer, name, "city").country == country


def test_the_article_is_kept_outside_the_arab_world(gazetteer):
    """"El Paso", Texas and "El Salvador" keep their article: "Paso" is not the Texan city."""
    assert not [c for c in gazetteer.candidates("Paso", fuzzy=False) if c.place.country == "US"]


@pytest.mark.parametrize(("name", "expected", "kind"), [
    ("Middle Tennessee", "Tennessee", "region"), ("East Nashville", "Nashville", "city"),
    ("Upstate New York", "New York State", "region"), ("North Carolina", "North Carolina", "region"),
    ("North Wales", "Wales", "region"), ("South Bend", "South Bend", "city"),
])
def test_a_part_no_data_set_names_is_found_as_the_place(gazetteer, name, expected, kind):
    """Only when the whole name is unknown or a small town's (North Wales, Pennsylvania): North Carolina
    and South Bend stay themselves."""
    assert _best(gazetteer, name, kind).name == expected


def test_a_short_name_two_countries_go_by_is_an_alias_of_both(gazetteer):
    """pycountry calls the Republic of the Congo plain "Congo", which news uses mostly for its larger
    neighbour: neither owns the bare name, and the name written in full is only the one."""
    congo = {c.place.country: c.how for c in gazetteer.candidates("Congo") if c.place.kind == "country"}
    assert congo == {"CD": ALIAS, "CG": ALIAS}
    assert [c.place.country for c in gazetteer.candidates("Republic of Congo", fuzzy=False)] == ["CG"]


def test_a_name_matched_as_written_needs_no_shorter_form(gazetteer):
    """Looking a name up without its kind word is a fallback: "Kansas City" is no way of naming the
    state, "Odesa region" none of naming the city."""
    assert "region" not in {c.place.kind for c in gazetteer.candidates("Kansas City", fuzzy=False)}
    assert {c.place.kind for c in gazetteer.candidates("Odesa Oblast", fuzzy=False)} == {"region"}


def test_a_regions_name_is_no_countrys_alias(gazetteer):
    """countryinfo spells the Central African Republic "Central Africa", which news uses for the region."""
    assert {c.place.kind for c in gazetteer.candidates("Central Africa", fuzzy=False)} == {"macroregion"}


def test_a_countrys_own_name_is_no_other_countrys(gazetteer):
    """"Republic of China" without its kind words, or a data set's alias, made Taiwan a reading of
    "China"; a short name no country goes by alone ("Congo", "Korea") stays with those it may mean."""
    assert [c.place.country for c in gazetteer.candidates("China") if c.place.kind == "country"] == ["CN"]
    assert {c.place.country for c in gazetteer.candidates("Republic of China") if c.place.kind == "country"} >= {"TW"}
    assert {c.place.country for c in gazetteer.candidates("Congo") if c.place.kind == "country"} == {"CD", "CG"}


def test_a_name_given_outright_outranks_one_derived(gazetteer):
    """"Orientale" is an alias of Orientale Province, not only its name without the kind word (the
    recognizer keeps "province" after names that are only such stems). "Oklahoma" for Oklahoma City
    stays a derived form: the bare name is first the state's."""
    def how(name: str, place: str) -> int:
        return next(c.how for c in gazetteer.candidates(name) if c.place.name == place)

    assert how("Orientale", "Orientale Province") == ALIAS
    assert how("Oklahoma", "Oklahoma City") == SHORT


def test_kind_words_come_off_one_at_a_time(gazetteer):
    """"the Kansas City District" (of the Corps of Engineers) is Kansas City's, not the state's."""
    first = gazetteer.candidates("Kansas City District")[0].place
    assert first.name == "Kansas City" and first.kind == "city"


@pytest.mark.parametrize("name,lat,lon", [
    ("Pyrenees", 42.7, 0.5), ("Bab el-Mandeb", 12.58, 43.33), ("Darién Gap", 8.0, -77.5), ("Santorini", 36.4, 25.43),
    ("Newfoundland", 48.6, -56.3), ("Mindoro", 12.93, 121.09), ("Oahu", 21.47, -157.98),
    ("Puget Sound", 47.6, -122.45), ("Mount Merapi", -7.54, 110.45), ("Lake Tana", 12.0, 37.3),
    ("Tohoku", 39.5, 140.8), ("Tagus", 38.7, -9.3), ("Meghna", 22.6, 90.75), ("Sandhills", 42.0, -101.0),
    ("Smoky Mountains", 35.6, -83.5)])
def test_features_the_wire_names(gazetteer, name, lat, lon):
    """Before these, "the Pyrenees" was a shire in Victoria, Bab el-Mandeb nothing at all,
    "Newfoundland" only New Jersey's post town and "the Sandhills" a Georgia town's alias."""
    place = _best(gazetteer, name, "macroregion")
    assert distance_km(place.lat, place.lon, lat, lon) < 5


def test_natural_features_lie_near_a_town_of_their_country(gazetteer):
    """Written by hand, so checked: each river mouth, lake, island or park lies within 300 km of a
    town of the country it is given (a sign slip puts it an ocean away), a desert or plateau within
    500 km, open water aside."""
    towns: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for lat, lon, cc in gazetteer._db.execute("SELECT lat, lon, country FROM places WHERE kind = 'city'"):
        towns.setdefault((int(lat // 1), int(lon // 1)), []).append((lat, lon, cc))
    far = []
    for name, _, lat, lon, code, cc in NATURAL_FEATURES:
        if code in WATER_FEATURES or code == "SHOL":
            continue
        near = [(y, x) for dy in range(-5, 6) for dx in range(-6, 7)
                for y, x, c in towns.get((int(lat // 1) + dy, int(lon // 1) + dx), ()) if c == cc]
        reach = 500 if code in ("DSRT", "PLAT") else 300
        if not any(distance_km(lat, lon, y, x) <= reach for y, x in near):
            far.append(name)
    assert far == []
    assert len({name for name, *_ in NATURAL_FEATURES}) == len(NATURAL_FEATURES)


@pytest.mark.parametrize(("name", "country", "lat", "lon"), [
    ("Gorkha", "NP", 28.00, 84.63), ("Jajarkot", "NP", 28.75, 82.20), ("Quissanga", "MZ", -12.42, 40.50),
])
def test_a_district_no_town_lies_in_is_placed_by_its_region(gazetteer, name, country, lat, lon):
    """cities500 holds no town inside Nepal's or Cabo Delgado's districts, which GeoNames lists and
    the news of earthquakes and insurgencies names; the region's point is within 161 km of them."""
    place = _best(gazetteer, name, "district")
    assert place.country == country and place.name == name
    assert distance_km(place.lat, place.lon, lat, lon) < 161


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Trochu", 51.83, -113.23), ("Morrin", 51.66, -112.79), ("Mossbank", 49.93, -105.97),
])
def test_a_canadian_municipality_no_town_lies_in_is_placed_by_its_census_division(gazetteer, name, lat, lon):
    """Alberta's and Saskatchewan's centres are 400-600 km from these villages; the towns of their
    census division are near ("Morrin" is also no Morinville, a town of Alberta of like name)."""
    place = _best(gazetteer, name, "district")
    assert place.country == "CA" and place.name == name
    assert distance_km(place.lat, place.lon, lat, lon) < 100


def test_a_districts_foreign_kind_word_comes_off(gazetteer):
    """English writes "Karo" and "Karangasem" for GeoNames' "Kabupaten Karo", "Kabupaten Karang Asem"."""
    karo = next(c for c in gazetteer.candidates("Karo", fuzzy=False) if c.place.kind == "district")
    assert (karo.place.name, karo.place.country, karo.how) == ("Karo", "ID", SHORT)


def test_sites_lie_by_the_town_they_are_written_beside(gazetteer):
    """Written by hand, so checked: each camp, city section or crossing lies within 40 km of the town
    it names as its neighbour (a remote camp or crossing within 100 km), in the same country."""
    far = []
    for name, _, lat, lon, code, cc, _, near in SITES:
        towns = [c.place for c in gazetteer.candidates(near, fuzzy=False) if c.place.kind in ("city", "district")
                 and c.place.country == cc and c.place.geonameid is not None]  # GeoNames' towns, not the sites
        reach = 100 if code in ("CMPRF", "PSTB") else 40
        if not any(distance_km(lat, lon, t.lat, t.lon) <= reach for t in towns):
            far.append(name)
    assert far == []
    assert len({name for name, *_ in SITES}) == len(SITES)


@pytest.mark.parametrize(("name", "country"), [("Kibera", "KE"), ("Zaatari", "JO"), ("El Alto", "BO")])
def test_camps_and_city_sections_news_names(gazetteer, name, country):
    """Humanitarian news names camps and city sections GeoNames keeps outside its towns."""
    assert _best(gazetteer, name, "city").country == country


def test_news_spellings_find_the_towns_geonames_spells_otherwise(gazetteer):
    """Each spelling of TOWN_SPELLINGS finds its own town of cities500 in its country: a table that no
    longer matches (GeoNames renamed the town) fails here rather than adding nothing."""
    lost = []
    for (town, cc), spellings in TOWN_SPELLINGS.items():
        for spelling in spellings:
            found = {name_key(c.place.name) for c in gazetteer.candidates(spelling, fuzzy=False)
                     if c.place.country == cc and c.place.kind == "city" and c.place.geonameid is not None}
            if name_key(town) not in found:
                lost.append(spelling)
    assert lost == []


@pytest.mark.parametrize(("name", "place", "country"), [
    ("Metro Manila", "National Capital Region", "PH"),  # the name news gives the region, not ISO's
    ("Co Derry", "County Londonderry", "GB"),  # Northern Ireland's counties, no councils since 1973
    ("County Tyrone", "County Tyrone", "GB"),
    ("Puntland", "Puntland", "SO"),  # Somalia's member states, above its 18 regions
    ("South West State", "South West State", "SO"),
])
def test_regions_news_names_that_no_package_lists(gazetteer, name, place, country):
    best = _best(gazetteer, name, "region")
    assert (best.name, best.country) == (place, country)


def test_a_branch_or_fork_of_a_river_is_no_county_of_the_bare_word(gazetteer):
    """"the South Branch" of the Potomac is no part of Branch County, Michigan."""
    assert not any(c.place.name == "Branch County" for c in gazetteer.candidates("South Branch", fuzzy=False))
