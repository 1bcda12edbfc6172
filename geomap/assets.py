"""Leaflet, its marker-cluster and heat plugins and a world outline, served by the app itself, never by a CDN.

folium points every map at cdn.jsdelivr.net and cdnjs; offline that leaves an empty grey box.
The same files ship inside the `folium-offline` package (Leaflet 1.9.3, Leaflet.markercluster
1.1.0), Leaflet.heat inside `folium`, and country shapes inside `countryinfo`; they are written
once into a folder under the geomap cache and Streamlit serves that folder as a component's
static files, so the map frame loads them from the app's own origin.
"""

from __future__ import annotations

import json
import os
import tempfile
from importlib import resources
from importlib.metadata import version
from pathlib import Path

from .gazetteer import default_home

# Local file name -> the CDN address folium would use; folium-offline keys its copies by it.
VENDORED = {
    "leaflet.js": "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
    "leaflet.css": "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css",
    "leaflet.markercluster.js":
        "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/leaflet.markercluster.js",
    "MarkerCluster.css": "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.css",
    "MarkerCluster.Default.css":
        "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/MarkerCluster.Default.css",
}
COUNTRIES_JS = "countries.js"
HEAT_JS = "leaflet_heat.min.js"  # Leaflet.heat, as folium itself ships it (folium/templates/)
# In load order: the plugins need Leaflet, the outline layer reads window.GEOMAP_COUNTRIES.
JS_FILES = ("leaflet.js", "leaflet.markercluster.js", HEAT_JS, COUNTRIES_JS)
CSS_FILES = ("leaflet.css", "MarkerCluster.css", "MarkerCluster.Default.css")
COMPONENT = "leaflet_assets"
# Decimal places kept in outline coordinates: ~1 km, far finer than the 1:110m shapes themselves.
OUTLINE_DIGITS = 2


def asset_dir(home: Path | None = None) -> Path:
    """The folder holding the files, written on first use; its name changes with the packages' versions."""
    tag = f"folium-offline-{version('folium-offline')}_countryinfo-{version('countryinfo')}"
    folder = (home or default_home()) / "web" / tag
    if not all((folder / name).is_file() for name in (*VENDORED, HEAT_JS, COUNTRIES_JS)):
        folder.mkdir(parents=True, exist_ok=True)
        from offlinefolium.elements import _res as offline_copies  # 3.5 MB module: only imported to write

        for name, url in VENDORED.items():
            _write_atomic(folder / name, offline_copies[url])
        _write_atomic(folder / HEAT_JS, (resources.files("folium") / "templates" / HEAT_JS).read_text(encoding="utf-8"))
        _write_atomic(folder / COUNTRIES_JS, "window.GEOMAP_COUNTRIES = " + json.dumps(world_outlines()) + ";\n")
    return folder


def world_outlines() -> dict:
    """Every country's shape from `countryinfo` as one GeoJSON FeatureCollection, coordinates rounded."""
    import countryinfo

    features = []
    for country in countryinfo.all_countries():
        collection = country.info().get("geoJSON") or {}
        for feature in collection.get("features", []):
            geometry = feature["geometry"]
            features.append({"type": "Feature", "properties": {},
                             "geometry": {"type": geometry["type"], "coordinates": _rounded(geometry["coordinates"])}})
    return {"type": "FeatureCollection", "features": features}


def _rounded(coords: list) -> list:
    if coords and isinstance(coords[0], (int, float)):
        return [round(c, OUTLINE_DIGITS) for c in coords]
    return [_rounded(c) for c in coords]


def _write_atomic(path: Path, text: str) -> None:
    """Two app sessions may write at once; readers must never see half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


def serve_with_streamlit() -> str:
    """Register the folder with the running Streamlit app; returns its URL as seen from the map's frame.

    Streamlit serves a declared component's folder at /component/<name>/ with proper content
    types; streamlit-folium's frame lives at /component/streamlit_folium.st_folium/, so a
    relative "../<name>/" works under any server base path.
    """
    import streamlit.components.v1 as components

    declared = components.declare_component(COMPONENT, path=str(asset_dir()))
    return f"../{declared.name}/"
