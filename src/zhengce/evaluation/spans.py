"""Answer figures on question sets whose gold is a span of text, not a place.

Sets written outside the project (../shared/tuning/real-style.tsv: question,
answer, doc_number, kind) give the minimal span that answers and the kind of
question (answerable, other_province, unanswerable); the blind sets in
eval/blind/ use the eval JSONL form. A unit "holds" the answer when its text
contains the gold span once spaces are removed, so the figures need no node
paths and survive a re-parse: recall@5 (a top-5 unit holds it), cited (a
citation's unit holds it), ROUGE-L (a refusal scores 0) and refusals by kind.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path

from zhengce.answer.ask import Answerer
from zhengce.corpus.numerals import nfkc
from zhengce.evaluation.answers import rouge_l
from zhengce.index.hybrid import Hit

ANSWERABLE_KINDS = ("answerable", "other_province")


@dataclass(frozen=True)
class SpanQuestion:
    question: str
    answer: str
    kind: str  # answerable | other_province | unanswerable


@dataclass
class SpanScores:
    name: str
    answerable: int
    outside: int
    recall_at_5: float
    cited: float
    rouge_l: float
    answerable_refused: int
    outside_refused: int


def load_span_questions(path: Path) -> list[SpanQuestion]:
    """A TSV with question/answer/kind columns, or an eval JSONL file."""
    if path.suffix == ".tsv":
        with path.open(encoding="utf-8") as handle:
            return [SpanQuestion(row["question"], row["answer"], row["kind"])
                    for row in csv.DictReader(handle, delimiter="\t")]
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            answerable = record.get("answerable", True)
            kind = "unanswerable" if not answerable else record.get("kind", "answerable")
            questions.append(SpanQuestion(record["question"], record.get("answer", ""), kind))
    return questions


def compact(text: str) -> str:
    """Text without spaces and line breaks, widths folded: how spans are compared."""
    return re.sub(r"\s", "", nfkc(text))


def holds(unit_text: str, answer: str) -> bool:
    return bool(answer) and compact(answer) in compact(unit_text)


def evaluate_spans(answerer: Answerer, questions: list[SpanQuestion], name: str = "") -> SpanScores:
    """The figures of ``answerer`` on one set."""
    texts = [q.question for q in questions]
    answers = answerer.ask_many(texts)
    searches = answerer.index.search_many(texts, k=5)
    unit_text = {unit.node_id: unit.text for unit in answerer.index.units}
    answerable = [i for i, q in enumerate(questions) if q.kind in ANSWERABLE_KINDS]
    outside = [i for i, q in enumerate(questions) if q.kind not in ANSWERABLE_KINDS]

    def refused(i: int) -> bool:
        return not hasattr(answers[i], "abstained") or answers[i].abstained

    def found(i: int) -> bool:
        hits = searches[i]
        return isinstance(hits, list) and any(holds(h.text, questions[i].answer) for h in hits if isinstance(h, Hit))

    def cited(i: int) -> bool:
        return not refused(i) and any(holds(unit_text.get(c.node_id, ""), questions[i].answer)
                                      for c in answers[i].citations)

    rouge = [0.0 if refused(i) else rouge_l(answers[i].answer, questions[i].answer) for i in answerable]
    count = max(len(answerable), 1)
    return SpanScores(
        name=name, answerable=len(answerable), outside=len(outside),
        recall_at_5=sum(map(found, answerable)) / count, cited=sum(map(cited, answerable)) / count,
        rouge_l=sum(rouge) / count, answerable_refused=sum(map(refused, answerable)),
        outside_refused=sum(map(refused, outside)),
    )
