"""What the faces (CLI, API, web, MCP) share, done once: search filters read from what a
user wrote, dates, batch answer records, table CSV and its file name, source labels.

A face adapts its input and output only: it hands strings to ``search_filters`` and
turns a ``FilterError`` into its own way of refusing (exit code, HTTP 400, tool error).
"""

from __future__ import annotations

import csv
import io
import time
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

from zhengce.relations.level import LEVELS
from zhengce.store.records import Filters, Source, Table

if TYPE_CHECKING:  # the answer wing loads on first use, not when a light command imports this
    from zhengce.answer.ask import Answer
    from zhengce.index.hybrid import Hit, Mode
    from zhengce.index.query import QueryError


class Searching(Protocol):
    """What the faces search with: the index, here or in a server's compute process."""

    def search(self, raw: str, k: int = 10, filters: Filters | None = None, mode: Mode = "hybrid") -> list[Hit]: ...

    def plan(self, raw: str, filters: Filters | None = None) -> dict[str, Any]: ...


class Asking(Protocol):
    """What the faces answer with: the answerer, here or in a server's compute process."""

    def ask(self, question: str, on: date | None = None) -> Answer: ...

    def ask_many(self, questions: list[str], on: date | None = None) -> list[Answer | QueryError]: ...


class FilterError(ValueError):
    """A filter written so that it cannot be read: ``field`` names it (a face names its own
    option or parameter), the message says how to write it, in Chinese."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


DATE_LABELS = {"date_from": "起始日期", "date_to": "截止日期", "valid_on": "有效日期", "on": "日期"}


def day(value: str | date | None, field: str = "on") -> date | None:
    """A date written YYYY-MM-DD (nothing else: not 20200509, not a Unix time); None when empty.

    >>> day("2020-05-09"), day("")
    (datetime.date(2020, 5, 9), None)
    """
    if not value or isinstance(value, date):
        return value or None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    label = DATE_LABELS.get(field, field)
    raise FilterError(field, f"{label}须写成 YYYY-MM-DD，例如 2020-05-09，而不是“{value}”。")


def search_filters(region: str | None = None, section: str | None = None, doc_type: str | None = None,
                   issuer: str | None = None, date_from: str | date | None = None, date_to: str | date | None = None,
                   valid_on: str | date | None = None, level: str | None = None,
                   year: str | int | None = None) -> Filters:
    """The filters of a search or a list from what a face was given: empty means any, dates
    as YYYY-MM-DD, ``year`` the whole of that year of issue, ``level`` one of LEVELS."""
    if level and level not in LEVELS:
        raise FilterError("level", f"效力级别须为 {'、'.join(LEVELS)} 之一，而不是“{level}”。")
    if year and not (str(year).isdigit() and len(str(year)) == 4):
        raise FilterError("year", f"年份须为四位数字，例如 2020，而不是“{year}”。")
    first, last = (date(int(year), 1, 1), date(int(year), 12, 31)) if year else (None, None)
    return Filters(region=region or None, section=section or None, doc_type=doc_type or None, issuer=issuer or None,
                   date_from=day(date_from, "date_from") or first, date_to=day(date_to, "date_to") or last,
                   valid_on=day(valid_on, "valid_on"), level=level or None)


def name_values(items: list[str] | None, field: str, form: str) -> dict[str, str]:
    """The NAME=VALUE items of a repeated option or parameter (table conditions, calculator
    inputs), refusing one without its "=".

    >>> name_values(["事项名称=失业保险金申领"], "where", "列名=文字")
    {'事项名称': '失业保险金申领'}
    """
    pairs = {}
    for item in items or []:
        name, separator, value = item.partition("=")
        if not separator:
            raise FilterError(field, f"{field} 的写法是 {form}，而不是“{item}”。")
        pairs[name] = value
    return pairs


def answer_record(question: str, result: Answer | QueryError) -> dict[str, Any]:
    """One batch item, shaped like a single answer; a question that cannot be asked
    abstains with its error as the reason, so readers need no second shape."""
    from zhengce.answer.ask import Answer
    from zhengce.index.query import QueryError

    if isinstance(result, QueryError):
        return {**Answer(question, "", True, reason=str(result)).as_dict(), "error": str(result)}
    return {**result.as_dict(), "error": None}


def table_csv(table: Table, bom: bool = True) -> str:
    """A table as CSV text; with a BOM, spreadsheet programs open it as UTF-8."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.columns)
    writer.writerows(table.rows)
    return ("\ufeff" if bom else "") + buffer.getvalue()


# A batch stops starting new questions after this many seconds; the rest get an error record.
BATCH_SECONDS = 20.0
CHUNK = 10


def ask_within(answerer: Asking, questions: list[str], seconds: float,
               on: date | None = None) -> list[Answer | QueryError]:
    """Answers in order, ``CHUNK`` questions at a time (retrieval batched within a chunk),
    until ``seconds`` have passed: a batch's cost is bounded whatever its questions."""
    from zhengce.index.query import QueryError

    started = time.monotonic()
    results: list[Answer | QueryError] = []
    for start in range(0, len(questions), CHUNK):
        if time.monotonic() - started > seconds:
            late = QueryError(f"本次请求已用完 {seconds:g} 秒的时间预算，此问题未作答：请分批提交。")
            return results + [late] * (len(questions) - start)
        results.extend(answerer.ask_many(questions[start:start + CHUNK], on))
    return results


def attachment(name: str) -> str:
    """A Content-Disposition that saves the CSV under the table's own name (RFC 5987)."""
    return f"attachment; filename*=UTF-8''{quote(name.replace('/', '_') + '.csv')}"


# The bundled compilations by file, as a reader knows them; a file a user added keeps its own name.
COMPILATIONS = {
    "000_4e71c7bfca995e22.txt": "重庆市 2020 年人社政策汇编",
    "001_2c56830f1951adb6.txt": "《人力资源法律政策》2020 年第 2 期",
    "003_99b4106d3352fab1.txt": "湖南省《人力资源社会保障法规政策汇编》（2020）",
    "004_36cd5ea998c3a633.txt": "人社部明电〔2020〕1号 单行本",
}
# What one document does to another (relations.citations), in the pages' language.
REFERENCE_KINDS = {"cites": "引用", "extends": "延长", "forwards": "转发", "repeals": "废止", "amends": "修改"}


def source_label(source: Source) -> str:
    """Where a text is printed: the compilation's name and its lines.

    >>> source_label(Source("003_99b4106d3352fab1.txt", 12, 30))
    '湖南省《人力资源社会保障法规政策汇编》（2020） 第 12–30 行'
    """
    name = COMPILATIONS.get(source.file, source.file)
    return f"{name} 第 {source.start_line}–{source.end_line} 行"


def rows_containing(table: Table, text: str) -> Table:
    """The table with only the rows that have ``text`` in any cell: a filter that needs no column chosen first."""
    return replace(table, rows=tuple(row for row in table.rows if any(text in cell for cell in row)))
