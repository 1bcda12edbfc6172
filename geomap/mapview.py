"""From parsed articles to a map of incidents: mentions aggregated per place, drawn with folium.

The aggregation is plain Python so it can be tested without a browser. The map keeps what never
changes (background, outlines, legend) apart from what does (the markers), so streamlit-folium
can swap the markers in without re-creating the map and losing the reader's view.

Article text is untrusted: every string that reaches HTML passes through `html.escape`, and
tooltip text also through `_template_literal_safe` because folium pastes it, unescaped, into a
JavaScript template literal.
"""

from __future__ import annotations

import html
import math
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import folium
from branca.element import Element, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import MarkerCluster
from folium.template import Template

from . import assets
from .documents import Document
from .gazetteer import KINDS
from .parser import Mention

SITE_KINDS = ("district", "city")  # where incidents happen: one layer, clustered
AREA_KINDS = ("continent", "macroregion", "country", "region")  # big areas: their own toggleable layer
KIND_LABELS = {"continent": "continent", "macroregion": "macro-region", "country": "country",
               "region": "region / province", "district": "district", "city": "city / town"}
SITES_LAYER = "Incident sites (cities, districts)"
AREAS_LAYER = "Countries and regions"
OUTLINES_LAYER = "Country outlines (offline background)"
FIT_MAX_ZOOM = 9


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

    @property
    def n_mentions(self) -> int:
        return len(self.hits)

    @property
    def n_articles(self) -> int:
        return len({h.article.id for h in self.hits})

    @property
    def layer(self) -> str:
        return AREAS_LAYER if self.kind in AREA_KINDS else SITES_LAYER


def place_key(m: Mention) -> str | None:
    """What mentions are aggregated on: the gazetteer id; None for an unresolved mention."""
    if m.lat is None or m.lon is None:
        return None
    if m.place_id is not None:
        return f"place-{m.place_id}"
    return f"{m.kind}-{m.name}-{m.lat:.5f}-{m.lon:.5f}"


def keep(m: Mention, kinds: Collection[str] = KINDS, min_confidence: float = 0.0) -> bool:
    """The filters shared by map and table; unresolved mentions pass the kind filter (they have none)."""
    return m.confidence >= min_confidence and (m.kind is None or m.kind in kinds)


def aggregate(articles: Iterable[Article], kinds: Collection[str] = KINDS,
              min_confidence: float = 0.0) -> list[MappedPlace]:
    """One `MappedPlace` per resolved place, most mentioned first (ties by name, for a stable order)."""
    places: dict[str, MappedPlace] = {}
    for article in articles:
        for m in article.mentions:
            key = place_key(m)
            if key is None or not keep(m, kinds, min_confidence):
                continue
            place = places.get(key)
            if place is None:
                place = places[key] = MappedPlace(key=key, name=m.name or m.text, kind=m.kind or "",
                                                  country_code=m.country_code, lat=m.lat, lon=m.lon)
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
.gm-city { background: #c62828; }
.gm-district { background: #ef6c00; border-radius: 4px; }
.gm-region { background: rgba(46,125,50,.8); }
.gm-country { background: rgba(21,101,192,.75); }
.gm-continent, .gm-macroregion { background: rgba(84,110,122,.7); }
.gm-legend { background: rgba(255,255,255,.9); padding: 4px 7px; border-radius: 4px;
  font: 11px/1.45 system-ui, sans-serif; box-shadow: 0 1px 4px rgba(0,0,0,.3); }
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
    '<div class="gm-legend"><b>Places by kind</b><br>'
    '<i class="gm-city"></i>city / town<br>'
    '<i class="gm-district" style="border-radius:2px"></i>district<br>'
    '<i class="gm-region"></i>region / province<br>'
    '<i class="gm-country"></i>country<br>'
    '<i style="background:rgba(70,80,100,.85)"></i>group of places<br>'
    '<span style="color:#555">number on a place = mentions</span></div>'
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
    """"district, UA": what the place is and where; a country needs no country code."""
    where = f", {place.country_code}" if place.country_code and place.kind != "country" else ""
    return f"{KIND_LABELS.get(place.kind, place.kind)}{where}"


def count_line(place: MappedPlace) -> str:
    """"3 mentions in 2 articles"."""
    mentions = f"{place.n_mentions} mention{'s' * (place.n_mentions != 1)}"
    return f"{mentions} in {place.n_articles} article{'s' * (place.n_articles != 1)}"


def tooltip_text(place: MappedPlace) -> str:
    """What hovering a marker shows (plain text; escaped when put in the map)."""
    return f"{place.name} — {kind_line(place)}\n{count_line(place)}"


def _marker(place: MappedPlace) -> folium.Marker:
    size = marker_size(place.n_mentions)
    icon = folium.DivIcon(
        html=(f'<div class="gm-marker gm-{html.escape(place.kind)}" data-place="{html.escape(place.key)}" '
              f'style="width:{size}px;height:{size}px">{place.n_mentions}</div>'),
        icon_size=(size, size), icon_anchor=(size // 2, size // 2), class_name="gm-icon")
    tip = folium.Tooltip(_template_literal_safe(tooltip_text(place)).replace("\n", "<br>"), sticky=False)
    # Sites sit above the big-area markers they would otherwise hide under.
    return folium.Marker([place.lat, place.lon], icon=icon, tooltip=tip,
                         z_index_offset=1000 if place.layer == SITES_LAYER else 0)


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


def build_map(places: list[MappedPlace], asset_url: str) -> IncidentMap:
    """The base map plus one clustered layer for incident sites and one for countries and regions."""
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
    return IncidentMap(base=m, layers=layers, control=folium.LayerControl(collapsed=True))
