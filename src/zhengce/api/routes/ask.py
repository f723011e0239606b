"""GET and POST /api/ask: answers quoted from the documents, with citations, one or a batch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from zhengce.api.deps import AnswererDep
from zhengce.api.models import AnswerOut, AskMany, AskOne, BatchAnswerOut, ErrorOut, IsoDate, QuestionText
from zhengce.index.query import MAX_QUERY_CHARS
from zhengce.service import BATCH_SECONDS, answer_record, ask_within

router = APIRouter(tags=["ask"])


@router.get("/api/ask", response_model=AnswerOut, responses={400: {"model": ErrorOut}})
def ask_get(answerer: AnswererDep,
            q: Annotated[QuestionText, Query(description=f"A question, 1 to {MAX_QUERY_CHARS} characters.")],
            on: Annotated[IsoDate | None, Query(description="Answer from the documents in force on this date")]
            = None) -> AnswerOut:
    """One question in the query string: the same answer as POST with ``{"question": …}``."""
    return AnswerOut(**answerer.ask(q, on).as_dict())


@router.post("/api/ask", response_model=AnswerOut | BatchAnswerOut, responses={400: {"model": ErrorOut}})
def ask(body: AskOne | AskMany, answerer: AnswererDep) -> AnswerOut | BatchAnswerOut:
    """``{"question": …}`` gets one answer; ``{"questions": […]}`` (at most 50) gets one answer per
    question, in order, each shaped like a single answer. A question that cannot be asked, or that the
    time budget (20 s per request) leaves unanswered, gets ``error`` set in its place."""
    if isinstance(body, AskOne):
        return AnswerOut(**answerer.ask(body.question, body.on).as_dict())
    results = ask_within(answerer, body.questions, BATCH_SECONDS, body.on)
    return BatchAnswerOut(answers=[AnswerOut(**answer_record(question, result))
                                   for question, result in zip(body.questions, results, strict=True)])
