"""Tables, the citation graph and validity: GET /api/tables…, /api/docs/{key}/graph, …/validity."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response
from pydantic import Field

from zhengce.api.deps import StoreDep
from zhengce.api.models import ErrorOut, GraphOut, IsoDate
from zhengce.service import attachment, name_values, rows_containing, table_csv
from zhengce.store.records import DocumentStatus, TableSummary

router = APIRouter(tags=["structure"])
Condition = Annotated[str, Field(pattern="^[^=]+=")]


@router.get("/api/tables")
def list_tables(store: StoreDep) -> list[TableSummary]:
    """Every table: name, document, columns, rows, entries and the total its document states."""
    return store.list_tables()


@router.get("/api/tables/{table_id:path}", responses={
    200: {"description": "The table as JSON, or as CSV (UTF-8 with a BOM) with format=csv",
          "content": {"text/csv": {"schema": {"type": "string"}}}},
    400: {"model": ErrorOut}, 404: {"model": ErrorOut}})
def get_table(store: StoreDep, table_id: str,
              where: Annotated[list[Condition] | None, Query(description="COLUMN=VALUE: rows whose COLUMN contains "
                                                                         "VALUE")] = None,
              contains: Annotated[str | None, Query(description="Rows with this text in any column")] = None,
              format: Annotated[str, Query(pattern="^(json|csv)$")] = "json") -> Any:
    try:
        table = store.get_table(table_id, name_values(where, "where", "列名=文字"))
    except KeyError as error:
        raise HTTPException(400, str(error.args[0])) from error
    if table is None:
        raise HTTPException(404, f"没有表格“{table_id}”。")
    if contains:
        table = rows_containing(table, contains)
    if format == "csv":
        return Response(table_csv(table), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": attachment(table.name or table_id)})
    return table


@router.get("/api/docs/{key}/graph", response_model=GraphOut, responses={404: {"model": ErrorOut}})
def graph(store: StoreDep, key: str) -> GraphOut:
    """What the document cites and what cites it, each with the citing article's node id."""
    doc_id = store.find_document_id(key)
    if doc_id is None:
        raise HTTPException(404, f"没有 id、文号或标题为“{key}”的文件。")
    edges = store.graph(doc_id)
    return GraphOut(cites=edges.cites, cited_by=edges.cited_by, thread=store.thread(doc_id))


@router.get("/api/docs/{key}/validity", response_model=DocumentStatus, responses={404: {"model": ErrorOut}})
def validity(store: StoreDep, key: str, on: IsoDate | None = None) -> DocumentStatus:
    """Status on a date (default today) with its reason and evidence; also for documents
    outside the corpus that a clean-up list or a repeal names."""
    result = store.validity(key, on or date.today())
    if result is None:
        raise HTTPException(404, f"没有关于“{key}”的信息：资料中没有这份文件，也没有文件废止或列出它。")
    return result
