"""Request and response models of the API: the same field names as the CLI's JSON.

Hits, citations, documents, articles, tables and statuses are the core's own records
(``store.records``), so the API cannot drift from them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, create_model

from zhengce.answer.ask import Citation
from zhengce.calc.engine import Input, Rule
from zhengce.index.hybrid import Hit
from zhengce.index.query import MAX_QUERY_CHARS, readable
from zhengce.relations.level import LEVELS
from zhengce.service import day
from zhengce.store.records import DocumentGraph, DocumentSummary, ThreadEntry

Level = Literal[LEVELS]  # type: ignore[valid-type]
MAX_BATCH = 50


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorOut(Strict):
    error: str = Field(description="What is wrong, in Chinese.")


def _iso_date(value: Any) -> Any:
    """Dates only as YYYY-MM-DD, read as every face reads them: pydantic alone would read 0
    or 1e9 as a Unix time."""
    if not isinstance(value, str | date):
        raise ValueError("日期须写成 YYYY-MM-DD，例如 2020-05-09")
    return day(value)


IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Text = Annotated[str, AfterValidator(readable)]
QuestionText = Annotated[Text, Field(min_length=1, max_length=MAX_QUERY_CHARS,
                                     description=f"A question in plain Chinese, 1 to {MAX_QUERY_CHARS} characters.")]


class AskOne(Strict):
    """One question: the answer comes back alone."""

    question: QuestionText
    on: IsoDate | None = Field(default=None, description="Answer from the documents in force on this date")


class AskMany(Strict):
    """Up to 50 questions, answered in order. Each item is answered on its own: an empty,
    over-long (more than 500 characters) or unsearchable one gets an error record in its place."""

    questions: list[Text] = Field(min_length=1, max_length=MAX_BATCH)
    on: IsoDate | None = Field(default=None, description="Answer from the documents in force on this date")


class AnswerOut(Strict):
    """An answer quoted from the documents; ``error`` is set (and ``abstained`` true) for a
    batch item that could not be asked."""

    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    reason: str
    nearest: list[dict[str, Any]]
    generated: bool
    notes: list[str]
    calculator: dict[str, Any] | None = Field(None, description="The calculator that computes the amount asked: "
                                              "name, title, inputs the question gives, url of its page.")
    error: str | None = None


class BatchAnswerOut(Strict):
    answers: list[AnswerOut]


class SearchOut(Strict):
    query: str
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    plan: dict[str, Any] | None = None


class DocumentPageOut(Strict):
    total: int
    page: int
    per_page: int
    items: list[DocumentSummary]


@dataclass(frozen=True, kw_only=True)
class GraphOut(DocumentGraph):
    """A document's citation graph with the line of its measure: what /api/docs/{key}/graph returns."""

    thread: tuple[ThreadEntry, ...]


class HealthOut(Strict):
    status: str
    documents: int
    built_at: str | None
    generation: int = Field(description="Bumped by every build, add and remove; each worker reloads on a change.")


Number = Annotated[float, Field(allow_inf_nan=False, strict=True)]
Month = Annotated[str, Field(pattern=r"^(19|20)\d{2}-(0[1-9]|1[0-2])$")]


def calculator_inputs(rule: Rule) -> type[BaseModel]:
    """The request body of one calculator: each input typed and bounded as the rule
    declares it, so the schema says what the calculator accepts (finite JSON numbers,
    not ``true``; dates as YYYY-MM-DD; choices from their list)."""
    fields = {item.name: _input_field(item) for item in rule.inputs}
    name = "".join(part.title() for part in rule.name.split("-")) + "Inputs"
    return create_model(name, __base__=Strict, __doc__=rule.title, **fields)


def _input_field(item: Input) -> tuple[Any, Any]:
    kind: Any = {"choice": Literal[item.choices], "number": Number, "date": IsoDate, "month": Month}[item.kind]
    bounds = {"ge": item.minimum, "le": item.maximum} if item.kind == "number" else {}
    description = f"{item.label}（{item.allowed()}）"
    if item.default is None and not item.optional:
        return kind, Field(description=description, **bounds)
    default = f"，默认 {item.default}" if item.default is not None else "，可不填"
    return kind | None, Field(None, description=description + default, **bounds)
