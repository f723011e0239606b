"""Shapes the faces share (CLI, API, web): batch answer records and table CSV."""

from __future__ import annotations

import csv
import io
import time
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from zhengce.index.query import QueryError
from zhengce.store.records import Source, Table

if TYPE_CHECKING:  # the answer wing loads on first use, not when a light command imports this
    from zhengce.answer.ask import Answer, Answerer


def answer_record(question: str, result: Answer | QueryError) -> dict[str, Any]:
    """One batch item, shaped like a single answer; a question that cannot be asked
    abstains with its error as the reason, so readers need no second shape."""
    from zhengce.answer.ask import Answer

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


def ask_within(answerer: Answerer, questions: list[str], seconds: float,
               on: date | None = None) -> list[Answer | QueryError]:
    """Answers in order, ``CHUNK`` questions at a time (retrieval batched within a chunk),
    until ``seconds`` have passed: a batch's cost is bounded whatever its questions."""
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
