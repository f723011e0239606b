"""GET /api/docs (paged list with filters) and GET /api/docs/{id} (one whole document)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from zhengce.api.deps import StoreDep
from zhengce.api.models import DocumentPageOut, ErrorOut, IsoDate, Level
from zhengce.service import search_filters
from zhengce.store.records import DocumentView

router = APIRouter(tags=["documents"])
Sort = Literal["ord", "date", "title", "doc_number", "region", "section", "doc_type"]


@router.get("/api/docs", response_model=DocumentPageOut, responses={400: {"model": ErrorOut}})
def list_documents(
    store: StoreDep,
    region: str | None = None,
    section: str | None = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    doc_type: str | None = None,
    sort: Sort = "ord",
    descending: bool = False,
    valid_on: Annotated[IsoDate | None, Query(description="Only documents in force on this date")] = None,
    level: Annotated[Level | None, Query(description="效力级别")] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 20,
) -> DocumentPageOut:
    filters = search_filters(region=region, section=section, year=year, doc_type=doc_type, valid_on=valid_on,
                             level=level)
    documents = store.list_documents(filters, sort=sort, descending=descending)
    start = (page - 1) * per_page
    return DocumentPageOut(total=len(documents), page=page, per_page=per_page,
                           items=documents[start:start + per_page])


@router.get("/api/docs/{key}", response_model=DocumentView, responses={404: {"model": ErrorOut}})
def get_document(store: StoreDep, key: str, on: IsoDate | None = None) -> DocumentView:
    """A document by id, document number (any bracket form) or exact title; validity on ``on`` (default today)."""
    document = store.get_document(key, on=on)
    if document is None:
        raise HTTPException(404, f"没有 id、文号或标题为“{key}”的文件。")
    return document
