"""The `docs` commands: list, read, graph and validity of documents."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from zhengce.cli.common import console, fail, filters_from, open_store, parse_date, print_json, print_table
from zhengce.relations.level import LEVELS

if TYPE_CHECKING:
    from zhengce.store.records import ItemStatus, Validity

docs_app = typer.Typer(help="List and read documents.", no_args_is_help=True)


@docs_app.command("list")
def docs_list(
    region: Annotated[str | None, typer.Option(help="全国, 湖南, 重庆 or 北京.")] = None,
    section: Annotated[str | None, typer.Option(help="综合, 就业, 社会保险, 人才人事, 劳动关系, 产业园.")] = None,
    year: Annotated[int | None, typer.Option(help="Year of issue.")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="通知, 意见, 办法, 法律, ...")] = None,
    valid_on: Annotated[str | None, typer.Option(
        help="Only documents in force on YYYY-MM-DD (现行有效, 已被修改, 部分失效).")] = None,
    level: Annotated[str | None, typer.Option(help="效力级别: " + ", ".join(LEVELS) + ".")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List documents, filtered by region, section, year, type, 效力级别 or validity on a date."""
    filters = filters_from(region=region, section=section, year=year, doc_type=doc_type, valid_on=valid_on,
                           level=level)
    store, on = open_store(), filters.valid_on
    documents = store.list_documents(filters)
    if as_json:
        print_json(documents)
        return
    statuses = {d.id: store.status_of(d.id, on).status for d in documents} if on else {}
    columns = ("id", "文号", "标题", "地区", "类别", "效力级别", "日期") + ((f"{on} 状态",) if on else ())
    print_table(f"{len(documents)} documents", columns,
                [[d.id, d.doc_number or "—", d.title, d.region, d.section or "—", d.level,
                  d.date or "—", *([statuses[d.id]] if on else [])] for d in documents])


@docs_app.command("show")
def docs_show(
    key: Annotated[str, typer.Argument(metavar="ID_OR_DOC_NUMBER", help="Document id, number or title.")],
    on: Annotated[str | None, typer.Option(help="Validity on YYYY-MM-DD (default today).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one document: metadata, validity, sources, flags and text."""
    from zhengce.service import source_label

    document = open_store().get_document(key, on=parse_date(on, "--on") if on else None)
    if document is None:
        fail(f"没有 id、文号或标题为“{key}”的文件：可用 `zhengce docs list` 查看全部文件。")
    if as_json:
        print_json(document)
        return
    console.print(f"[bold]{document.title}[/]", highlight=False)
    meta = Table(show_header=False, box=None)
    for label, value in (("id", document.id), ("文号", document.doc_number or "（无）"),
                         ("发文机关", "、".join(document.issuers) or "—"), ("日期", document.date or "—"),
                         ("地区", document.region), ("类别", document.section or "—"),
                         ("文种", document.doc_type), ("效力级别", document.level),
                         ("来源", "；".join(source_label(s) for s in document.sources))):
        meta.add_row(label, value)
    console.print(meta)
    print_validity(document.validity, tuple(a.validity for a in document.articles if a.validity))
    if document.thread:
        console.print("政策脉络：" + " → ".join(f"{d.doc_number or d.title}（{d.date}）"
                                           for d in document.thread), highlight=False)
    for flag in document.flags:
        console.print(f"[yellow]⚠ {flag.reason}[/]", highlight=False)
    console.print()
    console.print(document.text, highlight=False)
    for table_data in document.tables:
        console.print(f"\n[bold]{table_data.name}[/] ({len(table_data.rows)} rows)", highlight=False)


@docs_app.command("graph")
def docs_graph(
    key: Annotated[str, typer.Argument(metavar="ID_OR_DOC_NUMBER", help="Document id, number or title.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What a document cites and what cites it, with the citing article."""
    from zhengce.service import REFERENCE_KINDS

    store = open_store()
    doc_id = store.find_document_id(key)
    if doc_id is None:
        fail(f"没有 id、文号或标题为“{key}”的文件：可用 `zhengce docs list` 查看全部文件。")
    graph = store.graph(doc_id)
    if as_json:
        print_json(graph)
        return
    for heading, items in (("引用", graph.cites), ("被引用", graph.cited_by)):
        console.print(f"[bold]{heading}（{len(items)}）[/]", highlight=False)
        for item in items:
            where = "" if item.doc_id else "（资料外）"
            kind = REFERENCE_KINDS.get(item.kind, item.kind)
            console.print(f"  {kind} {item.doc_number or ''} {item.title or ''}{where} "
                          f"← {item.node_id or ''}", highlight=False)


@docs_app.command("validity")
def docs_validity(
    key: Annotated[str, typer.Argument(metavar="ID_OR_DOC_NUMBER", help="A document in or outside the corpus.")],
    on: Annotated[str | None, typer.Option(help="Date YYYY-MM-DD (default today).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Is a document in force on a date, and on what evidence (also for documents a clean-up list names)."""
    validity = open_store().validity(key, parse_date(on, "--on") if on else date.today())
    if validity is None:
        fail(f"没有关于“{key}”的信息：资料中没有这份文件，也没有文件废止或列出它。")
    if as_json:
        print_json(validity)
        return
    console.print(f"{validity.doc_number or key}", highlight=False)
    print_validity(validity, validity.items)


def print_validity(validity: Validity, items: tuple[ItemStatus, ...]) -> None:
    """The status on its date with its reason, dates, note and quoted clauses; then the
    items that have their own period."""
    console.print(f"[bold]{validity.status}[/]（{validity.on}）：{validity.reason}", highlight=False)
    dates = ((validity.start, "施行 "), (validity.end, "最后有效日 "))
    span = "，".join(f"{label}{day}" for day, label in dates if day)
    if span:
        console.print(f"  {span}", highlight=False)
    if validity.note:
        console.print(f"  注：{validity.note}", highlight=False)
    for quote in validity.quotes:
        console.print(f"  依据 {quote.document} {quote.article}：“{quote.quote}”", highlight=False)
    for item in items:
        article = item.node_id.partition("/")[2]
        console.print(f"  条款 {article}：{item.status}（{item.reason}）", highlight=False)
