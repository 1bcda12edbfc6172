"""geomap's page: load news articles, see on a map where the incidents they report happened.

Layout and session state only; reading files, parsing and map building live in the geomap package.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import threading
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geomap import Geoparser, Mention
from geomap.assets import serve_with_streamlit
from geomap.documents import SUFFIXES, Document, DocumentError, human_size, read_document, text_document
from geomap.gazetteer import KINDS
from geomap.mapview import (
    KIND_LABELS,
    Article,
    MappedPlace,
    aggregate,
    article_html,
    build_map,
    count_line,
    excerpts,
    keep,
    kind_line,
    place_at,
)

SAMPLES = Path(__file__).resolve().parent / "data"
# Per-file limit, checked by geomap itself; .streamlit/config.toml lets uploads up to 20 MB reach
# that check, so a too-big file gets a message naming it instead of the uploader's generic refusal.
MAX_FILE_BYTES = int(float(os.environ.get("GEOMAP_MAX_FILE_MB", "2")) * 1_000_000)
MAP_HEIGHT = 560

PAGE_CSS = """<style>
mark.gm-hit { background: #ffd54f; padding: 0 2px; border-radius: 2px; font-weight: 600; }
mark.gm-mention { background: #dbe9f6; padding: 0 2px; border-radius: 2px; }
.gm-place h3 { margin: 0 0 .2rem 0; }
.gm-meta { color: #666; font-size: .85rem; }
.gm-article-title { font-weight: 600; margin-top: .8rem; }
.gm-excerpt { border-left: 3px solid #ffd54f; padding: .2rem .6rem; margin: .35rem 0; font-size: .92rem; }
.gm-fulltext { font-size: .92rem; line-height: 1.55; }
.gm-sidebar-article { font-size: .88rem; line-height: 1.3; }
</style>"""

st.set_page_config(page_title="geomap: incidents on a map", page_icon="🗺️", layout="wide")


@st.cache_resource(show_spinner="Loading the language model and the gazetteer…")
def geoparser() -> tuple[Geoparser, threading.Lock]:
    """One parser per server process (loading spaCy and the gazetteer takes seconds), and a lock:
    sessions run in threads, and a spaCy pipeline is not documented as safe to share between them."""
    return Geoparser(), threading.Lock()


@st.cache_data(show_spinner=False, max_entries=1000)
def parse(text: str) -> list[Mention]:
    """Parsing is the slow step; the same text (the samples, above all) is parsed once per process."""
    parser, lock = geoparser()
    with lock:
        return parser.parse(text)


def md_escape(text: str) -> str:
    """User text inside a Markdown message (file names) shows as typed: no formatting, links or HTML."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!<>|~$&])", r"\\\1", text)


def article_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def ingest(items: list[tuple[str, bytes | str]]) -> list[tuple[str, str]]:
    """Read, parse and add (name, file bytes or pasted text) items; returns notices (level, message).

    A file that can't be read or parsed is reported by name and skipped; the rest go on.
    """
    notices: list[tuple[str, str]] = []
    articles: dict[str, Article] = st.session_state.articles
    added = []
    bar = st.sidebar.progress(0.0)  # in the sidebar: a bar in the main area would shift, and re-create, the map
    for i, (name, payload) in enumerate(items):
        bar.progress(i / len(items), text=f"Parsing {md_escape(name)} ({i + 1} of {len(items)})")
        try:
            doc = read_document(name, payload, MAX_FILE_BYTES) if isinstance(payload, bytes) else pasted(payload)
        except DocumentError as err:
            notices.append(("error", str(err)))
            continue
        aid = article_id(doc.text)
        if aid in articles:
            notices.append(("info", f"{name} is already loaded, as “{articles[aid].title}”."))
            continue
        try:
            mentions = parse(doc.text)
        except Exception as err:  # one article the parser fails on must not stop the batch
            notices.append(("error", f"{name} could not be parsed ({type(err).__name__}: {err})."))
            continue
        articles[aid] = Article(aid, doc, tuple(mentions))
        added.append(aid)
    bar.empty()
    st.session_state.article_filter = [*st.session_state.get("article_filter", []), *added]
    if added:
        notices.insert(0, ("success", f"Added {len(added)} article{'s' * (len(added) != 1)} to the map."))
    return notices


def pasted(text: str) -> Document:
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise DocumentError(f"The pasted text is {human_size(size)}, over the limit of {human_size(MAX_FILE_BYTES)}.")
    return text_document(text)


def take_paste() -> None:
    """Button callback: queue the pasted text for this run and empty the box."""
    st.session_state.pending_paste = st.session_state.paste_text
    st.session_state.paste_text = ""


def remove_article(aid: str) -> None:
    st.session_state.articles.pop(aid, None)
    st.session_state.article_filter = [a for a in st.session_state.article_filter if a != aid]


def init_state() -> None:
    """First run of a session: the sample articles, so the first look is never an empty map."""
    if "articles" in st.session_state:
        return
    st.session_state.update(articles={}, notices=[], upload_round=0, selected=None, last_click=None,
                            kind_filter=list(KINDS), min_confidence=0.0, paste_text="")
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix.lower() in SUFFIXES)
    st.session_state.notices = [n for n in ingest([(p.name, p.read_bytes()) for p in samples]) if n[0] == "error"]


def sidebar_inputs() -> None:
    """Upload and paste; new articles are parsed here, before the filter widgets exist."""
    st.sidebar.title("geomap")
    st.sidebar.caption("News articles in, a map of the places they mention out. Runs offline.")
    uploads = st.sidebar.file_uploader(
        f"Add articles ({', '.join(SUFFIXES)}; up to {human_size(MAX_FILE_BYTES)} each)",
        type=[s.lstrip(".") for s in SUFFIXES], accept_multiple_files=True,
        key=f"upload_{st.session_state.upload_round}")
    with st.sidebar.expander("…or paste an article"):
        st.text_area("Article text (the first line is its title)", key="paste_text", height=150)
        st.button("Add pasted text", on_click=take_paste)
    items: list[tuple[str, bytes | str]] = [(f.name, f.getvalue()) for f in uploads or []]
    if text := st.session_state.pop("pending_paste", "").strip():
        items.append(("pasted text", text))
    if items:
        st.session_state.notices = ingest(items)
        if uploads:  # a fresh uploader key empties the widget, so files aren't read twice
            st.session_state.upload_round += 1
            st.rerun()


def sidebar_articles_and_filters() -> tuple[list[Article], list[str], float]:
    """The loaded articles (each removable) and the filters; returns what the map should show."""
    articles: dict[str, Article] = st.session_state.articles
    st.sidebar.subheader(f"Loaded articles ({len(articles)})")
    for aid, art in articles.items():
        text_col, button_col = st.sidebar.columns([6, 1], vertical_alignment="center")
        resolved = sum(m.lat is not None for m in art.mentions)
        with text_col:
            st.html(f'<div class="gm-sidebar-article">{html.escape(art.title)}<br>'
                    f'<span class="gm-meta">{html.escape(art.document.source)} · {resolved} places found</span></div>')
        button_col.button(":material/close:", key=f"remove_{aid}", help="Remove this article", type="tertiary",
                          on_click=remove_article, args=(aid,))
    st.sidebar.subheader("Filters")
    shown = st.sidebar.multiselect("Articles", options=list(articles), key="article_filter",
                                   format_func=lambda a: articles[a].title)
    kinds = st.sidebar.multiselect("Place kinds", options=list(KINDS), key="kind_filter",
                                   format_func=lambda k: KIND_LABELS[k])
    min_conf = st.sidebar.slider("Minimum confidence", 0.0, 1.0, step=0.05, key="min_confidence",
                                 help="How sure the parser is of the place it chose for a mention.")
    return [articles[a] for a in shown if a in articles], kinds, min_conf


def show_notices() -> None:
    """Messages about the last batch of articles, shown once."""
    for level, message in st.session_state.notices:
        getattr(st, level)(md_escape(message))
    st.session_state.notices = []


def selected_place(places: list[MappedPlace], clicked: dict | None) -> MappedPlace | None:
    """Remember the place of the last marker click; the map returns the click until the next one."""
    click = (clicked or {}).get("last_object_clicked")
    if click and click != st.session_state.last_click:
        st.session_state.last_click = click
        place = place_at(places, click["lat"], click["lng"], (clicked or {}).get("last_object_clicked_tooltip"))
        if place is not None:
            st.session_state.selected = place.key
    return next((p for p in places if p.key == st.session_state.selected), None)


def place_panel(place: MappedPlace | None) -> None:
    """Every sentence that mentions the clicked place, grouped by article, with the whole article on demand."""
    if place is None:
        st.info("Click a marker to read every sentence that mentions the place.")
        return
    st.html(f'<div class="gm-place"><h3>{html.escape(place.name)}</h3>'
            f'<div class="gm-meta">{html.escape(kind_line(place))} · {count_line(place)} · '
            f'{place.lat:.4f}, {place.lon:.4f}</div></div>')
    by_article: dict[str, Article] = {h.article.id: h.article for h in place.hits}
    with st.container(height=MAP_HEIGHT - 90, border=False):
        for art in by_article.values():
            quotes = "".join(f'<div class="gm-excerpt">{s}</div>' for s in excerpts(place, art))
            st.html(f'<div class="gm-article-title">{html.escape(art.title)}</div>{quotes}')
            with st.expander("Read the whole article"):
                st.html(f'<div class="gm-fulltext">{article_html(art, place)}</div>')


def mentions_table(shown: list[Article], kinds: list[str], min_conf: float) -> None:
    rows = [{"article": art.title, "mention": m.text, "place": m.name or "(unresolved)",
             "kind": KIND_LABELS.get(m.kind or "", "unresolved"), "country": m.country_code,
             "confidence": m.confidence, "lat": m.lat, "lon": m.lon, "offset": m.start}
            for art in shown for m in art.mentions if keep(m, kinds, min_conf)]
    st.subheader(f"All mentions ({len(rows)})")
    st.caption("Click a column header to sort.")
    st.dataframe(pd.DataFrame(rows, columns=["article", "mention", "place", "kind", "country", "confidence",
                                             "lat", "lon", "offset"]),
                 hide_index=True, width="stretch",
                 column_config={"confidence": st.column_config.NumberColumn(format="%.2f"),
                                "lat": st.column_config.NumberColumn(format="%.4f"),
                                "lon": st.column_config.NumberColumn(format="%.4f")})


def main() -> None:
    st.html(PAGE_CSS)
    init_state()
    sidebar_inputs()
    shown, kinds, min_conf = sidebar_articles_and_filters()
    places = aggregate(shown, kinds, min_conf)

    st.title("Incidents on a map")
    st.caption(f"{len(places)} places from {len(shown)} of {len(st.session_state.articles)} articles. "
               "Hover a marker for its name, click it for the sentences that mention it.")
    with st.container():  # a fixed slot: notices coming and going must not shift (and re-create) the map
        show_notices()
    view = build_map(places, serve_with_streamlit())
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        clicked = st_folium(view.base, key="incident_map", height=MAP_HEIGHT, use_container_width=True,
                            feature_group_to_add=view.layers, layer_control=view.control,
                            returned_objects=["last_object_clicked", "last_object_clicked_tooltip"])
    with panel_col:
        place_panel(selected_place(places, clicked))
    mentions_table(shown, kinds, min_conf)


main()
