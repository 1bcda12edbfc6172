"""Command line: `python -m geomap extract|evaluate|gazetteer ...`."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

# Output fields of `extract`, in order: a contract other tools read.
FIELDS = ("article", "text", "start", "end", "name", "kind", "country_code", "lat", "lon", "geonameid",
          "confidence", "excerpt", "alternatives")


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
            writer.writerow({**r, "alternatives": json.dumps(r["alternatives"], ensure_ascii=False)})


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
        records += _records(name, gp.parse(doc.text))
    _write(records, args.format, sys.stdout)
    return 1 if failed and failed == len(args.files) else 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .config import Settings
    from .evaluate import evaluate, format_table, load_corpus
    from .parser import Geoparser

    settings = Settings.from_env()
    if args.model:
        settings = Settings(model=args.model, gazetteer_path=settings.gazetteer_path)
    articles = load_corpus(args.corpus)[: args.limit or None]
    started = time.perf_counter()
    result = evaluate(Geoparser(settings), articles)
    result.metrics["model"] = settings.model
    result.metrics["seconds"] = round(time.perf_counter() - started, 1)
    print(format_table(result.metrics))
    print(json.dumps(result.metrics, indent=1))
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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geomap", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="place mentions of articles (.txt, .md, .html) as JSONL, GeoJSON or CSV")
    p.add_argument("files", nargs="+", help="article files; - reads standard input")
    p.add_argument("--format", choices=("jsonl", "geojson", "csv"), default="jsonl")
    p.add_argument("--max-bytes", type=int, default=50_000_000, help="skip files larger than this")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("evaluate", help="score recognition and resolution on a GeoVirus-format corpus")
    p.add_argument("corpus", nargs="?", default="../shared/corpora/geovirus/GeoVirus.xml")
    p.add_argument("--model", help="spaCy pipeline package to use instead of the configured one")
    p.add_argument("--limit", type=int, default=0, help="first N articles only")
    p.add_argument("--records", help="write one JSON line per gold mention / false place here")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("gazetteer", help="build, import or describe the embedded gazetteer")
    p.add_argument("action", choices=("build", "import-geonames", "info"))
    p.add_argument("--path", help="store location (default: $GEOMAP_HOME or ~/.cache/geomap)")
    p.add_argument("--force", action="store_true", help="rebuild even if present")
    p.add_argument("--all-countries", help="GeoNames allCountries.zip (import-geonames)")
    p.add_argument("--alternate-names", help="GeoNames alternateNamesV2.zip (import-geonames)")
    p.set_defaults(func=cmd_gazetteer)

    args = parser.parse_args(argv)
    return args.func(args)
