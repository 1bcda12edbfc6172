"""Name normalisation shared by the gazetteer build and look-ups.

Both sides must reduce a name the same way, so the rules live in one place.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc\u02b9\u201c\u201d'`\"]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_REPEATS = re.compile(r"(.)\1+")
_DOTTED = re.compile(r"^(?:[A-Za-z]\.\s?){2,}$")
_STYLEBOOK = re.compile(r"^[A-Z][a-z]{1,4}\.$")  # "Fla.", "Calif.", "Ont."

# Words that name the kind of an administrative unit; "Solomianka Rayon" is also "Solomianka".
ADMIN_WORDS = frozenset(
    """oblast oblast' rayon raion district county province region state governorate prefecture
    department municipality parish borough canton territory voivodeship city krai kray okrug
    republic autonomous community division emirate tehsil taluka taluk upazila mandal regency lga
    subdistrict township""".split()
)

# Words that name a part of a place: "Middle Tennessee", "East Nashville", "Upstate New York".
PART_WORDS = frozenset(
    """north south east west northern southern eastern western central middle mid upper lower upstate
    downstate greater northeast northwest southeast southwest northeastern northwestern southeastern
    southwestern""".split()
)

# Short forms of words that open place names ("Co Donegal" is Irish for County Donegal).
_PREFIXES = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "co": "county"}

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def umlauts_spelled_out(name: str) -> str:
    """German spelling without umlauts: "Baden-Württemberg" is also "Baden-Wuerttemberg"."""
    return name.translate(_UMLAUTS)


def written_as_abbreviation(text: str) -> bool:
    """Capitals ("US", "NSW") or a dotted short form ("U.S.", "Fla.", "Calif."): a code, not a word."""
    text = text.strip()
    return text.isupper() or bool(_STYLEBOOK.match(text))


@lru_cache(maxsize=1 << 16)  # every rule keys names; an article's few hundred recur thousands of times
def name_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Kyiv’s" and "KYIV's" share one, and so do
    "Mt. Juliet" and "Mount Juliet"."""
    if _DOTTED.match(name.strip()):
        name = name.replace(".", "").replace(" ", "")  # "U.S." is "US"
    s = _APOSTROPHES.sub("", anyascii(name)).lower()
    words = _NON_ALNUM.sub(" ", s).split()
    # A name's last word is no prefix: "Main St" is a street.
    return " ".join([_PREFIXES.get(w, w) for w in words[:-1]] + words[-1:])


@lru_cache(maxsize=1 << 16)
def skeleton(key: str) -> str:
    """A looser key that survives transliteration variants.

    Solomyansky / Solomianskyi / Solom'yanskyi and Odesa / Odessa collapse to one skeleton.
    """
    s = key.replace(" ", "").replace("y", "i").replace("j", "i")
    s = _REPEATS.sub(r"\1", s)
    return s.rstrip("i") if len(s) > 5 else s


_DIGRAPHS = (("kh", "k"), ("gh", "g"), ("dh", "d"), ("q", "k"), ("c", "k"))
_VOWELS = re.compile(r"[aeiouyw]+")


def vowelless(key: str) -> str:
    """A key for Arabic and Persian names in Latin letters, whose vowels every transliteration spells
    its own way: "Menoufia" and "Monufia", "Daqahliya" and "Dakahlia", "Hadramout" and "Hadramawt"
    share one. Vowels (and the y, w and final h they are written with) become one mark."""
    s = key.replace(" ", "")
    for old, new in _DIGRAPHS:
        s = s.replace(old, new)
    s = _VOWELS.sub("_", _REPEATS.sub(r"\1", s))
    return s[:-1] if s.endswith("_h") else s


def strip_admin_words(key: str) -> str:
    """Drop leading/trailing kind words: "kyiv oblast" -> "kyiv", "province of bulacan" -> "bulacan"."""
    words = key.split()
    if len(words) >= 3 and words[1] == "of" and words[0] in ADMIN_WORDS:
        words = words[2:]
    while len(words) > 1 and words[-1] in ADMIN_WORDS:
        words = words[:-1]
    return " ".join(words)


def is_latin(name: str) -> bool:
    """True when every letter is Latin script: other scripts cannot match English text."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True
