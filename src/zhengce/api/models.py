"""Response models of the API: the same field names as the CLI's JSON.

Hits and citations are the core's own dataclasses, so the API cannot drift from them.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from zhengce.answer.ask import Citation
from zhengce.index.hybrid import Hit
from zhengce.relations.level import LEVELS

Level = Literal[LEVELS]  # type: ignore[valid-type]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorOut(Strict):
    error: str


class AskIn(Strict):
    """One question, or up to 200 in a batch (answers come back in the same order)."""

    question: str | None = Field(default=None, min_length=1, max_length=500)
    questions: list[str] | None = Field(default=None, min_length=1, max_length=200)

    @model_validator(mode="after")
    def one_or_many(self) -> AskIn:
        if (self.question is None) == (self.questions is None):
            raise ValueError('give either "question" or "questions"')
        return self


class AnswerOut(Strict):
    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    reason: str
    nearest: list[dict[str, Any]]
    generated: bool
    notes: list[str]


class AnswerOrError(Strict):
    """One batch item: the answer, or the error that kept the question from being answered."""

    question: str
    answer: AnswerOut | None = None
    error: str | None = None


class BatchAnswerOut(Strict):
    answers: list[AnswerOrError]


class SearchOut(Strict):
    query: str
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    plan: dict[str, Any] | None = None


class SourceOut(Strict):
    file: str
    start_line: int
    end_line: int


class FlagOut(Strict):
    code: str
    reason: str
    node_id: str | None


class DocumentSummaryOut(Strict):
    id: str
    title: str
    doc_number: str | None
    issuers: list[str]
    date: str | None
    region: str
    section: str | None
    doc_type: str
    level: str
    omitted: bool
    sources: list[SourceOut]
    flags: list[FlagOut]
    forwards: list[str]
    forwarded_by: list[str]
    previous_version: str | None = None  # an added document whose text changed: its earlier and later versions
    next_version: str | None = None


class QuoteOut(Strict):
    """A clause behind a status: its document (文号, else title), article path, node id, words."""

    node_id: str
    document: str
    article: str
    quote: str


class ValidityOut(Strict):
    """A status on a date (``on``), its reason, the clauses behind it, and the document's
    start, last day in force and a note (an open end such as 至疫情解除之日止)."""

    status: str
    reason: str
    evidence: list[str]
    on: str
    quotes: list[QuoteOut]
    start: str | None
    end: str | None
    note: str | None


class ItemValidityOut(ValidityOut):
    node_id: str


class DocumentValidityOut(ValidityOut):
    doc_id: str | None
    doc_number: str | None
    items: list[ItemValidityOut]


class ArticleOut(Strict):
    id: str
    path: str
    label: str
    kind: str
    parent: str | None
    text: str
    start_line: int
    end_line: int
    validity: ItemValidityOut | None = Field(description="The article's own status when it has its own period")


class TableOut(Strict):
    id: str
    name: str
    columns: list[str]
    node_id: str | None
    start_line: int
    end_line: int
    stated_total: int | None
    rows: list[list[str]]


class DocumentOut(DocumentSummaryOut):
    validity: ValidityOut
    thread: list[dict[str, Any]]
    text: str
    articles: list[ArticleOut]
    tables: list[TableOut]


class DocumentPageOut(Strict):
    total: int
    page: int
    per_page: int
    items: list[DocumentSummaryOut]


class HealthOut(Strict):
    status: str
    documents: int
    built_at: str | None
