"""The map's data out of geomap: GeoJSON, CSV, KML for Google Earth, a standalone HTML map, corrections as JSONL.

All formats start from the same aggregation the map shows (`mapview.MappedPlace`: one per resolved
place, with every mention and the article it stands in), so an export is what the reader saw.

Article text is untrusted. GeoJSON and CSV carry it as data (CSV cells that a spreadsheet would run
as a formula get a leading apostrophe); KML and HTML carry it escaped, and the KML descriptions are
HTML escaped once more by the XML writer, since Google Earth unescapes the XML before rendering.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from . import assets, mapview
from .mapview import MappedPlace
from .store import Store

FORMATS = ("geojson", "csv", "kml", "html")
# Media type per format (RFC 7946 registers GeoJSON's; KML's is OGC's), for download buttons and HTTP.
MEDIA_TYPES = {"geojson": "application/geo+json", "csv": "text/csv",
               "kml": "application/vnd.google-earth.kml+xml", "html": "text/html"}
COORD_DIGITS = 6  # ~10 cm: what RFC 7946 recommends, and finer than any gazetteer point
CSV_FIELDS = ("place", "kind", "feature", "country_code", "lat", "lon", "geonameid", "article_id", "article_title",
              "article_source", "article_date", "mention", "start", "end", "confidence", "role", "categories",
              "date", "excerpt")
KML_NS = "http://www.opengis.net/kml/2.2"
# Cells a spreadsheet would evaluate as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ASSET_PREFIX = "geomap-inline:"  # stands for an asset while the page renders, then the file's content replaces it


def _point(place: MappedPlace) -> list[float]:
    """[lon, lat]: GeoJSON (RFC 7946) and KML both put the longitude first."""
    return [round(place.lon, COORD_DIGITS), round(place.lat, COORD_DIGITS)]


def _mention_record(hit: mapview.Hit) -> dict[str, Any]:
    m = hit.mention
    return {"article": hit.article.id, "text": m.text, "start": m.start, "end": m.end, "excerpt": m.excerpt,
            "confidence": m.confidence, "role": m.role, "date": m.date, "events": m.events, "casualties": m.casualties}


def _article_record(article: mapview.Article) -> dict[str, Any]:
    doc = article.document
    return {"id": article.id, "title": doc.title, "source": doc.source, "date": doc.date}


def feature(place: MappedPlace) -> dict[str, Any]:
    """One GeoJSON Feature: the place's point, and its mentions, excerpts and articles in `properties`."""
    first = place.hits[0].mention
    articles = {h.article.id: _article_record(h.article) for h in place.hits}
    return {
        "type": "Feature", "id": place.key,
        "geometry": {"type": "Point", "coordinates": _point(place)},
        "properties": {
            "name": place.name, "kind": place.kind, "feature": place.feature, "country_code": place.country_code,
            "geonameid": first.geonameid, "place_id": first.place_id,
            "n_mentions": place.n_mentions, "n_articles": place.n_articles, "category": place.category,
            "casualties": {k: {"total": total, "at_least": rough} for k, (total, rough) in place.casualties.items()},
            "dates": place.dates,
            "mentions": [_mention_record(h) for h in place.hits],
            "articles": list(articles.values()),
        },
    }


def geojson(places: Iterable[MappedPlace]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection (WGS 84, longitude first, no "crs" member)."""
    return {"type": "FeatureCollection", "features": [feature(p) for p in places]}


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(places: Iterable[MappedPlace], out: TextIO) -> None:
    """One row per mention, with its place and article: what a spreadsheet or a newsroom's own tools take."""
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    for p in places:
        for h in p.hits:
            m, doc = h.mention, h.article.document
            row = {"place": p.name, "kind": p.kind, "feature": p.feature or "", "country_code": p.country_code,
                   "lat": p.lat, "lon": p.lon,
                   "geonameid": m.geonameid, "article_id": h.article.id, "article_title": doc.title,
                   "article_source": doc.source, "article_date": doc.date, "mention": m.text, "start": m.start,
                   "end": m.end, "confidence": m.confidence, "role": m.role,
                   "categories": " ".join(dict.fromkeys(e["category"] for e in m.events)), "date": m.date,
                   "excerpt": m.excerpt}
            writer.writerow({k: _cell(v) for k, v in row.items()})


def description_html(place: MappedPlace) -> str:
    """The marker's popup and, per article, the sentences that mention the place; every text escaped."""
    articles = {h.article.id: h.article for h in place.hits}
    items = "".join(f"<li><b>{html.escape(a.title)}</b><br>{'<br>'.join(mapview.excerpts(place, a))}</li>"
                    for a in articles.values())
    return f"{mapview.popup_html(place)}<p>{html.escape(mapview.count_line(place))}</p><ul>{items}</ul>"


def kml(places: Iterable[MappedPlace], title: str = "geomap incidents") -> str:
    """A KML 2.2 document with one Placemark per place, for Google Earth and other GIS tools."""
    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    doc = ET.SubElement(root, f"{{{KML_NS}}}Document")
    ET.SubElement(doc, f"{{{KML_NS}}}name").text = title
    for p in places:
        mark = ET.SubElement(doc, f"{{{KML_NS}}}Placemark", id=p.key)
        ET.SubElement(mark, f"{{{KML_NS}}}name").text = p.name
        ET.SubElement(mark, f"{{{KML_NS}}}description").text = description_html(p)  # the writer escapes it
        data = ET.SubElement(mark, f"{{{KML_NS}}}ExtendedData")
        for key, value in (("kind", p.kind), ("feature", p.feature or ""), ("country_code", p.country_code or ""),
                           ("mentions", p.n_mentions), ("articles", p.n_articles), ("category", p.category or "")):
            field = ET.SubElement(data, f"{{{KML_NS}}}Data", name=key)
            ET.SubElement(field, f"{{{KML_NS}}}value").text = str(value)
        point = ET.SubElement(mark, f"{{{KML_NS}}}Point")
        ET.SubElement(point, f"{{{KML_NS}}}coordinates").text = ",".join(map(str, _point(p)))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _inline(content: str, tag: str) -> str:
    """File content safe inside a <script> or <style> element: it can't close the element early."""
    return re.sub(rf"</({tag})", r"<\\/\1", content, flags=re.IGNORECASE).replace("<!--", "<\\!--")


def html_map(places: list[MappedPlace], title: str = "geomap incidents", heat: str | None = None) -> str:
    """A standalone page with the app's map, Leaflet and the world outlines inlined: it opens with no network.

    The map is built by `mapview.build_map`, so markers, popups and layers are the app's own.
    The OpenStreetMap layer still loads tiles when a network is there; offline the outlines show.
    """
    built = mapview.build_map(places, _ASSET_PREFIX, heat=heat)
    for layer in built.layers:
        layer.add_to(built.base)
    built.control.add_to(built.base)
    figure = built.base.get_root()
    figure.title = title
    page = figure.render()
    folder = assets.asset_dir()

    def script(match: re.Match[str]) -> str:
        return f"<script>\n{_inline((folder / match.group(1)).read_text(encoding='utf-8'), 'script')}\n</script>"

    def style(match: re.Match[str]) -> str:
        return f"<style>\n{_inline((folder / match.group(1)).read_text(encoding='utf-8'), 'style')}\n</style>"

    prefix = re.escape(_ASSET_PREFIX)
    page = re.sub(rf'<script src="{prefix}([\w.-]+)"></script>', script, page)
    return re.sub(rf'<link rel="stylesheet" href="{prefix}([\w.-]+)"/>', style, page)


def render(places: list[MappedPlace], fmt: str) -> str:
    """The places in one of `FORMATS` as text: what a download button serves or a file holds."""
    if fmt == "geojson":
        return json.dumps(geojson(places), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        write_csv(places, out)
        return out.getvalue()
    if fmt == "kml":
        return kml(places)
    if fmt == "html":
        return html_map(places)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def write(places: list[MappedPlace], fmt: str, path: str | Path) -> None:
    """Write the places in one of `FORMATS` to a file."""
    Path(path).write_text(render(places, fmt), encoding="utf-8", newline="")  # CSV's own \r\n stay as they are


def correction_records(store: Store) -> list[dict[str, Any]]:
    """Every correction as a training / evaluation example: the article, the span, what the parser chose,
    and the right answer (a place, or `is_place` false)."""
    articles = {a.content_hash: a for a in store.articles()}
    spans: dict[str, dict[tuple[int, int], Any]] = {}
    records = []
    for c in store.corrections():
        article = articles.get(c.content_hash)
        if article is not None and c.content_hash not in spans:
            spans[c.content_hash] = {(m.start, m.end): m for m in store.mentions(article.id, corrected=False)}
        parsed = spans.get(c.content_hash, {}).get((c.start, c.end))
        original = {k: v for k, v in c.original.items() if k != "alternatives"}
        records.append({
            "content_hash": c.content_hash, "article_id": article.id if article else None,
            "title": article.document.title if article else None, "text": article.document.text if article else None,
            "mention": {"text": c.text, "start": c.start, "end": c.end}, "excerpt": parsed.excerpt if parsed else None,
            "is_place": c.is_place, "place": c.place, "parser": original if original.get("name") else None,
            "candidates": c.original.get("alternatives", []), "corrected_at": c.created_at.isoformat(),
        })
    return records


def write_corrections(store: Store, out: TextIO) -> int:
    """Corrections as JSON Lines; returns how many."""
    records = correction_records(store)
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(records)


def corrections_jsonl(store: Store) -> str:
    """Every correction as JSON Lines text: what the app's download button serves."""
    out = io.StringIO()
    write_corrections(store, out)
    return out.getvalue()
