"""Query the knowledge base: `search` (keyword and semantic, fused) and `ask` (quoted answers with citations)."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from zhengce.cli.common import (
    app,
    console,
    fail,
    filters_from,
    input_lines,
    load_answerer,
    load_index,
    parse_date,
    print_json,
)
from zhengce.index import MAX_K

if TYPE_CHECKING:  # the search and answer wings load when a command runs, not for --help
    from zhengce.answer.ask import Answer, Answerer
    from zhengce.index.hybrid import Hit
    from zhengce.store.records import Filters


@app.command()
def search(
    query: Annotated[str | None, typer.Argument(help="Question, words or a document number.")] = None,
    k: Annotated[int, typer.Option("-k", help="How many results (1-100).", min=1, max=MAX_K)] = 10,
    region: Annotated[str | None, typer.Option(help="全国, 湖南, 重庆 or 北京.")] = None,
    section: Annotated[str | None, typer.Option(help="综合, 就业, 社会保险, 人才人事, 劳动关系, 产业园.")] = None,
    doc_type: Annotated[str | None, typer.Option("--type", help="通知, 意见, 办法, ...")] = None,
    issuer: Annotated[str | None, typer.Option(help="Part of an issuing body's name.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Issued on or after YYYY-MM-DD.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Issued on or before YYYY-MM-DD.")] = None,
    valid_on: Annotated[str | None, typer.Option(
        help="Only articles in force on YYYY-MM-DD (their document in force, their own period running).")] = None,
    level: Annotated[str | None, typer.Option(help="效力级别: 部门规范性文件, 地方规范性文件, 解读, ...")] = None,
    mode: Annotated[str, typer.Option(help="hybrid, keyword or semantic.")] = "hybrid",
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list, best first.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Read queries from stdin, one per line; "
                                                        "write one JSON list per line.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show how the query is searched.")] = False,
) -> None:
    """Find the articles that answer a query: keyword and semantic search, fused."""
    if mode not in ("hybrid", "keyword", "semantic"):
        fail(f"--mode 只能是 hybrid、keyword 或 semantic，而不是“{mode}”。")
    filters = filters_from(region=region, section=section, doc_type=doc_type, issuer=issuer, date_from=date_from,
                           date_to=date_to, valid_on=valid_on, level=level)
    if jsonl:
        _search_lines(k, filters, mode)
        return
    if query is None:
        fail("请给出查询内容，或用 --jsonl 从标准输入逐行读取查询。")
    from zhengce.index.query import QueryError, readable

    index = load_index()
    try:
        query = readable(query)
        hits = index.search(query, k=k, filters=filters, mode=mode)  # type: ignore[arg-type]
        plan = index.plan(query, filters) if explain else None
    except QueryError as error:
        fail(str(error))
    if as_json:
        print_json({"plan": plan, "hits": [h.as_dict() for h in hits]} if plan else [h.as_dict() for h in hits])
        return
    if plan:
        console.print(plan)
    _print_hits(hits)


def _search_lines(k: int, filters: Filters, mode: str) -> None:
    """Batch mode: one query per input line, one JSON list (or error object) per output line."""
    from zhengce.index.query import QueryError

    index = load_index()
    queries = input_lines()
    for result in index.search_many(queries, k=k, filters=filters, mode=mode):  # type: ignore[arg-type]
        if isinstance(result, QueryError):
            typer.echo(json.dumps({"error": str(result)}, ensure_ascii=False))
        else:
            typer.echo(json.dumps([h.as_dict() for h in result], ensure_ascii=False))


def _print_hits(hits: list[Hit]) -> None:
    if not hits:
        console.print("没有结果：请换用其他或更少的词，或去掉筛选条件。")
        return
    table = Table(show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("文件 · 条款", min_width=24, max_width=36)
    table.add_column("内容", ratio=1)
    for rank, hit in enumerate(hits, 1):
        text = Text(hit.snippet)
        text.highlight_words(hit.matched, style="bold yellow")
        text.append(f"\n{hit.title}", style="dim")
        where = f"{hit.doc_number or '（无文号）'}\n{hit.article}\n{hit.region} · {hit.date or '—'}"
        table.add_row(str(rank), where, text)
    console.print(table)


@app.command()
def ask(
    question: Annotated[str | None, typer.Argument(help="A question in plain Chinese.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as JSON.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Read questions from stdin (text or {\"question\": …} "
                                                        "per line); write one JSON answer per line.")] = False,
    on: Annotated[str | None, typer.Option(help="Answer from the documents in force on YYYY-MM-DD.")] = None,
) -> None:
    """Answer a question by quoting the documents, with citations; say so when they do not answer it."""
    from zhengce.index.query import QueryError, readable

    day = parse_date(on, "--on") if on else None
    answerer = load_answerer()
    if jsonl:
        _ask_lines(answerer, day)
        return
    if question is None:
        fail("请给出问题，或用 --jsonl 从标准输入逐行读取问题。")
    try:
        answer = answerer.ask(readable(question), day)
    except QueryError as error:
        fail(str(error))
    if as_json:
        print_json(answer.as_dict())
    else:
        _print_answer(answer)


def _ask_lines(answerer: Answerer, on: date | None) -> None:
    """Batch mode: every input line gets exactly one output line, in order."""
    from zhengce.answer.ask import parse_question_line
    from zhengce.index.query import QueryError, readable
    from zhengce.service import answer_record

    lines = input_lines()
    questions, problems = [], {}
    for number, line in enumerate(lines):
        question, problem = parse_question_line(line)
        question = readable(question)
        questions.append(question)
        if problem:
            problems[number] = problem
    results = answerer.ask_many([q if n not in problems else "" for n, q in enumerate(questions)], on)
    for number, (question, result) in enumerate(zip(questions, results, strict=True)):
        record = answer_record(question, QueryError(problems[number]) if number in problems else result)
        typer.echo(json.dumps(record, ensure_ascii=False))


def _print_answer(answer: Answer) -> None:
    _print_answer_text(answer)
    if answer.calculator:
        offered = answer.calculator
        sets = "".join(f" --set {name}={value}" for name, value in offered["inputs"].items())
        console.print(f"可用计算器：{offered['title']}", highlight=False)
        console.print(f"  zhengce calc run {offered['name']}{sets}", highlight=False, soft_wrap=True)


def _print_answer_text(answer: Answer) -> None:
    from zhengce.service import source_label

    if answer.abstained:
        console.print(f"[bold]{answer.reason}[/]", highlight=False)
        if answer.nearest:
            console.print("最接近的文件：", highlight=False)
            for doc in answer.nearest:
                console.print(f"  · {doc['title']} {doc['doc_number'] or ''}", highlight=False)
        return
    console.print(f"[bold]答：[/]“{answer.answer}”", highlight=False)
    for note in answer.notes:
        console.print(note, style="italic", highlight=False)
    for number, citation in enumerate(answer.citations, 1):
        source = citation.source
        console.print(f"[{number}] {citation.title} {citation.doc_number or ''} {citation.article}"
                      f"（{source_label(source)}）", highlight=False)
        console.print(f"    “{citation.quote}”", style="dim", highlight=False)
