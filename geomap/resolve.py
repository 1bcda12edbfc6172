"""Resolution: pick the place each mention refers to, using the whole article as context.

Every candidate gets a score: how well its name matches, a prior from its kind and population,
agreement with the kind the text implies ("Odesa region"), the article's country focus,
containment in a place named nearby ("Fort Hood, Texas"; a district near "Kyiv") and distance
to the other places the article resolves to. Mentions sharing a name and kind hint are one
discourse entity and get one answer. Confidence is the softmax share of the winner.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Span

from .gazetteer import (
    ABBREV,
    ALIAS,
    AREA_KINDS,
    NAME,
    POST_TOWN,
    SHORT,
    Candidate,
    Place,
    distance_km,
    placed_by_region,
    sites_named,
    water_bodies,
)
from .recognize import (
    _STYLEBOOK_FORMS,
    COUNTY_ENDS,
    SPAN_KEY,
    TOWN_PLACES,
    TRIGGERS,
    _ensure_extensions,
    nationalities,
    shared_gazetteer,
    site_word,
)
from .regions import ALL_WATER_FEATURES, AP_STANDALONE_CITIES
from .text import ADMIN_WORDS, PART_WORDS, name_key, skeleton, strip_admin_words, written_as_abbreviation


class CandidateSource(Protocol):
    """Where candidates come from: the offline gazetteer or an online geocoder adapter."""

    def candidates(self, name: str) -> list[Candidate]: ...

    def get(self, place_id: int | None) -> Place | None: ...


@dataclass(frozen=True)
class Weights:
    """Hand-set weights of the score; documented in the README, measured on GeoVirus."""

    name: tuple[float, float, float, float] = (2.0, 1.0, 2.0, 0.7)  # NAME, ALIAS, ABBREV, SHORT
    fuzzy: float = -1.5
    abbrev_mismatch: float = -4.0
    kind: dict[str, float] = field(default_factory=lambda: {
        "country": 6.0, "continent": 3.5, "macroregion": 2.5, "region": 2.5, "district": 0.6, "city": 0.0})
    log_pop: dict[str, float] = field(default_factory=lambda: {
        "region": 0.3, "district": 0.2, "city": 0.45})
    capital: float = 0.8
    # A national capital of a million or more, named as such, is a world city: "analysts in New York
    # and London" in a story about plants in Ohio and North Carolina are not in London, Ohio.
    world_capital: float = 1.0
    # A city its region is named after (Mykolaiv, Kharkiv; Ryazan) is that region's seat: the one
    # news means, over the villages that share its name.
    region_seat: float = 0.7
    # A state named like its country's capital is the lesser sense of the name: "In Washington,
    # the State Department said"; twice so named outside any list ("efforts in Washington" in a story
    # about Costa Rica), while a list of states still makes it the state.
    capital_namesake: float = -1.0
    # "the Gulf", "the Red Sea", "the Pacific": an article before a bare name says sea, range or
    # area rather than the province or town of that name (Gulf Province, Red Sea State, Pacific, MO).
    definite_area: float = 2.0
    hint_match: float = 3.0
    hint_mismatch: float = -1.0
    eponymous_region: float = -2.5
    focus: float = 3.0
    # One unseen mention added to the others the focus is shared over: with two places in a text,
    # "New York" alone must not make Brussels a village in the US.
    focus_unseen: float = 1.0
    # A name's readings count toward the focus by squared belief: the dozen small American namesakes
    # of Paris or London must not add up to an article about the United States.
    focus_sharpness: float = 2.0
    # A nationality word ("Bolivian miners", "Chilean police") as a share of a mention of its
    # country: it says where the story is, if less surely than a place name.
    nationality: float = 0.5
    nationality_beside: float = 1.5
    # A province or state is named bare mostly in articles about its country: "Gaza" beside Rafah
    # is not Mozambique's province. The malus fades out once a third of the other mentions lie there.
    region_abroad: float = -1.0
    region_home_share: float = 1 / 3
    contain: float = 1.5
    # Named apart from it, a state or province says less of where a town is than its county does: it
    # holds hundreds of towns ("teams from Oklahoma and Arkansas" in a story set in Lamar County).
    loose_region: float = 0.5
    comma_contain: float = 4.0
    comma_set_off: float = 8.0  # "Victoria, British Columbia, confirmed": nothing but a container
    proximity: float = 2.0
    list_kind: float = 2.0
    # Capitals listed together stand for governments: "Canberra and Wellington are standing by" is New
    # Zealand's capital, not the New South Wales town beside Canberra.
    list_capital: float = 2.0
    # Towns listed together lie together: "near Rochester and Mankato" is Minnesota's Rochester. A
    # choice among the towns of a name only; whether the name is a town at all is list_kind's.
    list_near: float = 1.5
    list_near_km: float = 150.0
    # States listed together are of one country: "members from Georgia and New Hampshire".
    list_country: float = 2.0
    proximity_km: float = 400.0
    # Among a name's small towns only, the one beside another of the story's places: "near Springville"
    # in a story from Paris, Tenn. is the Tennessee hamlet, not Alabama's town of 4,000.
    neighbour: float = 1.0
    neighbour_km: float = 50.0
    # A sea or region of no one country is weighed by proximity on this scale: "the East Sea".
    open_water_km: float = 1500.0
    # "the Republic of Congo ... the government of Congo": a bare name the article has given in
    # full ("X of Congo") is the place the full name is.
    full_name: float = 3.0
    # A local paper leaves bare only the towns of its own state and gives others theirs: beside "DILLON,
    # Mont." a bare "Jackson" is the Big Hole's post town, not Jackson, Wyo., 300 km off.
    home_state: float = 1.0
    rounds: int = 2


_CAPITAL = "capital"  # among the kinds a list leans to, its neighbours' national capitals
_CITY_REACH_KM = 30.0  # how far a city's own districts and suburbs lie from its point
_RANK = {"city": 0, "district": 1, "region": 2, "macroregion": 2, "country": 3, "continent": 4}
_HELD_KM = 50.0  # how far from a town or district's point a place it is said to hold may lie
_NEIGHBOUR_KM = 250.0  # how far apart two places of a country may be and still be said together as neighbours
_HELD_ONLY = 0.5  # confidence kept when a mention is placed at its container, its own place unknown
_STYLEBOOK_CITY = 250_000  # a city this big needs no state after it in its country's news: "Houston"
_RIVER_CITY = 100_000  # a city this big is what "the X" means, not the X River: "the Chicago area"
_SAID_NEAR_KM = 150.0  # how far from a town a place said to be near it may lie
_LIKENESS = 0.5  # confidence kept when only the spelling's likeness matched ("Dogu Beyazit")
SAME_SPOT_KM = 25.0  # candidates this close are one answer on a map
_MUNICIPALITY = 2.0  # a district with at most this many times its town's people is that town's own
# Words before a name that say it is an area: "the Gulf", "northern Luzon", "eastern Congo".
_AREA_CUES = frozenset({"the", "northern", "southern", "eastern", "western", "central", "northeastern",
                        "northwestern", "southeastern", "southwestern", "north", "south", "east", "west"})
_BIG_TOWN = 100_000  # a name with a place this big or an area among its readings is no small town's alone
_ALIAS_OUTSIZED = 10  # how many times a town bearing the name as its own must outsize one known by it as an alias
_EXONYM = 100  # how many times a town bearing the name as its own a city known by it as an alias must outsize
_WATER = frozenset({"river", "creek", "lake", "bayou", "reservoir", "canal", "sea", "ocean", "strait", "channel"})
_BEARINGS = frozenset({"centre", "center"})  # with PART_WORDS, words that say where, not which place
_CONTINENTAL = frozenset({"latin", "south", "north", "central"})  # "Latin American" is no American
_LOCAL_KINDS = frozenset({"region", "district", "city"})
_POINT_KINDS = frozenset({"district", "city"})  # places small enough for distance to tell
# What an appositive calls a place: "the Costa Rican capital", "a Syrian border town".
_APPOSED_HEADS = frozenset({"capital", "city", "town", "village", "port", "province", "region", "state",
                            "district", "county", "island", "resort", "hub", "border"})
_LIST_GLUE = frozenset({",", "and", ", and", "or", ", or", ";", "and in", ", and in", "or in", ", or in"})
# What lies between a place and the one holding it: "Toronto, Canada", "Goma in eastern Congo", "the
# Adhamiyah district of Baghdad", "the Abu Shok refugee camp in Al-Fashir".
_NAMES_ITS_CONTAINER = re.compile(r"\s*,\s*|(?:\s*,)?\s+in\s+(?:(?:the\s+)?(?:north|south|east|west|central|"
                                  r"northern|southern|eastern|western|north-?eastern|north-?western|"
                                  r"south-?eastern|south-?western)\s+)?|"
                                  r"\s+(?:district|region|province|county|state|suburb|area|tehsil|taluka|upazila|lga|regency)?\s*of\s+|"
                                  r"\s+(?:(?:refugee|camp|hospital|farm|market|prison|mine|school|village|"
                                  r"town|suburb|district|area|base|airport|slum|township|river|lake)\s+){1,2}in\s+|"
                                  r"\s*,\s*an?\s+(?:[a-z-]+\s+)?(?:town|village|city|hamlet|settlement)\s+in\s+"
                                  r"(?:the\s+)?",
                                  re.IGNORECASE)
_NEIGHBOUR_TOWN_KM = 80.0  # how near another of the story's places a town named like a country must lie
_IMPLIED_BY = 2  # how many towns of one reading must lie in a state or county to put the story there
_POST_TOWN_PEOPLE = 100  # a post town has people though the data gives no figure: fewer than cities500's 500
# "Bahrain, a small town in Swat": the name is a settlement's, not the country's.
_DESCRIBED_AS_TOWN = re.compile(r"\s*,\s*(?:an?|the)\s+(?:[a-z-]+\s+)?(?:town|village|hamlet|settlement)\b")
# A township is a town's: "Vernon Township" is no county or parish of the name.
_TOWNSHIP_WORDS = frozenset({"township", "townships"})
_COUNTY_WORDS = COUNTY_ENDS | {"area"}  # and Alaska's "Bethel Census Area"
_LIST_GOES_ON = re.compile(r"\s+(?:and|or)\s", re.IGNORECASE)
# What lies between a place and a town said to be near it: "Shalimar near Kolkata", "Kadawa, 20 km
# outside Gusau", "a camp north of Goma".
_SAID_NEAR = re.compile(r"\s*,?\s+(?:(?:just|about|some|roughly|around|\d[\d,.]*\s*(?:km|kilometres|kilometers|"
                        r"miles)|a\s+few\s+(?:km|kilometres|kilometers|miles))\s+)*(?:near|outside|close\s+to|"
                        r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)\s+",
                        re.IGNORECASE)
_SET_OFF = re.compile(r"\s*(?:[,.;:)]|['’]s\b)\s*")  # "Valencia, Venezuela's third city": the possessive too
_LIST_WORD = re.compile(r"(?:and|or)\s+(?:the\s+)?", re.IGNORECASE)
Nearness = dict[int, list[tuple[int, int, int, int]]]  # group -> (other, chars, comma, comma back)
_Answer = tuple[list[int], Place | None, float]  # a group's candidate order, chosen place and confidence


@dataclass
class _Group:
    """One discourse entity: all mentions sharing a name key and kind hint."""

    key: str
    hint: str | None
    spans: list[Span]
    upper: bool
    cands: list[Candidate] = field(default_factory=list)
    prior: list[float] = field(default_factory=list)
    probs: list[float] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    beside: set[str] = field(default_factory=set)  # countries its sentences name (nationality or country)
    apposed: set[str] = field(default_factory=set)  # countries an appositive gives it ("X, the Costa Rican capital")


@dataclass
class _Mass:
    """What one group's current readings add up to, for the others to weigh."""

    country: dict[str, float]  # its share of each country's focus
    place: dict[int | str, float]  # the places its readings name (a city also its eponymous region)
    held: dict[int | str, float]  # the places its readings lie in
    direct: dict[int | str, float]  # the same, a city only itself
    seats: dict[int | str, list[tuple[Place, float]]]  # region -> the city readings standing for it


def _softmax(xs: list[float]) -> list[float]:
    if not xs:
        return []
    m = max(xs)
    es = [math.exp(x - m) for x in xs]
    total = sum(es)
    return [e / total for e in es]


class PlaceResolver:
    """spaCy component: sets `span._.place`, `_.confidence`, `_.scores` on `doc.spans["places"]`."""

    def __init__(self, source: CandidateSource, weights: Weights | None = None, max_candidates: int = 40) -> None:
        _ensure_extensions()
        self.source = source
        self.w = weights or Weights()
        self.max_candidates = max_candidates
        self._stands: dict[int, list[int | str]] = {}  # _stands_for's answers by place id

    def __call__(self, doc: Doc) -> Doc:
        if len(self._stands) > 200_000:
            self._stands.clear()
        self.resolve_spans(doc, list(doc.spans.get(SPAN_KEY, [])))
        return doc

    # -- scoring -----------------------------------------------------------------------------
    def _prior(self, c: Candidate, hint: str | None, upper: bool, has_capital_city: bool,
               outnumbered: bool = False) -> float:
        """Score before context. A region with fewer people than a city of its name ("Savannah" the
        Ghanaian region, "Gaza" the Mozambican province) gets no bonus for being a region."""
        w, p = self.w, c.place
        s = w.name[(NAME, ALIAS, ABBREV, SHORT).index(c.how)] if c.how in (NAME, ALIAS, ABBREV, SHORT) else 0.0
        if not c.exact:
            s += w.fuzzy
        if c.how == ABBREV and not upper:
            s += w.abbrev_mismatch
        if upper and c.how != ABBREV and not p.name.isupper():
            s += w.abbrev_mismatch / 2  # "US" written in capitals is not the village "Us"
        s += 0.0 if outnumbered else w.kind.get(p.kind, 0.0)
        people = _POST_TOWN_PEOPLE if p.feature == POST_TOWN else p.population
        s += w.log_pop.get(p.kind, 0.0) * math.log10(people + 1)
        if p.feature == "PPLC":
            s += w.capital + (w.world_capital if p.population >= 1_000_000 and c.how == NAME else 0.0)
        elif p.kind == "city" and len(self._stands_for(p)) > 1:
            s += w.region_seat
        if hint:
            # "Sandstone Township" is Minnesota's, not a Western Australian shire placed by its region; "the
            # Adhamiyah district of Baghdad" is the city's section as much as a district.
            kind = "district" if p.feature == "PPLX" else p.kind
            s += (0.0 if placed_by_region(p) else w.hint_match) if kind == hint else w.hint_mismatch
        elif p.kind == "region" and has_capital_city:
            s += w.eponymous_region  # bare "Kyiv", "Odesa": the city, not the oblast named after it
        return s

    def _stands_for(self, p: Place) -> list[int | str]:
        """Keys a mention of this place names: its id (a country also its code) and, for a city
        that is its own region (Kyiv, Moscow, Berlin), that region too: "a district near Kyiv"
        is in Kyiv either way."""
        ids = self._stands.get(p.id)
        if ids is None:
            ids = [p.id]
            if p.kind == "country" and p.country:
                ids.append(p.country)
            elif p.kind == "city" and p.admin1 is not None:
                region = self.source.get(p.admin1)
                if region is not None and skeleton(strip_admin_words(name_key(region.name))) == skeleton(
                        name_key(p.name)):
                    ids.append(region.id)
            self._stands[p.id] = ids  # asked of each candidate in every context round
        return ids

    def _containers(self, p: Place) -> list[int | str]:
        """Keys of the places that hold this one: its districts and region ids, its country code."""
        ids: list[int | str] = [i for i in (p.admin2, p.admin1) if i is not None]
        if p.admin2 is not None and p.admin1 is None:
            parent = self.source.get(p.admin2)
            if parent is not None and parent.admin1 is not None:
                ids.append(parent.admin1)
        if p.country and p.kind != "country":
            ids.append(p.country)
        return ids

    def resolve_spans(self, doc: Doc, spans: list[Span]) -> None:
        groups: dict[tuple[str, str | None, str | None], _Group] = {}
        text = doc.text  # built anew on each access: once here, for every step that reads the text
        found = _nationality_words(doc, spans)
        nation_at = dict(found)
        datelines = {sp.start for sp in spans if sp._.kind_hint == "city" and (
            sp.start == 0 or doc[sp.start - 1].text_with_ws.endswith("\n"))}
        home: dict[str, tuple[str, str | None, str | None]] = {}  # a dateline's town's name: its group
        dateline_states = self._dateline_states(text, spans, datelines)
        home_states, home_countries = {p.id for p in dateline_states}, {p.country for p in dateline_states}
        for span, sense in _senses(doc, text, spans, nation_at):
            key = name_key(span.text)
            g = groups.get((key, span._.kind_hint, sense))
            if g is None:
                g = groups[(key, span._.kind_hint, sense)] = _Group(key, span._.kind_hint, [],
                                                                 written_as_abbreviation(span.text))
            g.spans.append(span)
            if span.start in datelines:
                home.setdefault(key, (key, span._.kind_hint, sense))
        for g in groups.values():
            after_the = all(sp.start > 0 and doc[sp.start - 1].lower_ == "the" for sp in g.spans)
            water = after_the and g.key.rsplit(" ", 1)[-1] in _WATER  # "the Pearl River" is no town of the name
            # The name's own kind word ("the Bahrain tehsil"), not one before it ("the city of Van, Turkey").
            # Not a kind word that qualifies a noun: "northeastern Kenya county governments" are Kenya's.
            unit = g.hint in ("district", "city") and all(doc[sp.end - 1].lower_ in TRIGGERS or (
                sp.end < len(doc) and doc[sp.end].lower_ in TRIGGERS and not (
                    sp.end + 1 < len(doc) and doc[sp.end + 1].pos_ == "NOUN")) for sp in g.spans)
            g.cands = [c for c in self.source.candidates(g.spans[0].text) if c.place.lat is not None and not (
                unit and c.place.kind in ("country", "continent"))]
            if all(_kind_word(doc, sp) in _TOWNSHIP_WORDS for sp in g.spans):
                # "Vernon Township" in a New Jersey story: a town's township, never a state, a county or a
                # parish of the name (Vernon Parish, Louisiana; "Washington Township" is no Washington
                # state). "The Eastern Townships" stay the region the gazetteer holds by that name.
                g.cands = [c for c in g.cands if name_key(c.place.name) == g.key or (
                    c.place.kind in ("city", "district")
                    and name_key(c.place.name).rsplit(" ", 1)[-1] not in _COUNTY_WORDS)]
            if any(c.place.kind == "city" and name_key(c.place.name) == g.key for c in g.cands) and any(
                    _DESCRIBED_AS_TOWN.match(text, sp.end_char) for sp in g.spans):
                # "a parent from Grenada, the farm town south of Montague": a town, not the country.
                g.cands = [c for c in g.cands if c.place.kind not in AREA_KINDS]
            if any(c.exact and c.place.kind == "country" for c in g.cands):
                # A country's name as written leaves no other country to a spelling's likeness: the
                # "Republic of Congo" is not the Democratic Republic's "Congo".
                g.cands = [c for c in g.cands if c.exact or c.place.kind != "country"]
            # "Hagadera and Ifo camps": the camp or crossing of the name where the gazetteer holds one,
            # not a town of the bare name (Ifo in Nigeria).
            follows = {site_word(doc, sp.end) for sp in g.spans}
            if len(follows) == 1 and (word := follows.pop()) is not None:
                g.cands = sites_named(lambda n: self.source.candidates(n, fuzzy=False), g.spans[0].text,
                                      word) or g.cands
            # "on the Red Sea", "Yemen's main Red Sea port": not Sudan's state of the name.
            water = water or g.key.rsplit(" ", 1)[-1] in _WATER and any(
                c.exact and c.how == NAME and c.place.feature in ALL_WATER_FEATURES for c in g.cands)
            if any(_in_river_list(doc, sp) for sp in g.spans):
                # "the Juba and Shabelle rivers": the rivers, not South Sudan's capital. A river the
                # gazetteer lacks is left to a town of its name, often on its banks ("the Vișeu and Iza
                # rivers": Vișeu de Sus).
                g.cands = water_bodies(self.source.candidates, g.spans[0].text) or g.cands
            if water and not g.hint:
                # Without "the", a town of the very name stays in the running: Manitoba's "Swan River".
                g.cands = [c for c in g.cands if c.place.kind not in _LOCAL_KINDS or not after_the and (
                    c.place.kind == "city" and c.exact and c.how == NAME)]
            if after_the and not g.hint and not any(c.place.kind == "macroregion" or (
                    c.place.kind == "city" and c.place.population >= _RIVER_CITY) for c in g.cands) and (
                    not _only_bearings(g.key)) and not all(
                    sp.end < len(doc) and doc[sp.end].lower_ in TOWN_PLACES for sp in g.spans):
                # "the Volga", "the Thames", "across the Tasman": a river or sea whose bare name the
                # gazetteer leaves to a town or region; not "the Chicago area", nor "the Baker church",
                # where "the" is the church's.
                g.cands += water_bodies(self.source.candidates, g.spans[0].text)
        pairs = list(_listed_pairs(text, list(groups.values())))  # groups keep this order as glist
        listed = Counter(gi for pair in pairs for gi in pair[:2])  # how many of a group's mentions are listed
        areas = Counter(i for g in groups.values()  # how many groups may name each region or district
                        for i in {c.place.id for c in g.cands if c.place.kind in ("region", "district")})
        # The states and counties that towns of one reading only put the story in: an obituary page
        # from Decorah, Waukon and Cresco is in Iowa, though it never says so.
        implied = Counter(i for g in groups.values() for i in _sole_areas(g.cands))
        for gi, ((_, _, sense), g) in enumerate(groups.items()):
            # A post town too small for a population figure stands only where another mention names
            # its state or county, or two towns put the story there: "Kaycee" in Wyoming's news, not
            # "Otterville" in Ontario's.
            own = {c.place.id for c in g.cands}
            g.cands = [c for c in g.cands if c.place.feature != POST_TOWN or any(
                areas[i] > (i in own) or implied[i] >= _IMPLIED_BY for i in (c.place.admin1, c.place.admin2)
                if i is not None)]
            # The biggest of a common name ("Franklin" has 74 places), and any smaller one in a region or
            # county another mention may name: "FRANKLIN, N.C." is a town of 4,000.
            g.cands = g.cands[: self.max_candidates] + [c for c in g.cands[self.max_candidates:] if any(
                areas[i] > (i in own) for i in (c.place.admin1, c.place.admin2) if i is not None)]
            # A region that holds a big city of the same name (Kyiv, Kherson). A city known by the
            # name only as an alias, or whose name adds "City", owns the bare name only if it holds a
            # good share of the region's people: Mecca and New York, not Goa's Mormugao or Oklahoma.
            cities = [(c.place, {NAME: 0.05, ALIAS: 0.15}.get(c.how, 0.25)) for c in g.cands
                      if c.place.kind == "city" and c.exact and c.how in (NAME, ALIAS, SHORT)]
            biggest_city = max((city.population for city, _ in cities), default=0)
            # The English name of a great city is often only an alias of it ("Mecca" for Makkah), and
            # the name of some village abroad: the city a hundred times the village's size is meant.
            # Not where a country or region bears the name: "Iraq" is the country before any alias of Arak.
            exonym = not any(c.how == NAME and c.place.kind not in _POINT_KINDS for c in g.cands)
            named_town = max((city.population for city, share in cities if share == 0.05), default=0)
            definite = any(sp.start > 0 and doc[sp.start - 1].lower_ in _AREA_CUES for sp in g.spans)
            capitals = {city.country for city, share in cities if city.feature == "PPLC" and share < 0.25}
            most_of = {c.place.id for c in g.cands if c.place.kind == "region" and c.how == NAME and any(
                city.admin1 == c.place.id and 2 * city.population >= c.place.population for city, _ in cities)}
            # A town of another state than the dateline's weighs less, but the style book's cities need no
            # state: "museums in New York and Houston".
            # In the US, only the AP Stylebook's own list: "Austin" in a Colorado rodeo's results is Austin, Colo.
            stylebook_city = any(c.place.kind == "city" and c.place.population >= _STYLEBOOK_CITY and c.place.admin1
                                 not in home_states and c.place.country in home_countries and (
                                     c.place.country != "US" or g.key in AP_STANDALONE_CITIES) for c in g.cands)
            g.prior = [self._prior(c, g.hint, g.upper, c.place.kind == "region" and any(
                city.admin1 == c.place.id and city.population >= share * c.place.population for city, share in cities),
                c.place.kind == "region" and 0 < c.place.population < biggest_city)
                + (self.w.definite_area if definite and c.place.kind == "macroregion" else 0.0)
                - (self.w.home_state if sense is None and not stylebook_city and c.place.kind in ("city", "district")
                   and c.place.country in home_countries and c.place.admin1 not in home_states else 0.0)
                + (self.w.capital_namesake * (1 if gi in listed else 2) if c.place.kind == "region"
                   and not g.hint and c.place.country in capitals else 0.0)
                + (self.w.name[NAME] - self.w.name[ALIAS] if exonym and c.how == ALIAS and c.exact
                   and c.place.kind == "city" and c.place.population >= _EXONYM * max(named_town, 1000) else 0.0)
                # ... and the other way round: "Durban" is an old name of Durbanville, beside Cape Town.
                - (self.w.name[NAME] - self.w.name[ALIAS] if c.how == ALIAS and c.place.kind == "city"
                   and named_town >= _ALIAS_OUTSIZED * max(c.place.population, 1000) else 0.0)
                # A city most of a region's people live in goes by the region's name as much as the
                # region does: bare "Santa Cruz" in Bolivia is Santa Cruz de la Sierra.
                + (self.w.name[NAME] - self.w.name[ALIAS] if c.how == ALIAS and c.place.kind == "city"
                   and c.place.admin1 in most_of else 0.0)
                for c in g.cands]
            g.probs = _softmax(g.prior)
        for g in groups.values():
            for ci in _named_in_full(g, groups.values()):
                g.prior[ci] += self.w.full_name
            g.probs = _softmax(g.prior)
            g.scores = list(g.prior)

        glist = list(groups.values())
        nearness = _nearness(text, glist)
        nations = Counter(cc for _, cc in found)
        # "In La Paz, Bolivian miners...", "In Bolivia, the government in Santa Cruz...": the
        # countries a sentence names, by nationality word or by another name surely a country's.
        said = [(i, cc, None) for i, cc in found]
        for gi, g in enumerate(glist):
            best = max(range(len(g.probs)), key=g.probs.__getitem__) if g.probs else None
            if best is not None and g.cands[best].place.kind == "country" and g.probs[best] >= 0.5:
                said += [(sp.start, g.cands[best].place.country, gi) for sp in g.spans]
        for gi, g in enumerate(glist):
            sents = {(sp.sent.start, sp.sent.end) for sp in g.spans}
            g.beside = {cc for i, cc, by in said if by != gi and any(a <= i < b for a, b in sents)}
            g.apposed = {cc for sp in g.spans for cc in _apposed_nations(doc, sp, nation_at)}
        for _ in range(max(1, self.w.rounds)):
            self._context_round(glist, pairs, listed, nearness, nations)
        self._read_set_off_pairs(glist, nearness)
        after, before = _glued_neighbours(pairs, len(glist))
        near_to = _said_near(text, glist)
        answers: list[_Answer] = []
        for g in glist:
            order = sorted(range(len(g.cands)), key=lambda i: -g.scores[i])
            best, confidence = self._best_spot(g, order)
            if best is not None:
                order.remove(best)
                order.insert(0, best)
            answers.append((order, g.cands[best].place if best is not None else None, confidence))
        for gi, g in enumerate(glist):
            # "shipping as far off as Atlanta and Mexico" in a Colorado story: a country's name is a town
            # of the name only where the story names the town's state or county or a place beside it
            # ("LEBANON, Pa.", "Peru, Logansport and Wabash").
            chosen = answers[gi][1]
            if chosen is None or chosen.kind != "city" or g.hint == "city":
                continue
            nation = next((i for i, c in enumerate(g.cands) if c.exact and c.place.kind == "country"), None)
            if nation is not None and not _beside_its_own(
                    chosen, [a[1] for gj, a in enumerate(answers) if glist[gj].key != g.key]):
                answers[gi] = _put_first(answers[gi], g, g.cands[nation].place, g.probs[nation])
        # "LEBANON, Pa. — ... as Lebanon came back to beat Palmyra": the town a dateline names is that
        # town where the story leaves its name bare, in the dateline's sense or in none ("DANVILLE, Vt.
        # — ... lives in Danville"). Where the bare mentions' context picks another town of the
        # dateline's state, that town is the dateline's too: "FRANKLIN, N.C. — ... between Franklin and
        # Highlands".
        index = {k: gi for gi, k in enumerate(groups)}
        for key, dateline in home.items():
            di = index[dateline]
            for gi in sorted({index.get((key, None, None)), index.get((key, None, dateline[2]))} - {None}):
                town, mine = answers[di][1], answers[gi][1]
                if town is None or mine is None:
                    continue
                if (mine.kind, mine.country, mine.admin1) == (town.kind, town.country, town.admin1):
                    answers[di] = _put_first(answers[di], glist[di], mine, answers[gi][2])
                else:
                    answers[gi] = _put_first(answers[gi], glist[gi], town, answers[di][2])
        homes = Counter(p.country for _, p, _ in answers if p is not None) + nations
        for gi, g in enumerate(glist):
            order, place, confidence = answers[gi]
            likeness = place is not None and not g.cands[order[0]].exact
            town = any(_DESCRIBED_AS_TOWN.match(text, sp.end_char) for sp in g.spans)
            unlike = place is not None and (likeness or _only_bearings(g.key) or (
                g.hint == "district" and place.kind == "city") or town and place.kind in AREA_KINDS)
            abroad = likeness and place.country != homes.most_common(1)[0][0]
            if unlike and place.country and (homes[place.country] <= 1 < len(answers) or abroad):
                # Only a spelling's likeness ("Kangley" for China's Kangle), bearings any country has ("North
                # East" of Nigeria for Botswana's district), or a town where the text says district or
                # township ("Jerusalem Township" in Ohio), a country or region where it says town ("Bahrain, a
                # small town in Swat"), in a country the article names nowhere else: no
                # place, rather than a marker abroad. A likeness outside the article's main country is
                # none either ("Springford" in an Ontario story is no Williamsburg, Kentucky).
                place, confidence = None, 0.0
            elif likeness:
                confidence *= _LIKENESS
            # The first of a list names no container ("Moonbi, Parkes, Berry and Wyong"); a town said to
            # be one names its own, wherever else it is listed ("Kalam and Bahrain ... Bahrain, a small
            # town in Swat").
            if not after[gi] or town:
                place, confidence = _placed_by_container(place, confidence, nearness[gi], answers, before, gi,
                                                         [(g.cands[i].place, g.probs[i]) for i in order])
            for gj in near_to[gi]:
                place, confidence = _placed_near(g, order, place, confidence, answers[gj])
            for span in g.spans:
                span._.candidates = [g.cands[i] for i in order]
                span._.scores = [g.probs[i] for i in order]
                span._.place = place
                span._.confidence = confidence

    def _dateline_states(self, text: str, spans: list[Span], datelines: set[int]) -> list[Place]:
        """The states or provinces the story's datelines put their towns in: "DILLON, Mont. —". None
        where a dateline goes without one: a page of "DECORAH —" and "SPRING GROVE, Minn. —" is from
        Iowa, and gives Minnesota's towns their state."""
        states: list[Place] = []
        ordered = sorted(spans, key=lambda s: s.start_char)
        for town, state in zip(ordered, ordered[1:] + [None]):
            if town.start not in datelines:
                continue
            if state is None or text[town.end_char:state.start_char].strip() != "," or (
                    name_key(state.text) not in _state_keys()):
                return []
            states += [c.place for c in self.source.candidates(state.text)
                       if c.exact and c.place.kind == "region" and c.place.country in ("US", "CA", "AU")]
        return states

    def _best_spot(self, g: _Group, order: list[int]) -> tuple[int | None, float]:
        """The likeliest spot, the beliefs in its places of each kind added up: Nikopol the city and
        Nikopol Raion around it outweigh a hamlet of the name that alone scores a little higher."""
        best, best_mass = (order[0], g.probs[order[0]]) if order else (None, 0.0)
        likely = [i for i in order[:12] if g.probs[i] >= 0.005]  # the rest add too little to matter
        for i in likely:
            p = g.cands[i].place
            spot = [(g.cands[j].place, g.probs[j]) for j in likely
                    if distance_km(p.lat, p.lon, g.cands[j].place.lat, g.cands[j].place.lon) <= SAME_SPOT_KM]
            by_kind: dict[str, float] = {}
            for q, pr in spot:
                by_kind[q.kind] = max(by_kind.get(q.kind, 0.0), pr)
            # A district barely bigger than its town is the town's own municipality, counted twice
            # by GeoNames (La Paz, Colombia), not a second reading of the spot.
            town = max((q.population for q, _ in spot if q.kind == "city"), default=0)
            if town and all(q.population <= _MUNICIPALITY * town for q, _ in spot if q.kind == "district"):
                by_kind.pop("district", None)
            mass = sum(by_kind.values())
            if mass > best_mass + 1e-9:
                best, best_mass = i, mass
        return best, min(1.0, best_mass)

    def _context_round(self, glist: list[_Group], pairs: list[tuple[int, int, int]], listed: Counter[int],
                       nearness: Nearness, nations: Counter[str]) -> None:
        w = self.w
        # Country focus and candidate mass of every group, from the current beliefs.
        masses: list[_Mass] = []
        for g in glist:
            m = _Mass(defaultdict(float), defaultdict(float), defaultdict(float), defaultdict(float), defaultdict(list))
            sharp = [pr ** w.focus_sharpness for pr in g.probs]
            z = sum(sharp) or 1.0
            for c, pr, sp in zip(g.cands, g.probs, sharp):
                if c.place.country:
                    m.country[c.place.country] += sp / z * len(g.spans)
                own = self._stands_for(c.place)
                for pid in own:
                    m.place[pid] = max(m.place[pid], pr)
                for pid in own[:1] if c.place.kind == "city" else own:
                    m.direct[pid] = max(m.direct[pid], pr)
                for pid in own[1:] if c.place.kind == "city" else ():
                    m.seats[pid].append((c.place, pr))
                for pid in self._containers(c.place):
                    m.held[pid] = max(m.held[pid], pr)
            masses.append(m)
        total_focus: dict[str, float] = defaultdict(float, {cc: w.nationality * n for cc, n in nations.items()})
        for m in masses:
            for cc, v in m.country.items():
                total_focus[cc] += v
        n_mentions = sum(len(g.spans) for g in glist) + w.nationality * sum(nations.values())

        # Where the article's local places are, by current best guesses.
        best_points = []
        for gi, g in enumerate(glist):
            if g.probs:
                i = max(range(len(g.probs)), key=g.probs.__getitem__)
                p = g.cands[i].place
                if p.kind in _LOCAL_KINDS:
                    best_points.append((gi, p.lat, p.lon, g.probs[i] * len(g.spans)))
        partners_points = [[(c.place, pr) for c, pr in zip(g.cands, g.probs) if pr >= 0.01
                            and c.place.kind in _POINT_KINDS] for g in glist]

        list_kinds, partners = self._list_kinds(glist, pairs)
        for gi, g in enumerate(glist):
            # The same name under another hint ("the city of Valencia", "the port of Valencia") is no
            # evidence of where this one is: its readings would only echo this one's.
            namesakes = [gj for gj, h in enumerate(glist) if h.key == g.key]
            others = n_mentions - sum(len(glist[gj].spans) for gj in namesakes)
            only_towns = not any(c.place.kind not in ("city", "district") or c.place.population >= _BIG_TOWN
                                 for c in g.cands)
            new = []
            for ci, c in enumerate(g.cands):
                p = c.place
                s = g.prior[ci]
                if others and p.country:
                    mass = total_focus[p.country] - sum(masses[gj].country.get(p.country, 0.0) for gj in namesakes)
                    s += w.focus * mass / (others + w.focus_unseen)
                    if p.kind == "region":
                        s += w.region_abroad * (1.0 - min(1.0, mass / others / w.region_home_share))
                s += self._containment(gi, p, nearness, masses)
                if p.country in g.beside:
                    s += w.nationality_beside
                if p.country in g.apposed:
                    s += w.comma_contain
                s += w.list_kind * list_kinds[gi].get(p.kind, 0.0)
                if p.feature == "PPLC":
                    s += w.list_capital * list_kinds[gi].get(_CAPITAL, 0.0)
                if p.kind in _POINT_KINDS:
                    near = [(distance_km(p.lat, p.lon, la, lo), wt) for gj, la, lo, wt in best_points
                            if gj not in namesakes]
                    if near:
                        total = sum(wt for _, wt in near)
                        closeness = sum(wt * math.exp(-d / w.proximity_km) for d, wt in near) / total
                        s += w.proximity * closeness
                        if only_towns:
                            s += w.neighbour * max(min(1.0, wt) * math.exp(-d / w.neighbour_km) for d, wt in near)
                elif not p.country and len(g.cands) > 1 and best_points:
                    # A sea or region of no one country is the one nearest the story's places: "the East
                    # Sea" in a story from Da Nang is the South China Sea, in one from Pohang the Sea of Japan.
                    total = sum(wt for _, _, _, wt in best_points)
                    s += w.proximity * sum(wt * math.exp(-distance_km(p.lat, p.lon, la, lo) / w.open_water_km)
                                           for _, la, lo, wt in best_points) / total
                new.append(s)
            if partners[gi]:
                near = {ci: max(sum(pr * math.exp(-distance_km(c.place.lat, c.place.lon, q.lat, q.lon) / w.list_near_km)
                                    for q, pr in partners_points[gj]) for gj in partners[gi])
                        for ci, c in enumerate(g.cands) if c.place.kind in _POINT_KINDS}
                top = max(near.values(), default=0.0)
                for ci, v in near.items():
                    new[ci] += w.list_near * (v - top)
                # ... as far as the group's mentions are in the list: a country named thrice and once
                # beside a US state is still the country.
                share = min(1.0, listed[gi] / len(g.spans))
                for ci, c in enumerate(g.cands):
                    if c.place.kind == "region":
                        new[ci] += w.list_country * share * max(sum(
                            pr for q, pr in zip(glist[gj].cands, glist[gj].probs)
                            if q.place.kind == "region" and q.place.country == c.place.country) for gj in partners[gi])
            g.scores = new
        for g in glist:
            g.probs = _softmax(g.scores)

    def _read_set_off_pairs(self, glist: list[_Group], nearness: Nearness) -> None:
        """"Rome, Georgia, drew 4,000": a name and the container a comma sets off are read as a pair,
        the likeliest pair in which one holds the other winning over the likeliest of each alone. The
        context rounds weigh a container by its current belief, and the country Georgia's outweighs
        the state's before Rome's reading in the state can lift it."""
        bonus = self.w.comma_set_off
        lift: list[list[float]] = [[0.0] * len(g.cands) for g in glist]
        logs = [[math.log(max(pr, 1e-12)) for pr in g.probs] for g in glist]  # each group's, read once
        for gi, g in enumerate(glist):
            for gj, _, comma, _ in nearness[gi]:
                outer = glist[gj]
                if comma < 2 or not g.probs or not outer.probs:
                    continue
                inner_logs, outer_logs = logs[gi], logs[gj]
                held = [[not within.isdisjoint(self._stands_for(o.place)) for o in outer.cands]
                        for within in (set(self._containers(c.place)) for c in g.cands)]
                for ci in range(len(g.cands)):
                    lift[gi][ci] += max(lo + bonus * held[ci][oj] for oj, lo in enumerate(outer_logs)) - max(outer_logs)
                for oj in range(len(outer.cands)):
                    lift[gj][oj] += max(li + bonus * held[ci][oj] for ci, li in enumerate(inner_logs)) - max(inner_logs)
        for g, add in zip(glist, lift):
            if any(add):
                g.scores = [s + a for s, a in zip(g.scores, add)]
                g.probs = _softmax(g.scores)

    def _list_kinds(self, glist: list[_Group], pairs: list[tuple[int, int, int]],
                    ) -> tuple[list[dict[str, float]], list[set[int]]]:
        """Per group, the kinds its list neighbours currently lean to ("Arizona, California and Ohio"),
        and those neighbours."""
        out: list[dict[str, float]] = [defaultdict(float) for _ in glist]
        partners: list[set[int]] = [set() for _ in glist]
        for ga, gb, _ in pairs:
            if ga == gb:
                continue
            for src, dst in ((ga, gb), (gb, ga)):
                partners[dst].add(src)
                for c, pr in zip(glist[src].cands, glist[src].probs):
                    out[dst][c.place.kind] = min(1.0, out[dst][c.place.kind] + pr)
                    if c.place.feature == "PPLC":
                        out[dst][_CAPITAL] = min(1.0, out[dst][_CAPITAL] + pr)
        return out, partners

    def _containment(self, gi: int, p: Place, nearness: Nearness, masses: list[_Mass]) -> float:
        """Bonus when a mention nearby names a place that holds this candidate ("Fort Hood,
        Texas": Fort Hood) or that this candidate holds (the same: Texas)."""
        if not nearness[gi]:
            return 0.0
        w = self.w
        containers = self._containers(p)
        ids = [cid for cid in containers if isinstance(cid, int)]  # a country's code holds too much
        own = self._stands_for(p)
        own_ids = [pid for pid in own if isinstance(pid, int)]
        first = own[:1] if p.kind == "city" else own
        sure = (0.0, w.comma_contain, w.comma_set_off)
        best = 0.0
        for b, chars, comma, outer_comma in nearness[gi]:
            m = masses[b]
            # A country holds too much to say anything unless named right after: "Toronto, Canada".
            inner_keys = containers if comma else ids
            outer_keys = first if outer_comma else own_ids
            if m.place.keys().isdisjoint(inner_keys) and m.held.keys().isdisjoint(outer_keys) and (
                    comma or m.direct.keys().isdisjoint(ids) and m.seats.keys().isdisjoint(ids)):
                continue  # most neighbours name nothing that holds or is held by this candidate
            inner = max([m.place.get(cid, 0.0) for cid in inner_keys], default=0.0)
            # Without a comma a city holds what lies around it in its region, not all the region:
            # Kyiv's Podilskyi Raion, not a Nikopol in Kharkiv Oblast because "Kharkiv" was said.
            loose = inner if comma else max(
                [m.direct.get(cid, 0.0) * (1.0 if cid == p.admin2 else w.loose_region) for cid in ids]
                + [pr for cid in ids for city, pr in m.seats.get(cid, ())
                   if distance_km(p.lat, p.lon, city.lat, city.lon) <= _CITY_REACH_KM], default=0.0)
            # Set off by a comma, a city stands for no region of its name: "Sherbrooke, Quebec" is the
            # province, not Québec City 150 km away.
            outer = max([m.held.get(pid, 0.0) for pid in outer_keys], default=0.0)
            best = max(best, w.contain * max(loose, outer) * math.exp(-chars / 800.0),
                       sure[comma] * inner, sure[outer_comma] * outer)
        return best


def _sole_areas(cands: list[Candidate]) -> set[int]:
    """The state and county every town reading of a name lies in, where there is one of each and a
    town big enough to have a population figure among them: Decorah is only Iowa's."""
    towns = [c.place for c in cands if c.place.kind == "city"]
    if not towns or len(towns) < len(cands) or all(p.feature == POST_TOWN for p in towns):
        return set()
    states, counties = {p.admin1 for p in towns}, {p.admin2 for p in towns}
    return {i for one in (states, counties) if len(one) == 1 for i in one if i is not None}


def _beside_its_own(town: Place, others: list[Place | None]) -> bool:
    """Whether another of the story's places is the town's state or county, or lies beside it."""
    return any(p is not None and (p.id in (town.admin1, town.admin2) or p.kind in _POINT_KINDS and distance_km(
        p.lat, p.lon, town.lat, town.lon) <= _NEIGHBOUR_TOWN_KM) for p in others)


def _put_first(answer: _Answer, g: _Group, place: Place, confidence: float) -> _Answer:
    """The answer with `place` its choice, where it is one of the group's candidates."""
    order = answer[0]
    at = next((i for i in order if g.cands[i].place.id == place.id), None)
    return answer if at is None else ([at] + [i for i in order if i != at], place, confidence)


def _placed_by_container(place: Place | None, confidence: float, near: list[tuple[int, int, int, int]],
                         answers: list[_Answer], before: list[set[int]], gi: int,
                         readings: list[tuple[Place, float]]) -> tuple[Place | None, float]:
    """"Eden Park in Auckland", "Greenlane, Auckland, New Zealand": a name the gazetteer knows only
    elsewhere, or not at all, is placed at the town or region the article says holds it. Not a place
    a comma sets beside a neighbour ("Kisumu, Siaya", "Swat, Chitral"): that is as likely a list; nor a
    big city beside another city, which cannot hold it ("Beijing, Seoul's biggest trading partner"). A
    reading of the name that the container holds (`readings`, best first) comes before its point."""
    for gj, _, comma, _ in near:
        outer, outer_confidence = answers[gj][1], answers[gj][2]
        if not comma or outer is None or outer.kind not in _LOCAL_KINDS or _lies_in(place, outer) or (
                _RANK[place.kind if place else "city"] > _RANK[outer.kind]) or (
                gj in before[gi] and _neighbours(place, outer)) or place is not None and (
                place.population >= _BIG_TOWN and _RANK[place.kind] == _RANK[outer.kind]):
            continue
        # A place no bigger after the container makes it one of a list; "New Zealand" after Auckland does not.
        if not any(answers[k][1] is None or _RANK[answers[k][1].kind] <= _RANK[outer.kind] for k in before[gj]):
            # A reading of the name the container holds, where there is one ("ALBANY, W.A." in a story
            # too short to outweigh the US Albanys); else the container's own point.
            held = outer_confidence * _HELD_ONLY
            inside = next(((p, max(pr, held)) for p, pr in readings if p.kind == "city" and _lies_in(p, outer)), None)
            return inside or (outer, held)
    return place, confidence


def _said_near(text: str, glist: list[_Group]) -> list[set[int]]:
    """For each group, the groups of the towns its mentions are said to lie near."""
    where = {s.start_char: gi for gi, g in enumerate(glist) for s in g.spans}
    out: list[set[int]] = [set() for _ in glist]
    for gi, g in enumerate(glist):
        for span in g.spans:
            m = _SAID_NEAR.match(text, span.end_char)
            if m and where.get(m.end(), gi) != gi:
                out[gi].add(where[m.end()])
    return out


def _placed_near(g: _Group, order: list[int], place: Place | None, confidence: float,
                 town: _Answer) -> tuple[Place | None, float]:
    """"Shalimar near Kolkata": a place said to lie near a town is one of its name that does; if the
    gazetteer has none, the town's own point stands for it (no Shalimar in Florida)."""
    outer = town[1]
    if outer is None or outer.kind not in _POINT_KINDS or place is not None and (
            place.kind not in _POINT_KINDS or distance_km(place.lat, place.lon, outer.lat, outer.lon) <= _SAID_NEAR_KM):
        return place, confidence
    for i in order:
        p = g.cands[i].place
        if p.kind in _POINT_KINDS and distance_km(p.lat, p.lon, outer.lat, outer.lon) <= _SAID_NEAR_KM:
            order.remove(i)
            order.insert(0, i)
            return p, g.probs[i]
    return outer, town[2] * _HELD_ONLY


def _listed_pairs(text: str, glist: list[_Group]) -> Iterator[tuple[int, int, int]]:
    """The groups of each two mentions in a row that only a list word parts ("Arizona, California"),
    in text order, with the characters between them."""
    order = sorted((sp.start_char, sp.end_char, gi) for gi, g in enumerate(glist) for sp in g.spans)
    for (_, end, ga), (start, _, gb) in zip(order, order[1:]):
        if text[end:start].strip() in _LIST_GLUE:
            yield ga, gb, start - end


def _glued_neighbours(pairs: list[tuple[int, int, int]], n: int) -> tuple[list[bool], list[set[int]]]:
    """For each group, whether a mention of it follows another place and a list word ("Akershus,
    [Oslo]"), and the groups of the places that follow its mentions so ("[Moonbi], Parkes")."""
    after = [False] * n
    before: list[set[int]] = [set() for _ in range(n)]
    for ga, gb, gap in pairs:
        if gap <= 6:
            after[gb] = True
            before[ga].add(gb)
    return after, before


def _lies_in(p: Place | None, outer: Place) -> bool:
    """Whether a place is in a town's reach or a region's bounds (as far as the gazetteer says)."""
    if p is None:
        return False
    if outer.kind == "region":
        return outer.id in (p.id, p.admin1) or p.admin1 is None and p.country == outer.country
    return outer.id in (p.id, p.admin1, p.admin2) or distance_km(p.lat, p.lon, outer.lat, outer.lon) <= _HELD_KM


def _kind_word(doc: Doc, span: Span) -> str:
    """The kind word a mention ends with or is followed by: "Vernon Township", "Supaul district"."""
    if doc[span.end - 1].lower_ in TRIGGERS:
        return doc[span.end - 1].lower_
    return doc[span.end].lower_ if span.end < len(doc) and doc[span.end].lower_ in TRIGGERS else ""


def _in_river_list(doc: Doc, span: Span) -> bool:
    """Whether the name is one of a list the plural "rivers" ends, "the Tigris and Euphrates rivers", or
    a river's name before a lower-case "river": "the Tapajós river"."""
    k = span.end
    if k < len(doc) and doc[k].text == "river":
        return True
    while k < len(doc) and k - span.end < 6 and (doc[k].lower_ in {",", "and", "or"} or doc[k].text[:1].isupper()):
        k += 1
    listed = k > span.end or span.start > 0 and doc[span.start - 1].lower_ in {",", "and", "or"}
    return listed and k < len(doc) and doc[k].lower_ == "rivers"


def _only_bearings(key: str) -> bool:
    """"north east", "centre", "the north-west region": a name of nothing but bearings and kind words."""
    words = key.replace("-", " ").split()
    return bool(words) and all(w in PART_WORDS or w in _BEARINGS or w in ADMIN_WORDS or w == "the" for w in words) and (
        any(w in PART_WORDS or w in _BEARINGS for w in words))


def _neighbours(p: Place | None, outer: Place) -> bool:
    """Two places of one country a short way apart."""
    return p is not None and p.country == outer.country and (
        distance_km(p.lat, p.lon, outer.lat, outer.lon) <= _NEIGHBOUR_KM)


def _named_in_full(g: _Group, groups: Iterable[_Group]) -> list[int]:
    """Candidates of a bare name that are the country the article names in full ("Republic of
    Congo", "Democratic Republic of the Congo")."""
    full = {h.cands[max(range(len(h.probs)), key=h.probs.__getitem__)].place.id for h in groups
            if h.probs and h.key.endswith((f" of {g.key}", f" of the {g.key}"))}
    return [ci for ci, c in enumerate(g.cands) if c.place.id in full and c.place.kind == "country"]


def _container_follows(text: str, end: int, start: int) -> bool:
    """The name starting at `start` is put as the container of the one ending at `end`."""
    return 0 <= start - end <= 24 and bool(_NAMES_ITS_CONTAINER.fullmatch(text, end, start))


def _senses(doc: Doc, text: str, spans: list[Span], nation_at: dict[int, str]) -> list[tuple[Span, str | None]]:
    """Each span with the sense it shares with the others of its name: one per name, unless the
    article names two containers for it ("Birmingham, England, and Birmingham, Alabama"); then
    one per container, a bare mention taking the sense of the last one before it in its paragraph,
    else of the first in the article; one country given as the container of a name already used bare is
    an aside that only the rest of its paragraph shares. A container set off by a comma ("Atlanta, Georgia") is a
    sense of its own: its town says which it is; so is an appositive's nationality ("San José, the
    Costa Rican capital", in a story that names San Jose, California, too)."""
    ordered = sorted(spans, key=lambda s: s.start_char)
    container: dict[int, str] = {}
    outer: set[int] = set()
    set_off: set[int] = set()  # the towns a comma sets their container off from
    for a, b in zip(ordered, ordered[1:]):
        if _container_follows(text, a.end_char, b.start_char):
            container[a.start_char] = name_key(b.text)
            if text[a.end_char:b.start_char].strip() == ",":
                outer.add(b.start_char)
                set_off.add(a.start_char)
    # By name alone: a dateline's "VALENCIA, Spain" (hinted a city) is the same Valencia as a bare one.
    variants: dict[str, set[str]] = defaultdict(set)
    first: dict[str, str] = {}  # the sense the story opens with
    aside: set[str] = set()  # names the story uses bare before it gives them a container
    far: set[str] = set()  # names whose first container is a comma's, off any dateline
    for span in ordered:
        key = name_key(span.text)
        if span.start_char in container:
            variants[key].add(container[span.start_char])
            if key not in first and span.start_char in set_off and not _opens_line(text, span.start_char):
                far.add(key)
            first.setdefault(key, container[span.start_char])
        elif key not in first:
            aside.add(key)
    # A country is an aside's container, not a town's district ("Bahrain, a town in Swat"); so is a state set
    # off by a comma after the story has used the name bare: local news gives the state only to a town
    # outside its own ("a Lima man ... a driver from Lima, Ohio").
    aside -= {key for key, sense in first.items() if sense not in _country_keys() and not (
        key in far and sense in _state_keys())}
    last: dict[str, tuple[str, int]] = {}
    out = []
    for span in ordered:
        name = name_key(span.text)
        if span.start_char in outer and span.start_char not in container or _apposed_nations(doc, span, nation_at):
            out.append((span, ","))
            continue
        if len(variants[name]) < 2:
            if not (variants[name] and name in aside):
                out.append((span, None))
                continue
            # A country for a name the story has used bare already: an aside about another place of the
            # name ("Granada and Masaya ... firefighters from Granada, in southern Spain"), which only the
            # rest of its paragraph shares.
            sense = container.get(span.start_char)
            if sense is None and name in last and "\n" not in text[last[name][1]:span.start_char]:
                sense = last[name][0]
            if sense is not None:
                last[name] = (sense, span.start_char)
            out.append((span, sense))
            continue
        sense = container.get(span.start_char)
        if sense is None:
            # The last sense of its paragraph; past a paragraph's end, the one the story opened with:
            # "COLUMBIA, Mo. — ... centers outside Columbia, S.C. ... \n\nPlanning staff in Columbia".
            sense, at = last.get(name, (first[name], span.start_char))
            if "\n" in text[at:span.start_char]:
                sense = first[name]
        last[name] = (sense, span.start_char)
        out.append((span, sense))
    return out


@cache
def _country_keys() -> frozenset[str]:
    """The keys of countries' names ("spain", "united states"): a container that takes a town abroad."""
    return frozenset(name_key(getattr(c, attr)) for c in pycountry.countries
                     for attr in ("name", "common_name", "official_name") if hasattr(c, attr))


def _opens_line(text: str, at: int) -> bool:
    """Whether only spaces stand between the line's start and `at`: a dateline's place."""
    return not text[text.rfind("\n", 0, at) + 1:at].strip(" ")


@cache
def _state_keys() -> frozenset[str]:
    """The keys of US states', Canadian provinces' and Australian states' names and style-book abbreviations."""
    names = {sub.name for country in ("US", "CA", "AU") for sub in pycountry.subdivisions.get(country_code=country)}
    return frozenset(name_key(n) for n in names | _STYLEBOOK_FORMS)


@cache
def _first_words() -> frozenset[str]:
    """The keys of the first words of nationality words ("south" of "South Korean")."""
    return frozenset(key.split()[0] for key in nationalities() if key)


def _nationality_words(doc: Doc, spans: list[Span]) -> list[tuple[int, str]]:
    """Token index and country of the article's nationality words: "Bolivian miners", "two
    South Koreans". Words inside a place's name ("Dominican Republic") and the continental
    "Latin American" do not count."""
    words = nationalities()
    firsts = _first_words()
    in_place = {i for span in spans for i in range(span.start, span.end)}
    found: list[tuple[int, str]] = []
    texts = [t.text for t in doc]  # every word is looked at: each read from spaCy once
    i = 0
    while i < len(doc):
        # Most words open no nationality's name (keyed as a first word: "St" is "saint" there).
        if not texts[i][:1].isupper() or name_key(texts[i] + " x").split()[0] not in firsts:
            i += 1
            continue
        for n in (3, 2, 1):
            cc = words.get(name_key(doc[i:i + n].text)) if i + n <= len(doc) else None
            if cc and not in_place.intersection(range(i, i + n)) and not (
                    i > 0 and doc[i - 1].lower_ in _CONTINENTAL):
                found.append((i, cc))
                i += n - 1
                break
        i += 1
    return found


def _apposed_nations(doc: Doc, span: Span, nation_at: dict[int, str]) -> set[str]:
    """The country an appositive's nationality word gives a place, as a container would: "San José,
    the Costa Rican capital", "Tripoli, a northern Lebanese port"."""
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return set()
    i += 1 + (i + 1 < len(doc) and doc[i + 1].lower_ in ("the", "a", "an"))
    for j in range(i, min(i + 3, len(doc))):
        if j in nation_at:
            k = j + 1
            while k < len(doc) and k <= j + 3 and doc[k].is_alpha and doc[k].lower_ not in _APPOSED_HEADS:
                k += 1  # the nationality word's own other words: "Costa Rican"; or an adjective, "port city"
            if k < len(doc) and doc[k].lower_ in _APPOSED_HEADS:
                return {nation_at[j]}
    return set()


def _nearness(text: str, glist: list[_Group]) -> Nearness:
    """For each group, every other group with the fewest characters between their mentions, and
    how surely one of its mentions names one of the other's as its container ("Toronto, Canada"),
    and the reverse: 0 not, 1 maybe, 2 surely. "Washington, Pennsylvania and California" is a list;
    a container set off by punctuation or a possessive and no place after it is sure ("Victoria,
    British Columbia, confirmed", "Valencia, Venezuela's third-largest city")."""
    starts = [sorted(s.start_char for s in g.spans) for g in glist]
    ends = {s.start_char: s.end_char for g in glist for s in g.spans}
    nations = [any(c.exact and c.place.kind == "country" for c in g.cands) for g in glist]
    pairs: dict[tuple[int, int], tuple[int, int]] = {}
    for gi, g in enumerate(glist):
        for gj in range(len(glist)):
            if gj == gi:
                continue
            chars, comma = 1 << 30, 0
            for span in g.spans:
                k = bisect.bisect_left(starts[gj], span.start_char)
                for pos in starts[gj][max(0, k - 1):k + 1]:
                    chars = min(chars, abs(pos - span.start_char))
                    if _container_follows(text, span.end_char, pos) and not _LIST_GOES_ON.match(text, ends[pos]):
                        after = _SET_OFF.match(text, ends[pos])
                        more = _LIST_WORD.match(text, after.end()) if after else None
                        # "Springfield, Ill., and was paddling": a clause goes on, not a list of places;
                        # "China, Japan, and the United Kingdom" is a list of three countries (but
                        # "Columbia, S.C., and Lebanon, Tenn." two towns in their states).
                        listed = more is not None and more.end() in ends and after.group().strip() == "," and (
                            nations[gj])
                        sure = after and after.end() not in ends and not listed
                        comma = max(comma, 0 if listed else 2 if sure else 1)
            pairs[(gi, gj)] = (chars, comma)
    out: Nearness = {gi: [] for gi in range(len(glist))}
    for (gi, gj), (chars, comma) in pairs.items():
        out[gi].append((gj, chars, comma, pairs[(gj, gi)][1]))
    return out


@Language.factory("geomap_resolver", default_config={"gazetteer_path": ""})
def make_resolver(nlp: Language, name: str, gazetteer_path: str) -> PlaceResolver:
    return PlaceResolver(shared_gazetteer(gazetteer_path))
