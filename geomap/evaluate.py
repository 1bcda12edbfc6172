"""Score recognition and resolution on a corpus: the field's XML corpora (GeoVirus; LGL and TR-News;
GeoWebNews), or a folder of articles (`NN.txt`) each with its gold mentions (`NN.json`), as in
`data/eval/`.

Metrics follow Gritta et al. (2018), as `shared/corpora/README.md` defines them: exact and
overlap P/R/F1 for recognition; Acc@161, mean/median error (km) and AUC for resolution, both on
gold spans (the resolver alone) and end to end (on the mentions the recognizer found).
"""

from __future__ import annotations

import json
import math
import statistics
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .gazetteer import AREA_KINDS, distance_km
from .parser import Geoparser, Mention

MAX_ERROR_KM = 20039.0


@dataclass
class GoldMention:
    name: str
    start: int
    end: int
    lat: float
    lon: float
    geonameid: int | None = None  # where the corpus names the entity (LGL, TR-News)


@dataclass
class Article:
    source: str
    text: str
    gold: list[GoldMention] = field(default_factory=list)


def load_corpus(path: str | Path) -> list[Article]:
    """Read a corpus: a folder of articles with their gold, or XML in any of the field's schemas.

    GeoVirus: `<location>` with `name`, 1-based `start`, `lat`, `lon`; one `<location>` wraps others.
    LGL and TR-News: `<toponym>` with `phrase`, 0-based `start`, and `gaztag[@geonameid]` holding
    `lat`, `lon`. GeoWebNews: `<toponym>` with `extractedName`, 0-based `start`, `latitude`,
    `longitude`. A mention without coordinates (no gazetteer entry, or not a literal place) is left
    out, as the field scores these corpora; offsets that drift move to the nearest exact occurrence.
    """
    if Path(path).is_dir():
        return _load_folder(Path(path))
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        source = (node.findtext("source") or node.findtext("url") or node.get("docid") or node.get("id")
                  or f"article-{len(articles) + 1}")
        art = Article(source, text)
        for loc in [*node.iter("location"), *node.iter("toponym")]:
            gold = _xml_mention(loc, text)
            if gold:
                art.gold.append(gold)
        art.gold.sort(key=lambda g: g.start)
        articles.append(art)
    return articles


def _xml_mention(loc: ET.Element, text: str) -> GoldMention | None:
    gaz = loc.find("gaztag")
    where = gaz if gaz is not None else loc
    if loc.tag == "location":
        name, base = loc.findtext("name"), 1
    else:
        name, base = loc.findtext("phrase") or loc.findtext("extractedName"), 0
    lat = where.findtext("lat") or loc.findtext("latitude")
    lon = where.findtext("lon") or loc.findtext("longitude")
    if not name or loc.findtext("start") is None or not lat or not lon:
        return None
    start = int(loc.findtext("start")) - base
    if text[start:start + len(name)] != name:
        start = _nearest(text, name, start)
        if start < 0:
            return None
    gid = gaz.get("geonameid") if gaz is not None else None
    return GoldMention(name, start, start + len(name), float(lat), float(lon), int(gid) if gid else None)


def _load_folder(folder: Path) -> list[Article]:
    """`NN.txt` beside `NN.json`, a list of {"text", "lat", "lon"} in the order the mentions occur:
    each is found after the one before, so a repeated name needs no offset ("start", 0-based) unless
    it also occurs in between as no place ("Cody Sheridan ... the city of Sheridan")."""
    articles = []
    for text_path in sorted(folder.glob("*.txt")):
        text = text_path.read_text(encoding="utf-8")
        art = Article(text_path.name, text)
        at = 0
        for g in json.loads(text_path.with_suffix(".json").read_text(encoding="utf-8")):
            start = g.get("start", text.find(g["text"], at))
            if start < at or text[start:start + len(g["text"])] != g["text"]:
                raise ValueError(f"{text_path.name}: {g['text']!r} not found after offset {at}")
            at = start + len(g["text"])
            art.gold.append(GoldMention(g["text"], start, at, float(g["lat"]), float(g["lon"])))
        articles.append(art)
    return articles


def _nearest(text: str, name: str, near: int) -> int:
    hits = []
    i = text.find(name)
    while i >= 0:
        hits.append(i)
        i = text.find(name, i + 1)
    return min(hits, key=lambda h: abs(h - near)) if hits else -1


def resolution_metrics(errors: list[float]) -> dict[str, float]:
    if not errors:
        return {"n": 0, "acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 1.0}
    errs = sorted(errors)
    n = len(errs)
    logs = [math.log(e + 1) for e in errs]
    auc = 0.0 if n < 2 else sum((logs[i] + logs[i + 1]) / 2 for i in range(n - 1)) / (math.log(MAX_ERROR_KM) * (n - 1))
    return {"n": n, "acc161": sum(e <= 161 for e in errs) / n, "mean_km": statistics.fmean(errs),
            "median_km": statistics.median(errs), "auc": auc}


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _error(m: Mention, g: GoldMention) -> float:
    if m.lat is None or m.lon is None:
        return MAX_ERROR_KM
    return distance_km(m.lat, m.lon, g.lat, g.lon)


@dataclass
class Evaluation:
    metrics: dict[str, Any]
    records: list[dict[str, Any]]  # one per gold mention: what we said and how far off it was


CAUSES = {
    "reference point": "the chosen place is the closest candidate to the gold point, an area whose "
                       "representative point differs from the corpus's",
    "wrong level": "a candidate of another kind lay within 161 km (a city chosen for a region, or back)",
    "wrong homonym": "a candidate of the same kind lay within 161 km",
    "not in gazetteer": "no place of that name in the gazetteer",
    "right place missing": "the name matches only other places; the one meant is absent",
}


def _cause(source: Any, g: GoldMention, r: Mention, err: float) -> str | None:
    """Why a gold span was resolved more than 161 km off, judged against every candidate."""
    if err <= 161:
        return None
    cands = [c.place for c in source.candidates(g.name) if c.place.lat is not None]
    if not cands:
        return "not in gazetteer"
    near = [p for p in cands if distance_km(p.lat, p.lon, g.lat, g.lon) <= 161]
    if near:
        return "wrong level" if all(p.kind != r.kind for p in near) else "wrong homonym"
    closest = min(cands, key=lambda p: distance_km(p.lat, p.lon, g.lat, g.lon))
    if r.place_id == closest.id and r.kind in AREA_KINDS:
        return "reference point"
    return "right place missing" if r.place_id == closest.id or r.kind not in AREA_KINDS else "wrong homonym"


def evaluate(gp: Geoparser, articles: list[Article]) -> Evaluation:
    source = gp.nlp.get_pipe("geomap_resolver").source
    tp_exact = tp_overlap = n_pred = n_gold = 0
    gold_errors: list[float] = []
    e2e_found: list[float] = []
    e2e_all: list[float] = []
    same_entity: list[bool] = []  # on gold spans whose corpus names the GeoNames entity
    records = []
    for art in articles:
        golds = art.gold
        n_gold += len(golds)
        resolved = gp.resolve(art.text, [(g.start, g.end) for g in golds]) if golds else []
        predicted = gp.parse(art.text)
        n_pred += len(predicted)
        by_span = {(m.start, m.end): m for m in predicted}
        used: set[int] = set()
        for g, r in zip(golds, resolved):
            err = _error(r, g)
            gold_errors.append(err)
            if g.geonameid is not None:
                same_entity.append(r.geonameid == g.geonameid)
            exact = by_span.get((g.start, g.end))
            overlap = exact or next((m for m in predicted if m.start < g.end and g.start < m.end
                                     and id(m) not in used), None)
            if exact:
                tp_exact += 1
            if overlap:
                tp_overlap += 1
                used.add(id(overlap))
                e2e_found.append(_error(overlap, g))
            e2e_all.append(_error(overlap, g) if overlap else MAX_ERROR_KM)
            records.append({"article": art.source, "text": g.name, "start": g.start, "end": g.end,
                            "gold": [g.lat, g.lon], "resolved": r.name, "kind": r.kind, "country": r.country_code,
                            "point": [r.lat, r.lon], "error_km": round(err, 1), "confidence": r.confidence,
                            "geonameid": r.geonameid, "gold_geonameid": g.geonameid,
                            "recognized": "exact" if exact else ("overlap" if overlap else None),
                            "alternatives": r.alternatives[:3], "context": r.excerpt[:300],
                            "cause": _cause(source, g, r, err)})
        for m in predicted:
            if not any(g.start < m.end and m.start < g.end for g in golds):
                records.append({"article": art.source, "text": m.text, "start": m.start, "end": m.end,
                                "gold": None, "false_place": True, "resolved": m.name, "kind": m.kind,
                                "context": m.excerpt[:300]})
    metrics = {
        "articles": len(articles), "gold_mentions": n_gold, "predicted_mentions": n_pred,
        "recognition_exact": _prf(tp_exact, n_pred, n_gold),
        "recognition_overlap": _prf(tp_overlap, n_pred, n_gold),
        "resolution_gold_spans": resolution_metrics(gold_errors),
        "resolution_end_to_end_recognized": resolution_metrics(e2e_found),
        "resolution_end_to_end_all_gold": resolution_metrics(e2e_all),
    }
    if same_entity:
        metrics["resolution_gold_spans_geonameid"] = {"n": len(same_entity),
                                                      "accuracy": sum(same_entity) / len(same_entity)}
    causes = Counter(r["cause"] for r in records if r.get("cause"))
    metrics["gold_span_errors_by_cause"] = dict(causes.most_common())
    if n_gold:
        ok = sum(e <= 161 for e in gold_errors)
        metrics["acc161_gold_spans_reference_points_forgiven"] = (ok + causes["reference point"]) / n_gold
    metrics["recognition_errors"] = {
        "missed": sum(1 for r in records if "gold" in r and r["gold"] and not r["recognized"]),
        "span boundary": sum(1 for r in records if r.get("recognized") == "overlap"),
        "false place": sum(1 for r in records if r.get("false_place")),
    }
    return Evaluation(metrics, records)


def format_report(metrics: dict[str, Any], records: list[dict[str, Any]], top: int = 12) -> str:
    """A Markdown error analysis: the worst misses by cause, with names only (no article text)."""
    gold = [r for r in records if r.get("gold")]
    lines = ["# Error analysis", "",
             f"Corpus `{metrics.get('corpus', '?')}`, spaCy pipeline `{metrics.get('model', '?')}`. Written by "
             f"`python -m geomap evaluate CORPUS --report FILE`; mention names only, no article text.", "",
             "```", format_table(metrics), "```", "",
             "## Resolution errors on gold spans (error > 161 km), by cause", "",
             "| cause | mentions | share of gold | meaning |", "|---|---:|---:|---|"]
    for cause, n in metrics["gold_span_errors_by_cause"].items():
        lines.append(f"| {cause} | {n} | {n / max(len(gold), 1):.1%} | {CAUSES[cause]} |")
    forgiven = metrics.get("acc161_gold_spans_reference_points_forgiven")
    if forgiven is not None:
        lines += ["", f"Acc@161 on gold spans if reference-point errors were counted right: **{forgiven:.3f}** "
                      f"(measured: {metrics['resolution_gold_spans']['acc161']:.3f})."]
    for cause in metrics["gold_span_errors_by_cause"]:
        rows = Counter((r["text"], r["resolved"] or "-", r["kind"] or "-", r["country"] or "-")
                       for r in gold if r.get("cause") == cause)
        km: dict[tuple, list[float]] = defaultdict(list)
        for r in gold:
            if r.get("cause") == cause:
                km[(r["text"], r["resolved"] or "-", r["kind"] or "-", r["country"] or "-")].append(r["error_km"])
        lines += ["", f"### {cause}", "", "| mention | resolved to | kind | country | times | median error km |",
                  "|---|---|---|---|---:|---:|"]
        for key, n in rows.most_common(top):
            lines.append(f"| {' | '.join(key)} | {n} | {statistics.median(km[key]):,.0f} |")
    rec = metrics["recognition_errors"]
    lines += ["", "## Recognition errors", "", "| kind of error | count |", "|---|---:|"]
    lines += [f"| {k} | {v} |" for k, v in rec.items()]
    for title, pick in (("missed by the recognizer", lambda r: r.get("gold") and not r["recognized"]),
                        ("span boundary (overlapping, not exact)", lambda r: r.get("recognized") == "overlap"),
                        ("false places", lambda r: r.get("false_place"))):
        names = Counter(r["text"] for r in records if pick(r))
        lines += ["", f"### {title}", "", ", ".join(f"{name} ({n})" for name, n in names.most_common(top * 3))]
    return "\n".join(lines) + "\n"


def format_table(metrics: dict[str, Any]) -> str:
    lines = [f"articles {metrics['articles']}, gold mentions {metrics['gold_mentions']}, "
             f"predicted {metrics['predicted_mentions']}", "",
             f"{'recognition':<34}{'P':>8}{'R':>8}{'F1':>8}"]
    for key in ("recognition_exact", "recognition_overlap"):
        r = metrics[key]
        lines.append(f"{key.split('_')[1]:<34}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}")
    lines += ["", f"{'resolution':<34}{'n':>6}{'Acc@161':>9}{'mean km':>10}{'median km':>11}{'AUC':>7}"]
    for key, label in (("resolution_gold_spans", "gold spans"),
                       ("resolution_end_to_end_recognized", "end to end (recognized gold)"),
                       ("resolution_end_to_end_all_gold", "end to end (all gold; missed=far)")):
        r = metrics[key]
        lines.append(f"{label:<34}{r['n']:>6}{r['acc161']:>9.3f}{r['mean_km']:>10.0f}{r['median_km']:>11.1f}"
                     f"{r['auc']:>7.3f}")
    if ids := metrics.get("resolution_gold_spans_geonameid"):
        lines.append(f"{'gold spans, same GeoNames id':<34}{ids['n']:>6}{ids['accuracy']:>9.3f}")
    return "\n".join(lines)
