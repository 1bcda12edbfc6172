"""geomap's page: load news articles, see on a map where the incidents they report happened.

Layout and session state only; reading files, parsing, storing and map building live in the geomap
package. Articles and corrections are kept in the store (`GEOMAP_DATABASE_URL`, else an SQLite file
under the data directory), so they outlast the session and the server; the session keeps only what
this reader chose to see (filters, the selected place).
"""

from __future__ import annotations

import html
import logging
import os
import re
import threading
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geomap import Geoparser, Mention, Settings, export
from geomap.assets import serve_with_streamlit
from geomap.config import default_database_url
from geomap.documents import SUFFIXES, Document, DocumentError, human_size, read_document, text_document
from geomap.gazetteer import KINDS, Gazetteer
from geomap.incidents import ROLES
from geomap.mapview import (
    CATEGORY_LABELS,
    CATEGORY_STYLE,
    KIND_LABELS,
    ROLE_LABELS,
    Article,
    Filters,
    MappedPlace,
    aggregate,
    article_html,
    build_map,
    casualty_line,
    choice_key,
    count_line,
    excerpts,
    kind_label,
    kind_line,
    place_at,
    place_key,
)
from geomap.recognize import shared_gazetteer
from geomap.store import Correction, Store, content_hash, correction_options, option_label

SAMPLES = Path(__file__).resolve().parent / "data"
# Per-file limit, checked by geomap itself; .streamlit/config.toml lets uploads up to 20 MB reach
# that check, so a too-big file gets a message naming it instead of the uploader's generic refusal.
MAX_FILE_BYTES = int(float(os.environ.get("GEOMAP_MAX_FILE_MB", "2")) * 1_000_000)
MAP_HEIGHT = 560
# Download buttons: label, export format.
EXPORTS = (("GeoJSON", "geojson"), ("CSV", "csv"), ("KML", "kml"), ("HTML map", "html"))
log = logging.getLogger("geomap.app")

PAGE_CSS = """<style>
mark.gm-hit { background: #ffd54f; padding: 0 2px; border-radius: 2px; font-weight: 600; }
mark.gm-mention { background: #dbe9f6; padding: 0 2px; border-radius: 2px; }
.gm-place h3 { margin: 0 0 .2rem 0; }
.gm-meta { color: #666; font-size: .85rem; }
.gm-article-title { font-weight: 600; margin-top: .8rem; }
.gm-excerpt { border-left: 3px solid #ffd54f; padding: .2rem .6rem; margin: .35rem 0; font-size: .92rem; }
.gm-fulltext { font-size: .92rem; line-height: 1.55; }
.gm-sidebar-article { font-size: .88rem; line-height: 1.3; }
.gm-incident { margin: .45rem 0; font-size: .9rem; }
.gm-date { font-weight: 600; margin-right: .3rem; }
.gm-chip { display: inline-block; color: #fff; border-radius: 3px; padding: 0 5px; margin-right: 3px;
  font-size: .8rem; }
.gm-event { border-left: 3px solid #bbb; padding: .1rem .6rem; margin: .2rem 0; font-size: .88rem; }
mark.gm-trigger { background: #ffcdd2; padding: 0 2px; border-radius: 2px; }
mark.gm-figure { background: #e1bee7; padding: 0 2px; border-radius: 2px; }
.gm-fix { font-size: .88rem; color: #2e7d32; }
</style>"""

st.set_page_config(page_title="geomap: incidents on a map", page_icon="🗺️", layout="wide")


@st.cache_resource(show_spinner="Loading the language model and the gazetteer…")
def geoparser() -> tuple[Geoparser, threading.Lock]:
    """One parser per server process (loading spaCy and the gazetteer takes seconds), and a lock:
    sessions run in threads, and a spaCy pipeline is not documented as safe to share between them."""
    return Geoparser(), threading.Lock()


@st.cache_data(show_spinner=False, max_entries=1000)
def parse(text: str, published: str | None = None) -> list[Mention]:
    """Parsing is the slow step; the same text (the samples, above all) is parsed once per process.

    `published` is the article's date, which relative dates in it ("on Monday") count from.
    """
    parser, lock = geoparser()
    with lock:
        return parser.parse(text, date=published)


def md_escape(text: str) -> str:
    """User text inside a Markdown message (file names) shows as typed: no formatting, links or HTML."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!<>|~$&])", r"\\\1", text)


def database_url() -> str:
    """The store's URL, read on every run: GEOMAP_DATABASE_URL, else the SQLite file under the data directory."""
    return Settings.from_env().database_url or default_database_url()


@st.cache_resource(show_spinner="Opening the database…")
def open_store(url: str) -> Store:
    """One `Store` per database and server process: sessions share its connection pool (a Store is
    thread-safe). An empty database gets the bundled samples, so the first look is never an empty map."""
    store = Store(url)
    if not store.articles():
        samples = sorted(p for p in SAMPLES.iterdir() if p.suffix.lower() in SUFFIXES)
        _, notices = add_articles(store, [(p.name, p.read_bytes()) for p in samples])
        for level, message in notices:
            if level != "success":
                log.warning("sample article: %s", message)
    return store


def store() -> Store:
    return open_store(database_url())


@st.cache_resource(max_entries=4, show_spinner=False)
def stored_articles(url: str, revision: tuple) -> dict[str, Article]:
    """The stored articles with corrections applied, read again only when the store has changed (by
    any writer): reading 1,000 articles takes about a second, asking for the revision 2 ms. Shared
    by all sessions, so never modified."""
    return {a.id: a for a in open_store(url).map_articles()}


def gazetteer() -> Gazetteer:
    """The parser's own gazetteer (opened once per process), searched by "Wrong place?"."""
    path = Settings.from_env().gazetteer_path
    return shared_gazetteer(str(path or ""))


def add_articles(db: Store, items: list[tuple[str, bytes | tuple[str, date | None]]],
                 progress: Callable[[int, str], None] | None = None) -> tuple[list[str], list[tuple[str, str]]]:
    """Read, parse and store (name, file bytes or (pasted text, date)) items; returns the new article ids
    and notices (level, message). An article already stored (same content) is reported, not parsed again;
    a file that can't be read, parsed or stored is reported by name and skipped; the rest go on."""
    notices: list[tuple[str, str]] = []
    added: list[str] = []
    for i, (name, payload) in enumerate(items):
        if progress:
            progress(i, name)
        try:
            doc = read_document(name, payload, MAX_FILE_BYTES) if isinstance(payload, bytes) else pasted(*payload)
        except DocumentError as err:
            notices.append(("error", str(err)))
            continue
        found = db.find(content_hash(doc.text.replace("\x00", " ")))  # as `Store.add_article` hashes it
        known = db.article(found) if found is not None else None
        if known is not None:
            notices.append(("info", f"{name} is already loaded, as “{known.document.title}”."))
            continue
        try:
            mentions = parse(doc.text, doc.date)
            added.append(str(db.add_article(doc, mentions)))
        except Exception as err:  # one article the parser or the database fails on must not stop the batch
            notices.append(("error", f"{name} could not be added ({type(err).__name__}: {err})."))
    if added:
        notices.insert(0, ("success", f"Added {len(added)} article{'s' * (len(added) != 1)} to the map."))
    return added, notices


def pasted(text: str, published: date | None = None) -> Document:
    size = len(text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise DocumentError(f"The pasted text is {human_size(size)}, over the limit of {human_size(MAX_FILE_BYTES)}.")
    doc = text_document(text)
    return Document(doc.title, doc.text, doc.source, published.isoformat() if published else None)


def take_paste() -> None:
    """Button callback: queue the pasted text (and its date) for this run and empty the box."""
    st.session_state.pending_paste = (st.session_state.paste_text, st.session_state.paste_date)
    st.session_state.paste_text = ""


def date_bounds(articles) -> tuple[date, date] | tuple[()]:
    """The first and last event date among the articles' mentions; () when none is dated."""
    days = [date.fromisoformat(m.date) for art in articles for m in art.mentions if m.date]
    return (min(days), max(days)) if days else ()


def remove_article(aid: str) -> None:
    """Button callback: delete the article from the store (its corrections stay, for when it comes back)."""
    store().delete_article(int(aid))


def init_state() -> None:
    """First run of a session: every filter open. The articles themselves are in the store."""
    if "known_articles" in st.session_state:
        return
    st.session_state.update(known_articles=[], article_filter=[], notices=[], upload_round=0, selected=None,
                            last_click=None, kind_filter=list(KINDS), min_confidence=0.0, paste_text="",
                            paste_date=None, role_filter=[r for r in ROLES if r != "actor"],
                            category_filter=list(CATEGORY_LABELS), date_range=(), include_undated=True, heat="off")


def sync_filters(articles: dict[str, Article]) -> None:
    """Articles new to this session (uploaded here, in another session or by `geomap ingest`) join the
    article filter, deleted ones leave it, and the date range spans the articles' dates again.
    Runs before the filter widgets exist, so their state may still be set."""
    known = st.session_state.known_articles
    if list(articles) == known:
        return
    kept = [a for a in st.session_state.article_filter if a in articles]
    st.session_state.article_filter = kept + [a for a in articles if a not in known and a not in kept]
    st.session_state.date_range = date_bounds(articles.values())
    st.session_state.known_articles = list(articles)


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
        st.date_input("Publication date (optional)", key="paste_date", format="YYYY-MM-DD",
                      help="Dates in the text such as “yesterday” or “on Monday” count from it.")
        st.button("Add pasted text", on_click=take_paste)
    items: list[tuple[str, bytes | tuple[str, date | None]]] = [(f.name, f.getvalue()) for f in uploads or []]
    text, published = st.session_state.pop("pending_paste", ("", None))
    if text.strip():
        items.append(("pasted text", (text.strip(), published)))
    if items:
        bar = st.sidebar.progress(0.0)  # in the sidebar: a bar in the main area would shift, and re-create, the map
        _, st.session_state.notices = add_articles(store(), items, lambda i, name: bar.progress(
            i / len(items), text=f"Parsing {md_escape(name)} ({i + 1} of {len(items)})"))
        bar.empty()
        if uploads:  # a fresh uploader key empties the widget, so files aren't read twice
            st.session_state.upload_round += 1
            st.rerun()


def sidebar_articles_and_filters(articles: dict[str, Article]) -> tuple[list[Article], Filters]:
    """The stored articles (each removable) and the filters; returns what the map should show."""
    st.sidebar.subheader(f"Loaded articles ({len(articles)})")
    for aid, art in articles.items():
        text_col, button_col = st.sidebar.columns([6, 1], vertical_alignment="center")
        resolved = sum(m.lat is not None for m in art.mentions)
        with text_col:
            st.html(f'<div class="gm-sidebar-article">{html.escape(art.title)}<br>'
                    f'<span class="gm-meta">{html.escape(art.document.source)} · {resolved} places found</span></div>')
        button_col.button(":material/close:", key=f"remove_{aid}", help="Remove this article from the database",
                          type="tertiary", on_click=remove_article, args=(aid,))
    st.sidebar.subheader("Filters")
    shown = st.sidebar.multiselect("Articles", options=list(articles), key="article_filter",
                                   format_func=lambda a: articles[a].title)
    kinds = st.sidebar.multiselect("Place kinds", options=list(KINDS), key="kind_filter",
                                   format_func=lambda k: KIND_LABELS[k])
    min_conf = st.sidebar.slider("Minimum confidence", 0.0, 1.0, step=0.05, key="min_confidence",
                                 help="How sure the parser is of the place it chose for a mention.")
    roles = st.sidebar.multiselect(
        "Place roles", options=list(ROLES), key="role_filter", format_func=lambda r: ROLE_LABELS[r],
        help="Actor: the name stands for a government, army or team (“Moscow said”), not where something "
             "happened. Places named only as actors are hidden unless you add “actor”.")
    categories = st.sidebar.multiselect(
        "Incident categories", options=list(CATEGORY_LABELS), key="category_filter",
        format_func=lambda c: f"{CATEGORY_STYLE[c][1]} {CATEGORY_LABELS[c]}" if c in CATEGORY_STYLE
        else CATEGORY_LABELS[c])
    since = until = None
    if st.session_state.date_range:
        picked = st.sidebar.date_input("Event dates", key="date_range", format="YYYY-MM-DD")
        since, until = (tuple(picked) + (None, None))[:2]
    else:
        st.sidebar.caption("No dated incidents among the loaded articles.")
    undated = st.sidebar.checkbox("Include mentions without a date", key="include_undated")
    filters = Filters(kinds=kinds, min_confidence=min_conf, roles=roles, categories=categories, since=since,
                      until=until, undated=undated)
    return [articles[a] for a in shown if a in articles], filters


def show_notices() -> None:
    """Messages about the last batch of articles, shown once."""
    for level, message in st.session_state.notices:
        getattr(st, level)(md_escape(message))
    st.session_state.notices = []


def selected_key(places: list[MappedPlace], clicked: dict | None) -> str | None:
    """Remember the place of the last marker click; the map returns the click until the next one.

    A key, not a place: after a correction moves every mention away, the panel still shows what moved.
    """
    click = (clicked or {}).get("last_object_clicked")
    if click and click != st.session_state.last_click:
        st.session_state.last_click = click
        place = place_at(places, click["lat"], click["lng"], (clicked or {}).get("last_object_clicked_tooltip"))
        if place is not None:
            st.session_state.selected = place.key
    return st.session_state.selected


def chip(category: str) -> str:
    colour, glyph = CATEGORY_STYLE[category]
    return f'<span class="gm-chip" style="background:{colour}">{glyph} {html.escape(CATEGORY_LABELS[category])}</span>'


def timeline_html(place: MappedPlace) -> str:
    """The place's incidents by date: categories, figures, the article and its sentence, triggers marked."""
    rows = []
    for inc in place.incidents:
        figures = ", ".join(f"{f['kind']} {'' if f['qualifier'] == '=' else f['qualifier'] + ' '}{f['count']}"
                            for f in inc.casualties)
        rows.append(f'<div class="gm-incident"><span class="gm-date" title="{html.escape(inc.date_reason)}">'
                    f'{html.escape(inc.date or "undated")}</span>{"".join(chip(c) for c in inc.categories)}'
                    f' {html.escape(figures)} <span class="gm-meta">{html.escape(inc.article.title)}</span>'
                    f'<div class="gm-event">{inc.sentence_html()}</div></div>')
    return "".join(rows)


# --- corrections ---------------------------------------------------------------------------------------

def correct(aid: str, spans: list[tuple[int, int]], choice: dict[str, Any] | None) -> None:
    """Callback: store the reader's verdict for every span (a place, or None: not a place); the rerun
    that follows draws the map from the store, correction applied."""
    try:
        for start, end in spans:
            store().add_correction(int(aid), start, end, choice)
    except KeyError:  # the article was deleted meanwhile, in another session
        st.session_state.notices = [("warning", "That article is no longer in the database.")]


def correct_with_pick(aid: str, spans: list[tuple[int, int]], options: dict[str, dict[str, Any]], pick: str) -> None:
    """Callback of "Use this place": the place picked in the select box `pick`."""
    chosen = options.get(st.session_state.get(pick) or "")
    if chosen is not None:
        correct(aid, spans, chosen)


def undo(aid: str, spans: list[tuple[int, int]]) -> None:
    """Callback: drop the corrections of these spans; the parser's own choice shows again."""
    for start, end in spans:
        store().delete_correction(int(aid), start, end)


def hint_options(mention: Mention, digest: str) -> tuple[list[dict[str, Any]], int]:
    """What other articles' corrections of the same name in the same country chose, newest first,
    and how many of them said "not a place"; this article's own corrections and its current place left out."""
    places: dict[str | None, dict[str, Any]] = {}
    not_a_place = 0
    for c in store().hints(mention):
        if c.content_hash == digest:
            continue
        if c.place is None:
            not_a_place += 1
        elif choice_key(c.place) != place_key(mention):
            places.setdefault(choice_key(c.place), c.place)
    return list(places.values()), not_a_place


def correction_picker(art: Article, digest: str, mentions: list[Mention]) -> None:
    """"Wrong place?" for one name in one article (all its mentions at this place, corrected together):
    a hint from other articles, the parser's candidates, a typo-tolerant search, or "not a place"."""
    first = mentions[0]
    gid = f"{art.id}-{first.start}"
    spans = [(m.start, m.end) for m in mentions]
    times = f" ({len(mentions)} mentions)" if len(mentions) > 1 else ""
    with st.expander(f"Wrong place? “{md_escape(first.text)}”{times}", icon=":material/edit_location_alt:"):
        hints, not_a_place = hint_options(first, digest)
        if not_a_place:
            st.caption(f"Marked “not a place” in {not_a_place} other article{'s' * (not_a_place != 1)}.")
        query = st.text_input("Search places by name", key=f"fix-query-{gid}", placeholder="Typos are fine: Kharkov")
        options: dict[str, dict[str, Any]] = {}
        labels: dict[str, str] = {}
        for hint in hints:
            key = str(choice_key(hint))
            options[key], labels[key] = hint, f"★ {option_label(hint)} · as corrected in another article"
        for option in correction_options(first, gazetteer(), query):
            key = str(choice_key(option))
            if key not in options:
                options[key], labels[key] = option, option_label(option)
        pick = f"fix-pick-{gid}"
        picked = st.selectbox("The right place", list(options), index=0 if hints else None, key=pick,
                              format_func=labels.__getitem__, placeholder="Pick a candidate or a search result",
                              help="The parser's other candidates for this name; search to add more.")
        use_col, none_col = st.columns(2)
        use_col.button("Use this place", key=f"fix-use-{gid}", disabled=picked is None, type="primary",
                       on_click=correct_with_pick, args=(art.id, spans, options, pick))
        none_col.button("Not a place", key=f"fix-none-{gid}", on_click=correct, args=(art.id, spans, None),
                        help="The name here is not a place (a person, an organisation, a word).")


def corrected_row(aid: str, fixes: list[Correction], here: bool) -> None:
    """One corrected name: to this place (`here`) or away from it, with the button that undoes it."""
    c = fixes[0]
    times = f" ×{len(fixes)}" if len(fixes) > 1 else ""
    if here:
        was = f"the parser chose {option_label(c.original)}" if c.original.get("name") else "the parser found none"
        what = f"corrected to this place ({was})"
    else:
        what = "marked not a place" if c.place is None else f"corrected to {option_label(c.place)}"
    text_col, button_col = st.columns([5, 1], vertical_alignment="center")
    text_col.html(f'<div class="gm-fix">✓ “{html.escape(c.text)}”{times} {html.escape(what)}</div>')
    button_col.button("Undo", key=f"undo-{aid}-{c.start}", type="tertiary", help="Back to the parser's choice",
                      on_click=undo, args=(aid, [(x.start, x.end) for x in fixes]))


def article_corrections(shown: list[Article]) -> tuple[dict[str, str], dict[str, list[Correction]]]:
    """Each shown article's content hash, and its corrections (corrections are keyed by content)."""
    digests = {a.id: content_hash(a.document.text) for a in shown}
    by_hash: dict[str, list[Correction]] = {}
    for c in store().corrections():
        by_hash.setdefault(c.content_hash, []).append(c)
    return digests, {aid: by_hash.get(h, []) for aid, h in digests.items()}


def name_corrections(art: Article, place: MappedPlace | None, fixes: list[Correction], moved: list[Correction],
                     digest: str) -> None:
    """Under an article's sentences: each name of it at this place, corrected (with undo) or with
    "Wrong place?", and the names corrected away from this place (with undo)."""
    spans = {(c.start, c.end, c.text): c for c in fixes}
    here: dict[tuple[str, str | None], list[Correction]] = {}
    away: dict[tuple[str, str | None], list[Correction]] = {}
    still: dict[str, list[Mention]] = {}
    for m in (h.mention for h in place.hits if h.article.id == art.id) if place else ():
        if (c := spans.get((m.start, m.end, m.text))) is not None:
            here.setdefault((m.text, choice_key(c.original)), []).append(c)
        else:
            still.setdefault(m.text, []).append(m)
    for c in moved:
        away.setdefault((c.text, choice_key(c.place)), []).append(c)
    for group in here.values():
        corrected_row(art.id, group, here=True)
    for group in away.values():
        corrected_row(art.id, group, here=False)
    for mentions in still.values():
        correction_picker(art, digest, mentions)


def place_panel(key: str | None, places: list[MappedPlace], shown: list[Article]) -> None:
    """The clicked place's incident timeline, then every sentence that mentions it, grouped by article,
    each name with its "Wrong place?" control or its correction. A place whose every mention was
    corrected away keeps its panel, so the corrections can be undone where they were made."""
    place = next((p for p in places if p.key == key), None)
    digests, fixes = article_corrections(shown) if key else ({}, {})
    moved = {aid: [c for c in cs if choice_key(c.original) == key and choice_key(c.place) != key]
             for aid, cs in fixes.items()}
    moved = {aid: cs for aid, cs in moved.items() if cs}
    if place is None and not moved:
        st.info("Click a marker to read every sentence that mentions the place.")
        return
    if place is not None:
        roles = ", ".join(sorted(place.roles))
        st.html(f'<div class="gm-place"><h3>{html.escape(place.name)}</h3>'
                f'<div class="gm-meta">{html.escape(kind_line(place))} · {count_line(place)} · '
                f'{place.lat:.4f}, {place.lon:.4f}{" · as " + html.escape(roles) if roles else ""}</div></div>')
    else:
        original = next(iter(moved.values()))[0].original
        st.html(f'<div class="gm-place"><h3>{html.escape(original["name"] or "")}</h3>'
                '<div class="gm-meta">No mentions left here: they were corrected.</div></div>')
    by_article: dict[str, Article] = {h.article.id: h.article for h in place.hits} if place else {}
    by_article |= {a.id: a for a in shown if a.id in moved and a.id not in by_article}
    with st.container(height=MAP_HEIGHT - 90, border=False):
        if place is not None and place.incidents:
            casualties = casualty_line(place)
            st.html(f'<div class="gm-timeline"><b>Incidents</b>{" · " + html.escape(casualties) if casualties else ""}'
                    f'{timeline_html(place)}</div>')
        for art in by_article.values():
            quotes = "".join(f'<div class="gm-excerpt">{s}</div>' for s in excerpts(place, art)) if place else ""
            st.html(f'<div class="gm-article-title">{html.escape(art.title)}</div>{quotes}')
            name_corrections(art, place, fixes.get(art.id, []), moved.get(art.id, []), digests[art.id])
            with st.expander("Read the whole article"):
                st.html(f'<div class="gm-fulltext">{article_html(art, place)}</div>')


def mentions_table(shown: list[Article], filters: Filters) -> None:
    rows = [{"article": art.title, "mention": m.text, "place": m.name or "(unresolved)",
             "kind": kind_label(m.kind, m.feature) if m.kind else "unresolved", "country": m.country_code,
             "role": m.role,
             "incidents": ", ".join(dict.fromkeys(CATEGORY_LABELS[e["category"]] for e in m.events)),
             "casualties": ", ".join(f"{c['kind']} {'' if c['qualifier'] == '=' else c['qualifier'] + ' '}{c['count']}"
                                     for c in m.casualties),
             "date": m.date, "confidence": m.confidence, "lat": m.lat, "lon": m.lon, "offset": m.start}
            for art in shown for m in art.mentions if filters.keep(m)]
    st.subheader(f"All mentions ({len(rows)})")
    st.caption("Click a column header to sort.")
    st.dataframe(pd.DataFrame(rows, columns=["article", "mention", "place", "kind", "country", "role", "incidents",
                                             "casualties", "date", "confidence", "lat", "lon", "offset"]),
                 hide_index=True, width="stretch",
                 column_config={"confidence": st.column_config.NumberColumn(format="%.2f"),
                                "lat": st.column_config.NumberColumn(format="%.4f"),
                                "lon": st.column_config.NumberColumn(format="%.4f")})


def downloads(places: list[MappedPlace], heat: str | None) -> None:
    """What the map shows (filters applied) in each export format, and every correction as JSON Lines.

    The files are made when a button is clicked (a callable), not on every rerun.
    """
    st.caption("Download the places on the map, as filtered, or every correction made so far:")
    cols = st.columns(len(EXPORTS) + 1)
    for col, (label, fmt) in zip(cols, EXPORTS):
        data = partial(export.html_map, places, heat=heat) if fmt == "html" else partial(export.render, places, fmt)
        col.download_button(label, data=data, file_name=f"geomap.{fmt}", mime=export.MEDIA_TYPES[fmt],
                            key=f"download_{fmt}", on_click="ignore", icon=":material/download:", width="stretch")
    cols[-1].download_button("Corrections", data=partial(export.corrections_jsonl, store()),
                             file_name="geomap-corrections.jsonl", mime="application/jsonl",
                             key="download_corrections", on_click="ignore", icon=":material/download:",
                             width="stretch", help="One JSON line per correction: an evaluation or training set.")


def main() -> None:
    st.html(PAGE_CSS)
    init_state()
    sidebar_inputs()
    articles = stored_articles(database_url(), store().revision())
    sync_filters(articles)
    shown, filters = sidebar_articles_and_filters(articles)
    heat = st.sidebar.radio("Heat map", ["off", "incidents", "casualties"], key="heat", horizontal=True,
                            help="A heat layer weighted by the number of incidents or of people killed and injured.")
    places = aggregate(shown, filters=filters)

    st.title("Incidents on a map")
    st.caption(f"{len(places)} places from {len(shown)} of {len(articles)} articles. "
               "Hover a marker for its name, click it for the sentences that mention it.")
    with st.container():  # a fixed slot: notices coming and going must not shift (and re-create) the map
        show_notices()
    view = build_map(places, serve_with_streamlit(), heat=None if heat == "off" else heat)
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        clicked = st_folium(view.base, key="incident_map", height=MAP_HEIGHT, use_container_width=True,
                            feature_group_to_add=view.layers, layer_control=view.control,
                            returned_objects=["last_object_clicked", "last_object_clicked_tooltip"])
    with panel_col:
        place_panel(selected_key(places, clicked), places, shown)
    downloads(places, None if heat == "off" else heat)
    mentions_table(shown, filters)


main()
