"""Retrieval metrics: Recall@1/5/10 and MRR for keyword, semantic and hybrid search.

A hit counts when it is the gold node or its text holds the gold answer span
(a parent whose own text quotes the span answers as well as the leaf).
"""

from __future__ import annotations

from dataclasses import dataclass

from zhengce.evaluation.questions import Question
from zhengce.index.hybrid import Hit, Mode, SearchIndex

MODES: tuple[Mode, ...] = ("keyword", "semantic", "hybrid")


@dataclass
class RetrievalScores:
    mode: str
    questions: int
    recall_at_1: float
    recall_at_5: float
    recall_at_10: float
    mrr: float


def gold_rank(question: Question, hits: list[Hit]) -> int | None:
    """1-based rank of the first hit that answers ``question``, or None."""
    for rank, hit in enumerate(hits, 1):
        if hit.node_id == question.node_id or (hit.doc_id == question.doc_id and question.answer in hit.text):
            return rank
    return None


def evaluate_search(index: SearchIndex, questions: list[Question], modes: tuple[Mode, ...] = MODES,
                    k: int = 10) -> tuple[list[RetrievalScores], dict[str, list[int | None]]]:
    """Scores per mode over the answerable questions, and each question's gold rank per mode."""
    answerable = [q for q in questions if q.answerable]
    scores, ranks_by_mode = [], {}
    for mode in modes:
        results = index.search_many([q.question for q in answerable], k=k, mode=mode)
        ranks = [gold_rank(q, r) if isinstance(r, list) else None for q, r in zip(answerable, results, strict=True)]
        ranks_by_mode[mode] = ranks
        total = len(ranks) or 1
        scores.append(RetrievalScores(
            mode=mode, questions=len(ranks),
            recall_at_1=sum(r is not None and r <= 1 for r in ranks) / total,
            recall_at_5=sum(r is not None and r <= 5 for r in ranks) / total,
            recall_at_10=sum(r is not None and r <= 10 for r in ranks) / total,
            mrr=sum(1 / r for r in ranks if r) / total,
        ))
    return scores, ranks_by_mode
