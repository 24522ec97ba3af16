"""The `tidings` command: a thin shell over the library (see CONTRACT.md).

Exit codes: 0 success; 1 some inputs failed (each named on stderr); 2 usage error.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from enum import Enum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from .errors import Errors, ModelError, StoreError, TidingsError

app = typer.Typer(
    help="tidings: news articles in; actors, quotations and PLOVER/CAMEO events out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)  # pipes get whole rows
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[str, typer.Option("--db", help="DuckDB file or postgresql:// URL.")]


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


LimitOption = Annotated[int, typer.Option(help="Print at most this many rows.")]
FormatOption = Annotated[QueryFormat, typer.Option(help="table, json (JSON Lines of records) or csv.")]


def fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True)
    raise typer.Exit(code)


def report_problem(problem) -> None:
    err.print(f"[red]skipped[/red] {problem.message}", markup=True, highlight=False)


def _pipeline_or_exit():
    from .api import default_pipeline

    try:
        return default_pipeline()
    except ModelError as e:
        fail(str(e))


def _check_date(value: str | None) -> str | None:
    from .api import normalise_date

    try:
        return normalise_date(value, origin="--published")
    except TidingsError as e:
        fail(str(e), 2)
    return None


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Files, folders or - for standard input.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD for inputs without one.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON Lines, one document per article.")] = False,
) -> None:
    """Run the whole pipeline on articles and print what was found; stores nothing.

    Example: tidings extract examples/seed/china-ukraine-mediation.txt --published 2022-03-02 --json
    """
    from .ingest import Problem, read_inputs
    from .ingest.read import ReadOptions

    options = ReadOptions(published=_check_date(published))
    pipeline = _pipeline_or_exit()
    failed = 0
    for item in read_inputs(files, options):
        if isinstance(item, Problem):
            report_problem(item)
            failed += 1
            continue
        doc = pipeline.safely(item)
        if doc.failure:
            report_problem(Problem(item.origin, doc.failure))
            failed += 1
            continue
        if as_json:
            sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            from .show import show_document

            show_document(out, doc)
    raise typer.Exit(1 if failed else 0)


@app.command()
def process(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or - for standard input.")],
    db: DbOption = "tidings.duckdb",
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    published: Annotated[str | None, typer.Option(help="Publication date for inputs without one.")] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per batch.")] = 32,
    fetch_linked: Annotated[bool, typer.Option(
        "--fetch-linked", help="For feed items with only a summary, fetch the linked page.")] = False,
    text_field: Annotated[list[str] | None, typer.Option(
        "--text-field", help="JSON Lines/CSV field holding the text (repeat to try several).")] = None,
    max_bytes: Annotated[int, typer.Option(help="Skip files (and WARC records) larger than this.")] = 200 * 1024**2,
    near_threshold: Annotated[float, typer.Option(
        help="MinHash similarity from which an article counts as a near-duplicate (0-1].")] = 0.8,
    dedup: Annotated[bool, typer.Option(help="Store copies of earlier articles as links to them.")] = True,
) -> None:
    """Read articles into a store (DuckDB by default), then print a summary.

    Re-running on the same input adds nothing twice. Copies of articles already read (exact, or
    near ones found by MinHash) are stored as links to their original, and articles not in English
    are stored with their language; neither is processed.

    Example: tidings process examples/ --db tidings.duckdb --workers 2
    """
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .engine import batched, run
    from .ingest import Problem, read_inputs
    from .ingest.read import TEXT_FIELDS, ReadOptions
    from .ingest.triage import Triage
    from .store import open_store

    if not 0 < near_threshold <= 1:
        fail(f"--near-threshold must be above 0 and at most 1, not {near_threshold}", 2)
    options = ReadOptions(published=_check_date(published), max_bytes=max_bytes, fetch_linked=fetch_linked,
                          text_fields=tuple(text_field) if text_field else TEXT_FIELDS)
    try:
        store = open_store(db)
    except StoreError as e:
        fail(str(e))
    problems: list[Any] = []
    stats: Counter[str] = Counter()
    triage = Triage(store, near_threshold=near_threshold, find_duplicates=dedup, stats=stats)

    def read_articles():
        for item in read_inputs(paths, options):
            if isinstance(item, Problem):
                problems.append(item)
                report_problem(item)
            else:
                stats["read"] += 1
                yield item

    def fresh_articles():
        yield from triage.to_process(read_articles())

    if workers <= 1:
        _pipeline_or_exit()
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} articles"),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("processing", total=None)
        try:
            from .api import default_pipeline

            docs = run(fresh_articles(), workers=workers, batch_size=batch_size,
                       pipeline=default_pipeline() if workers <= 1 else None)
            for batch in batched(docs, batch_size):
                progress.advance(task, len(batch))
                for doc in batch:
                    if doc.failure:
                        problems.append(Problem(doc.article.origin, doc.failure))
                        report_problem(problems[-1])
                batch = [doc for doc in batch if not doc.failure]
                with triage.store_lock:
                    result = store.add(batch + triage.take_unprocessed())
                stats["stored"] += result.added
                stats["already stored"] += result.skipped
            result = store.add(triage.take_unprocessed())
            stats["stored"] += result.added
            stats["already stored"] += result.skipped
            store.refresh_actors()
        except StoreError as e:
            fail(str(e))
    stats.update(options.counts)
    print_summary(store, stats, problems)
    store.close()
    raise typer.Exit(1 if problems else 0)


def print_summary(store, stats: Counter, problems: list) -> None:
    counts = store.counts()
    table = Table(title=f"tidings: {store.target}", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("articles read", str(stats["read"]))
    table.add_row("newly stored", str(stats["stored"]))
    table.add_row("already stored (skipped)", str(stats["already stored"]))
    for key in sorted(k for k in stats if k.startswith("language ")):
        table.add_row(f"not English ({key.split()[1]}), stored unprocessed", str(stats[key]))
    for key in sorted(k for k in stats if k.startswith(("duplicates ", "WARC: ", "feed items"))):
        table.add_row(key, str(stats[key]))
    table.add_row("inputs that failed", str(len(problems)))
    for name in ("articles", "mentions", "quotes", "events", "actors"):
        table.add_row(f"in store: {name}", str(counts[name]))
    out.print(table)
    _, top = store.query("SELECT name, code, SUM(mentions) AS n FROM actors GROUP BY name, code "
                         "ORDER BY n DESC, name LIMIT 8")
    if top:
        out.print("top actors: " + ", ".join(f"{n} ({c or '-'}) {k}" for n, c, k in top))
    _, types = store.query("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY 2 DESC, 1")
    if types:
        out.print("events: " + ", ".join(f"{t} {n}" for t, n in types))
    if problems:
        out.print(f"skipped ({len(problems)}):")
        for problem in problems:
            out.print(f"  {problem.message}", markup=False, highlight=False)


def _open_for_query(db: str):
    from .store import open_store

    try:
        return open_store(db, read_only=not db.startswith("postgres"))
    except StoreError as e:
        fail(str(e))


def _print_rows(names: list[str], rows: list[tuple], fmt: QueryFormat, title: str) -> None:
    if fmt is QueryFormat.json:
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(names, row)), default=str, ensure_ascii=False) + "\n")
    elif fmt is QueryFormat.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(names)
        writer.writerows(rows)
    else:
        table = Table(title=title)
        for name in names:
            table.add_column(name)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)


def _flatten(record: dict[str, Any], fields: list[str]) -> tuple:
    values = []
    for name in fields:
        value: Any = record
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        values.append(value)
    return tuple(values)


EVENT_FIELDS = ["article.published", "type", "mode", "cameo", "goldstein", "source.code", "target.code",
                "trigger.text", "negated", "modality", "confidence"]
QUOTE_FIELDS = ["article.published", "kind", "speaker.name", "speaker.code", "cue.text", "addressee.name", "text"]


@app.command()
def events(
    db: DbOption = "tidings.duckdb",
    type: Annotated[str | None, typer.Option(help="PLOVER type, e.g. REQUEST.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor code, country or name on either side.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 of source or target.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: LimitOption = 100,
    format: FormatOption = QueryFormat.table,
) -> None:
    """List stored events.

    Example: tidings events --type REQUEST --actor UKR --format json
    """
    from .query import Filters, records

    store = _open_for_query(db)
    found = records(store, "events", Filters(type=type, actor=actor, country=country, since=since,
                                             until=until, limit=limit))
    if format is QueryFormat.json:
        for record in found:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        _print_rows(EVENT_FIELDS, [_flatten(r, EVENT_FIELDS) for r in found], format, "events")


@app.command()
def quotes(
    db: DbOption = "tidings.duckdb",
    actor: Annotated[str | None, typer.Option(help="Speaker's code, country or name.")] = None,
    country: Annotated[str | None, typer.Option(help="Speaker's ISO alpha-3.")] = None,
    text: Annotated[str | None, typer.Option(help="Words the quote contains.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: LimitOption = 100,
    format: FormatOption = QueryFormat.table,
) -> None:
    """List stored quotations.

    Example: tidings quotes --actor CHN --text mediation
    """
    from .query import Filters, records

    store = _open_for_query(db)
    found = records(store, "quotes", Filters(actor=actor, country=country, text=text, since=since,
                                             until=until, limit=limit))
    if format is QueryFormat.json:
        for record in found:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        _print_rows(QUOTE_FIELDS, [_flatten(r, QUOTE_FIELDS) for r in found], format, "quotes")


@app.command()
def actors(
    files: Annotated[list[str] | None, typer.Argument(help="Articles to analyse; without them, query the store.")] = None,
    db: DbOption = "tidings.duckdb",
    actor: Annotated[str | None, typer.Option(help="Code, country or name.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date for the files.")] = None,
    limit: LimitOption = 100,
    format: FormatOption = QueryFormat.table,
) -> None:
    """Who is who: each mention in FILES and what it resolved to, and why; or the store's actors.

    Example: tidings actors examples/seed/china-ukraine-mediation.txt
    """
    if files:
        _actors_in_files(files, published, format)
        return
    from .query import Filters
    from .query import actors as query_actors

    names, rows = query_actors(_open_for_query(db), Filters(actor=actor, country=country, limit=limit))
    _print_rows(names, rows, format, "actors")


def _actors_in_files(files: list[str], published: str | None, format: QueryFormat) -> None:
    from .ingest import Problem, read_inputs
    from .ingest.read import ReadOptions

    pipeline = _pipeline_or_exit()
    names = ["origin", "start", "end", "text", "name", "kind", "country", "sector", "code", "how"]
    rows, failed = [], 0
    for item in read_inputs(files, ReadOptions(published=_check_date(published))):
        if isinstance(item, Problem):
            report_problem(item)
            failed += 1
            continue
        doc = pipeline.safely(item)
        if doc.failure:
            report_problem(Problem(item.origin, doc.failure))
            failed += 1
            continue
        for m in doc.mentions:
            a = m.actor.to_dict()
            rows.append((item.origin, m.start, m.end, m.text, a["name"], a["kind"], a["country"], a["sector"],
                         a["code"], m.how))
    _print_rows(names, rows, format, "mentions")
    if failed:
        raise typer.Exit(1)


@app.command()
def dyads(
    db: DbOption = "tidings.duckdb",
    type: Annotated[str | None, typer.Option(help="PLOVER type.")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor on either side.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    limit: LimitOption = 100,
    format: FormatOption = QueryFormat.table,
) -> None:
    """Count events by source, target and type.

    Example: tidings dyads --actor RUS
    """
    from .query import Filters
    from .query import dyads as query_dyads

    names, rows = query_dyads(_open_for_query(db), Filters(type=type, actor=actor, since=since, until=until,
                                                           limit=limit))
    _print_rows(names, rows, format, "dyads")


@app.command()
def evaluate(
    task: Annotated[str, typer.Argument(help="quotes or events")],
    path: Annotated[str, typer.Argument(help="The gold set: a folder or file.")],
    format: Annotated[str, typer.Option("--format", help="polnear (quotes) or plover-gsr (events).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N items.")] = None,
) -> None:
    """Score the pipeline against a gold set and print precision, recall and F1.

    Example: tidings evaluate quotes --format polnear ../shared/data/quotes/polnear/data/dev
    """
    from .evaluate import EVALUATORS

    key = (task, format)
    if key not in EVALUATORS:
        choices = ", ".join(f"{t} --format {f}" for t, f in EVALUATORS)
        fail(Errors.T401.format(value=f"{task} --format {format}", choices=choices), 2)
    pipeline = _pipeline_or_exit()
    try:
        scores = EVALUATORS[key](path, pipeline=pipeline, limit=limit)
    except TidingsError as e:
        fail(str(e))
    if as_json:
        sys.stdout.write(json.dumps(scores) + "\n")
    else:
        from .evaluate import show_scores

        show_scores(out, scores)


class ExportFormat(str, Enum):
    gdelt = "gdelt"
    gdelt_mentions = "gdelt-mentions"
    polecat = "polecat"
    parquet = "parquet"
    csv = "csv"


@app.command()
def export(
    out_path: Annotated[str, typer.Argument(metavar="OUT", help="File (or folder, for parquet/csv) to write.")],
    format: Annotated[ExportFormat, typer.Option("--format", help="Output format.")],
    db: DbOption = "tidings.duckdb",
) -> None:
    """Write the store in a standard format (gdelt: the 61 columns of GDELT 2.0 Events, no header).

    Example: tidings export --format gdelt events.tsv
    """
    from .export import export_store

    store = _open_for_query(db)
    try:
        written = export_store(store, format.value, out_path)
    except TidingsError as e:
        fail(str(e))
    err.print(f"wrote {written} rows to {out_path}")


@app.command()
def serve(
    db: DbOption = "tidings.duckdb",
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """The REST API (under /api/, OpenAPI at /docs) and the web dashboard (at /) over a store.

    Example: tidings serve --db tidings.duckdb --port 8000
    """
    from .serve import run_server

    try:
        run_server(db=db, host=host, port=port)
    except TidingsError as e:
        fail(str(e))


def main() -> None:
    try:
        app()
    except TidingsError as e:
        err.print(f"[red]error:[/red] {e}", markup=True)
        sys.exit(1)
