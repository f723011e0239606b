"""The MCP tools through the SDK's own client: over stdio (`zhengce mcp`) and over streamable
HTTP (/mcp in `zhengce serve`). Facts checked against the corpus text."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

from tests.conftest import serve_process

BIN = Path(sys.executable).parent
TOOLS = {"search", "ask", "get_document", "get_article", "validity_on", "list_tables", "query_table", "calc"}
NUMBER = "人社厅明电〔2020〕29号"  # 关于大力开展以工代训工作的通知


async def exercise(session: ClientSession) -> dict[str, Any]:
    """Call every tool once; return what came back, structured."""
    await session.initialize()
    listed = await session.list_tools()
    out: dict[str, Any] = {"tools": {t.name for t in listed.tools}}

    async def call(name: str, **arguments: Any) -> Any:
        result = await session.call_tool(name, arguments)
        assert not result.is_error, result.content
        return result.structured_content

    out["search"] = await call("search", query="以工代训补贴", k=5, region="全国")
    out["ask"] = await call("ask", question="以工代训补贴的期限是多久？")
    out["document"] = await call("get_document", key=NUMBER)
    first = out["document"]["articles"][1]["id"]
    out["article"] = await call("get_article", node_id=first)
    out["validity"] = await call("validity_on", key=NUMBER, on="2020-06-01")
    out["tables"] = await call("list_tables")
    out["missing"] = await session.call_tool("get_document", {"key": "没有这份文件"})
    return out


def check(out: dict[str, Any]) -> None:
    assert out["tools"] >= TOOLS
    hits = out["search"]["hits"]
    assert hits and all(h["region"] == "全国" for h in hits)
    assert any("以工代训" in h["text"] and h["node_id"].startswith(h["doc_id"]) for h in hits)
    answer = out["ask"]
    assert not answer["abstained"] and answer["citations"]
    for citation in answer["citations"]:
        # The quote is words of the cited unit, whose whole text comes along.
        assert citation["quote"].strip("…") and citation["text"]
    assert out["document"]["doc_number"] == NUMBER and "以工代训" in out["document"]["title"]
    assert out["article"]["document"]["doc_number"] == NUMBER and out["article"]["article"]["text"]
    assert out["validity"]["doc_number"] == NUMBER and out["validity"]["status"]
    assert out["tables"]["result"]
    assert out["missing"].is_error and "没有" in out["missing"].content[0].text


def test_mcp_over_stdio(kb_path: Path) -> None:
    async def run() -> dict[str, Any]:
        params = StdioServerParameters(command=str(BIN / "zhengce"), args=["--db", str(kb_path), "mcp"],
                                       env={**os.environ})
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            return await exercise(session)

    check(anyio.run(run))


@pytest.fixture
def http_server(tmp_path: Path, kb_path: Path):
    for _, base in serve_process(kb_path, tmp_path):
        yield base


def test_mcp_over_streamable_http(http_server: str) -> None:
    async def run() -> dict[str, Any]:
        async with streamable_http_client(f"{http_server}/mcp") as streams, \
                ClientSession(streams[0], streams[1]) as session:
            out = await exercise(session)
            rule = "social-insurance-relief"
            out["calc"] = await session.call_tool("calc", {"name": rule, "inputs": {"region": "湖南"}})
            return out

    out = anyio.run(run)
    check(out)
    # A calculator with an input missing says which, in Chinese, as a tool error.
    assert out["calc"].is_error and "缺少" in out["calc"].content[0].text and "size" in out["calc"].content[0].text
