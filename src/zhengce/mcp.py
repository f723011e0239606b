"""The MCP face: the knowledge base as tools for assistants (Dify, FastGPT, MaxKB, desktop clients).

`zhengce mcp` serves it on stdio; `zhengce serve` at /mcp (streamable HTTP, stateless,
so any worker answers any request). Each tool returns a structured record with its
citations (document id, 文号, article, node id) and the quoted words with the unit's text,
the shapes of the JSON API. The work runs in a thread, off the event loop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from types import SimpleNamespace
from typing import Annotated, Any, Literal

from anyio import to_thread
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from pydantic import BaseModel, Field

from zhengce.api.models import AnswerOut, SearchOut
from zhengce.calc.engine import CalculationError
from zhengce.calc.rules import RULES
from zhengce.index import MAX_K
from zhengce.index.hybrid import facet_counts
from zhengce.index.query import QueryError
from zhengce.service import FilterError, day, search_filters
from zhengce.store.records import Article, DocumentStatus, DocumentSummary, DocumentView, Table, TableSummary

INSTRUCTIONS = ("2020 年人社政策文件库（国务院、人社部、湖南、重庆、北京）。先用 search 或 ask 找到条文，"
                "回答时引用返回的文号、条款和原文（quote/text），不要编造资料中没有的内容。")

# (the state with store, index, answerer), refreshed by the caller before each use
State = Callable[[], Any]


class ArticleRecord(BaseModel):
    """One article with the document it belongs to."""

    document: DocumentSummary
    article: Article


class CalcRecord(BaseModel):
    """A calculator's result with its steps, each citing the article it applies."""

    rule: str
    result: Any
    steps: list[dict[str, Any]]
    parameters: Any
    valid_from: str | None = None
    valid_to: str | None = None


def _date(text: str | None, name: str) -> date | None:
    try:
        return day(text, name)
    except FilterError as error:
        raise ToolError(f"{error.field}：{error}") from error


def _calc_description() -> str:
    lines = ["政策计算器：每个数字都附上依据的条款。name 取以下之一，inputs 为输入项（名称→取值，均写成文字）："]
    for rule in RULES.values():
        names = "；".join(_input(i.as_dict()) for i in rule.inputs)
        lines.append(f"- {rule.name}：{rule.title}（{'、'.join(rule.regions)}，{rule.valid_from}至{rule.valid_to}）；"
                     f"输入：{names}")
    return "\n".join(lines)


def _input(item: dict[str, Any]) -> str:
    choices = f"，取 {'/'.join(item['choices'])}" if item.get("choices") else ""
    return f"{item['name']}（{item['label']}，{item['kind']}{choices}）"


def build_server(state: State) -> MCPServer:
    """The MCP server over whatever knowledge base ``state()`` holds at each call."""
    server = MCPServer("zhengce", instructions=INSTRUCTIONS, version="0.1.0")

    async def off_loop(work: Callable[[], Any]) -> Any:
        try:
            return await to_thread.run_sync(work)
        except QueryError as error:  # an empty, over-long or unsearchable question
            raise ToolError(str(error)) from error

    @server.tool(description="检索条文（关键词与语义混合），可按地区、栏目、文种、发文机关、日期、效力级别、"
                             "某日有效过滤；每条结果带文件、文号、条款、节点 id 和条文原文。")
    async def search(query: Annotated[str, Field(min_length=1, max_length=500)],
                     k: Annotated[int, Field(ge=1, le=MAX_K)] = 10,
                     region: str | None = None, section: str | None = None, doc_type: str | None = None,
                     issuer: str | None = None, date_from: str | None = None, date_to: str | None = None,
                     valid_on: str | None = None, level: str | None = None,
                     mode: Literal["hybrid", "keyword", "semantic"] = "hybrid") -> SearchOut:
        try:
            filters = search_filters(region=region, section=section, doc_type=doc_type, issuer=issuer,
                                     date_from=date_from, date_to=date_to, valid_on=valid_on, level=level)
        except FilterError as error:
            raise ToolError(f"{error.field}：{error}") from error
        hits = await off_loop(lambda: state().index.search(query, k=k, filters=filters, mode=mode))
        return SearchOut(query=query, hits=[h.as_dict() for h in hits], facets=facet_counts(hits), plan=None)

    @server.tool(description="回答问题：答案摘自条文原文，每处引用带文件、文号、条款、所引原文（quote）"
                             "和整条条文（text）；资料不足时拒答（abstained）并说明原因。")
    async def ask(question: Annotated[str, Field(min_length=1, max_length=500)]) -> AnswerOut:
        answer = await off_loop(lambda: state().answerer.ask(question))
        return AnswerOut(**answer.as_dict())

    @server.tool(description="一份文件的全文：按 id、文号或标题查找，含各条款、表格和在某日（默认今天）的效力。")
    async def get_document(key: str, on: str | None = None) -> DocumentView:
        document = await off_loop(lambda: state().store.get_document(key, _date(on, "on")))
        if document is None:
            raise ToolError(f"没有 id、文号或标题为“{key}”的文件。")
        return document

    @server.tool(description="一个条款：按节点 id（如检索结果的 node_id）取条文原文及其所在文件。")
    async def get_article(node_id: str) -> ArticleRecord:
        doc_key = node_id.split("/", 1)[0]
        document = await off_loop(lambda: state().store.get_document(doc_key))
        article = next((a for a in document.articles if a.id == node_id), None) if document else None
        if document is None or article is None:
            raise ToolError(f"没有节点“{node_id}”。")
        return ArticleRecord(document=document.summary(), article=article)

    @server.tool(description="文件在某日的效力状态（现行有效、已被修改、部分失效、失效、尚未施行……），"
                             "附理由、依据条款原文和各事项的期限。")
    async def validity_on(key: str, on: str) -> DocumentStatus:
        day = _date(on, "on")
        result = await off_loop(lambda: state().store.validity(key, day))
        if result is None:
            raise ToolError(f"没有关于“{key}”的信息：资料中没有这份文件，也没有文件废止或列出它。")
        return result

    @server.tool(description="全部表格：名称、所在文件、列名和行数。")
    async def list_tables() -> list[TableSummary]:
        return await off_loop(lambda: state().store.list_tables())

    @server.tool(description="查询一张表格：where 为 列名→文字，只返回该列含这段文字的行。")
    async def query_table(table_id: str, where: dict[str, str] | None = None) -> Table:
        try:
            table = await off_loop(lambda: state().store.get_table(table_id, where or {}))
        except KeyError as error:
            raise ToolError(str(error.args[0])) from error
        if table is None:
            raise ToolError(f"没有表格“{table_id}”。")
        return table

    @server.tool(description=_calc_description())
    async def calc(name: str, inputs: dict[str, str]) -> CalcRecord:
        if name not in RULES:
            raise ToolError(f"没有计算器“{name}”；现有：{'、'.join(RULES)}。")
        try:
            result = RULES[name].run(inputs).as_dict()
        except CalculationError as error:
            raise ToolError(str(error)) from error
        return CalcRecord(**{k: v.isoformat() if isinstance(v, date) else v for k, v in result.items()})

    return server


def stdio_state(path: Any) -> State:
    """The state for `zhengce mcp`: loaded now, reloaded when the knowledge base changes."""
    from zhengce.api.imports import load_knowledge_base, refresh

    holder = SimpleNamespace(state=SimpleNamespace(reload_lock=threading.Lock()))
    load_knowledge_base(holder, path)

    def current() -> Any:
        refresh(holder)
        return holder.state

    return current


def mount_mcp(app: Any) -> None:
    """Streamable HTTP at /mcp in the FastAPI ``app``, over its current knowledge base.

    Stateless with JSON responses, so that with several workers any one can answer any
    request; the app's own host check stands in for the SDK's DNS-rebinding check.
    """
    from mcp.server.transport_security import TransportSecuritySettings

    from zhengce.api.app import around_lifespan

    server = build_server(lambda: app.state)
    http = server.streamable_http_app(
        streamable_http_path="/mcp", stateless_http=True, json_response=True,
        transport_security=TransportSecuritySettings(enable_dns_rebinding_protection=False))
    app.router.routes.extend(http.routes)
    around_lifespan(app, server.session_manager.run)
