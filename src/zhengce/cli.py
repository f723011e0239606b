"""The `zhengce` command line: a thin layer that adapts input and output of the core."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from zhengce.corpus.build import DEFAULT_RAW_DIR, CorpusError, load_corpus, raw_files
from zhengce.store.db import KnowledgeBaseError, Store, resolve_path, write_knowledge_base

app = typer.Typer(help="zhengce: search and read Chinese HR and social-security policy documents.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
docs_app = typer.Typer(help="List and read documents.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")
console = Console()
errors = Console(stderr=True)


class State:
    db: Path | None = None


DbOption = Annotated[Path | None, typer.Option(help="Knowledge base file (default $ZHENGCE_DB or var/zhengce.db).")]


@app.callback()
def main(db: DbOption = None) -> None:
    """Choose the knowledge base every command works on."""
    State.db = db


def fail(message: str, code: int = 1) -> NoReturn:
    errors.print(f"[bold red]Error:[/] {message}", highlight=False)
    raise typer.Exit(code)


def open_store() -> Store:
    try:
        return Store(State.db)
    except KnowledgeBaseError as error:
        fail(str(error))


def print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


@app.command()
def build(raw: Annotated[Path, typer.Option(help="Folder of raw compilation files.")] = DEFAULT_RAW_DIR) -> None:
    """Parse the raw compilations and write a new knowledge base (the old one stays until it is done)."""
    path = resolve_path(State.db)
    started = time.perf_counter()
    try:
        files = raw_files(raw)
        with _progress() as progress:
            task = progress.add_task("Parsing sources", total=len(files))
            documents, report = load_corpus(raw, progress=lambda name: progress.advance(task))
            write_task = progress.add_task("Writing knowledge base", total=len(documents))
            write_knowledge_base(path, documents, {"raw_dir": str(raw), "report": json.dumps(
                report.as_dict(), ensure_ascii=False)},
                progress=lambda n: progress.advance(write_task, n))
    except CorpusError as error:
        fail(str(error))
    console.print(f"Built {path} in {time.perf_counter() - started:.1f} s.")
    _print_stats(Store(path).stats(), report.as_dict())


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=console, transient=False)


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Show what the knowledge base holds."""
    store = open_store()
    figures = store.stats()
    report = json.loads(store.meta().get("report", "{}"))
    if as_json:
        print_json({**figures, "build_report": report})
    else:
        _print_stats(figures, report)


def _print_stats(figures: dict[str, Any], report: dict[str, Any]) -> None:
    table = Table(title="Knowledge base", show_header=False)
    table.add_row("documents", str(figures["documents"]))
    for label in ("by_region", "by_section", "by_source"):
        table.add_row(label.replace("_", " "), ", ".join(f"{k} {v}" for k, v in figures[label].items()))
    table.add_row("merged duplicates", str(report.get("merged_duplicates", "?")))
    table.add_row("documents with several sources", str(figures["with_several_sources"]))
    table.add_row("without a document number", str(figures["without_number"]))
    table.add_row("article nodes", str(figures["nodes"]))
    table.add_row("tables (rows)", f"{figures['tables']} ({figures['table_rows']})")
    table.add_row("flags", ", ".join(f"{k} {v}" for k, v in figures["flags"].items()) or "none")
    unplaced = report.get("unplaced", [])
    table.add_row("unplaced line runs", "; ".join(
        f"{u['file']}:{u['start_line']}-{u['end_line']}" for u in unplaced) or "none")
    console.print(table)


@docs_app.command("list")
def docs_list(
    region: Annotated[str | None, typer.Option(help="全国, 湖南, 重庆 or 北京.")] = None,
    section: Annotated[str | None, typer.Option(help="综合, 就业, 社会保险, 人才人事, 劳动关系, 产业园.")] = None,
    year: Annotated[int | None, typer.Option(help="Year of issue.")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="通知, 意见, 办法, 法律, ...")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List documents, filtered by region, section, year or type."""
    documents = open_store().list_documents(region=region, section=section, year=year, doc_type=doc_type)
    if as_json:
        print_json(documents)
        return
    table = Table(title=f"{len(documents)} documents")
    for column in ("id", "文号", "标题", "地区", "类别", "日期"):
        table.add_column(column)
    for doc in documents:
        table.add_row(doc["id"], doc["doc_number"] or "—", doc["title"], doc["region"],
                      doc["section"] or "—", doc["date"] or "—")
    console.print(table)


@docs_app.command("show")
def docs_show(
    key: Annotated[str, typer.Argument(metavar="ID_OR_DOC_NUMBER", help="Document id, number or title.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one document: metadata, sources, flags and text."""
    document = open_store().get_document(key)
    if document is None:
        fail(f"No document with id, number or title {key!r}. Try `zhengce docs list`.")
    if as_json:
        print_json(document)
        return
    console.print(f"[bold]{document['title']}[/]", highlight=False)
    meta = Table(show_header=False, box=None)
    for label, value in (("id", document["id"]), ("文号", document["doc_number"] or "（无）"),
                         ("发文机关", "、".join(document["issuers"]) or "—"), ("日期", document["date"] or "—"),
                         ("地区", document["region"]), ("类别", document["section"] or "—"),
                         ("文种", document["doc_type"]),
                         ("来源", "; ".join(f"{s['file']}:{s['start_line']}-{s['end_line']}"
                                          for s in document["sources"]))):
        meta.add_row(label, value)
    console.print(meta)
    for flag in document["flags"]:
        console.print(f"[yellow]⚠ {flag['reason']}[/]", highlight=False)
    console.print()
    console.print(document["text"], highlight=False)
    for table_data in document["tables"]:
        console.print(f"\n[bold]{table_data['name']}[/] ({len(table_data['rows'])} rows)", highlight=False)


@app.command()
def serve(host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000) -> None:
    """Serve the knowledge base (the web UI and API arrive with their issue; this reports what it holds)."""
    store = open_store()
    _print_stats(store.stats(), json.loads(store.meta().get("report", "{}")))
    console.print(f"Knowledge base ready at {store.path}. The web UI is not built yet "
                  f"(it will listen on http://{host}:{port}/).")
