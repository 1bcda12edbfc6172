"""Batch ingest throughput: articles per second into a fresh SQLite store with 1 and with 2 processes.

Run from the project root: `.venv/bin/python benchmarks/bench_ingest.py [--corpus PATH] [--limit N]
[--batch-size B] [--json OUT]`. Both runs ingest the same GeoVirus texts (read at run time) in the
same process with the same loaded `Geoparser`, each into its own empty database, and the figures
include storing every article (one transaction each). It asserts nothing: a reader judges the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from a checkout, geomap need not be installed

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "geovirus" / "GeoVirus.xml"
PROCESSES = (1, 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--limit", type=int, default=60, help="articles to ingest in each run")
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()

    from geomap.documents import Document
    from geomap.evaluate import load_corpus
    from geomap.ingest import IngestReport, ingest_documents
    from geomap.parser import Geoparser
    from geomap.store import Store

    articles = load_corpus(args.corpus)[: args.limit]
    docs = [Document(title=a.source, text=a.text, source=a.source) for a in articles]
    gp = Geoparser()
    gp.parse(docs[0].text)  # warm-up: lazy caches fill here, not in the first timed run
    figures: dict[str, object] = {"articles": len(docs), "chars": sum(len(d.text) for d in docs),
                                  "batch_size": args.batch_size}
    for n in PROCESSES:
        with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/bench.sqlite") as store:
            started = time.perf_counter()
            report = ingest_documents(docs, store, gp, IngestReport(), n_process=n, batch_size=args.batch_size)
            seconds = time.perf_counter() - started
            if report.stored != len(docs):
                raise SystemExit(f"{n} process(es): stored {report.stored} of {len(docs)} articles")
        figures[f"seconds_{n}"] = round(seconds, 2)
        figures[f"articles_per_s_{n}"] = round(len(docs) / seconds, 2)
        print(f"{n} process(es): {len(docs)} articles in {seconds:.1f} s = {len(docs) / seconds:.2f} articles/s")
    ratio = figures["articles_per_s_2"] / figures["articles_per_s_1"]  # type: ignore[operator]
    figures["ratio_2_over_1"] = round(ratio, 2)
    print(f"2 processes / 1 process: {ratio:.2f}x")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
