"""GET /api/search: hybrid search with filters, facet counts and an optional plan."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from zhengce.api.deps import IndexDep
from zhengce.api.models import ErrorOut, IsoDate, Level, QuestionText, SearchOut
from zhengce.index import MAX_K
from zhengce.index.hybrid import facet_counts
from zhengce.index.query import MAX_QUERY_CHARS
from zhengce.service import search_filters

router = APIRouter(tags=["search"])


@router.get("/api/search", response_model=SearchOut, responses={400: {"model": ErrorOut}})
def search(
    index: IndexDep,
    q: Annotated[QuestionText, Query(description=f"Question, words or 文号, 1 to {MAX_QUERY_CHARS} characters")],
    k: Annotated[int, Query(ge=1, le=MAX_K)] = 10,
    region: str | None = None,
    section: str | None = None,
    doc_type: str | None = None,
    issuer: str | None = None,
    date_from: IsoDate | None = None,
    date_to: IsoDate | None = None,
    valid_on: Annotated[IsoDate | None, Query(description="Only articles in force on this date")] = None,
    level: Annotated[Level | None, Query(description="效力级别")] = None,
    mode: Literal["hybrid", "keyword", "semantic"] = "hybrid",
    explain: bool = False,
) -> SearchOut:
    filters = search_filters(region=region, section=section, doc_type=doc_type, issuer=issuer,
                             date_from=date_from, date_to=date_to, valid_on=valid_on, level=level)
    hits = index.search(q, k=k, filters=filters, mode=mode)
    return SearchOut(query=q, hits=[h.as_dict() for h in hits], facets=facet_counts(hits),
                     plan=index.plan(q, filters) if explain else None)
