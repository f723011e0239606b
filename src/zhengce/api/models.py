"""Request and response models of the API: the same field names as the CLI's JSON.

Hits and citations are the core's own dataclasses, so the API cannot drift from them.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, create_model

from zhengce.answer.ask import Citation
from zhengce.calc.engine import Input, Rule
from zhengce.index.hybrid import Hit
from zhengce.index.query import MAX_QUERY_CHARS, readable
from zhengce.relations.level import LEVELS

Level = Literal[LEVELS]  # type: ignore[valid-type]
MAX_BATCH = 50


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorOut(Strict):
    error: str = Field(description="What is wrong, in Chinese.")


def _iso_date(value: Any) -> Any:
    """Dates only as YYYY-MM-DD: pydantic alone would read 0 or 1e9 as a Unix time."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) != 10:
        raise ValueError("日期须写作 YYYY-MM-DD，例如 2020-05-09")
    return date.fromisoformat(value)


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
