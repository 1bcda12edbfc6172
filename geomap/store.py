"""The persistent store: articles, their mentions, the parser's resolutions and people's corrections.

One SQLAlchemy schema serves an embedded SQLite file (the default, one user or a small team on
one machine) and a PostgreSQL server (a shared team deployment), chosen by URL. The schema is
kept by Alembic migrations inside the package and brought up to date whenever a `Store` opens.

What the parser said and what people corrected are kept apart: mentions and resolutions are the
parser's output, corrections are keyed by the article's content hash and mention offsets, and are
laid over the parser's output on every read. So a correction survives deleting and re-adding the
article, re-parsing it with a newer parser, and is there as a hint for the same name elsewhere.

Every write is one transaction; on SQLite it starts with BEGIN IMMEDIATE so two writers queue for
the lock (busy timeout) instead of failing when a read turns into a write.
"""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    JSON,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    func,
    select,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship, selectinload

from . import mapview
from .config import Settings, default_database_url
from .documents import Document, normalize
from .gazetteer import Gazetteer, Place
from .parser import Mention
from .text import name_key

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_MS = 30_000  # how long a writer waits for another's transaction before giving up
# Mention fields that make up the resolution (the parser's choice of place); the rest describe the mention.
RESOLUTION_FIELDS = ("name", "kind", "country_code", "lat", "lon", "geonameid", "place_id", "feature", "confidence",
                     "alternatives")
PLACE_FIELDS = ("name", "kind", "country_code", "lat", "lon", "geonameid", "place_id", "feature")
_MENTION_FIELDS = {f.name for f in dataclasses.fields(Mention)}
_SPAN_FIELDS = ("text", "start", "end")


class Base(DeclarativeBase):
    # Named constraints, so later migrations can drop or alter them on every backend.
    metadata = MetaData(naming_convention={
        "ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "pk": "pk_%(table_name)s"})


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    mentions: Mapped[list[MentionRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan", passive_deletes=True, order_by="MentionRow.start")


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column("start_char", Integer)
    end: Mapped[int] = mapped_column("end_char", Integer)
    text: Mapped[str] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSON)  # excerpt, role, events, casualties, date, ...
    article: Mapped[ArticleRow] = relationship(back_populates="mentions")
    resolution: Mapped[ResolutionRow] = relationship(
        back_populates="mention", cascade="all, delete-orphan", passive_deletes=True, uselist=False)


class ResolutionRow(Base):
    """The parser's choice of place for a mention (place columns empty when it found none), and the runners-up."""

    __tablename__ = "resolutions"

    mention_id: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True)
    place_id: Mapped[int | None] = mapped_column(Integer)
    geonameid: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(32))
    country_code: Mapped[str | None] = mapped_column(String(8))
    lat: Mapped[float | None]
    lon: Mapped[float | None]
    feature: Mapped[str | None] = mapped_column(String(16))
    confidence: Mapped[float]
    alternatives: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    mention: Mapped[MentionRow] = relationship(back_populates="resolution")


class CorrectionRow(Base):
    """A person's verdict on one mention: the right place, or not a place at all (place is null)."""

    __tablename__ = "corrections"
    __table_args__ = (UniqueConstraint("content_hash", "start_char", "end_char", name="uq_corrections_span"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    start: Mapped[int] = mapped_column("start_char", Integer)
    end: Mapped[int] = mapped_column("end_char", Integer)
    text: Mapped[str] = mapped_column(Text)
    name_key: Mapped[str] = mapped_column(Text, index=True)
    country_code: Mapped[str | None] = mapped_column(String(8))
    place: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    original: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


@dataclass(frozen=True)
class StoredArticle:
    id: int
    content_hash: str
    document: Document
    added_at: datetime


@dataclass(frozen=True)
class Correction:
    """One correction. `place` None means "not a place"; `original` is what the parser had chosen."""

    content_hash: str
    start: int
    end: int
    text: str
    country_code: str | None  # the country the correction is about: hints go to the same name there
    place: dict[str, Any] | None
    original: dict[str, Any]
    created_at: datetime

    @property
    def is_place(self) -> bool:
        return self.place is not None


def content_hash(text: str) -> str:
    """sha256 of the normalised text: the same article uploaded twice (another file name, CRLF) is one article."""
    return hashlib.sha256(normalize(text).encode("utf-8")).hexdigest()


def place_choice(place: Place | Mapping[str, Any]) -> dict[str, Any]:
    """A gazetteer `Place` (from a search) or a candidate dict (a mention's alternative) as a stored choice."""
    if isinstance(place, Place):
        return {"name": place.name, "kind": place.kind, "country_code": place.country, "lat": place.lat,
                "lon": place.lon, "geonameid": place.geonameid, "place_id": place.id, "feature": place.feature}
    return {k: place.get(k) for k in PLACE_FIELDS}


def correction_options(mention: Mention, gazetteer: Gazetteer | None = None, query: str = "",
                       limit: int = 10) -> list[dict[str, Any]]:
    """What "wrong place?" offers: the mention's candidates, then places whose name is like `query`
    (typo-tolerant gazetteer search), each once and without the place already chosen."""
    options = [place_choice(a) for a in mention.alternatives]
    if gazetteer is not None and query.strip():
        options += [place_choice(p) for p in gazetteer.search(query, limit)]
    seen: set[Any] = {mention.place_id} if mention.place_id is not None else set()
    out = []
    for option in options:
        key = option["place_id"] if option["place_id"] is not None else (option["name"], option["lat"], option["lon"])
        if key not in seen:
            seen.add(key)
            out.append(option)
    return out


def option_label(option: Mapping[str, Any]) -> str:
    """"Georgia — country, GE (42.00, 43.50)": enough to tell same-named places apart in a list."""
    kind = mapview.kind_label(option.get("kind"), option.get("feature"))
    where = f", {option['country_code']}" if option.get("country_code") and option.get("kind") != "country" else ""
    point = f" ({option['lat']:.2f}, {option['lon']:.2f})" if option.get("lat") is not None else ""
    return f"{option['name']} — {kind}{where}{point}"


def apply_corrections(mentions: Iterable[Mention], corrections: Iterable[Correction]) -> list[Mention]:
    """The mentions with the corrections for their spans laid over: a new place, or the mention dropped."""
    by_span = {(c.start, c.end, c.text): c for c in corrections}
    out = []
    for m in mentions:
        c = by_span.get((m.start, m.end, m.text))
        if c is None:
            out.append(m)
        elif c.place is not None:
            was = [] if m.lat is None else [{k: getattr(m, k) for k in PLACE_FIELDS} | {"score": m.confidence}]
            rest = [a for a in was + m.alternatives if a.get("place_id") != c.place.get("place_id")
                    or a.get("place_id") is None and a.get("name") != c.place.get("name")]
            # A correction saved before places kept their feature code leaves none, not the old place's.
            out.append(dataclasses.replace(m, **{"feature": None, **c.place}, confidence=1.0, alternatives=rest))
    return out


def _correction(row: CorrectionRow) -> Correction:
    return Correction(row.content_hash, row.start, row.end, row.text, row.country_code, row.place, row.original,
                      row.created_at)


def _mention(row: MentionRow) -> Mention:
    r = row.resolution
    data = {**row.details, "text": row.text, "start": row.start, "end": row.end,
            **{k: getattr(r, k) for k in RESOLUTION_FIELDS}}
    return Mention(**{k: v for k, v in data.items() if k in _MENTION_FIELDS})


def _mention_row(m: Mention) -> MentionRow:
    d = m.to_dict()
    details = {k: v for k, v in d.items() if k not in RESOLUTION_FIELDS and k not in _SPAN_FIELDS}
    return MentionRow(start=m.start, end=m.end, text=m.text, details=details,
                      resolution=ResolutionRow(**{k: d[k] for k in RESOLUTION_FIELDS}))


def _document(row: ArticleRow) -> Document:
    return Document(title=row.title, text=row.text, source=row.source, date=row.date)


def alembic_config(connection: Any = None) -> Config:
    """Alembic's configuration built in code (no alembic.ini): the package's migrations, on this connection."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def _use_wal(dbapi_connection: Any) -> None:
    """Switch the file to WAL once; it stays so. SQLite refuses the switch at once (no busy wait) while
    another process holds the file, as when two processes open a new database together: retry then."""
    deadline = time.monotonic() + SQLITE_BUSY_MS / 1000
    while True:
        try:
            if dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                dbapi_connection.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def make_engine(url: str) -> Engine:
    """An engine for the URL; for SQLite a file in WAL mode with foreign keys on and writers that queue."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy, not the sqlite3 module, says when to BEGIN
        for pragma in (f"busy_timeout={SQLITE_BUSY_MS}", "synchronous=NORMAL", "foreign_keys=ON"):
            dbapi_connection.execute(f"PRAGMA {pragma}")
        _use_wal(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("geomap_write") else "BEGIN")

    return engine


class Store:
    """Articles, mentions and corrections in a database; every method is its own session, so threads may share one."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or Settings.from_env().database_url or default_database_url()
        self.engine = make_engine(self.url)
        self._writer = self.engine.execution_options(geomap_write=True)
        with self._writer.begin() as conn:
            command.upgrade(alembic_config(conn), "head")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def _write(self) -> Session:
        return Session(self._writer, expire_on_commit=False)

    # --- articles ---------------------------------------------------------------------------------

    def add_article(self, document: Document, mentions: Iterable[Mention]) -> int:
        """Store an article and its mentions in one transaction; an article already stored keeps its id."""
        text = document.text.replace("\x00", " ")  # PostgreSQL text can't hold NUL; the parser reads it as space
        digest = content_hash(text)
        row = ArticleRow(content_hash=digest, title=document.title, text=text, source=document.source,
                         date=document.date, added_at=datetime.now(UTC),
                         mentions=[_mention_row(m) for m in mentions])
        try:
            with self._write() as session, session.begin():
                found = session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == digest))
                if found is not None:
                    return found
                session.add(row)
                session.flush()
                return row.id
        except IntegrityError:  # another writer stored the same text meanwhile (PostgreSQL)
            found = self.find(digest)
            if found is None:
                raise
            return found

    def find(self, digest: str) -> int | None:
        """The id of the article with this content hash (`content_hash(text)`), if stored."""
        with self._read() as session:
            return session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == digest))

    def articles(self) -> list[StoredArticle]:
        """Every stored article, oldest first."""
        with self._read() as session:
            rows = session.scalars(select(ArticleRow).order_by(ArticleRow.id))
            return [StoredArticle(r.id, r.content_hash, _document(r), r.added_at) for r in rows]

    def article(self, article_id: int) -> StoredArticle | None:
        with self._read() as session:
            r = session.get(ArticleRow, article_id)
            return None if r is None else StoredArticle(r.id, r.content_hash, _document(r), r.added_at)

    def delete_article(self, article_id: int) -> bool:
        """Delete an article with its mentions (its corrections stay: they apply if it comes back)."""
        with self._write() as session, session.begin():
            row = session.get(ArticleRow, article_id)
            if row is None:
                return False
            session.delete(row)
            return True

    def mentions(self, article_id: int, corrected: bool = True) -> list[Mention]:
        """An article's mentions in text order, with corrections applied unless `corrected` is False."""
        with self._read() as session:
            row = session.get(ArticleRow, article_id, options=[_MENTIONS])
            if row is None:
                raise KeyError(f"no article {article_id}")
            found = [_mention(m) for m in row.mentions]
            return apply_corrections(found, self._corrections(session, [row.content_hash])) if corrected else found

    def map_articles(self) -> list[mapview.Article]:
        """Every article with its corrected mentions, as the map and the exports take them."""
        with self._read() as session:
            rows = list(session.scalars(select(ArticleRow).options(_MENTIONS).order_by(ArticleRow.id)))
            fixes: dict[str, list[Correction]] = {}
            for c in map(_correction, session.scalars(select(CorrectionRow).order_by(CorrectionRow.id))):
                fixes.setdefault(c.content_hash, []).append(c)
            return [mapview.Article(str(r.id), _document(r),
                                    tuple(apply_corrections([_mention(m) for m in r.mentions],
                                                            fixes.get(r.content_hash, ()))))
                    for r in rows]

    def revision(self) -> tuple[Any, ...]:
        """Changes whenever an article or correction is added, changed or deleted, by any writer: a
        cheap key for caching `map_articles` (counts, last ids and last times of both tables)."""
        with self._read() as session:
            articles = session.execute(select(func.count(), func.max(ArticleRow.id), func.max(ArticleRow.added_at)))
            corrections = session.execute(select(func.count(), func.max(CorrectionRow.id),
                                                 func.max(CorrectionRow.created_at)))
            return (*articles.one(), *corrections.one())

    def places(self, filters: mapview.Filters | None = None) -> list[mapview.MappedPlace]:
        """Mentions aggregated per resolved place over every stored article: what a map or an export shows."""
        return mapview.aggregate(self.map_articles(), filters=filters)

    # --- corrections ------------------------------------------------------------------------------

    def add_correction(self, article_id: int, start: int, end: int,
                       place: Place | Mapping[str, Any] | None) -> Correction:
        """Record that the mention at [start, end) is `place` (a gazetteer Place or a candidate dict) or,
        with None, not a place. A later correction of the same mention replaces an earlier one."""
        choice = None if place is None else place_choice(place)
        try:
            return self._save_correction(article_id, start, end, choice)
        except IntegrityError:  # two people corrected the same mention at once: the second one updates
            return self._save_correction(article_id, start, end, choice)

    def _save_correction(self, article_id: int, start: int, end: int, choice: dict[str, Any] | None) -> Correction:
        with self._write() as session, session.begin():
            article = session.get(ArticleRow, article_id, options=[_MENTIONS])
            if article is None:
                raise KeyError(f"no article {article_id}")
            mention = next((m for m in article.mentions if (m.start, m.end) == (start, end)), None)
            if mention is None:
                raise KeyError(f"article {article_id} has no mention at {start}-{end}")
            original = {k: getattr(mention.resolution, k) for k in RESOLUTION_FIELDS}
            row = session.scalar(select(CorrectionRow).where(
                CorrectionRow.content_hash == article.content_hash, CorrectionRow.start == start,
                CorrectionRow.end == end)) or CorrectionRow(content_hash=article.content_hash, start=start, end=end)
            row.text, row.name_key = mention.text, name_key(mention.text)
            row.country_code = (choice or original)["country_code"]
            row.place, row.original, row.created_at = choice, original, datetime.now(UTC)
            session.add(row)
            session.flush()
            return _correction(row)

    def corrections(self, article_id: int | None = None) -> list[Correction]:
        """The corrections of one article (by its content), or all of them, oldest first."""
        with self._read() as session:
            if article_id is None:
                return [_correction(r) for r in session.scalars(select(CorrectionRow).order_by(CorrectionRow.id))]
            digest = session.scalar(select(ArticleRow.content_hash).where(ArticleRow.id == article_id))
            return [] if digest is None else self._corrections(session, [digest])

    def delete_correction(self, article_id: int, start: int, end: int) -> bool:
        """Undo a correction: the parser's own choice shows again."""
        with self._write() as session, session.begin():
            digest = session.scalar(select(ArticleRow.content_hash).where(ArticleRow.id == article_id))
            row = session.scalar(select(CorrectionRow).where(
                CorrectionRow.content_hash == digest, CorrectionRow.start == start, CorrectionRow.end == end))
            if row is None:
                return False
            session.delete(row)
            return True

    def hints(self, mention: Mention) -> list[Correction]:
        """Corrections people made to the same name in the same country in other articles, newest first.

        A hint, not a rule: "Paris" corrected to Paris, Texas in one article says little about the next.
        The country is the mention's resolved one or any of its candidates'.
        """
        countries = {mention.country_code} | {a.get("country_code") for a in mention.alternatives}
        with self._read() as session:
            rows = session.scalars(select(CorrectionRow).where(CorrectionRow.name_key == name_key(mention.text))
                                   .order_by(CorrectionRow.created_at.desc(), CorrectionRow.id.desc()))
            return [_correction(r) for r in rows if r.country_code in countries]

    @staticmethod
    def _corrections(session: Session, digests: list[str]) -> list[Correction]:
        rows = session.scalars(select(CorrectionRow).where(CorrectionRow.content_hash.in_(digests))
                               .order_by(CorrectionRow.id))
        return [_correction(r) for r in rows]


_MENTIONS = selectinload(ArticleRow.mentions).selectinload(MentionRow.resolution)
