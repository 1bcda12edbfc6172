"""From parsed articles to a map of incidents: mentions aggregated per place, drawn with folium.

The aggregation is plain Python so it can be tested without a browser. The map keeps what never
changes (background, outlines, legend) apart from what does (the markers), so streamlit-folium
can swap the markers in without re-creating the map and losing the reader's view.

A marker takes the colour and glyph of its place's dominant incident category (places with no
incident stay neutral); its popup lists the categories, casualty figures and dates. Mentions can
be filtered by role, category and date before they are aggregated, and an optional heat layer
weighs places by their incidents or casualties.

Article text is untrusted: every string that reaches HTML passes through `html.escape`, and
tooltip text also through `_template_literal_safe` because folium pastes it, unescaped, into a
JavaScript template literal.
"""

from __future__ import annotations

import html
import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import MarkerCluster
from folium.template import Template

from . import assets
from .documents import Document
from .gazetteer import AREA_KINDS, KINDS
from .incidents import CATEGORIES, ROLES, TAXONOMY, dominant_category
from .parser import Mention

SITE_KINDS = ("district", "city")  # where incidents happen: one layer, clustered
KIND_LABELS = {"continent": "continent", "macroregion": "macro-region", "country": "country",
               "region": "region / province", "district": "district", "city": "city / town"}
# What a place is, where its GeoNames feature code says more than its kind: a camp and a river are
# mapped as a town and an area, but a reader wants to know which.
FEATURE_LABELS = {
    "CMPRF": "refugee camp", "PPLX": "part of a city", "PSTB": "border crossing", "STM": "river", "LK": "lake",
    "LKS": "lakes", "RSV": "reservoir", "CNL": "canal", "MT": "mountain", "PK": "mountain", "MTS": "mountain range",
    "VLC": "volcano", "HLLS": "hills", "ISL": "island", "ISLS": "islands", "PEN": "peninsula", "CAPE": "cape",
    "VAL": "valley", "PLN": "plain", "PLAT": "plateau", "DSRT": "desert", "PRK": "park", "RESF": "forest reserve",
    "FRST": "forest", "WTLD": "wetland", "SWMP": "swamp", "MRSH": "marsh", "GLCR": "glacier", "DLTA": "delta",
    "GRGE": "gorge", "CNYN": "canyon", "FLLS": "waterfall", "LGN": "lagoon", "OCN": "ocean", "SEA": "sea",
    "GULF": "gulf", "BAY": "bay", "STRT": "strait", "CHN": "channel",
}
SITES_LAYER = "Incident sites (cities, districts)"
AREAS_LAYER = "Countries and regions"
OUTLINES_LAYER = "Country outlines (offline background)"
HEAT_LAYER = "Heat map"
FIT_MAX_ZOOM = 9
# Category -> (marker colour, glyph). Glyphs are in DejaVu Sans, so they show without web fonts.
CATEGORY_STYLE: dict[str, tuple[str, str]] = {
    "air_strike": ("#6a1b9a", "\u2708"), "missile_attack": ("#b71c1c", "\u27b6"), "shelling": ("#e53935", "\u2738"),
    "explosion": ("#ef6c00", "\u2739"), "fire": ("#ff8f00", "\u2668"), "armed_clash": ("#4e342e", "\u2694"),
    "attack_on_civilians": ("#880e4f", "\u2620"), "riot": ("#ad1457", "\u26a0"), "protest": ("#1565c0", "\u2691"),
    "arrest": ("#455a64", "\u2696"), "disease_outbreak": ("#2e7d32", "\u2623"),
    "infrastructure_damage": ("#827717", "\u26a1"), "natural_disaster": ("#00838f", "\u2248"),
    "attack": ("#d32f2f", "\u2731"),
}
NO_INCIDENT = "none"  # the category filter's value for mentions that report no incident
CATEGORY_LABELS = {**{c.key: c.label for c in TAXONOMY}, NO_INCIDENT: "no incident reported"}
ROLE_LABELS = {"site": "site (where it happened)", "actor": "actor (a government, army or team)",
               "other": "other (mentioned in passing)"}
CASUALTY_KINDS = ("killed", "injured", "missing", "arrested")


@dataclass(frozen=True)
class Article:
    """A loaded document and the mentions the parser found in it."""

    id: str
    document: Document
    mentions: tuple[Mention, ...]

    @property
    def title(self) -> str:
        return self.document.title


@dataclass(frozen=True)
class Hit:
    """One mention of a place, with the article it stands in."""

    article: Article
    mention: Mention


@dataclass(frozen=True)
class Incident:
    """What one sentence of one article reports at a place: categories, figures, date."""

    article: Article
    sentence_start: int
    sentence_end: int
    categories: tuple[str, ...]
    triggers: tuple[tuple[int, int], ...]  # article offsets of the trigger words
    casualties: tuple[dict[str, Any], ...]
    date: str | None
    date_reason: str

    def sentence_html(self) -> str:
        """The sentence, escaped, with its trigger words and casualty figures marked."""
        text = self.article.document.text[self.sentence_start:self.sentence_end]
        spans = [(s - self.sentence_start, e - self.sentence_start, "gm-trigger") for s, e in self.triggers]
        spans += [(f["start"] - self.sentence_start, f["end"] - self.sentence_start, "gm-figure")
                  for f in self.casualties]
        return highlight(text, spans).strip()


@dataclass
class MappedPlace:
    """One marker: a resolved place and every mention of it across the loaded articles."""

    key: str
    name: str
    kind: str
    country_code: str | None
    lat: float
    lon: float
    hits: list[Hit] = field(default_factory=list)
    feature: str | None = None
    # The categories the reader chose to see: the marker, popup and timeline show only these.
    shown: Collection[str] = tuple(CATEGORIES)

    @property
    def n_mentions(self) -> int:
        return len(self.hits)

    @property
    def n_articles(self) -> int:
        return len({h.article.id for h in self.hits})

    @property
    def layer(self) -> str:
        return AREAS_LAYER if self.kind in AREA_KINDS else SITES_LAYER

    @property
    def roles(self) -> set[str]:
        return {h.mention.role for h in self.hits if h.mention.role}

    @property
    def incidents(self) -> list[Incident]:
        """One per (article, sentence) that reports something here, oldest first, undated last."""
        found: dict[tuple[str, int], dict[str, Any]] = {}
        for h in self.hits:
            m = h.mention
            for e in m.events:
                if e["category"] not in self.shown:
                    continue
                rec = found.setdefault((h.article.id, e["sentence_start"]), {
                    "article": h.article, "end": e["sentence_end"], "cats": [], "triggers": [], "figs": {},
                    "date": m.date, "why": m.date_reason})
                if e["category"] not in rec["cats"]:
                    rec["cats"].append(e["category"])
                if (e["start"], e["end"]) not in rec["triggers"]:
                    rec["triggers"].append((e["start"], e["end"]))
            hidden = {e["sentence_start"] for e in m.events} - {
                e["sentence_start"] for e in m.events if e["category"] in self.shown}
            for c in m.casualties:
                if c["sentence_start"] in hidden:
                    continue  # the figure belongs to incidents of categories the reader left out
                rec = found.setdefault((h.article.id, c["sentence_start"]), {
                    "article": h.article, "end": c["sentence_end"], "cats": [], "triggers": [], "figs": {},
                    "date": m.date, "why": m.date_reason})
                rec["figs"][c["start"]] = c
        out = [Incident(r["article"], start, r["end"], tuple(r["cats"]), tuple(r["triggers"]),
                        tuple(r["figs"].values()), r["date"], r["why"]) for (_, start), r in found.items()]
        return sorted(out, key=lambda i: (i.date is None, i.date or "", i.article.title, i.sentence_start))

    @property
    def category(self) -> str | None:
        """The dominant incident category (None: no incident reported here)."""
        return dominant_category([{"category": c} for i in self.incidents for c in i.categories])

    @property
    def casualties(self) -> dict[str, tuple[int, bool]]:
        """Kind -> (total, whether any figure was a lower bound or estimate), each stated figure once."""
        out: dict[str, tuple[int, bool]] = {}
        for inc in self.incidents:
            for f in inc.casualties:
                total, rough = out.get(f["kind"], (0, False))
                out[f["kind"]] = (total + f["count"], rough or f["qualifier"] != "=")
        return {k: out[k] for k in CASUALTY_KINDS if k in out}

    @property
    def dates(self) -> list[str]:
        return sorted({i.date for i in self.incidents if i.date})


def place_key(m: Mention) -> str | None:
    """What mentions are aggregated on: the gazetteer id; None for an unresolved mention."""
    return choice_key({"name": m.name, "kind": m.kind, "lat": m.lat, "lon": m.lon, "place_id": m.place_id})


def choice_key(place: Mapping[str, Any] | None) -> str | None:
    """`place_key` of a place given as fields (a candidate, a correction's choice or the parser's original):
    the marker it is drawn on, so a correction can be shown at the places it moved a mention from and to."""
    if not place or place.get("lat") is None or place.get("lon") is None:
        return None
    if place.get("place_id") is not None:
        return f"place-{place['place_id']}"
    return f"{place.get('kind')}-{place.get('name')}-{place['lat']:.5f}-{place['lon']:.5f}"


@dataclass(frozen=True)
class Filters:
    """What the reader chose to see. Unknown values pass: an unresolved mention has no kind, a
    mention parsed without the incidents component no role, an undated one no date (see `undated`)."""

    kinds: Collection[str] = KINDS
    min_confidence: float = 0.0
    roles: Collection[str] = ROLES
    categories: Collection[str] = (*CATEGORIES, NO_INCIDENT)
    since: date | None = None
    until: date | None = None
    undated: bool = True

    def keep(self, m: Mention) -> bool:
        """The filters shared by map and table."""
        if m.confidence < self.min_confidence or m.kind is not None and m.kind not in self.kinds:
            return False
        if m.role is not None and m.role not in self.roles:
            return False
        cats = {e["category"] for e in m.events}
        if not (cats & set(self.categories) if cats else NO_INCIDENT in self.categories):
            return False
        if m.date is None:
            return self.undated
        day = date.fromisoformat(m.date)
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)


def keep(m: Mention, kinds: Collection[str] = KINDS, min_confidence: float = 0.0) -> bool:
    """The kind and confidence filters alone; unresolved mentions pass the kind filter (they have none)."""
    return Filters(kinds, min_confidence).keep(m)


def aggregate(articles: Iterable[Article], kinds: Collection[str] = KINDS, min_confidence: float = 0.0,
              filters: Filters | None = None) -> list[MappedPlace]:
    """One `MappedPlace` per resolved place, most mentioned first (ties by name, for a stable order).

    `filters`, when given, replaces `kinds` and `min_confidence`.
    """
    chosen = filters or Filters(kinds, min_confidence)
    places: dict[str, MappedPlace] = {}
    for article in articles:
        for m in article.mentions:
            key = place_key(m)
            if key is None or not chosen.keep(m):
                continue
            place = places.get(key)
            if place is None:
                place = places[key] = MappedPlace(key=key, name=m.name or m.text, kind=m.kind or "",
                                                  country_code=m.country_code, lat=m.lat, lon=m.lon, feature=m.feature,
                                                  shown=tuple(c for c in CATEGORIES if c in chosen.categories))
            place.hits.append(Hit(article, m))
    return sorted(places.values(), key=lambda p: (-p.n_mentions, p.name, p.key))


def place_at(places: Iterable[MappedPlace], lat: float, lng: float, tooltip: str | None = None) -> MappedPlace | None:
    """The place whose marker was clicked, from the click's coordinates (a marker reports its own).

    Two places can share a point (a city and its district); the tooltip text then tells them apart.
    """
    here = [p for p in places if abs(p.lat - lat) < 1e-6 and abs(p.lon - lng) < 1e-6]
    if len(here) > 1 and tooltip:
        named = [p for p in here if tooltip.strip().startswith(p.name)]
        here = named or here
    return here[0] if here else None


def bounds(places: Iterable[MappedPlace]) -> list[list[float]] | None:
    """[[south, west], [north, east]] around the places, None when there are none."""
    points = [(p.lat, p.lon) for p in places]
    if not points:
        return None
    lats, lons = zip(*points)
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


# --- HTML for the panels ---------------------------------------------------------------------------

def highlight(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """`text` escaped for HTML, each (start, end, css class) span wrapped in <mark>; overlaps are dropped."""
    out, pos = [], 0
    for start, end, css in sorted(spans):
        if start < pos or end <= start or end > len(text):
            continue
        out += [html.escape(text[pos:start]), f'<mark class="{html.escape(css)}">',
                html.escape(text[start:end]), "</mark>"]
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def excerpts(place: MappedPlace, article: Article) -> list[str]:
    """The sentences of one article that mention the place, escaped, each of its mentions marked."""
    by_sentence: dict[int, tuple[str, list[tuple[int, int, str]]]] = {}
    for hit in place.hits:
        if hit.article.id != article.id:
            continue
        m = hit.mention
        sentence, spans = by_sentence.setdefault(m.excerpt_start, (m.excerpt, []))
        spans.append((m.start - m.excerpt_start, m.end - m.excerpt_start, "gm-hit"))
    return [highlight(sentence, spans) for _, (sentence, spans) in sorted(by_sentence.items())]


def article_html(article: Article, place: MappedPlace | None = None) -> str:
    """The whole article, escaped, every mention marked and the selected place's mentions marked strongly."""
    chosen = {id(h.mention) for h in place.hits} if place else set()
    spans = [(m.start, m.end, "gm-hit" if id(m) in chosen else "gm-mention") for m in article.mentions]
    return highlight(article.document.text, spans).replace("\n", "<br>")


# --- the map -------------------------------------------------------------------------------------

MAP_CSS = """
<style>
.leaflet-container { background: #d9e6ee; }
.gm-icon { background: none; border: none; }
.gm-marker { box-sizing: border-box; border-radius: 50%; border: 2px solid #fff; color: #fff;
  font: 600 11px/1 system-ui, sans-serif; display: flex; align-items: center; justify-content: center;
  box-shadow: 0 1px 4px rgba(0,0,0,.45); cursor: pointer; }
.gm-city { background: #607d8b; }
.gm-district { background: #90a4ae; border-radius: 4px; }
.gm-glyph { font-size: 13px; margin-right: 1px; }
.gm-popup { font: 12px/1.4 system-ui, sans-serif; min-width: 160px; }
.gm-popup b { font-size: 13px; }
.gm-popup .gm-cats span { display: inline-block; color: #fff; border-radius: 3px; padding: 0 4px;
  margin: 1px 2px 1px 0; }
.gm-region { background: rgba(46,125,50,.8); }
.gm-country { background: rgba(21,101,192,.75); }
.gm-continent, .gm-macroregion { background: rgba(84,110,122,.7); }
.gm-legend { background: rgba(255,255,255,.9); padding: 4px 7px; border-radius: 4px;
  font: 11px/1.45 system-ui, sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.gm-legend summary { cursor: pointer; }
.gm-legend-grid { display: grid; grid-template-columns: auto auto; column-gap: 10px; }
.gm-legend i { display: inline-block; width: 10px; height: 10px; margin-right: 5px; vertical-align: -1px;
  border: 0; border-radius: 50%; }
.leaflet-control-layers { font: 12px/1.4 system-ui, sans-serif; }
/* Groups of places in neutral grey, so they don't read as a kind of place. */
.marker-cluster-small, .marker-cluster-medium, .marker-cluster-large { background-color: rgba(90,100,120,.3); }
.marker-cluster-small div, .marker-cluster-medium div, .marker-cluster-large div {
  background-color: rgba(70,80,100,.85); color: #fff; font-weight: 600; }
/* Leaflet's layers icon is an image file; a text label needs no file. */
.leaflet-control-layers-toggle, .leaflet-touch .leaflet-control-layers-toggle { background-image: none;
  width: auto; height: auto; padding: 5px 9px; color: #333; text-decoration: none; }
.leaflet-control-layers-toggle::after { content: "Layers"; }
</style>
"""

LEGEND = (
    # Folded at first: open, it would cover the markers of a small map.
    '<div class="gm-legend"><details><summary><b>Legend</b>: incident categories, kinds of place</summary>'
    '<span style="color:#555">A marker shows its place\'s most reported category.</span>'
    '<div class="gm-legend-grid">'
    + "".join(f'<span><i style="background:{colour}"></i><span class="gm-glyph">{glyph}</span>'
              f'{html.escape(CATEGORY_LABELS[key].split(" (")[0])}</span>'
              for key, (colour, glyph) in CATEGORY_STYLE.items())
    + '</div><b>No incident reported</b><div class="gm-legend-grid">'
    '<span><i class="gm-city"></i>city / town</span>'
    '<span><i class="gm-district" style="border-radius:2px"></i>district</span>'
    '<span><i class="gm-region"></i>region</span><span><i class="gm-country"></i>country</span></div>'
    '<i style="background:rgba(70,80,100,.85)"></i>group of places<br>'
    '<span style="color:#555">circle: city · square: district · number: mentions</span></details></div>'
)


class Legend(MacroElement):
    """A fixed legend in the map's corner; static text only."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: "bottomleft"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div");
                div.innerHTML = {{ this.html|tojson }};
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
    """)

    def __init__(self, legend_html: str) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = legend_html


class CountryOutlines(folium.map.Layer):
    """Country shapes from the local countries.js, drawn *under* the tiles.

    Online, the opaque tiles cover them; when the tile server can't be reached the tiles stay
    empty and the outlines show through, so the map still looks like a map.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = (function (map) {
            if (!map.getPane("gm-outlines")) {
                map.createPane("gm-outlines").style.zIndex = 150;
            }
            return L.geoJSON(window.GEOMAP_COUNTRIES || {type: "FeatureCollection", features: []}, {
                pane: "gm-outlines", interactive: false,
                style: {color: "#8d99a6", weight: 0.8, fillColor: "#f5f3ee", fillOpacity: 1},
            });
        })({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, name: str = OUTLINES_LAYER) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "CountryOutlines"


class FitBoundsOf(MacroElement):
    """Fits the map to the markers when the marker layers are (re)drawn, not on every app rerun.

    Not animated: an animation still running when the reader starts to zoom would snap the view back.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this.target.get_name() }}.fitBounds({{ this.bounds|tojson }},
                                               {padding: [30, 30], maxZoom: {{ this.max_zoom }}, animate: false});
        {% endmacro %}
    """)

    def __init__(self, target: folium.Map, box: list[list[float]], max_zoom: int = FIT_MAX_ZOOM) -> None:
        super().__init__()
        self._name = "FitBoundsOf"
        self.target, self.bounds, self.max_zoom = target, box, max_zoom


@dataclass
class IncidentMap:
    """What `st_folium` needs: the fixed base map, the marker layers and the layer control."""

    base: folium.Map
    layers: list[folium.FeatureGroup]
    control: folium.LayerControl


def _template_literal_safe(text: str) -> str:
    """HTML-escaped text that also can't end or interpolate into folium's JS template literal."""
    return html.escape(text).replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;")


def marker_size(n_mentions: int) -> int:
    """Icon diameter in px: grows with the log of the mention count, within 22–44 px."""
    return min(44, 22 + round(6 * math.log2(max(1, n_mentions))))


def kind_line(place: MappedPlace) -> str:
    """"district, UA", "refugee camp, KE": what the place is and where; a country needs no country code."""
    where = f", {place.country_code}" if place.country_code and place.kind != "country" else ""
    return f"{kind_label(place.kind, place.feature)}{where}"


def kind_label(kind: str | None, feature: str | None = None) -> str:
    """"river" for a feature code that says more than the kind, else the kind's label."""
    return FEATURE_LABELS.get(feature or "") or KIND_LABELS.get(kind or "", kind or "place")


def count_line(place: MappedPlace) -> str:
    """"3 mentions in 2 articles"."""
    mentions = f"{place.n_mentions} mention{'s' * (place.n_mentions != 1)}"
    return f"{mentions} in {place.n_articles} article{'s' * (place.n_articles != 1)}"


def incident_line(place: MappedPlace) -> str:
    """"Missile attack, Fire · injured ≥ 10": the categories reported at the place and its casualties."""
    cats = ", ".join(CATEGORY_LABELS[c] for c in dict.fromkeys(c for i in place.incidents for c in i.categories))
    return " · ".join(part for part in (cats, casualty_line(place)) if part)


def tooltip_text(place: MappedPlace) -> str:
    """What hovering a marker shows (plain text; escaped when put in the map)."""
    incidents = incident_line(place)
    return f"{place.name} — {kind_line(place)}\n{count_line(place)}" + (f"\n{incidents}" if incidents else "")


def casualty_line(place: MappedPlace) -> str:
    """"killed 25, injured ≥ 10": totals per kind, ≥ where a figure was a lower bound or estimate."""
    return ", ".join(f"{kind} {'≥ ' if rough else ''}{total}" for kind, (total, rough) in place.casualties.items())


def popup_html(place: MappedPlace) -> str:
    """What clicking a marker shows: categories, casualty figures and dates; every text escaped."""
    cats = [c for i in place.incidents for c in i.categories]
    chips = "".join(f'<span style="background:{CATEGORY_STYLE[c][0]}">{CATEGORY_STYLE[c][1]} '
                    f'{html.escape(CATEGORY_LABELS[c])}</span>' for c in dict.fromkeys(cats))
    dates = place.dates
    when = f"{dates[0]} – {dates[-1]}" if len(dates) > 1 else dates[0] if dates else "date not known"
    lines = [f"<b>{html.escape(place.name)}</b>", html.escape(kind_line(place)),
             f'<div class="gm-cats">{chips or "no incident reported"}</div>']
    if casualties := casualty_line(place):
        lines.append(html.escape(casualties))
    if cats:
        lines.append(html.escape(when))
    return '<div class="gm-popup">' + "<br>".join(lines) + "</div>"


class PopupOf(MacroElement):
    """A Leaflet popup with HTML built here (folium's own Popup needs jQuery, which the map does not load)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindPopup({{ this.html|tojson }}, {maxWidth: 320});
        {% endmacro %}
    """)

    def __init__(self, popup: str) -> None:
        super().__init__()
        self._name = "PopupOf"
        self.html = popup


def _marker(place: MappedPlace) -> folium.Marker:
    size = marker_size(place.n_mentions)
    category = place.category
    colour, glyph = CATEGORY_STYLE.get(category or "", ("", ""))
    style = f"width:{size}px;height:{size}px" + (f";background:{colour}" if colour else "")
    badge = f'<span class="gm-glyph">{glyph}</span>' if glyph else ""
    icon = folium.DivIcon(
        html=(f'<div class="gm-marker gm-{html.escape(place.kind)}" data-place="{html.escape(place.key)}" '
              f'data-category="{category or NO_INCIDENT}" style="{style}">{badge}{place.n_mentions}</div>'),
        icon_size=(size, size), icon_anchor=(size // 2, size // 2), class_name="gm-icon")
    tip = folium.Tooltip(_template_literal_safe(tooltip_text(place)).replace("\n", "<br>"), sticky=False)
    # Sites sit above the big-area markers they would otherwise hide under.
    marker = folium.Marker([place.lat, place.lon], icon=icon, tooltip=tip,
                           z_index_offset=1000 if place.layer == SITES_LAYER else 0)
    PopupOf(popup_html(place)).add_to(marker)
    return marker


def heat_weight(place: MappedPlace, by: str) -> float:
    """A place's weight on the heat map: its incidents, or its people killed and injured; a figure
    shared by several places ("two killed in Odesa and Kherson") is split between them."""
    if by == "incidents":
        return float(len([i for i in place.incidents if i.categories]))
    return sum(f["count"] / max(1, len(f.get("places") or [1])) for i in place.incidents for f in i.casualties
               if f["kind"] in ("killed", "injured"))


class HeatOf(MacroElement):
    """Leaflet.heat points added to their layer (folium's HeatMap leaves adding it to `render`, which
    streamlit-folium's layer updates never call)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.heatLayer({{ this.points|tojson }}, {radius: 30, blur: 20, minOpacity: 0.3, max: 1.0})
            .addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, points: list[list[float]]) -> None:
        super().__init__()
        self._name = "HeatOf"
        self.points = points


def heat_layer(places: Iterable[MappedPlace], by: str) -> folium.FeatureGroup:
    """A heat layer over the places, weighted by incidents or casualties (`heat_weight`), peak = 1."""
    points = [(p.lat, p.lon, w) for p in places if (w := heat_weight(p, by)) > 0]
    top = max((w for *_, w in points), default=1.0)
    layer = folium.FeatureGroup(name=f"{HEAT_LAYER} ({by})", show=True)
    HeatOf([[lat, lon, round(w / top, 4)] for lat, lon, w in points]).add_to(layer)
    return layer


def _local_only(element: JSCSSMixin) -> None:
    """Drop an element's CDN links; the base map loads the local copies."""
    element.default_js, element.default_css = [], []


def base_map(asset_url: str) -> folium.Map:
    """The part of the map that never changes, so its script (and streamlit-folium's key) stays the same."""
    m = folium.Map(location=[20, 10], zoom_start=2, min_zoom=2, tiles=None, control_scale=True,
                   world_copy_jump=True)
    m.default_js = [(name, asset_url + name) for name in assets.JS_FILES]
    m.default_css = [(name, asset_url + name) for name in assets.CSS_FILES]
    folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)").add_to(m)
    CountryOutlines().add_to(m)
    Legend(LEGEND).add_to(m)
    m.get_root().header.add_child(Element(MAP_CSS), name="geomap_css")
    return m


def build_map(places: list[MappedPlace], asset_url: str, heat: str | None = None) -> IncidentMap:
    """The base map plus one clustered layer for incident sites, one for countries and regions, and
    with `heat` ("incidents" or "casualties") a heat layer weighted so."""
    m = base_map(asset_url)
    layers = []
    for name, radius in ((SITES_LAYER, 40), (AREAS_LAYER, 30)):
        layer = folium.FeatureGroup(name=name, show=True)
        cluster = MarkerCluster(options={"showCoverageOnHover": False, "maxClusterRadius": radius})
        _local_only(cluster)
        cluster.add_to(layer)
        for place in places:
            if place.layer == name:
                _marker(place).add_to(cluster)
        layers.append(layer)
    if box := bounds(places):
        FitBoundsOf(m, box).add_to(layers[0])
    if heat:
        layers.append(heat_layer(places, heat))
    return IncidentMap(base=m, layers=layers, control=folium.LayerControl(collapsed=True))
