"""End-to-end throughput of `tidings process`: articles/s and words/s into a fresh DuckDB store.

The articles are records `--start` to `--stop` (0-based, end excluded) of the AllSides
international-politics corpus, written once to a temporary JSON Lines file. Every run stores them
into a new DuckDB file. Configurations are interleaved (each round runs each of them once, in a
rotated order) because the machine is shared: compare the ratios and medians printed in one run,
not seconds across runs.

Configurations (`--configs`, comma-separated):

- ``cli``, ``cli-w2``: the `tidings process FILE --db NEW.duckdb` command itself in a subprocess
  (``-w2``: ``--workers 2``), start-up and model loading included: the number a user sees.
  CPU time is reported for ``cli`` only (the workers of ``--workers 2`` are not our children).
- ``parts``: the same path in this process (read, triage, pipeline, store) with the time of each
  part measured apart: reading (with language detection and duplicate finding), spaCy (tokenizer
  and each model component), boilerplate, each tidings stage, building the Documents, and the store.
  The model is loaded once beforehand, so this is the steady-state rate.
- ``parts-spacy-ruler``: ``parts`` with spaCy's own Matcher in the attribute ruler instead of
  tidings' `VectorMatcher` (tidings.attribute_rules): what that speed-up gains, same output.
- ``engine-bN``: `engine.run(..., batch_size=N)` in this process, with the store writes of `process`.

Each configuration's output is checked: the digest of the store's tables (all columns but the
time of storing) must be the same for every run of every configuration, and ``parts`` also
digests the CONTRACT JSON of every Document. Runs that differ are flagged ``DIFFERENT``.
The ``cli`` runs import tidings afresh: where the source changes during a run (others at work),
digests differ for that reason; run from a copy (``PYTHONPATH=/tmp/copy/src``) to rule it out.

    python benchmarks/bench_process.py [--start 3000] [--stop 3400] [--rounds 3]
        [--configs cli,parts] [--json] [--keep-json DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from stage_timing import corpus

from tidings.store.schema import TABLES

TIME_COLUMNS = {"added_at"}


def write_slice(path: Path, *, start: int, stop: int) -> tuple[int, int]:
    """Records `start` to `stop` of the corpus into `path`; (records, words of their texts)."""
    records = words = 0
    with gzip.open(corpus(), "rt", encoding="utf-8") as fh, path.open("w", encoding="utf-8") as out:
        for i, line in enumerate(fh):
            if i >= stop:
                break
            if i >= start:
                out.write(line)
                records += 1
                words += len((json.loads(line).get("content_original") or "").split())
    return records, words


def store_digest(db: Path) -> tuple[str, dict[str, int]]:
    """A digest of every row of the data tables (time of storing left out), and their counts."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    digest = hashlib.sha256()
    counts = {}
    try:
        for table, columns in TABLES.items():
            names = [f'"{name}"' for name, _ in columns if name not in TIME_COLUMNS]
            rows = con.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY ALL").fetchall()
            counts[table] = len(rows)
            digest.update(table.encode())
            for row in rows:
                digest.update(json.dumps(row, default=str, ensure_ascii=False).encode())
    finally:
        con.close()
    return digest.hexdigest()[:16], counts


def run_cli(path: Path, db: Path, *, workers: int) -> float:
    exe = Path(sys.executable).with_name("tidings")
    command = [str(exe), "process", str(path), "--db", str(db)]
    if workers > 1:
        command += ["--workers", str(workers)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds


class Clock:
    """Wall-clock and CPU seconds per part, summed (CPU time is less disturbed by other users)."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.cpu: Counter[str] = Counter()

    def _add(self, part: str, t0: float, c0: float) -> None:
        self.seconds[part] += time.perf_counter() - t0
        self.cpu[part] += time.process_time() - c0

    def timed(self, part: str, fn, *args, **kwargs):
        t0, c0 = time.perf_counter(), time.process_time()
        value = fn(*args, **kwargs)
        self._add(part, t0, c0)
        return value

    def iterate(self, part: str, iterable):
        """Items of `iterable`, the time spent producing them counted to `part`."""
        iterator = iter(iterable)
        while True:
            t0, c0 = time.perf_counter(), time.process_time()
            try:
                item = next(iterator)
            except StopIteration:
                self._add(part, t0, c0)
                return
            self._add(part, t0, c0)
            yield item


def _triage(store):
    from tidings.ingest import Problem, ReadOptions, read_inputs
    from tidings.ingest.triage import Triage

    triage = Triage(store, near_threshold=0.8, find_duplicates=True, stats=Counter())

    def articles(path: Path):
        for item in read_inputs([str(path)], ReadOptions()):
            if not isinstance(item, Problem):
                yield item

    return triage, articles


def run_parts(path: Path, db: Path, *, pipeline, batch_size: int, json_out: Path | None) -> tuple[dict, str]:
    """`process` in this process, part by part; (seconds per part, digest of the Documents' JSON)."""
    from tidings.clean import find_boilerplate
    from tidings.engine import batched
    from tidings.pipeline import to_document
    from tidings.store import open_store

    clock = Clock()
    digest = hashlib.sha256()
    nlp = pipeline.nlp
    lines = []
    store = clock.timed("store", open_store, str(db))
    triage, articles = _triage(store)
    for batch in clock.iterate("reading", batched(triage.to_process(articles(path)), batch_size)):
        docs = []
        for article in batch:
            doc = clock.timed("spacy tokenizer", nlp.make_doc, article.text)
            doc._.tidings_published = article.published
            doc._.tidings_boilerplate = clock.timed("boilerplate", find_boilerplate, article.text)
            docs.append(doc)
        for name, proc in nlp.pipeline:
            part = name.removeprefix("tidings_") if name.startswith("tidings_") else f"spacy {name}"
            if hasattr(proc, "pipe"):
                docs = clock.timed(part, lambda p=proc, d=docs: list(p.pipe(d, batch_size=batch_size)))
            else:
                docs = clock.timed(part, lambda p=proc, d=docs: [p(doc) for doc in d])
        documents = clock.timed("documents", lambda b=batch, ds=docs: [to_document(a, d) for a, d in zip(b, ds, strict=True)])
        for document in documents:
            line = json.dumps(document.to_dict(), ensure_ascii=False, sort_keys=True)
            digest.update(line.encode())
            lines.append(line)
        clock.timed("store", store.add, documents + triage.take_unprocessed())
    clock.timed("store", store.add, triage.take_unprocessed())
    clock.timed("store", store.refresh_actors)
    clock.timed("store", store.close)
    if json_out:
        json_out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {part: (clock.seconds[part], clock.cpu[part]) for part in clock.seconds}, digest.hexdigest()[:16]


def run_engine(path: Path, db: Path, *, pipeline, batch_size: int, workers: int = 1) -> None:
    """What `process` does, in this process, with the given batch size."""
    from tidings.engine import batched, run
    from tidings.store import open_store

    store = open_store(str(db))
    triage, articles = _triage(store)
    docs = run(triage.to_process(articles(path)), workers=workers, batch_size=batch_size,
               pipeline=pipeline if workers <= 1 else None)
    for batch in batched(docs, batch_size):
        with triage.store_lock:
            store.add([d for d in batch if not d.failure] + triage.take_unprocessed())
    store.add(triage.take_unprocessed())
    store.refresh_actors()
    store.close()


@contextlib.contextmanager
def spacy_ruler(pipeline, wanted: bool):
    """With `wanted`, the attribute ruler uses spaCy's own Matcher meanwhile (not tidings'
    `VectorMatcher`, see tidings.attribute_rules)."""
    ruler = pipeline.nlp.get_pipe("attribute_ruler") if "attribute_ruler" in pipeline.nlp.pipe_names else None
    matcher = getattr(ruler, "matcher", None)
    original = getattr(matcher, "original", None)
    if wanted and original is not None:
        ruler.matcher = original
    try:
        yield
    finally:
        if ruler is not None:
            ruler.matcher = matcher


def _cpu() -> float:
    """CPU seconds (user + system) of this process and of its finished children."""
    import resource

    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0],
                                     epilog="Configurations: cli, cli-w2, parts, parts-spacy-ruler, engine-bN (N: batch size).")
    parser.add_argument("--start", type=int, default=3000, help="first record (0-based)")
    parser.add_argument("--stop", type=int, default=3400, help="record after the last")
    parser.add_argument("--rounds", type=int, default=3, help="runs of each configuration (median kept)")
    parser.add_argument("--configs", default="cli,parts", help="comma-separated configurations (see above)")
    parser.add_argument("--batch-size", type=int, default=32, help="batch size of `parts` (process's default)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--keep-json", type=Path, help="write the Documents' JSON of `parts` runs here")
    args = parser.parse_args()
    configs = [c.strip() for c in args.configs.split(",") if c.strip()]

    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        data = tmpdir / "articles.jsonl"
        records, words = write_slice(data, start=args.start, stop=args.stop)
        pipeline = None
        if any(c.startswith(("parts", "engine")) for c in configs):
            from tidings.api import default_pipeline

            pipeline = default_pipeline()
            pipeline(__import__("tidings.document", fromlist=["Article"]).Article(text="Warm-up. China said so."))
        seconds: dict[str, list[float]] = defaultdict(list)
        parts: dict[str, list[dict]] = defaultdict(list)
        digests: dict[str, list[str]] = defaultdict(list)
        json_digests: dict[str, list[str]] = defaultdict(list)
        cpu: dict[str, list[float]] = defaultdict(list)
        counts = {}
        for r in range(args.rounds):
            order = configs[r % len(configs):] + configs[:r % len(configs)]
            for config in order:
                db = tmpdir / f"{config}-{r}.duckdb"
                t0, c0 = time.perf_counter(), _cpu()
                if config.startswith("cli"):
                    run_cli(data, db, workers=2 if config == "cli-w2" else 1)
                elif config in ("parts", "parts-spacy-ruler"):
                    out = args.keep_json / f"{config}-{r}.jsonl" if args.keep_json else None
                    with spacy_ruler(pipeline, config == "parts-spacy-ruler"):
                        split, jd = run_parts(data, db, pipeline=pipeline, batch_size=args.batch_size,
                                              json_out=out)
                    parts[config].append(split)
                    json_digests[config].append(jd)
                elif config.startswith("engine-b"):
                    run_engine(data, db, pipeline=pipeline, batch_size=int(config.removeprefix("engine-b")))
                else:
                    raise SystemExit(f"unknown configuration {config!r}")
                seconds[config].append(time.perf_counter() - t0)
                cpu[config].append(_cpu() - c0)
                digest, counts = store_digest(db)
                digests[config].append(digest)
                db.unlink()
                print(json.dumps({"round": r, "config": config, "seconds": round(seconds[config][-1], 2),
                                  "cpu_seconds": round(cpu[config][-1], 2), "store_digest": digest,
                                  "load": [round(x, 2) for x in os.getloadavg()],
                                  "parts": parts[config][-1] if config.startswith("parts") else None,
                                  "json_digest": json_digests[config][-1] if config.startswith("parts") else None}),
                      file=sys.stderr, flush=True)
    all_digests = {d for ds in digests.values() for d in ds}
    result = {
        "records": records, "words": words, "rounds": args.rounds, "load_before": [round(x, 2) for x in load],
        "load_after": [round(x, 2) for x in os.getloadavg()], "cpus": os.cpu_count(), "stored": counts,
        "same_output": len(all_digests) == 1,
        "same_json": len({d for ds in json_digests.values() for d in ds}) <= 1, "configs": {},
    }
    base = statistics.median(seconds[configs[0]])
    for config in configs:
        t = statistics.median(seconds[config])
        entry = {"seconds": [round(s, 2) for s in seconds[config]], "median_seconds": round(t, 2),
                 "articles_per_s": round(records / t, 2), "words_per_s": round(words / t),
                 "articles_per_day_M": round(records / t * 86400 / 1e6, 3),
                 f"time_vs_{configs[0]}": round(t / base, 3), "store_digests": digests[config],
                 "cpu_seconds": [round(s, 2) for s in cpu[config]],
                 "median_cpu_seconds": round(statistics.median(cpu[config]), 2)}
        if config == "cli-w2":  # the workers are the forkserver's children: their CPU time is not seen here
            entry["cpu_seconds"] = entry["median_cpu_seconds"] = None
        if parts.get(config):
            names = list(parts[config][0])
            wall = {n: statistics.median(p.get(n, (0.0, 0.0))[0] for p in parts[config]) for n in names}
            cpus = {n: statistics.median(p.get(n, (0.0, 0.0))[1] for p in parts[config]) for n in names}
            total, cpu_total = sum(wall.values()), sum(cpus.values())
            entry["parts"] = {n: {"seconds": round(wall[n], 2), "share": round(wall[n] / total, 4),
                                  "cpu_seconds": round(cpus[n], 2), "cpu_share": round(cpus[n] / cpu_total, 4)}
                              for n in names}
            entry["json_digests"] = json_digests[config]
        result["configs"][config] = entry
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"{records} records ({args.start}-{args.stop}), {words} words, median of {args.rounds} rounds, "
          f"{result['cpus']} CPUs, load average {result['load_before']} before, {result['load_after']} after")
    print(f"stored: {counts}; same store contents in every run: {result['same_output']}")
    for config, e in result["configs"].items():
        flag = "" if len(set(e["store_digests"])) == 1 and result["same_output"] else "  DIFFERENT"
        print(f"{config:10s} {e['median_seconds']:7.1f} s  {e['articles_per_s']:6.2f} articles/s  "
              f"{e['words_per_s']:6d} words/s  {e['articles_per_day_M']:.3f} M/day  "
              f"x{e[f'time_vs_{configs[0]}']:.2f} of {configs[0]}  (runs {e['seconds']}; "
              f"CPU {e['median_cpu_seconds']} s){flag}")
        for name, p in e.get("parts", {}).items():
            print(f"    {name:22s} {p['seconds']:7.2f} s  {p['share']:6.1%} of the time, "
                  f"CPU {p['cpu_seconds']:7.2f} s  {p['cpu_share']:6.1%}")


if __name__ == "__main__":
    main()
