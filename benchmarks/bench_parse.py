"""How fast and how big the geoparser is, beside the bare spaCy pipeline it is built on.

Run from the project root: `.venv/bin/python benchmarks/bench_parse.py [--corpus PATH] [--limit N]
[--repeat K] [--json OUT] [--skip-build]`. It prints start-up time, gazetteer build time and size,
throughput (bare spaCy vs `Geoparser.parse` vs `Geoparser.parse_many`), peak memory and where the
Geoparser's time goes, all on the same corpus texts. It asserts nothing: machines are noisy, a
reader judges the figures.

Start-up, build and memory are measured in fresh subprocesses (this same file, run with the
hidden `--worker` option) so imports, model load and the high-water mark belong to that job alone.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from a checkout, geomap need not be installed

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "geovirus" / "GeoVirus.xml"
GOAL_RATIO = 0.8  # Geoparser.parse throughput over bare spaCy throughput
STARTUP_RUNS = 3
WARMUP_ARTICLES = 10


# -- subprocess workers: each prints one JSON object on its last stdout line -------------------
def _peak_mb() -> float:
    """RSS high-water mark of this process, from /proc (Linux).

    Not `resource.getrusage(...).ru_maxrss`: Linux carries that across fork and exec, so a worker
    would report at least the size of this (already model-laden) parent. VmHWM starts afresh at exec.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024  # kB
    raise RuntimeError("no VmHWM in /proc/self/status: peak memory needs Linux")


def _texts(corpus: str, limit: int | None) -> list[str]:
    from geomap.evaluate import load_corpus

    return [a.text for a in load_corpus(corpus)[:limit]]


def _read_texts(path: str) -> list[str]:
    """Texts handed over as JSON, so a bare-spaCy worker need not import geomap to read the corpus."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _load_spacy(model: str) -> Any:
    """The statistical pipeline exactly as `geomap.parser.build_pipeline` loads it, without geomap's parts."""
    import warnings

    import spacy

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\]")  # model/spaCy minor-version warning
        return spacy.load(model, exclude=["lemmatizer"])


def _load_geoparser() -> Any:
    from geomap.parser import Geoparser

    return Geoparser()


def worker(args: argparse.Namespace) -> dict[str, Any]:
    """One measured job; imports stay inside so the bare-spaCy jobs never import geomap."""
    if args.worker == "startup-spacy":
        _load_spacy(args.model)
        return {}
    if args.worker == "startup-geoparser":
        _load_geoparser()
        return {}
    if args.worker == "build":
        from geomap.gazetteer_build import build

        started = time.perf_counter()
        path = build(args.out, log=lambda _msg: None)
        return {"seconds": time.perf_counter() - started, "bytes": path.stat().st_size, "peak_mb": _peak_mb()}
    texts = _read_texts(args.texts)
    base = _peak_mb()
    if args.worker == "memory-spacy":
        nlp = _load_spacy(args.model)
        loaded = _peak_mb()
        for _doc in nlp.pipe(texts):  # docs are dropped as they come, as parse() drops its own
            pass
    else:
        gp = _load_geoparser()
        loaded = _peak_mb()
        for text in texts:
            gp.parse(text)
    return {"base_mb": base, "loaded_mb": loaded, "peak_mb": _peak_mb()}


def run_worker(name: str, *extra: str) -> tuple[dict[str, Any], float]:
    """Run this file as `--worker name`; return its JSON answer and the subprocess's wall time."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", name, *extra]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"worker {name} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1]), wall


# -- measurements --------------------------------------------------------------------------------
def measure_startup(model: str) -> dict[str, float]:
    """Median wall time of a fresh interpreter that loads the pipeline (imports included)."""
    out = {}
    for label, name, extra in (("spacy_load_s", "startup-spacy", ("--model", model)),
                               ("geoparser_s", "startup-geoparser", ())):
        out[label] = statistics.median(run_worker(name, *extra)[1] for _ in range(STARTUP_RUNS))
    return out


def measure_build() -> dict[str, float]:
    """Build into a throw-away directory so the user's store is never touched."""
    with tempfile.TemporaryDirectory() as tmp:
        res, _ = run_worker("build", "--out", str(Path(tmp) / "gazetteer.sqlite"))
    return {"seconds": res["seconds"], "size_mb": res["bytes"] / 1e6, "peak_mb": res["peak_mb"]}


def measure_memory(model: str, texts: list[str]) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "texts.json"
        path.write_text(json.dumps(texts), encoding="utf-8")
        return {"spacy": run_worker("memory-spacy", "--model", model, "--texts", str(path))[0],
                "geoparser": run_worker("memory-geoparser", "--texts", str(path))[0]}


def _timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def measure_throughput(nlp: Any, gp: Any, texts: list[str], repeat: int) -> dict[str, Any]:
    """Interleaved runs, so drift in machine load hits every path alike; medians reported."""
    runs: dict[str, Callable[[], object]] = {
        "spacy": lambda: list(nlp.pipe(texts)),
        "spacy_each": lambda: [nlp(t) for t in texts],  # the per-call cost parse() pays, without geomap
        "parse": lambda: [gp.parse(t) for t in texts],
        "parse_many": lambda: list(gp.parse_many(texts)),
    }
    warm = texts[:WARMUP_ARTICLES]
    list(nlp.pipe(warm))
    for t in warm:
        gp.parse(t)
    list(gp.parse_many(warm))
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            times[name].append(_timed(fn))
    chars = sum(map(len, texts))
    out: dict[str, Any] = {}
    for name, ts in times.items():
        med = statistics.median(ts)
        out[name] = {"seconds": med, "runs": ts, "articles_per_s": len(texts) / med, "chars_per_s": chars / med}
    for name in ("spacy_each", "parse", "parse_many"):
        out[f"ratio_{name}"] = out["spacy"]["seconds"] / out[name]["seconds"]
    return out


def measure_stages(gp: Any, texts: list[str]) -> dict[str, float]:
    """Seconds per stage of `parse`, one article at a time: tokenizer, each pipe, Mention building."""
    from geomap.parser import mention_from_span
    from geomap.recognize import SPAN_KEY

    nlp = gp.nlp
    stages = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "mentions": 0.0}
    for text in texts:
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        stages["tokenizer"] += time.perf_counter() - t0
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            stages[name] += time.perf_counter() - t0
        t0 = time.perf_counter()
        [mention_from_span(s) for s in doc.spans[SPAN_KEY]]
        stages["mentions"] += time.perf_counter() - t0
    return stages


# -- report --------------------------------------------------------------------------------------
def report(r: dict[str, Any]) -> str:
    lines = [f"corpus: {r['corpus']}  ({r['articles']} articles, {r['chars']:,} chars)  model: {r['model']}", ""]
    s = r["startup"]
    extra = s["geoparser_s"] - s["spacy_load_s"]
    lines += [f"Start-up (fresh interpreter, imports included, median of {STARTUP_RUNS})",
              f"  spacy.load(model)      {s['spacy_load_s']:8.2f} s",
              f"  Geoparser()            {s['geoparser_s']:8.2f} s   (+{extra:.2f} s)", ""]
    if "build" in r:
        b = r["build"]
        lines += ["Gazetteer build (temporary path)",
                  f"  build time             {b['seconds']:8.1f} s",
                  f"  size on disk           {b['size_mb']:8.1f} MB",
                  f"  builder peak RSS       {b['peak_mb']:8.0f} MB", ""]
    t = r["throughput"]
    lines += [f"Throughput (median of {r['repeat']} interleaved runs after warm-up)",
              f"  {'path':34} {'seconds':>8} {'articles/s':>11} {'chars/s':>10}"]
    for name, label in (("spacy", "bare spaCy list(nlp.pipe(texts))"), ("spacy_each", "bare spaCy nlp(t) per article"),
                        ("parse", "Geoparser.parse per article"), ("parse_many", "Geoparser.parse_many")):
        m = t[name]
        lines.append(f"  {label:34} {m['seconds']:8.2f} {m['articles_per_s']:11.2f} {m['chars_per_s']:10,.0f}")
    verdict = "meets" if t["ratio_parse"] >= GOAL_RATIO else "MISSES"
    lines += [f"  ratio parse/bare       {t['ratio_parse']:8.2f}   (goal >= {GOAL_RATIO}: {verdict})",
              f"  ratio parse_many/bare  {t['ratio_parse_many']:8.2f}",
              f"  ratio spaCy each/bare  {t['ratio_spacy_each']:8.2f}   (one call per article, no geomap)",
              ""]
    m = r["memory"]
    lines += ["Peak RSS (fresh subprocess per job)", f"  {'job':34} {'start':>8} {'loaded':>8} {'peak':>8}"]
    for name, label in (("spacy", "bare spaCy over corpus"), ("geoparser", "Geoparser.parse over corpus")):
        lines.append(f"  {label:34} {m[name]['base_mb']:6.0f}MB {m[name]['loaded_mb']:6.0f}MB "
                     f"{m[name]['peak_mb']:6.0f}MB")
    stages = r["stages"]
    total = sum(stages.values())
    lines += ["", "Where Geoparser.parse spends its time (one pass, one article at a time)",
              f"  {'stage':22} {'seconds':>8} {'share':>7} {'ms/article':>11}"]
    for name, sec in stages.items():
        lines.append(f"  {name:22} {sec:8.2f} {sec / total:7.1%} {1000 * sec / r['articles']:11.1f}")
    ours = sum(v for k, v in stages.items() if k.startswith("geomap_") or k == "mentions")
    lines.append(f"  {'geomap stages':22} {ours:8.2f} {ours / total:7.1%}   (spaCy's own: {total - ours:.2f} s)")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="GeoVirus-format XML")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--repeat", type=int, default=3, help="interleaved throughput runs (median reported)")
    ap.add_argument("--json", type=Path, default=None, help="also write every figure here")
    ap.add_argument("--skip-build", action="store_true", help="skip the ~40 s gazetteer build")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--model", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--texts", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args)))
        return

    from geomap.config import Settings

    model = Settings.from_env().model
    texts = _texts(args.corpus, args.limit)
    r: dict[str, Any] = {"corpus": args.corpus, "articles": len(texts), "chars": sum(map(len, texts)),
                         "model": model, "repeat": args.repeat}
    r["startup"] = measure_startup(model)
    if not args.skip_build:
        r["build"] = measure_build()
    r["memory"] = measure_memory(model, texts)
    nlp, gp = _load_spacy(model), _load_geoparser()
    r["throughput"] = measure_throughput(nlp, gp, texts, args.repeat)
    r["stages"] = measure_stages(gp, texts)
    print(report(r))
    if args.json:
        args.json.write_text(json.dumps(r, indent=2))


if __name__ == "__main__":
    main()
