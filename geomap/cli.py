"""Command line: `python -m geomap extract|evaluate|gazetteer|ingest|export|store ...`."""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

# Output fields of `extract`, in order: a contract other tools read.
FIELDS = ("article", "text", "start", "end", "name", "kind", "country_code", "lat", "lon", "geonameid", "feature",
          "confidence", "excerpt", "alternatives", "role", "events", "casualties", "date", "date_reason")
# Fields that hold lists of records: JSON text in a CSV cell.
NESTED = ("alternatives", "events", "casualties")


def _records(article: str, mentions: list[Any]) -> list[dict[str, Any]]:
    out = []
    for m in mentions:
        d = m.to_dict()
        out.append({"article": article, **{k: d[k] for k in FIELDS[1:]}})
    return out


def _write(records: list[dict[str, Any]], fmt: str, stream: TextIO) -> None:
    if fmt == "jsonl":
        for r in records:
            stream.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif fmt == "geojson":
        features = [{"type": "Feature", "geometry": None if r["lat"] is None else
                     {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                     "properties": {k: v for k, v in r.items() if k not in ("lat", "lon")}} for r in records]
        json.dump({"type": "FeatureCollection", "features": features}, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    else:
        writer = csv.DictWriter(stream, fieldnames=FIELDS)
        writer.writeheader()
        for r in records:
            writer.writerow({**r, **{k: json.dumps(r[k], ensure_ascii=False) for k in NESTED}})


def cmd_extract(args: argparse.Namespace) -> int:
    from .documents import DocumentError, read_document, text_document
    from .parser import Geoparser

    gp = Geoparser()
    records: list[dict[str, Any]] = []
    failed = 0
    for name in args.files:
        try:
            if name == "-":
                doc = text_document(sys.stdin.read(), "standard input")
            else:
                doc = read_document(Path(name).name, Path(name).read_bytes(), args.max_bytes)
        except (OSError, DocumentError) as exc:
            print(f"geomap: skipped {name}: {exc}", file=sys.stderr)
            failed += 1
            continue
        records += _records(name, gp.parse(doc.text, date=args.date or doc.date))
    _write(records, args.format, sys.stdout)
    return 1 if failed and failed == len(args.files) else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .config import Settings
    from .evaluate import evaluate, format_report, format_table, load_corpus
    from .parser import Geoparser

    settings = Settings.from_env()
    if args.model:
        settings = Settings(model=args.model, gazetteer_path=settings.gazetteer_path)
    articles = load_corpus(args.corpus)[: args.limit or None]
    started = time.perf_counter()
    result = evaluate(Geoparser(settings), articles)
    result.metrics["model"] = settings.model
    result.metrics["corpus"] = Path(args.corpus).name
    result.metrics["seconds"] = round(time.perf_counter() - started, 1)
    print(format_table(result.metrics))
    print(json.dumps(result.metrics, indent=1))
    if args.report:
        Path(args.report).write_text(format_report(result.metrics, result.records), encoding="utf-8")
    if args.records:
        with open(args.records, "w", encoding="utf-8") as fh:
            for r in result.records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return 0


def cmd_gazetteer(args: argparse.Namespace) -> int:
    from .gazetteer import Gazetteer, default_path

    path = Path(args.path) if args.path else default_path()
    if args.action == "build":
        from .gazetteer_build import CONTENT_VERSION, build

        if path.exists() and not args.force:
            meta = Gazetteer(path).meta()
            if meta.get("content") == CONTENT_VERSION or meta.get("sources") == "geonames-dump":
                print(f"gazetteer up to date at {path} (use --force to rebuild)")
                return 0
            print(f"gazetteer at {path} predates this version of geomap: rebuilding")
        build(path)
    elif args.action == "import-geonames":
        from .gazetteer_import import import_geonames

        import_geonames(Path(args.all_countries), Path(args.alternate_names) if args.alternate_names else None, path)
    else:
        gaz = Gazetteer(path)
        print(json.dumps({"path": str(path), **gaz.meta(), "places": gaz.count()}, indent=1))
    return 0


def cmd_ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest
    from .parser import Geoparser
    from .store import Store

    with Store(args.db) as store:
        report = ingest(args.paths, store, Geoparser(), n_process=args.processes or os.cpu_count() or 1,
                        batch_size=args.batch_size, max_bytes=args.max_bytes, progress=not args.quiet)
    print(report.summary(), file=sys.stderr)
    return 1 if report.failed and not (report.stored or report.skipped) else 0


def cmd_export(args: argparse.Namespace) -> int:
    from . import export
    from .store import Store

    with Store(args.db) as store:
        if args.format == "corrections":
            with open(args.output, "w", encoding="utf-8") as out:
                n = export.write_corrections(store, out)
            print(f"{n} correction(s) written to {args.output}", file=sys.stderr)
            return 0
        places = store.places()
    export.write(places, args.format, args.output)
    print(f"{len(places)} place(s) written to {args.output}", file=sys.stderr)
    return 0


def cmd_store(args: argparse.Namespace) -> int:
    from .store import Store

    with Store(args.db) as store:
        if args.action == "delete":
            if not args.ids:
                print("geomap: store delete needs article ids (see: store list)", file=sys.stderr)
                return 2
            missing = [i for i in args.ids if not store.delete_article(i)]
            for i in missing:
                print(f"geomap: no article {i}", file=sys.stderr)
            return 1 if missing else 0
        for a in store.articles():
            print(f"{a.id}\t{a.document.date or '-'}\t{a.document.title}\t{a.document.source}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geomap", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="place mentions of articles (.txt, .md, .html) as JSONL, GeoJSON or CSV")
    p.add_argument("files", nargs="+", help="article files; - reads standard input")
    p.add_argument("--format", choices=("jsonl", "geojson", "csv"), default="jsonl")
    p.add_argument("--max-bytes", type=int, default=50_000_000, help="skip files larger than this")
    p.add_argument("--date", type=date.fromisoformat, help="publication date (YYYY-MM-DD) that relative dates "
                   "count from, for articles whose page metadata or first lines give none")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("evaluate", help="score recognition and resolution on a GeoVirus-format corpus or a "
                       "folder of articles with gold (data/eval/us_local)")
    p.add_argument("corpus", nargs="?", default="../shared/corpora/geovirus/GeoVirus.xml")
    p.add_argument("--model", help="spaCy pipeline package to use instead of the configured one")
    p.add_argument("--limit", type=int, default=0, help="first N articles only")
    p.add_argument("--records", help="write one JSON line per gold mention / false place here")
    p.add_argument("--report", help="write a Markdown error analysis (worst misses by cause) here")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("gazetteer", help="build, import or describe the embedded gazetteer")
    p.add_argument("action", choices=("build", "import-geonames", "info"))
    p.add_argument("--path", help="store location (default: $GEOMAP_HOME or ~/.cache/geomap)")
    p.add_argument("--force", action="store_true", help="rebuild even if present")
    p.add_argument("--all-countries", help="GeoNames allCountries.zip (import-geonames)")
    p.add_argument("--alternate-names", help="GeoNames alternateNamesV2.zip (import-geonames)")
    p.set_defaults(func=cmd_gazetteer)

    db_help = "database URL (default: $GEOMAP_DATABASE_URL, else the app's SQLite file under the data directory)"
    p = sub.add_parser("ingest", help="parse folders and files of articles into the store (resumable)")
    p.add_argument("paths", nargs="+", help="files and folders: .txt .md .html .pdf .docx, .zip, .csv/.jsonl exports")
    p.add_argument("--db", help=db_help)
    p.add_argument("-j", "--processes", type=int, default=0, help="parser processes (default: one per core)")
    p.add_argument("--batch-size", type=int, default=16, help="articles per spaCy batch")
    p.add_argument("--max-bytes", type=int, default=200_000_000, help="skip files larger than this")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("export", help="the stored map as GeoJSON, CSV, KML, a standalone HTML map, or corrections")
    p.add_argument("--db", help=db_help)
    p.add_argument("--format", choices=("geojson", "csv", "kml", "html", "corrections"), required=True,
                   help="corrections: people's corrections as JSON Lines (a training / evaluation set)")
    p.add_argument("-o", "--output", required=True, help="file to write")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("store", help="list the stored articles, or delete some with their mentions")
    p.add_argument("action", choices=("list", "delete"))
    p.add_argument("ids", nargs="*", type=int, help="article ids to delete")
    p.add_argument("--db", help=db_help)
    p.set_defaults(func=cmd_store)

    args = parser.parse_args(argv)
    return args.func(args)
