"""Build the knowledge base and show what it holds."""

from __future__ import annotations

import json
import signal
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from zhengce.cli.common import State, app, console, fail, open_store, print_json
from zhengce.paths import DEFAULT_CACHE, DEFAULT_RAW_DIR, resolve_path
from zhengce.store.backend import database_errors, display, is_postgres

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from zhengce.build import Progress as BuildProgress
    from zhengce.store.records import KnowledgeBaseStats


@app.command()
def build(
    raw: Annotated[Path, typer.Option(help="Folder of raw compilation files.")] = DEFAULT_RAW_DIR,
    vectors: Annotated[bool, typer.Option(help="Embed units for semantic search (cached by text hash).")] = True,
    cache: Annotated[Path, typer.Option(help="Embedding cache file.")] = DEFAULT_CACHE,
) -> None:
    """Parse the raw compilations and write a new knowledge base (the old one stays until it is done)."""
    from zhengce.build import build_knowledge_base
    from zhengce.corpus.build import CorpusError
    from zhengce.store.db import Store

    path = resolve_path(State.db)
    started = time.perf_counter()
    # `kill` (SIGTERM) unwinds like Ctrl+C, so the half-written file is removed on the way out.
    signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))
    try:
        with progress_bars() as progress:
            result = build_knowledge_base(path, raw, cache if vectors else None, progress_adapter(progress))
    except CorpusError as error:
        fail(str(error))
    except (OSError, *database_errors()) as error:
        where = "请检查 PostgreSQL 的地址、用户和权限" if is_postgres(path) else "请让 --db 指向可写文件夹中的文件"
        fail(f"无法在 {display(path)} 写入知识库（{str(error).strip()}）：{where}。原有知识库未改动。")
    console.print(f"已构建 {display(path)}，用时 {time.perf_counter() - started:.1f} 秒"
                  f"（{result.units} 个检索单元，本次嵌入 {result.embedded} 个，其余取自缓存）。", highlight=False)
    _print_stats(Store(path).stats(), result.report.as_dict())


STAGES = {"read": "读取添加的文件", "parse": "解析原始资料", "embed": "嵌入检索单元", "write": "写入知识库"}


def progress_adapter(progress: Progress) -> BuildProgress:
    """The build library's progress callback shown as one Rich bar per stage."""
    tasks: dict[str, TaskID] = {}

    def advance(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(STAGES.get(stage, stage), total=total)
        progress.advance(tasks[stage], done)
    return advance


def progress_bars(target: Console = console) -> Progress:
    """Rich progress bars, one per build stage, on ``target`` (stderr where stdout is JSON)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=target, transient=False)


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Show what the knowledge base holds."""
    store = open_store()
    figures = store.stats()
    report = json.loads(store.meta().get("report", "{}"))
    if as_json:
        print_json({**asdict(figures), "build_report": report})
    else:
        _print_stats(figures, report)


def _print_stats(figures: KnowledgeBaseStats, report: dict[str, Any]) -> None:
    from zhengce.service import COMPILATIONS

    table = Table(title="知识库", show_header=False)
    table.add_row("文件", str(figures.documents))
    for label, counts in (("按地区", figures.by_region), ("按类别", figures.by_section), ("按来源", figures.by_source)):
        table.add_row(label, "，".join(f"{COMPILATIONS.get(k, k)} {v}" for k, v in counts.items()))
    table.add_row("合并的重复刊印", str(report.get("merged_duplicates", "?")))
    table.add_row("有多个出处的文件", str(figures.with_several_sources))
    table.add_row("没有文号的文件", str(figures.without_number))
    table.add_row("条款节点", str(figures.nodes))
    table.add_row("表格（行）", f"{figures.tables}（{figures.table_rows}）")
    table.add_row("检索单元（已嵌入）", f"{figures.units}（{figures.embedded_units}）")
    table.add_row("提示", "，".join(f"{k} {v}" for k, v in figures.flags.items()) or "无")
    unplaced = report.get("unplaced", [])
    table.add_row("未归入文件的行", "；".join(
        f"{u['file']}:{u['start_line']}-{u['end_line']}" for u in unplaced) or "无")
    console.print(table)
