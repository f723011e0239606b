"""The web pages: home, search results, a document with its cited article, browse.

Each view gathers its data from the core (store, index) and hands a plain dict to
a template; templates escape everything, so a document containing <script>
shows it as text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from zhengce.api.deps import BEHIND
from zhengce.calc.engine import CalculationError
from zhengce.calc.rules import RULES
from zhengce.index import MAX_K
from zhengce.index.hybrid import facet_counts
from zhengce.index.query import QueryError
from zhengce.service import (
    REFERENCE_KINDS,
    FilterError,
    Searching,
    attachment,
    day,
    rows_containing,
    search_filters,
    source_label,
    table_csv,
)
from zhengce.store.db import Store
from zhengce.store.documents import SORTABLE
from zhengce.store.records import Article, DocumentView, Table

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")


def highlight(text: str, terms: list[str]) -> Markup:
    """``text`` escaped, with each matched term wrapped in <mark>."""
    pieces = [escape(text)]
    for term in sorted(terms, key=len, reverse=True):
        marked = Markup("<mark>{}</mark>").format(term)
        pieces = [piece.replace(escape(term), marked) for piece in pieces]
    return Markup("").join(pieces)


templates.env.filters["highlight"] = highlight
templates.env.filters["source_label"] = source_label
templates.env.filters["reference_kind"] = lambda kind: REFERENCE_KINDS.get(kind, kind)


def mount_web(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # In this order: the CSV download before the document page that would take its path as a key.
    pages = [("/", home), ("/search", search_page), ("/ask", ask_page), ("/calc", calc_index),
             ("/calc/{name}", calc_page), ("/tables", tables_page), ("/tables/{table_id:path}", table_page),
             ("/documents", browse_page), ("/documents/{key}/tables/{number}.csv", table_download),
             ("/documents/{key}", document_page)]
    for path, page in pages:
        app.add_api_route(path, page, methods=["GET"], response_class=HTMLResponse, include_in_schema=False,
                          dependencies=BEHIND)
    # Compiled now, not by a worker's first request for each page: compiling document.html held
    # the interpreter for about 35 ms, and with it the event loop.
    for name in templates.env.list_templates():
        templates.env.get_template(name)


def home(request: Request) -> HTMLResponse:
    store: Store = request.app.state.store
    return templates.TemplateResponse(request, "home.html", {"choices": store.choices, "stats": store.stats(),
                                                             "form": {}})


def search_page(request: Request, q: str = "", region: str = "", section: str = "", year: str = "",
                doc_type: str = "", current: str = "", k: int = 20, level: str = "", on: str = "") -> HTMLResponse:
    index: Searching = request.app.state.index
    form = {"q": q, "region": region, "section": section, "year": year, "doc_type": doc_type, "current": current,
            "level": level, "on": on}
    context: dict[str, Any] = {"choices": request.app.state.store.choices, "form": form, "hits": [], "facets": {},
                               "error": None, "answer": None}
    status = 200
    try:
        filters = search_filters(region=region, section=section, doc_type=doc_type, year=year, level=level,
                                 valid_on=on or (date.today() if current else None))
        hits = index.search(q, k=max(1, min(k, MAX_K)), filters=filters)
        if not any(v for name, v in form.items() if name != "q"):  # an answer takes no filters
            context["answer"] = request.app.state.answerer.ask(q)
        context.update(hits=hits, facets=facet_counts(hits), facet_links=_facet_links(form))
    except (QueryError, FilterError) as error:
        context["error"], status = str(error), 400
    return templates.TemplateResponse(request, "search.html", context, status_code=status)


def _facet_links(form: dict[str, str]) -> dict[str, str]:
    """The query string of the current search without one facet, to which a facet value is added."""
    return {facet: urlencode({k: v for k, v in form.items() if v and k != facet})
            for facet in ("region", "section", "doc_type")}


def ask_page(request: Request, q: str = "", on: str = "") -> HTMLResponse:
    """The answer with numbered citations, each linking to its article; ``on`` answers
    from the documents in force that day."""
    answerer = request.app.state.answerer
    context: dict[str, Any] = {"form": {"q": q, "on": on}, "answer": None, "error": None}
    status = 200
    if q:
        try:
            context["answer"] = answerer.ask(q, day(on))
        except (QueryError, FilterError) as error:
            context["error"], status = str(error), 400
    return templates.TemplateResponse(request, "ask.html", context, status_code=status)


def calc_index(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "calc_index.html", {"rules": [r.describe() for r in RULES.values()]})


def calc_page(request: Request, name: str) -> HTMLResponse:
    """A calculator's form; with inputs in the query string, its result with cited steps."""
    if name not in RULES:
        return templates.TemplateResponse(request, "error.html", {"message": f"没有这个计算器：{name}"},
                                          status_code=404)
    rule = RULES[name]
    given = {i.name: request.query_params.get(i.name, i.default or "") for i in rule.inputs}
    context: dict[str, Any] = {"rule": rule.describe(), "given": given, "result": None, "error": None}
    status = 200
    required = [i.name for i in rule.inputs if i.default is None and not i.optional]
    # a link from an answer (prefill=1) fills the form and computes only once every required input is there
    prefill_only = "prefill" in request.query_params and not all(given[name] for name in required)
    if request.query_params and not prefill_only:
        try:
            context["result"] = rule.run(given).as_dict()
        except CalculationError as error:
            context["error"], status = str(error), 400
    return templates.TemplateResponse(request, "calc.html", context, status_code=status)


def tables_page(request: Request) -> HTMLResponse:
    """Every registry and table, with its row count and the total its document states."""
    store: Store = request.app.state.store
    return templates.TemplateResponse(request, "tables.html", {"tables": store.list_tables()})


def table_page(request: Request, table_id: str, column: str = "", value: str = "") -> HTMLResponse:
    """One table, filtered by the contents of one column or (by default) of any, with a CSV
    download of what is shown, named after the table."""
    store: Store = request.app.state.store
    try:
        table = store.get_table(table_id, {column: value} if column and value else None)
        if table is not None and value and not column:
            table = rows_containing(table, value)
    except KeyError as error:
        return templates.TemplateResponse(request, "error.html", {"message": str(error.args[0])}, status_code=400)
    if table is None:
        return templates.TemplateResponse(request, "error.html", {"message": f"没有找到表格：{table_id}"},
                                          status_code=404)
    condition = ("where", f"{column}={value}") if column else ("contains", value)
    query = urlencode([condition] if value else []) + "&format=csv"
    return templates.TemplateResponse(request, "table.html", {"t": table, "column": column, "value": value,
                                                              "csv": f"/api/tables/{table_id}?{query}"})


def browse_page(request: Request, region: str = "", section: str = "", year: str = "", doc_type: str = "",
                sort: str = "ord", descending: bool = False, level: str = "", on: str = "") -> HTMLResponse:
    """Every document, filtered; with a date, only those in force on it, each with its status."""
    store: Store = request.app.state.store
    try:
        filters = search_filters(region=region, section=section, doc_type=doc_type, year=year, level=level,
                                 valid_on=on)
    except FilterError as error:
        return templates.TemplateResponse(request, "error.html", {"message": str(error)}, status_code=400)
    form = {"region": region, "section": section, "year": year, "doc_type": doc_type, "level": level, "on": on}
    sort = sort if sort in SORTABLE else "ord"
    documents = store.list_documents(filters, sort=sort, descending=descending)
    base = urlencode({k: v for k, v in form.items() if v})
    return templates.TemplateResponse(request, "browse.html", {
        "choices": store.choices, "form": form, "documents": documents, "sort": sort, "descending": descending,
        "base": base, "statuses": store.all_validity(filters.valid_on) if filters.valid_on else {},
    })


def document_page(request: Request, key: str, hl: str = "", on: str = "") -> HTMLResponse:
    """A document with its status on ``on`` (default today) and its items' own statuses."""
    store: Store = request.app.state.store
    try:
        document = store.get_document(key, on=day(on))
    except FilterError as error:
        return templates.TemplateResponse(request, "error.html", {"message": str(error)}, status_code=400)
    if document is None:
        return templates.TemplateResponse(request, "error.html", {"message": f"没有找到文件：{key}"},
                                          status_code=404)
    return templates.TemplateResponse(request, "document.html", {
        "doc": document, "cited": hl, "depths": _depths(document.articles), "graph": store.graph(document.id),
        "tables_by_node": _tables_by_node(document), "loose": _loose_text(document),
    })


def table_download(request: Request, key: str, number: int) -> Response:
    """A document's table as a CSV file that spreadsheet programs open (UTF-8 with BOM)."""
    store: Store = request.app.state.store
    document = store.get_document(key)
    if document is None or not 1 <= number <= len(document.tables):
        return templates.TemplateResponse(request, "error.html", {"message": f"没有找到表格：{key} 第{number}张"},
                                          status_code=404)
    table = document.tables[number - 1]
    return Response(table_csv(table), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": attachment(table.name or document.title)})


def _depths(articles: tuple[Article, ...]) -> dict[str, int]:
    by_id = {a.id: a for a in articles}
    depths: dict[str, int] = {}
    for article in articles:
        depth, parent = 0, article.parent
        while parent in by_id:
            depth, parent = depth + 1, by_id[parent].parent
        depths[article.id] = depth
    return depths


def _tables_by_node(document: DocumentView) -> dict[str | None, list[Table]]:
    grouped: dict[str | None, list[Table]] = {}
    for table in document.tables:
        grouped.setdefault(table.node_id, []).append(table)
    return grouped


def _loose_text(document: DocumentView) -> list[str]:
    """Paragraphs outside the article tree: the signature block and notes under it."""
    in_nodes = {line for article in document.articles for line in article.text.split("\n")}
    return [line for line in document.text.split("\n") if line and line not in in_nodes]



