"""Tables, the citation graph and validity: GET /api/tables…, /api/docs/{key}/graph, …/validity."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response

from zhengce.api.deps import StoreDep
from zhengce.api.models import DocumentValidityOut, ErrorOut

router = APIRouter(tags=["structure"])


@router.get("/api/tables")
def list_tables(store: StoreDep) -> list[dict[str, Any]]:
    """Every table: name, document, columns, rows, entries and the total its document states."""
    return store.list_tables()


@router.get("/api/tables/{table_id:path}", responses={400: {"model": ErrorOut}, 404: {"model": ErrorOut}})
def get_table(store: StoreDep, table_id: str,
              where: Annotated[list[str] | None, Query(description="COLUMN=VALUE, rows whose COLUMN contains VALUE")]
              = None, format: Annotated[str, Query(pattern="^(json|csv)$")] = "json") -> Any:
    conditions = {}
    for condition in where or []:
        column, separator, value = condition.partition("=")
        if not separator:
            raise HTTPException(400, f"where takes COLUMN=VALUE, not {condition!r}.")
        conditions[column] = value
    try:
        table = store.get_table(table_id, conditions)
    except KeyError as error:
        raise HTTPException(400, str(error.args[0])) from error
    if table is None:
        raise HTTPException(404, f"No table {table_id!r}.")
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(table["columns"])
        writer.writerows(table["rows"])
        return Response("\ufeff" + buffer.getvalue(), media_type="text/csv; charset=utf-8")
    return table


@router.get("/api/docs/{key}/graph", responses={404: {"model": ErrorOut}})
def graph(store: StoreDep, key: str) -> dict[str, Any]:
    """What the document cites and what cites it, each with the citing article's node id."""
    doc_id = store.find_document_id(key)
    if doc_id is None:
        raise HTTPException(404, f"No document with id, number or title {key!r}.")
    return {**store.graph(doc_id), "thread": store.thread(doc_id)}


@router.get("/api/docs/{key}/validity", response_model=DocumentValidityOut, responses={404: {"model": ErrorOut}})
def validity(store: StoreDep, key: str, on: date | None = None) -> dict[str, Any]:
    """Status on a date (default today) with its reason and evidence; also for documents
    outside the corpus that a clean-up list or a repeal names."""
    result = store.validity(key, on or date.today())
    if result is None:
        raise HTTPException(404, f"Nothing is known about {key!r}.")
    return result
