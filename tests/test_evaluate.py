"""Evaluation: the corpus loader's quirks, the metric definitions, and the GeoVirus figures."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from conftest import GEOVIRUS, shared_file

from geomap.evaluate import MAX_ERROR_KM, evaluate, format_table, load_corpus, resolution_metrics

SMALL = """<articles><article><source>a</source><text>Cases in Pandi and Manila rose.</text>
<locations>
 <location><name>Pandi</name><start>10</start><end>15</end><lat>14.87</lat><lon>120.95</lon></location>
 <location><location><name>Manila</name><start>19</start><end>25</end><lat>14.6</lat><lon>121.0</lon></location>
 </location>
</locations></article></articles>"""


def test_loader_handles_one_based_nested_and_drifted_offsets(tmp_path):
    path = tmp_path / "c.xml"
    path.write_text(SMALL, encoding="utf-8")
    (art,) = load_corpus(path)
    assert [(g.name, art.text[g.start:g.end]) for g in art.gold] == [("Pandi", "Pandi"), ("Manila", "Manila")]


def test_folder_loader_finds_repeated_names_in_order(tmp_path):
    (tmp_path / "01.txt").write_text("Kaycee beat Midwest. Kaycee won.", encoding="utf-8")
    gold = [{"text": "Kaycee", "lat": 43.7, "lon": -106.6}, {"text": "Midwest", "lat": 43.4, "lon": -106.3},
            {"text": "Kaycee", "lat": 43.7, "lon": -106.6}]
    (tmp_path / "01.json").write_text(json.dumps(gold), encoding="utf-8")
    (art,) = load_corpus(tmp_path)
    assert [(g.start, g.end) for g in art.gold] == [(0, 6), (12, 19), (21, 27)]


# LGL and TR-News: 0-based offsets, text in CDATA, the entity and its point in <gaztag>; a toponym
# without one is left out. GeoWebNews: <extractedName> with <latitude>/<longitude>.
LGL = """<articles><article docid="7"><url>u</url><text><![CDATA[Floods hit Dalton, Georgia & Chatsworth.]]></text>
<toponyms>
 <toponym><start>11</start><end>17</end><phrase>Dalton</phrase>
  <gaztag geonameid="4190581"><name>Dalton</name><fclass>P</fclass><lat>34.77</lat><lon>-84.97</lon></gaztag></toponym>
 <toponym><start>30</start><end>40</end><phrase>Chatsworth</phrase>
  <gaztag geonameid="4187435"><name>Chatsworth</name><lat>34.77</lat><lon>-84.77</lon></gaztag></toponym>
 <toponym><start>18</start><end>25</end><phrase>Georgia</phrase>
  <gaztag geonameid="614540"><name>Georgia</name><lat>42.0</lat><lon>43.5</lon></gaztag></toponym>
 <toponym><start>0</start><end>6</end><phrase>Floods</phrase></toponym>
</toponyms></article></articles>"""
GEOWEBNEWS = """<articles><article><text>Rain in Kano and Lagos.</text><toponyms>
 <toponym><start>8</start><end>12</end><extractedName>Kano</extractedName><latitude>12.0</latitude>
  <longitude>8.52</longitude></toponym>
 <toponym><start>16</start><end>21</end><extractedName>Lagos</extractedName><type>Homonym</type></toponym>
</toponyms></article></articles>"""


def test_loader_reads_lgl_trnews_and_geowebnews_schemas(tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL, encoding="utf-8")
    (tmp_path / "gwn.xml").write_text(GEOWEBNEWS, encoding="utf-8")
    (art,) = load_corpus(tmp_path / "lgl.xml")
    assert art.source == "u"
    assert [(art.text[g.start:g.end], g.geonameid) for g in art.gold] == [
        ("Dalton", 4190581), ("Georgia", 614540), ("Chatsworth", 4187435)]  # in text order; drift mended
    (art,) = load_corpus(tmp_path / "gwn.xml")
    assert [(art.text[g.start:g.end], g.lat, g.geonameid) for g in art.gold] == [("Kano", 12.0, None)]


@pytest.mark.slow
def test_evaluate_scores_the_geonames_entity_where_gold_names_it(gp, tmp_path):
    (tmp_path / "lgl.xml").write_text(LGL, encoding="utf-8")
    result = evaluate(gp, load_corpus(tmp_path / "lgl.xml"))
    # Dalton and Chatsworth are GeoNames' own; the gold's Georgia is the country, ours the state.
    assert result.metrics["resolution_gold_spans_geonameid"] == {"n": 3, "accuracy": pytest.approx(2 / 3)}
    assert [r["geonameid"] == r["gold_geonameid"] for r in result.records if "gold_geonameid" in r] == [
        True, False, True]
    assert "same GeoNames id" in format_table(result.metrics)


def test_resolution_metrics_definitions():
    m = resolution_metrics([0.0, 100.0, 200.0, MAX_ERROR_KM])
    assert m["acc161"] == 0.5 and m["median_km"] == 150.0
    logs = sorted(math.log(e + 1) for e in (0.0, 100.0, 200.0, MAX_ERROR_KM))
    expected = sum((logs[i] + logs[i + 1]) / 2 for i in range(3)) / (math.log(MAX_ERROR_KM) * 3)
    assert m["auc"] == pytest.approx(expected)
    assert resolution_metrics([0.0, 0.0])["auc"] == 0.0


@pytest.mark.slow
def test_geovirus_figures_do_not_regress(gp):
    """A regression guard pinned just below the figures measured when it was written (see README)."""
    metrics = evaluate(gp, load_corpus(shared_file(GEOVIRUS))).metrics
    assert metrics["gold_mentions"] == 2170
    assert metrics["recognition_exact"]["f1"] >= 0.957
    assert metrics["recognition_overlap"]["f1"] >= 0.961
    assert metrics["resolution_gold_spans"]["acc161"] >= 0.857
    assert metrics["resolution_gold_spans"]["auc"] <= 0.295
    assert metrics["resolution_end_to_end_all_gold"]["acc161"] >= 0.845
    # Most of what is left is where the corpus puts a country's point, not which place was chosen.
    causes = metrics["gold_span_errors_by_cause"]
    assert causes["reference point"] > sum(causes.values()) / 2
    assert metrics["acc161_gold_spans_reference_points_forgiven"] >= 0.96


# Our own sets (data/eval): gold mentions, then recognition F1, gold-span Acc@161 and end-to-end
# Acc@161 pinned just below what was measured. At a5dffa3, before the US post towns and the rules
# that came with them, they read F1 0.874 / 0.948 / 0.901 and end to end 0.646 / 0.834 / 0.727.
OWN_SETS = {
    "us_local": (432, 0.96, 0.875, 0.855),  # villages, counties and creeks in 16 states, Canada, abroad
    "world": (512, 0.975, 0.945, 0.94),  # regional and wire stories from five continents
    "mixed": (363, 0.95, 0.93, 0.90),  # written after the rules of the third session
    "commonwealth": (416, 0.89, 0.805, 0.75),  # local news outside the US
    "web": (396, 0.89, 0.86, 0.82),  # pages as a scraper pulls them: menus, bylines, tables
    "regional": (415, 0.88, 0.78, 0.705),  # held out: written after the rules it measures
    "wire": (621, 0.955, 0.875, 0.85),  # LGL-, TR-News- and GeoWebNews-like: homonyms a story's context decides
    "dispatch": (699, 0.955, 0.86, 0.83),  # the same mix, with people named like the towns beside them
    "bulletin": (752, 0.93, 0.88, 0.81),  # held out: the same mix again, read only as totals
    "gazette": (792, 0.915, 0.835, 0.77),  # small US papers' sports, courts and fairs, and regional news
    "courier": (675, 0.925, 0.855, 0.825),  # seven more US states, wire pages and regional news
    "ledger": (747, 0.94, 0.85, 0.805),  # LGL-, GeoWebNews- and TR-News-like: sports, obituaries, tags
    "tribune": (799, 0.94, 0.855, 0.815),  # the same mix: obituaries' families, blotters, pages' trails
    "herald": (800, 0.905, 0.85, 0.765),  # the same mix: a track meet, a calendar, pages in six languages
    "chronicle": (841, 0.89, 0.825, 0.765),  # the same mix: obituaries, transfers by town, pages in six tongues
    "sentinel": (837, 0.905, 0.845, 0.79),  # the same mix: a results page, an obituary page that names no state
    "examiner": (835, 0.92, 0.84, 0.785),  # the same mix: a column under town headings, pages' headlines twice
    "observer": (833, 0.875, 0.805, 0.725),  # the same mix: a scoreboard, a calendar, rivers by their bare names
    "journal": (841, 0.91, 0.83, 0.785),  # the same mix from the South: rain totals, a court list, a river's towns
    "record": (836, 0.895, 0.815, 0.74),  # the same mix from the North: a co-op sports page, towns of "Town of"
    "leader": (833, 0.91, 0.835, 0.79),  # Appalachia and the Mid-Atlantic: a fair by hometown, Kakheti, Kunene
    "argus": (839, 0.93, 0.86, 0.81),  # the West and Alaska: a rodeo by hometown, Sabah, Corsica, Duhok
}


@pytest.mark.parametrize("name", OWN_SETS)
def test_own_sets_figures_do_not_regress(gp, name):
    gold, f1, acc, end_to_end = OWN_SETS[name]
    metrics = evaluate(gp, load_corpus(Path(__file__).parent.parent / "data" / "eval" / name)).metrics
    assert metrics["gold_mentions"] == gold
    assert metrics["recognition_exact"]["f1"] >= f1
    assert metrics["resolution_gold_spans"]["acc161"] >= acc
    assert metrics["resolution_end_to_end_all_gold"]["acc161"] >= end_to_end
