"""Batch ingest: folders of thousands of articles into the store, on every core, resumable.

Files are read lazily, in batches parsed through `Geoparser.parse_many` (spaCy's `nlp.pipe`) by
`n_process` forked workers; each article is stored in its own transaction as soon as its batch is
back, and articles whose content hash is already stored are skipped before parsing. So a run that
stops half-way loses nothing and the next run picks up where it stopped; a run over the same
folder again stores nothing.

Articles with a publication date from their metadata (HTML pages, news exports) or longer than
one spaCy chunk go through `Geoparser.parse`: `parse_many` takes neither dates nor long texts.
A file or row that can't be read is listed at the end; the others are ingested.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from pathlib import Path

from tqdm import tqdm

from .documents import ALL_SUFFIXES, Document, DocumentError, human_size, read_documents
from .parser import CHUNK_CHARS, Geoparser, Mention
from .store import Store, content_hash

DEFAULT_MAX_BYTES = 200_000_000  # per file: a news export of thousands of articles fits


@dataclass
class IngestReport:
    """What a run did: articles stored and skipped (already there), and what could not be read, with why."""

    files: int = 0
    stored: int = 0
    skipped: int = 0
    ignored: int = 0  # files of other types found in folders (pictures, spreadsheets): not articles, not errors
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        lines = [f"{self.stored} article(s) stored, {self.skipped} already stored, {len(self.failed)} failed; "
                 f"{self.files} file(s) read in {self.seconds:.1f} s"
                 + (f", {self.ignored} file(s) of other types ignored" if self.ignored else "")]
        if self.failed:
            lines.append("Failed:")
            lines += [f"  {why}" for why in self.failed]
        return "\n".join(lines)


def discover(paths: Iterable[str | Path], report: IngestReport) -> list[Path]:
    """The article files named or found (recursively) in folders, in a stable order.

    A named file of an unknown type is a failure; inside a folder it is ignored (a folder of
    downloads holds pictures too). Hidden files and folders are left out.
    """
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            for path in sorted(p for p in given.rglob("*") if p.is_file()):
                if any(part.startswith(".") for part in path.relative_to(given).parts):
                    continue
                if path.suffix.lower() in ALL_SUFFIXES:
                    found.append(path)
                else:
                    report.ignored += 1
        elif given.is_file():
            if given.suffix.lower() in ALL_SUFFIXES:
                found.append(given)
            else:
                report.failed.append(f"{given}: unsupported file type {given.suffix or '(none)'}; "
                                     f"use {', '.join(ALL_SUFFIXES)}.")
        else:
            report.failed.append(f"{given}: no such file or folder.")
    return list(dict.fromkeys(found))


def read_files(files: Iterable[Path], max_bytes: int, done: Callable[[], None]) -> Iterator[Document | DocumentError]:
    """The articles in each file, or the errors in their place; `done` is called after each file."""
    for path in files:
        try:
            size = path.stat().st_size
            if size > max_bytes:
                yield DocumentError(f"{path} is {human_size(size)}, over the limit of {human_size(max_bytes)} "
                                    "per file (--max-bytes).")
            else:
                yield from read_documents(str(path), path.read_bytes(), max_bytes)
        except OSError as exc:
            yield DocumentError(f"{path}: {exc.strerror or exc}.")
        done()


def parse_batch(gp: Geoparser, docs: list[tuple[str, str | None]]) -> list[list[Mention]]:
    """Mentions of (text, date) pairs, in order: undated short texts batched through `nlp.pipe`
    (`parse_many`), the rest through `parse`, which takes the publication date and long texts."""
    short = [text for text, day in docs if not day and len(text) <= CHUNK_CHARS]
    found = iter(list(gp.parse_many(short)))  # all of it first: `parse` below must not run inside a live nlp.pipe
    return [next(found) if not day and len(text) <= CHUNK_CHARS else gp.parse(text, date=day) for text, day in docs]


_worker_parser: Geoparser | None = None  # the parent's, inherited by forked workers: no model load per worker


def _parse_in_worker(docs: list[tuple[str, str | None]]) -> list[list[Mention]]:
    assert _worker_parser is not None
    return parse_batch(_worker_parser, docs)


def ingest_documents(items: Iterable[Document | DocumentError], store: Store, gp: Geoparser, report: IngestReport,
                     *, n_process: int = 1, batch_size: int = 16) -> IngestReport:
    """Parse and store every new article; errors in `items` are recorded in the report, duplicates skipped.

    With `n_process` > 1, forked workers each parse whole batches and send back plain `Mention`s
    (spaCy's own `n_process` can't: its docs carry gazetteer objects it can't serialise); at most
    two batches per worker are in flight, so memory stays flat however large the folder.
    """
    global _worker_parser
    started = time.perf_counter()
    seen: set[str] = set()

    def new_articles() -> Iterator[Document]:
        for item in items:
            if isinstance(item, DocumentError):
                report.failed.append(str(item))
                continue
            digest = content_hash(item.text)
            if digest in seen or store.find(digest) is not None:
                report.skipped += 1
                continue
            seen.add(digest)
            yield item

    def save(batch: list[Document], parsed: list[list[Mention]]) -> None:
        for doc, mentions in zip(batch, parsed, strict=True):
            store.add_article(doc, mentions)  # one transaction per article: a stop loses at most the batch
            report.stored += 1

    batches = batched(new_articles(), batch_size)
    if gp.settings.geocoder != "offline":
        n_process = 1  # an online geocoder's rate limit holds per process: workers would each send their fill
    if n_process <= 1:
        for batch in batches:
            save(batch, parse_batch(gp, [(d.text, d.date) for d in batch]))
    else:
        store.engine.dispose()  # forked workers must not inherit open database connections
        _worker_parser = gp
        inflight: deque[tuple[list[Document], AsyncResult[list[list[Mention]]]]] = deque()
        try:
            with multiprocessing.get_context("fork").Pool(n_process) as pool:
                for batch in batches:
                    inflight.append((batch, pool.apply_async(_parse_in_worker, ([(d.text, d.date) for d in batch],))))
                    while len(inflight) > 2 * n_process:
                        done, result = inflight.popleft()
                        save(done, result.get())
                while inflight:
                    done, result = inflight.popleft()
                    save(done, result.get())
        finally:
            _worker_parser = None
    report.seconds += time.perf_counter() - started
    return report


def batched(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of `size` items (the last one shorter), pulled from `items` only as they are needed."""
    batch: list[Document] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(paths: Iterable[str | Path], store: Store, gp: Geoparser, *, n_process: int = 1, batch_size: int = 16,
           max_bytes: int = DEFAULT_MAX_BYTES, progress: bool = True) -> IngestReport:
    """Ingest files and folders of articles (every format `read_documents` reads) into the store."""
    report = IngestReport()
    files = discover(paths, report)
    with tqdm(total=len(files), unit="file", disable=not progress, dynamic_ncols=True) as bar:
        def done() -> None:
            report.files += 1
            bar.update()
            bar.set_postfix(stored=report.stored, skipped=report.skipped, failed=len(report.failed), refresh=False)

        ingest_documents(read_files(files, max_bytes, done), store, gp, report, n_process=n_process,
                         batch_size=batch_size)
    return report
