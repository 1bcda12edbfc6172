"""What an app rerun reads: the whole store (`map_articles`) against the revision check that guards its cache.

Run from the project root: `.venv/bin/python benchmarks/bench_store.py [--corpus PATH] [--articles N]`.
Parses the first 100 GeoVirus texts once, stores them again and again (each copy with its own
content) until the store holds N articles, then times both reads, median of 5, in the same run.
It asserts nothing: a reader judges the figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from a checkout, geomap need not be installed

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "geovirus" / "GeoVirus.xml"


def _median_seconds(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--articles", type=int, default=1000, help="articles in the store")
    args = ap.parse_args()

    from geomap.documents import Document
    from geomap.evaluate import load_corpus
    from geomap.parser import Geoparser
    from geomap.store import Store

    gp = Geoparser()
    parsed = [(a.source, a.text, gp.parse(a.text)) for a in load_corpus(args.corpus)[:100]]
    with tempfile.TemporaryDirectory() as tmp, Store(f"sqlite:///{tmp}/bench.sqlite") as store:
        for n in range(args.articles):
            source, text, mentions = parsed[n % len(parsed)]
            # Text appended after the last mention: the offsets stay right, the content hash differs.
            store.add_article(Document(f"{source} #{n}", f"{text}\n[copy {n}]", source), mentions)
        full = _median_seconds(store.map_articles)
        check = _median_seconds(store.revision)
        mentions = sum(len(a.mentions) for a in store.map_articles())
    print(f"store: {args.articles} articles, {mentions} mentions (SQLite)")
    print(f"  map_articles (read everything)  {full * 1000:8.1f} ms")
    print(f"  revision (cache check)          {check * 1000:8.1f} ms")
    print(f"  ratio                           {full / check:8.0f}x")


if __name__ == "__main__":
    main()
