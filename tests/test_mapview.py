"""Aggregating mentions per place and drawing them: counts, filters, clicks, escaping, offline assets."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from streamlit_folium import generate_js_hash, generate_leaflet_string

from geomap import Mention
from geomap.assets import COUNTRIES_JS, CSS_FILES, HEAT_JS, JS_FILES, asset_dir
from geomap.documents import Document
from geomap.mapview import (
    AREAS_LAYER,
    CATEGORY_STYLE,
    LEGEND,
    NO_INCIDENT,
    SITES_LAYER,
    Article,
    Filters,
    aggregate,
    article_html,
    base_map,
    bounds,
    build_map,
    choice_key,
    excerpts,
    heat_layer,
    heat_weight,
    highlight,
    kind_line,
    marker_size,
    place_at,
    place_key,
    popup_html,
    tooltip_text,
)

ASSETS = "../geomap.assets.leaflet_assets/"
XSS = '<script>window.x=1</script><img src=x onerror="alert(1)"></div>`${alert(2)}`\\'


def mention(text: str, start: int, name: str | None, kind: str | None, place_id: int | None,
            lat: float | None, lon: float | None, confidence: float = 0.9, excerpt: str = "",
            excerpt_start: int = 0, country_code: str | None = "UA") -> Mention:
    return Mention(text=text, start=start, end=start + len(text), name=name, kind=kind, country_code=country_code,
                   lat=lat, lon=lon, place_id=place_id, confidence=confidence, excerpt=excerpt,
                   excerpt_start=excerpt_start)


def article(aid: str, text: str, mentions: list[Mention], title: str = "Title") -> Article:
    return Article(aid, Document(title=title, text=text, source=f"{aid}.txt"), tuple(mentions))


KYIV = dict(name="Kyiv", kind="city", place_id=703448, lat=50.45466, lon=30.5238)
UKRAINE = dict(name="Ukraine", kind="country", place_id=690791, lat=49.0, lon=32.0)
TEXT_A = "Blasts hit Kyiv. Kyiv said Ukraine will respond."
TEXT_B = "Ukraine and Kyiv again. Somewhere unknown."


@pytest.fixture
def two_articles() -> list[Article]:
    a = article("a", TEXT_A, [
        mention("Kyiv", 11, **KYIV, excerpt="Blasts hit Kyiv.", excerpt_start=0),
        mention("Kyiv", 17, **KYIV, excerpt="Kyiv said Ukraine will respond.", excerpt_start=17, confidence=0.4),
        mention("Ukraine", 27, **UKRAINE, excerpt="Kyiv said Ukraine will respond.", excerpt_start=17),
    ], title="Article A")
    b = article("b", TEXT_B, [
        mention("Ukraine", 0, **UKRAINE, excerpt="Ukraine and Kyiv again.", excerpt_start=0),
        mention("Kyiv", 12, **KYIV, excerpt="Ukraine and Kyiv again.", excerpt_start=0),
        mention("Somewhere", 24, None, None, None, None, None, confidence=0.0),
    ], title="Article B")
    return [a, b]


def test_one_place_per_gazetteer_id_across_articles(two_articles: list[Article]) -> None:
    places = aggregate(two_articles)
    assert [(p.name, p.n_mentions, p.n_articles) for p in places] == [("Kyiv", 3, 2), ("Ukraine", 2, 2)]
    assert places[0].layer == SITES_LAYER and places[1].layer == AREAS_LAYER
    assert {h.article.id for h in places[0].hits} == {"a", "b"}


def test_unresolved_mentions_have_no_place() -> None:
    assert place_key(mention("Somewhere", 0, None, None, None, None, None)) is None
    assert place_key(mention("Kyiv", 0, **KYIV)) == "place-703448"


def test_a_place_given_as_fields_has_the_key_of_its_marker() -> None:
    """A correction's choice or original (plain dicts) finds the marker a mention resolved there is on."""
    assert choice_key(KYIV) == place_key(mention("Kyiv", 0, **KYIV)) == "place-703448"
    online = dict(name="Kyiv", kind="city", place_id=None, lat=50.45466, lon=30.5238)  # an online geocoder's
    assert choice_key(online) == place_key(mention("Kyiv", 0, **online)) == "city-Kyiv-50.45466-30.52380"
    assert choice_key(None) is None and choice_key({"name": "Somewhere", "lat": None, "lon": None}) is None


def test_filters_by_kind_and_confidence(two_articles: list[Article]) -> None:
    assert [p.name for p in aggregate(two_articles, kinds=["country"])] == ["Ukraine"]
    kyiv = aggregate(two_articles, kinds=["city"], min_confidence=0.5)[0]
    assert kyiv.n_mentions == 2
    assert aggregate(two_articles, min_confidence=0.95) == []


def test_click_maps_back_to_the_place(two_articles: list[Article]) -> None:
    places = aggregate(two_articles)
    assert place_at(places, 50.45466, 30.5238).name == "Kyiv"
    assert place_at(places, 50.46, 30.52) is None


def test_click_on_a_shared_point_uses_the_tooltip() -> None:
    here = dict(lat=46.48, lon=30.72)
    arts = [article("a", "Odesa Odesa", [
        mention("Odesa", 0, "Odesa", "city", 1, **here), mention("Odesa", 6, "Odeskyi Raion", "district", 2, **here)])]
    places = aggregate(arts)
    assert place_at(places, 46.48, 30.72, "Odeskyi Raion — district, UA\n1 mention in 1 article").kind == "district"
    assert place_at(places, 46.48, 30.72, "Odesa — city / town, UA\n1 mention in 1 article").kind == "city"


def test_bounds(two_articles: list[Article]) -> None:
    assert bounds(aggregate(two_articles)) == [[49.0, 30.5238], [50.45466, 32.0]]
    assert bounds([]) is None


def test_highlight_escapes_everything_and_marks_spans() -> None:
    text = "<b>Kyiv</b> & Lviv"
    out = highlight(text, [(3, 7, "gm-hit"), (14, 18, "gm-mention"), (5, 9, "gm-hit")])  # last overlaps: dropped
    assert out == '&lt;b&gt;<mark class="gm-hit">Kyiv</mark>&lt;/b&gt; &amp; <mark class="gm-mention">Lviv</mark>'


def test_excerpts_mark_every_mention_of_the_place_in_its_sentence(two_articles: list[Article]) -> None:
    kyiv = aggregate(two_articles)[0]
    assert excerpts(kyiv, two_articles[0]) == ['Blasts hit <mark class="gm-hit">Kyiv</mark>.',
                                               '<mark class="gm-hit">Kyiv</mark> said Ukraine will respond.']


def test_whole_article_marks_all_mentions_and_the_chosen_place_strongly(two_articles: list[Article]) -> None:
    kyiv = aggregate(two_articles)[0]
    out = article_html(two_articles[0], kyiv)
    assert out.count('class="gm-hit"') == 2 and out.count('class="gm-mention"') == 1


def test_untrusted_article_text_is_escaped_in_panels() -> None:
    text = f"{XSS} Floods in Kyiv."
    start = text.index("Kyiv")
    art = article("x", text, [mention("Kyiv", start, **KYIV, excerpt=text, excerpt_start=0)], title=XSS)
    place = aggregate([art])[0]
    for out in (excerpts(place, art)[0], article_html(art, place)):
        assert "<script" not in out and "<img" not in out and "</div>" not in out
        assert "&lt;script&gt;" in out and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in out


def test_place_names_are_escaped_in_tooltips_and_icons() -> None:
    art = article("x", "Kyiv", [mention("Kyiv", 0, XSS, "city", 9, 50.0, 30.0)])
    place = aggregate([art])[0]
    script = generate_leaflet_string(build_map([place], ASSETS).layers[0])
    tooltip = re.search(r"bindTooltip\(\s*`(.*?)`", script, re.DOTALL).group(1)
    assert "<script" not in tooltip and "<img" not in tooltip and "</div>" not in tooltip.replace("</div>", "", 1)
    assert "`" not in tooltip and "${" not in tooltip and "\\" not in tooltip
    assert "&lt;script&gt;" in tooltip
    assert tooltip_text(place).startswith(XSS)  # the plain text itself is unchanged


def test_marker_look_depends_on_kind_and_count(two_articles: list[Article]) -> None:
    sites, areas = build_map(aggregate(two_articles), ASSETS).layers
    sites_js, areas_js = generate_leaflet_string(sites), generate_leaflet_string(areas)
    assert "gm-city" in sites_js and "gm-country" not in sites_js
    assert "gm-country" in areas_js and "gm-city" not in areas_js
    assert "markerClusterGroup" in sites_js and "markerClusterGroup" in areas_js
    assert ">3</div>" in json.loads(re.search(r'"html": (".*?"),\n', sites_js).group(1))
    assert marker_size(1) < marker_size(3) < marker_size(50) == marker_size(5000) == 44


def test_map_fits_the_markers_when_they_change(two_articles: list[Article]) -> None:
    view = build_map(aggregate(two_articles), ASSETS)
    assert "fitBounds([[49.0, 30.5238], [50.45466, 32.0]]" in generate_leaflet_string(view.layers[0])
    assert "fitBounds" not in generate_leaflet_string(build_map([], ASSETS).layers[0])


def test_base_map_does_not_depend_on_the_markers(two_articles: list[Article]) -> None:
    """streamlit-folium keys the map frame on the base script: it must not change with the data."""
    with_data = build_map(aggregate(two_articles), ASSETS).base
    empty = build_map([], ASSETS).base
    assert generate_js_hash(generate_leaflet_string(with_data), "k") == generate_js_hash(
        generate_leaflet_string(empty), "k")


def test_map_loads_nothing_from_a_cdn(two_articles: list[Article]) -> None:
    view = build_map(aggregate(two_articles), ASSETS)
    for layer in view.layers:
        layer.add_to(view.base)
    page = view.base.get_root().render()
    links = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert links and all(link.startswith(ASSETS) for link in links)
    assert {link.removeprefix(ASSETS) for link in links} == set(JS_FILES) | set(CSS_FILES)
    # The only remote address left is the tile server, whose failure the outline layer covers.
    assert set(re.findall(r"https?://([^/\"'\s]+)", page)) <= {"tile.openstreetmap.org", "www.openstreetmap.org"}


def test_base_map_has_outlines_legend_and_one_tile_layer() -> None:
    script = generate_leaflet_string(base_map(ASSETS))
    assert "GEOMAP_COUNTRIES" in script and "gm-legend" in script
    assert script.count("L.tileLayer(") == 1


def test_assets_are_written_from_installed_packages(tmp_path) -> None:
    folder = asset_dir(tmp_path)
    assert folder == asset_dir(tmp_path)  # second call finds them
    leaflet = (folder / "leaflet.js").read_text(encoding="utf-8")
    assert "Leaflet 1.9.3" in leaflet
    assert "markerClusterGroup" in (folder / "leaflet.markercluster.js").read_text(encoding="utf-8")
    assert "heatLayer" in (folder / HEAT_JS).read_text(encoding="utf-8")
    assert ".leaflet-container" in (folder / "leaflet.css").read_text(encoding="utf-8")
    countries = (folder / COUNTRIES_JS).read_text(encoding="utf-8")
    outlines = json.loads(countries.removeprefix("window.GEOMAP_COUNTRIES = ").rstrip().rstrip(";"))
    assert len(outlines["features"]) > 150
    assert not list(folder.glob("*.tmp"))


def test_real_article_aggregates(gp, example) -> None:
    text, _ = example
    art = article("kyiv", text, gp.parse(text))
    places = aggregate([art])
    solomianka = place_at(places, 50.42838, 30.45211)
    assert solomianka is not None and solomianka.kind == "district"
    assert "two residential blocks catching fire" in excerpts(solomianka, art)[0]
    assert aggregate([art])[0].name in {"Russia", "Kyiv"}  # the most mentioned places come first


# --- incidents on the map ----------------------------------------------------------------------

def event(category: str, start: int, sentence: tuple[int, int]) -> dict:
    return {"category": category, "trigger": "x", "start": start, "end": start + 1,
            "sentence_start": sentence[0], "sentence_end": sentence[1]}


def figure(kind: str, count: int, qualifier: str, start: int, sentence: tuple[int, int], places: list[str]) -> dict:
    return {"kind": kind, "count": count, "qualifier": qualifier, "start": start, "end": start + 2,
            "sentence_start": sentence[0], "sentence_end": sentence[1], "places": places}


INCIDENT_TEXT = "Missiles hit Kyiv on Monday. Kyiv said it will respond. Fire in Kyiv and Lviv killed 4 people."
LVIV = dict(name="Lviv", kind="city", place_id=702550, lat=49.8383, lon=24.0232)


@pytest.fixture
def incident_article() -> Article:
    s1, s3 = (0, 28), (56, 94)  # the first and third sentences
    kyiv_1 = mention("Kyiv", 13, **KYIV, excerpt_start=0)
    kyiv_1.role, kyiv_1.date, kyiv_1.events = "site", "2024-03-11", [event("missile_attack", 0, s1)]
    kyiv_2 = mention("Kyiv", 29, **KYIV, excerpt_start=29)
    kyiv_2.role, kyiv_2.date = "actor", "2024-03-14"
    kyiv_3 = mention("Kyiv", 64, **KYIV, excerpt_start=56)
    lviv = mention("Lviv", 73, **LVIV, excerpt_start=56)
    for m in (kyiv_3, lviv):
        m.role, m.date = "site", "2024-03-14"
        m.events = [event("fire", 56, s3)]
        m.casualties = [figure("killed", 4, "=", 85, s3, ["Kyiv", "Lviv"])]
    return article("inc", INCIDENT_TEXT, [kyiv_1, kyiv_2, kyiv_3, lviv], title="Strikes <b>and</b> fires")


def test_incidents_per_place_with_dates_categories_and_shared_figures(incident_article: Article) -> None:
    kyiv, lviv = aggregate([incident_article])
    assert [(i.date, i.categories) for i in kyiv.incidents] == [("2024-03-11", ("missile_attack",)),
                                                              ("2024-03-14", ("fire",))]
    assert kyiv.category == "missile_attack"  # a tie between two incidents: the more specific category
    assert lviv.category == "fire" and lviv.casualties == {"killed": (4, False)}
    assert kyiv.roles == {"site", "actor"}
    assert 'class="gm-trigger"' in kyiv.incidents[1].sentence_html()
    assert heat_weight(kyiv, "incidents") == 2 and heat_weight(lviv, "casualties") == 2.0  # 4 shared by two


def test_filters_by_role_category_and_date(incident_article: Article) -> None:
    def names(**chosen) -> list[tuple[str, int]]:
        return [(p.name, p.n_mentions) for p in aggregate([incident_article], filters=Filters(**chosen))]

    assert names() == [("Kyiv", 3), ("Lviv", 1)]
    assert names(roles=("site", "other")) == [("Kyiv", 2), ("Lviv", 1)]  # the actor mention is hidden
    assert names(roles=("actor",)) == [("Kyiv", 1)]
    assert names(categories=("fire",)) == [("Kyiv", 1), ("Lviv", 1)]
    assert names(categories=(NO_INCIDENT,)) == [("Kyiv", 1)]
    assert names(since=date(2024, 3, 12)) == [("Kyiv", 2), ("Lviv", 1)]
    assert names(until=date(2024, 3, 12)) == [("Kyiv", 1)]
    undated = article("u", "Kyiv.", [mention("Kyiv", 0, **KYIV)])
    assert aggregate([undated], filters=Filters(since=date(2024, 1, 1), undated=False)) == []
    assert len(aggregate([undated], filters=Filters(since=date(2024, 1, 1)))) == 1


def test_markers_take_the_colour_and_glyph_of_the_dominant_category(incident_article: Article) -> None:
    sites_js = generate_leaflet_string(build_map(aggregate([incident_article]), ASSETS).layers[0])
    icons = [json.loads(h) for h in re.findall(r'"html": (".*?"),\n', sites_js)]
    kyiv = next(i for i in icons if 'data-category="missile_attack"' in i)
    colour, glyph = CATEGORY_STYLE["missile_attack"]
    assert f"background:{colour}" in kyiv and glyph in kyiv
    assert any('data-category="fire"' in i for i in icons)
    assert "bindPopup" in sites_js
    for key, (colour, glyph) in CATEGORY_STYLE.items():
        assert colour in LEGEND and glyph in LEGEND, key


def test_popup_shows_categories_figures_and_dates_escaped(incident_article: Article) -> None:
    kyiv = aggregate([incident_article])[0]
    popup = popup_html(kyiv)
    assert "Missile attack" in popup and "Fire" in popup and "killed 4" in popup
    assert "2024-03-11 – 2024-03-14" in popup
    art = article("x", "Kyiv", [mention("Kyiv", 0, XSS, "city", 9, 50.0, 30.0)])
    evil = popup_html(aggregate([art])[0])
    assert "<script" not in evil and "<img" not in evil and "&lt;script&gt;" in evil
    script = generate_leaflet_string(build_map(aggregate([art]), ASSETS).layers[0])
    bound = re.search(r"bindPopup\((\".*?\"), ", script).group(1)
    # tojson writes < and & as \u003c and \u0026: the name arrives as &lt;script&gt;, never as a tag.
    assert "\\u0026lt;script" in bound and "\\u003cscript" not in bound and "<script" not in bound


def test_heat_layer_is_weighted_and_local(incident_article: Article) -> None:
    places = aggregate([incident_article])
    by_incidents = generate_leaflet_string(heat_layer(places, "incidents"))
    assert "L.heatLayer([[50.45466, 30.5238, 1.0], [49.8383, 24.0232, 0.5]]" in by_incidents
    by_casualties = generate_leaflet_string(heat_layer(places, "casualties"))
    assert "[50.45466, 30.5238, 1.0], [49.8383, 24.0232, 1.0]" in by_casualties
    view = build_map(places, ASSETS, heat="casualties")
    assert len(view.layers) == 3 and len(build_map(places, ASSETS).layers) == 2
    for layer in view.layers:
        layer.add_to(view.base)
    page = view.base.get_root().render()
    assert "cdn.jsdelivr" not in page and ASSETS + HEAT_JS in page


def test_real_article_incidents(gp, example) -> None:
    text, _ = example
    art = article("kyiv", text, gp.parse(text, date="2024-01-02"))
    places = {p.name: p for p in aggregate([art], filters=Filters(roles=("site", "other")))}
    assert "Moscow" not in places  # named only as an actor
    kyiv = places["Kyiv"]
    assert kyiv.category == "missile_attack" and kyiv.casualties == {"injured": (10, True)}
    assert kyiv.dates == ["2024-01-02"]
    assert "Moscow" in {p.name for p in aggregate([art])}


def test_a_category_filter_draws_places_in_the_chosen_category(incident_article: Article) -> None:
    kyiv_1 = incident_article.mentions[0]
    kyiv_1.events.append(event("fire", 0, (0, 28)))
    kyiv_1.casualties.append(figure("injured", 3, ">=", 20, (0, 28), ["Kyiv"]))
    kyiv = aggregate([incident_article], filters=Filters(categories=("fire",)))[0]
    assert kyiv.category == "fire" and {c for i in kyiv.incidents for c in i.categories} == {"fire"}
    assert kyiv.casualties == {"injured": (3, True), "killed": (4, False)}
    kyiv = aggregate([incident_article], filters=Filters(categories=("missile_attack",)))[0]
    assert kyiv.category == "missile_attack" and kyiv.casualties == {"injured": (3, True)}


def test_a_camp_a_crossing_a_river_and_a_city_section_say_what_they_are(gp) -> None:
    """Mapped as towns and areas, they show their own kind in the popup and the tooltip."""
    text = ("The Zambezi River burst its banks near Mongu. Aid crossed at the Rafah crossing. "
            "Residents of Kibera in Nairobi fled to Kakuma refugee camp.")
    places = {p.name: p for p in aggregate([Article("a", Document("Floods", text, "a.txt"), tuple(gp.parse(text)))])}
    assert kind_line(places["Zambezi"]).startswith("river, ")
    assert kind_line(places["Rafah crossing"]) == "border crossing, PS"
    assert kind_line(places["Kibera"]) == "part of a city, KE"
    assert kind_line(places["Mongu"]) == "city / town, ZM"
    assert "border crossing, PS" in tooltip_text(places["Rafah crossing"])
    assert "refugee camp, KE" in popup_html(places["Kakuma refugee camp"])
