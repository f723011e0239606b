"""The `zhengce` command line: a thin layer that adapts input and output of the core."""

from __future__ import annotations

import csv
import json
import sys
import time
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from zhengce.answer.ask import Answer, Answerer, parse_question_line
from zhengce.answer.generate import make_answerer
from zhengce.build import Progress as BuildProgress
from zhengce.build import build_knowledge_base
from zhengce.calc.engine import RESULT_LABELS, CalculationError, Rule
from zhengce.calc.rules import RULES
from zhengce.corpus.build import DEFAULT_RAW_DIR, CorpusError
from zhengce.evaluation.answers import evaluate_answers
from zhengce.evaluation.questions import DEFAULT_DIR as EVAL_DIR
from zhengce.evaluation.questions import EvaluationError, Question, load_questions
from zhengce.evaluation.search import MODES, evaluate_search
from zhengce.index.build import DEFAULT_CACHE
from zhengce.index.hybrid import MAX_K, Filters, Hit, SearchIndex
from zhengce.index.query import QueryError
from zhengce.store.db import KnowledgeBaseError, Store, resolve_path

app = typer.Typer(help="zhengce: search and read Chinese HR and social-security policy documents.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
docs_app = typer.Typer(help="List and read documents.", no_args_is_help=True)
app.add_typer(docs_app, name="docs")
tables_app = typer.Typer(help="Registries and other tables: list, show, filter, export.", no_args_is_help=True)
app.add_typer(tables_app, name="tables")
calc_app = typer.Typer(help="Policy calculators: every figure with the article behind it.", no_args_is_help=True)
app.add_typer(calc_app, name="calc")
eval_app = typer.Typer(help="Measure search and answers on the team's question sets (eval/).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
# Wide enough for Chinese tables when the output is not a terminal (pipes, CI logs).
console = Console(width=None if sys.stdout.isatty() else 140)
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


def _pairs(items: list[str] | None, option: str, form: str) -> dict[str, str]:
    """The NAME=VALUE items of a repeated option, refusing one without its "="."""
    pairs = {}
    for item in items or []:
        key, separator, value = item.partition("=")
        if not separator:
            fail(f"{option} takes {form}, not {item!r}.")
        pairs[key] = value
    return pairs


def open_store() -> Store:
    try:
        return Store(State.db)
    except KnowledgeBaseError as error:
        fail(str(error))


def print_json(value: Any) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=2))


def print_table(title: str, columns: tuple[str, ...] | list[str], rows: list[list[str]]) -> None:
    """A Rich table of plain rows: the one way every listing command prints."""
    table = Table(title=title)
    for column in columns:
        table.add_column(column or "—")
    for row in rows:
        table.add_row(*row)
    console.print(table)


@app.command()
def build(
    raw: Annotated[Path, typer.Option(help="Folder of raw compilation files.")] = DEFAULT_RAW_DIR,
    vectors: Annotated[bool, typer.Option(help="Embed units for semantic search (cached by text hash).")] = True,
    cache: Annotated[Path, typer.Option(help="Embedding cache file.")] = DEFAULT_CACHE,
) -> None:
    """Parse the raw compilations and write a new knowledge base (the old one stays until it is done)."""
    path = resolve_path(State.db)
    started = time.perf_counter()
    try:
        with _progress() as progress:
            result = build_knowledge_base(path, raw, cache if vectors else None, _progress_adapter(progress))
    except CorpusError as error:
        fail(str(error))
    console.print(f"Built {path} in {time.perf_counter() - started:.1f} s "
                  f"({result.units} units, {result.embedded} embedded now, the rest from the cache).")
    _print_stats(Store(path).stats(), result.report.as_dict())


STAGES = {"parse": "Parsing sources", "read": "Reading files", "embed": "Embedding units",
          "write": "Writing knowledge base"}


def _progress_adapter(progress: Progress) -> BuildProgress:
    """The build library's progress callback shown as one Rich bar per stage."""
    tasks: dict[str, TaskID] = {}

    def advance(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = progress.add_task(STAGES.get(stage, stage), total=total)
        progress.advance(tasks[stage], done)
    return advance


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
    table.add_row("search units (embedded)", f"{figures['units']} ({figures['embedded_units']})")
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
    valid_on: Annotated[str | None, typer.Option(help="Only documents in force on YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List documents, filtered by region, section, year, type or validity on a date."""
    documents = open_store().list_documents(region=region, section=section, year=year, doc_type=doc_type,
                                            valid_on=_date(valid_on, "--valid-on") if valid_on else None)
    if as_json:
        print_json(documents)
        return
    print_table(f"{len(documents)} documents", ("id", "文号", "标题", "地区", "类别", "日期"),
                [[d["id"], d["doc_number"] or "—", d["title"], d["region"], d["section"] or "—", d["date"] or "—"]
                 for d in documents])


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(f"{option} takes a date written YYYY-MM-DD, not {text!r}.")


@docs_app.command("show")
def docs_show(
    key: Annotated[str, typer.Argument(metavar="ID_OR_DOC_NUMBER", help="Document id, number or title.")],
    on: Annotated[str | None, typer.Option(help="Validity on YYYY-MM-DD (default today).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one document: metadata, validity, sources, flags and text."""
    document = open_store().get_document(key, on=_date(on, "--on") if on else None)
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
    validity = document["validity"]
    console.print(f"[bold]{validity['status']}[/]（{validity['on']}）：{validity['reason']}", highlight=False)
    if document["thread"]:
        console.print("政策脉络：" + " → ".join(f"{d['doc_number'] or d['title']}（{d['date']}）"
                                           for d in document["thread"]), highlight=False)
    for flag in document["flags"]:
        console.print(f"[yellow]⚠ {flag['reason']}[/]", highlight=False)
    console.print()
    console.print(document["text"], highlight=False)
    for table_data in document["tables"]:
        console.print(f"\n[bold]{table_data['name']}[/] ({len(table_data['rows'])} rows)", highlight=False)


def _filters(region: str | None, section: str | None, doc_type: str | None, issuer: str | None,
             date_from: str | None, date_to: str | None, valid_on: str | None) -> Filters:
    try:
        return Filters(region=region, section=section, doc_type=doc_type, issuer=issuer,
                       date_from=date.fromisoformat(date_from) if date_from else None,
                       date_to=date.fromisoformat(date_to) if date_to else None,
                       valid_on=date.fromisoformat(valid_on) if valid_on else None)
    except ValueError as error:
        fail(f"Dates are written YYYY-MM-DD ({error}).")


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
    valid_on: Annotated[str | None, typer.Option(help="Only documents in force on YYYY-MM-DD.")] = None,
    mode: Annotated[str, typer.Option(help="hybrid, keyword or semantic.")] = "hybrid",
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list, best first.")] = False,
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Read queries from stdin, one per line; "
                                                        "write one JSON list per line.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show how the query is searched.")] = False,
) -> None:
    """Find the articles that answer a query: keyword and semantic search, fused."""
    if mode not in ("hybrid", "keyword", "semantic"):
        fail(f"--mode must be hybrid, keyword or semantic, not {mode!r}.")
    filters = _filters(region, section, doc_type, issuer, date_from, date_to, valid_on)
    if jsonl:
        _search_lines(k, filters, mode)
        return
    if query is None:
        fail("Give a query, or --jsonl to read queries from standard input.")
    index = SearchIndex.load(open_store())
    try:
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
    index = SearchIndex.load(open_store())
    queries = [line.rstrip("\n") for line in sys.stdin]
    for result in index.search_many(queries, k=k, filters=filters, mode=mode):  # type: ignore[arg-type]
        if isinstance(result, QueryError):
            typer.echo(json.dumps({"error": str(result)}, ensure_ascii=False))
        else:
            typer.echo(json.dumps([h.as_dict() for h in result], ensure_ascii=False))


def _print_hits(hits: list[Hit]) -> None:
    if not hits:
        console.print("No results. Try fewer or other words, or remove a filter.")
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
) -> None:
    """Answer a question by quoting the documents, with citations; say so when they do not answer it."""
    store = open_store()
    answerer = make_answerer(store, SearchIndex.load(store))
    if jsonl:
        _ask_lines(answerer)
        return
    if question is None:
        fail("Give a question, or --jsonl to read questions from standard input.")
    try:
        answer = answerer.ask(question)
    except QueryError as error:
        fail(str(error))
    if as_json:
        print_json(answer.as_dict())
    else:
        _print_answer(answer)


def _ask_lines(answerer: Answerer) -> None:
    """Batch mode: every input line gets exactly one output line, in order."""
    lines = [line.rstrip("\n") for line in sys.stdin]
    questions, problems = [], {}
    for number, line in enumerate(lines):
        question, problem = parse_question_line(line)
        questions.append(question)
        if problem:
            problems[number] = problem
    results = answerer.ask_many([q if n not in problems else "" for n, q in enumerate(questions)])
    for number, (question, result) in enumerate(zip(questions, results, strict=True)):
        if number in problems or isinstance(result, QueryError):
            error = problems.get(number) or str(result)
            typer.echo(json.dumps({"question": question, "error": error, "answer": "", "abstained": True,
                                   "citations": []}, ensure_ascii=False))
        else:
            typer.echo(json.dumps(result.as_dict(), ensure_ascii=False))


def _print_answer(answer: Answer) -> None:
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
                      f"（{source['file']} 第{source['start_line']}–{source['end_line']}行）", highlight=False)
        console.print(f"    “{citation.text}”", style="dim", highlight=False)


@eval_app.command("ask")
def eval_ask(
    folder: Annotated[Path, typer.Option(help="Folder of question files (*.jsonl).")] = EVAL_DIR,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """ROUGE-L, key figures, citation accuracy and abstention precision/recall of `ask` on the team's questions."""
    store, questions = _questions(folder)
    scores, _ = evaluate_answers(make_answerer(store, SearchIndex.load(store)), questions)
    if as_json:
        print_json(asdict(scores))
        return
    print_table(f"Answers on {scores.answerable} answerable and {scores.unanswerable} unanswerable questions",
                ("measure", "value"), [[name.replace("_", " "), f"{value:.3f}" if isinstance(value, float)
                                        else str(value)] for name, value in asdict(scores).items()])


def _questions(folder: Path) -> tuple[Store, list[Question]]:
    """The knowledge base and the evaluation questions resolved in it."""
    store = open_store()
    try:
        return store, load_questions(store, folder)
    except EvaluationError as error:
        fail(str(error))


@eval_app.command("search")
def eval_search(
    folder: Annotated[Path, typer.Option(help="Folder of question files (*.jsonl).")] = EVAL_DIR,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    misses: Annotated[bool, typer.Option(help="List the questions hybrid search misses in its top 5.")] = False,
) -> None:
    """Recall@1/5/10 and MRR of keyword-only, semantic-only and hybrid search on the team's questions."""
    store, questions = _questions(folder)
    index = SearchIndex.load(store)
    modes = MODES if index.vectors is not None else ("keyword",)
    scores, ranks = evaluate_search(index, questions, modes)
    if as_json:
        print_json([asdict(s) for s in scores])
        return
    print_table(f"Retrieval on {scores[0].questions} answerable questions",
                ("mode", "Recall@1", "Recall@5", "Recall@10", "MRR"),
                [[s.mode, f"{s.recall_at_1:.3f}", f"{s.recall_at_5:.3f}", f"{s.recall_at_10:.3f}", f"{s.mrr:.3f}"]
                 for s in scores])
    if index.vectors is None:
        console.print("The knowledge base has no vectors (built with --no-vectors): keyword only.")
    if misses:
        answerable = [q for q in questions if q.answerable]
        for question, rank in zip(answerable, ranks[modes[-1]], strict=True):
            if rank is None or rank > 5:
                console.print(f"{question.id} rank {rank}: {question.question}", highlight=False)


@docs_app.command("graph")
def docs_graph(
    key: Annotated[str, typer.Argument(metavar="ID_OR_DOC_NUMBER", help="Document id, number or title.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """What a document cites and what cites it, with the citing article."""
    store = open_store()
    doc_id = store.find_document_id(key)
    if doc_id is None:
        fail(f"No document with id, number or title {key!r}. Try `zhengce docs list`.")
    graph = store.graph(doc_id)
    if as_json:
        print_json(graph)
        return
    for heading, items in (("引用", graph["cites"]), ("被引用", graph["cited_by"])):
        console.print(f"[bold]{heading}（{len(items)}）[/]", highlight=False)
        for item in items:
            where = "" if item["doc_id"] else "（资料外）"
            console.print(f"  {item['kind']:<8} {item['doc_number'] or ''} {item['title'] or ''}{where} "
                          f"← {item['node_id'] or ''}", highlight=False)


@docs_app.command("validity")
def docs_validity(
    key: Annotated[str, typer.Argument(metavar="ID_OR_DOC_NUMBER", help="A document in or outside the corpus.")],
    on: Annotated[str | None, typer.Option(help="Date YYYY-MM-DD (default today).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Is a document in force on a date, and on what evidence (also for documents a clean-up list names)."""
    validity = open_store().validity(key, _date(on, "--on") if on else date.today())
    if validity is None:
        fail(f"Nothing is known about {key!r}: it is not in the corpus and no document repeals or lists it.")
    if as_json:
        print_json(validity)
        return
    console.print(f"{validity['doc_number'] or key}：[bold]{validity['status']}[/]（{validity['on']}）"
                  f"{validity['reason']}", highlight=False)


@tables_app.command("list")
def tables_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Every table the corpus holds: name, document, columns, row count, and totals the text states."""
    tables = open_store().list_tables()
    if as_json:
        print_json(tables)
        return
    def stated(t: dict[str, Any]) -> str:
        if t["stated_total"] is None:
            return ""
        return f"{t['stated_total']} ✓" if t["total_matches"] else f"{t['stated_total']} ✗ 与条目数{t['entries']}不符"

    print_table(f"{len(tables)} tables", ("id", "名称", "文件", "列", "行数", "文中所称总数"),
                [[t["id"], t["name"], t["doc_number"] or t["doc_id"], "、".join(t["columns"]), str(t["rows"]),
                  stated(t)] for t in tables])


@tables_app.command("show")
def tables_show(
    name: Annotated[str, typer.Argument(help="Table id (from `tables list`) or name.")],
    where: Annotated[list[str] | None, typer.Option(help="COLUMN=VALUE (contains); repeat for several.")] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """One table's rows, optionally only those whose COLUMN contains VALUE."""
    try:
        table = open_store().get_table(name, _pairs(where, "--where", "COLUMN=VALUE"))
    except KeyError as error:
        fail(str(error.args[0]))
    if table is None:
        fail(f"No table {name!r}. Try `zhengce tables list`.")
    if as_json:
        print_json(table)
    elif as_csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(table["columns"])
        writer.writerows(table["rows"])
    else:
        print_table(f"{table['name']}（{len(table['rows'])} 行）", table["columns"], table["rows"])


def _rule(name: str) -> Rule:
    if name not in RULES:
        fail(f"No calculator {name!r}; there are: {', '.join(RULES)}.")
    return RULES[name]


@calc_app.command("list")
def calc_list(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """The calculators: name, title, region, period."""
    fields = ("name", "title", "region", "valid_from", "valid_to")
    rules = [{k: rule.describe()[k] for k in fields} for rule in RULES.values()]
    if as_json:
        print_json(rules)
        return
    print_table(f"{len(rules)} calculators", ("name", "title", "region", "valid_from", "valid_to"),
                [list(r.values()) for r in rules])


@calc_app.command("show")
def calc_show(name: Annotated[str, typer.Argument(help="Calculator name.")],
              as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """A calculator's inputs, period and the articles it applies."""
    rule = _rule(name)
    description = rule.describe()
    if as_json:
        print_json(description)
        return
    console.print(f"[bold]{description['title']}[/]（{description['valid_from']}至{description['valid_to']}，"
                  f"{description['region']}）", highlight=False)
    for item in description["inputs"]:
        console.print(f"  {item['name']}：{item['label']}", highlight=False)
    for parameter in rule.parameters:
        source = parameter.citation
        console.print(f"  参数 {parameter.name} = {parameter.value}（{source.doc_number} {source.path}）",
                      highlight=False)
    for citation in description["citations"]:
        console.print(f"  依据 {citation['doc_number']} {citation['node_id']}：“{citation['quote']}”", highlight=False)


@calc_app.command("run")
def calc_run(
    name: Annotated[str, typer.Argument(help="Calculator name.")],
    values: Annotated[list[str] | None, typer.Option("--set", help="KEY=VALUE; repeat for every input.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Compute, showing every step with the rule and the article behind it."""
    try:
        result = _rule(name).run(_pairs(values, "--set", "KEY=VALUE"))
    except CalculationError as error:
        fail(str(error))
    if as_json:
        print_json(result.as_dict())
        return
    summary = "；".join(f"{RESULT_LABELS.get(k, k)} {v}" for k, v in result.result.items())
    console.print(f"[bold]结果[/]：{summary}", highlight=False)
    for number, step in enumerate(result.steps, 1):
        cited = f"（{step.citation.doc_number} {step.citation.path}：“{step.citation.quote}”）" if step.citation else ""
        console.print(f"{number}. {step.text} → {step.value}{cited}", highlight=False)


@app.command()
def serve(host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000) -> None:
    """Serve the web UI and the JSON API (OpenAPI at /docs) over the knowledge base."""
    import uvicorn

    from zhengce.api.app import create_app

    try:
        application = create_app(State.db)
    except KnowledgeBaseError as error:
        fail(str(error))
    console.print(f"zhengce is serving {application.state.store.path} at [bold]http://{host}:{port}/[/] "
                  f"(API: http://{host}:{port}/api/search?q=…, docs: http://{host}:{port}/docs). Ctrl+C stops.")
    uvicorn.run(application, host=host, port=port, log_level="warning")
