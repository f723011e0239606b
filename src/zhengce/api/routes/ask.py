"""POST /api/ask: answers quoted from the documents, with citations, one or a batch."""

from __future__ import annotations

from fastapi import APIRouter

from zhengce.api.deps import AnswererDep
from zhengce.api.models import AnswerOrError, AnswerOut, AskIn, BatchAnswerOut, ErrorOut
from zhengce.index.query import QueryError

router = APIRouter(tags=["ask"])


@router.post("/api/ask", response_model=AnswerOut | BatchAnswerOut, responses={400: {"model": ErrorOut}})
def ask(body: AskIn, answerer: AnswererDep) -> AnswerOut | BatchAnswerOut:
    """``{"question": …}`` gets one answer; ``{"questions": […]}`` gets them all, in order,
    a bad question getting an error in its place."""
    if body.question is not None:
        return AnswerOut(**answerer.ask(body.question).as_dict())
    results = answerer.ask_many(body.questions or [])
    return BatchAnswerOut(answers=[
        AnswerOrError(question=q, error=str(r)) if isinstance(r, QueryError)
        else AnswerOrError(question=q, answer=AnswerOut(**r.as_dict()))
        for q, r in zip(body.questions or [], results, strict=True)
    ])
