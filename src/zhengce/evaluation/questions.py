"""The evaluation questions in eval/*.jsonl, with their gold places resolved.

Questions were written by people reading the seeds; each names the document
(number, or title when it has none), the node path of the answering article and
the exact answer span. Resolution goes through the knowledge base, so a gold
node is found again even if a rebuild renumbered paths: by path first, then by
the node whose text holds the answer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from zhengce.paths import EVAL_DIR
from zhengce.store.db import Store
from zhengce.store.records import DocumentView

DEFAULT_DIR = EVAL_DIR


class EvaluationError(Exception):
    """A question file that cannot be read; the message names file and line."""


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answerable: bool
    doc_id: str | None = None
    node_id: str | None = None
    answer: str = ""
    type: str = "other"
    style: str = ""


def load_questions(store: Store, folder: Path = DEFAULT_DIR) -> list[Question]:
    """Every question of every eval/*.jsonl file, gold places resolved in ``store``."""
    questions: list[Question] = []
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise EvaluationError(f"No question files (*.jsonl) in {folder}")
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                questions.append(_resolve(store, record))
            except (json.JSONDecodeError, KeyError, LookupError) as error:
                raise EvaluationError(f"{path.name}:{number}: {error}") from error
    return questions


def _resolve(store: Store, record: dict) -> Question:
    if record.get("answerable") is False:
        return Question(id=record["id"], question=record["question"], answerable=False,
                        type=record.get("reason", "unanswerable"))
    key = record.get("doc_number") or record.get("doc_id") or record["doc_title"]
    document = store.get_document(key)
    if document is None:
        raise LookupError(f"document {key!r} not in the knowledge base")
    answer = record["answer"]
    if re.fullmatch(r"t\d+/r\d+", record["node"]):
        return _table_row(record, document)
    nodes = {a.path: a for a in document.articles}
    node = nodes.get(record["node"])
    if node is None or answer not in node.text:
        holding = [a for a in document.articles if answer in a.text]
        if not holding:
            raise LookupError(f"answer not found in {key}: {answer[:30]}")
        node = min(holding, key=lambda a: len(a.text))
    return Question(id=record["id"], question=record["question"], answerable=True, doc_id=document.id,
                    node_id=node.id, answer=answer, type=record.get("type", "other"),
                    style=record.get("style", ""))


def _table_row(record: dict, document: DocumentView) -> Question:
    """A question answered by a table row (node "t<table>/r<row>"), such as a registry entry."""
    table_number, row_number = (int(part[1:]) for part in record["node"].split("/"))
    row = document.tables[table_number - 1].rows[row_number - 1]
    if not any(record["answer"] in cell for cell in row):
        raise LookupError(f"answer not in row {record['node']} of {document.doc_number}")
    return Question(id=record["id"], question=record["question"], answerable=True, doc_id=document.id,
                    node_id=f"{document.id}/{record['node']}", answer=record["answer"],
                    type=record.get("type", "other"), style=record.get("style", ""))
