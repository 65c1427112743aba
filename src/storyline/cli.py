"""The ``storyline`` command line (contract: shared/contract/README.md)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from storyline.ingest import IngestError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Storyline: turn a pile of news articles into a sourced account of events, "
    "quotes and entities.",
)
err = Console(stderr=True)

DEFAULT_DB = Path("storyline.db")


class RichProgress:
    """Shows each stage as a progress bar on stderr, and problems as they occur."""

    def __init__(self, console: Console, enabled: bool = True) -> None:
        self.console = console
        self.enabled = enabled
        self._progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
            TimeElapsedColumn(), TextColumn("[dim]{task.fields[item]}"),
            console=console, transient=False, disable=not enabled,
        )
        self._task: TaskID | None = None
        self.problems: list[IngestError] = []

    def __enter__(self) -> RichProgress:
        self._progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._finish()
        self._progress.stop()

    def _finish(self) -> None:
        if self._task is not None:
            task = self._progress.tasks[-1]
            if task.total is None:
                self._progress.update(self._task, total=1, completed=1)
            self._progress.update(self._task, item="")

    def stage(self, name: str, total: int | None) -> None:
        self._finish()
        self._task = self._progress.add_task(name, total=total, item="")

    def advance(self, item: str | None = None) -> None:
        if self._task is not None:
            self._progress.update(self._task, advance=1, item=(item or "")[-50:])

    def problem(self, error: IngestError) -> None:
        self.problems.append(error)
        self._progress.console.print(
            f"[yellow]skipped[/] [bold]{error.origin}[/]: {error.message}\n  [dim]{error.hint}[/]",
            highlight=False, markup=True,
        )


@app.command()
def analyze(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (searched recursively).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Where to write the JSON report.")] = Path("report.json"),
    db: Annotated[Path, typer.Option("--db", help="SQLite store (created if missing).")] = DEFAULT_DB,
    html: Annotated[Path | None, typer.Option(help="HTML report path [default: OUT with .html].")] = None,
    markdown: Annotated[Path | None, typer.Option(help="Markdown report path [default: OUT with .md].")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001,
                                          help="Skip files larger than this (MB).")] = 20.0,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1,
        help="Parser processes [default: 2 for 50 or more new documents, else 1].")] = None,
) -> None:
    """Ingest articles into the store, analyse them and write the report (JSON, HTML, Markdown)."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        err.print(f"[red]error:[/] no such file or folder: {', '.join(map(str, missing))}")
        raise typer.Exit(2)
    started = time.perf_counter()
    from storyline.nlp import load_pipeline
    from storyline.pipeline import run
    from storyline.report import build_report, write_html, write_json, write_markdown
    from storyline.store import open_store

    try:
        store = open_store(db)
    except (RuntimeError, NotImplementedError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    with store, RichProgress(err, enabled=not quiet and err.is_terminal) as progress:
        progress.stage("Loading language model", None)
        nlp = load_pipeline()
        result = run(paths, store, nlp, progress, max_bytes=int(max_mb * 1e6), processes=jobs)
    if not result.analysis.documents:
        err.print("[red]error:[/] no article could be read from the input; nothing to report.")
        raise typer.Exit(1)
    report = build_report(result.analysis, result.duplicates)
    write_json(report, out)
    html_path = html or out.with_suffix(".html")
    md_path = markdown or out.with_suffix(".md")
    write_html(report, html_path)
    write_markdown(report, md_path)
    a = result.analysis
    if quiet or not err.is_terminal:
        for e in result.errors:
            err.print(f"skipped {e.origin}: {e.message} ({e.hint})", highlight=False, markup=False)
    dup = sum(1 for o in result.outcomes if o.status in ("duplicate", "near_duplicate"))
    err.print(
        f"{len(a.documents)} documents ({dup} duplicates), {len(a.entities)} entities, "
        f"{len(a.events)} events, {len(a.quotes)} quotes, {len(result.errors)} problems "
        f"in {time.perf_counter() - started:.1f}s\n"
        f"report: {out}  html: {html_path}  markdown: {md_path}  store: {db}",
        highlight=False, soft_wrap=True,
    )


@app.command()
def timex(
    in_dir: Annotated[Path, typer.Argument(help="Folder of TimeML (.tml) files with raw TEXT.")],
    out_dir: Annotated[Path, typer.Argument(help="Where to write the tagged files.")],
) -> None:
    """Tag time expressions in TempEval-3 TimeML files (TIMEX3 with tid, type and value)."""
    from storyline.time.timeml import tag_directory

    if not in_dir.is_dir():
        err.print(f"[red]error:[/] {in_dir} is not a folder of .tml files")
        raise typer.Exit(2)
    results = tag_directory(in_dir, out_dir)
    failed = [(name, problem) for name, problem in results if problem]
    for name, problem in failed:
        err.print(f"skipped {in_dir / name}: {problem}", highlight=False, markup=False)
    err.print(f"{len(results) - len(failed)} of {len(results)} files tagged into {out_dir}",
              highlight=False)
    if results and len(failed) == len(results):
        raise typer.Exit(1)


@app.command()
def tls(
    articles: Annotated[Path, typer.Argument(help="JSONL(.gz): id, time, title, text per line.")],
    dates: Annotated[int, typer.Option("--dates", min=1, help="At most this many dates.")],
    sentences: Annotated[int, typer.Option("--sentences", min=1,
                                           help="At most this many sentences per date.")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the timeline JSON.")],
    keywords: Annotated[Path | None, typer.Option(
        "--keywords", help="JSON list of the topic's keywords.")] = None,
) -> None:
    """Timeline summarization (Timeline17 protocol): the most important dates and sentences."""
    from storyline.timeline import run_tls

    for path in (articles, keywords):
        if path is not None and not path.exists():
            err.print(f"[red]error:[/] no such file: {path}")
            raise typer.Exit(2)
    try:
        run_tls(articles, dates, sentences, keywords, out)
    except (ValueError, OSError) as exc:
        err.print(f"[red]error:[/] {articles}: {exc}")
        raise typer.Exit(1) from exc
    err.print(f"timeline written to {out}", highlight=False)


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="SQLite store to serve.")] = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        envvar="STORYLINE_TOKEN",
        help="Bearer token that enables writes (uploads); without one the API is read-only.",
    )] = None,
) -> None:
    """Serve the REST API and the web app over a store."""
    from storyline.api import serve as serve_app

    try:
        serve_app(db, host, port, token)
    except FileNotFoundError as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc


@app.command()
def version() -> None:
    """Print Storyline's version."""
    from storyline import __version__

    typer.echo(__version__)


def main() -> None:
    app(prog_name="storyline")


if __name__ == "__main__":  # pragma: no cover
    main()
