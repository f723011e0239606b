"""Add the user's own documents to the knowledge base, and remove them again."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zhengce.cli.build import progress_adapter, progress_bars
from zhengce.cli.common import State, app, errors, print_json, print_table
from zhengce.paths import DEFAULT_CACHE, resolve_path

if TYPE_CHECKING:
    from zhengce.build import Change

CacheOption = Annotated[Path, typer.Option(help="Embedding cache file.")]


@app.command()
def add(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH...", help="PDF, scanned PDF, image, DOCX, HTML or "
                                                "TXT files, or folders of them.")],
    region: Annotated[str | None, typer.Option(help="Region, over what is read: 全国, 湖南, 重庆, 北京 ...")] = None,
    date: Annotated[str | None, typer.Option(help="Date of issue YYYY-MM-DD, over what is read.")] = None,
    number: Annotated[str | None, typer.Option(help="Document number (文号), over what is read.")] = None,
    title: Annotated[str | None, typer.Option(help="Title, over what is read.")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="Type: 通知, 意见, 办法 ...")] = None,
    section: Annotated[str | None, typer.Option(help="Section: 就业, 社会保险, 人才人事, 劳动关系 ...")] = None,
    cache: CacheOption = DEFAULT_CACHE,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Add documents: each is parsed into articles and tables, embedded and linked; the same
    document again merges, a changed text becomes a new version. A bad file changes nothing."""
    overrides = {key: value for key, value in (("region", region), ("date", date), ("doc_number", number),
                                                ("title", title), ("doc_type", doc_type), ("section", section))
                 if value}
    from zhengce.build import add_documents

    with progress_bars(errors) as progress:
        changes = _run(lambda: add_documents(resolve_path(State.db), paths, overrides, cache,
                                             progress_adapter(progress)))
    _print(changes, as_json)


@app.command()
def remove(
    key: Annotated[str, typer.Argument(metavar="ID_OR_DOC_NUMBER", help="Id, number or title of an added document.")],
    cache: CacheOption = DEFAULT_CACHE,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Remove an added document (every file added as it) and what it said about others."""
    from zhengce.build import remove_document

    with progress_bars(errors) as progress:
        changes = _run(lambda: remove_document(resolve_path(State.db), key, cache, progress_adapter(progress)))
    _print(changes, as_json)


def _run(change) -> list[Change]:
    """Run a change; a bad file or key prints one Chinese line each and exits 1, nothing written."""
    from zhengce.build import ChangeError
    from zhengce.corpus.readers import ReadError

    try:
        return change()
    except (ReadError, ChangeError) as error:
        for line in str(error).splitlines():
            typer.echo(f"错误：{line}", err=True)
        typer.echo("知识库未作任何改动。", err=True)
        raise typer.Exit(1) from None


def _print(changes: list[Change], as_json: bool) -> None:
    if as_json:
        print_json([asdict(change) for change in changes])
        return
    print_table(f"{len(changes)} 个文件", ("文件", "结果", "id", "标题"),
                [[c.file, c.outcome, c.doc_id, c.title] for c in changes])
