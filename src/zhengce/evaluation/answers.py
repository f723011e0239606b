"""Answer metrics: character ROUGE-L, key figures, citation accuracy, abstention.

ROUGE-L here is the F1 of the longest common subsequence of characters between
answer and gold span (Lin, 2004), the measure used for Chinese answers where
word boundaries are themselves a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from zhengce.answer.ask import Answer, Answerer
from zhengce.answer.generate import lcs_length
from zhengce.answer.select import figures
from zhengce.evaluation.questions import Question


def rouge_l(answer: str, gold: str) -> float:
    """Character-level ROUGE-L F1.

    >>> round(rouge_l("缓缴期限原则上不超过6个月", "缓缴期限不超过6个月"), 3)
    0.87
    """
    if not answer or not gold:
        return 0.0
    lcs = lcs_length(answer, gold)
    if not lcs:
        return 0.0
    precision, recall = lcs / len(answer), lcs / len(gold)
    return 2 * precision * recall / (precision + recall)


@dataclass
class AnswerScores:
    answerable: int
    unanswerable: int
    rouge_l: float
    figures_exact: float
    citation_accuracy: float
    abstention_precision: float
    abstention_recall: float
    answered_wrongly_abstained: int


def evaluate_answers(answerer: Answerer, questions: list[Question]) -> tuple[AnswerScores, list[Answer]]:
    answers = answerer.ask_many([q.question for q in questions])
    answerable = [(q, a) for q, a in zip(questions, answers, strict=True) if q.answerable]
    unanswerable = [(q, a) for q, a in zip(questions, answers, strict=True) if not q.answerable]
    rouge = [rouge_l(a.answer, q.answer) for q, a in answerable]
    with_figures = [(q, a) for q, a in answerable if figures(q.answer)]
    exact = [figures(q.answer) <= figures(a.answer) for q, a in with_figures]
    cited = [any(c.doc_id == q.doc_id for c in a.citations) for q, a in answerable]
    abstained_true = sum(a.abstained for _, a in unanswerable)
    abstained_all = abstained_true + sum(a.abstained for _, a in answerable)
    scores = AnswerScores(
        answerable=len(answerable), unanswerable=len(unanswerable),
        rouge_l=sum(rouge) / max(len(rouge), 1), figures_exact=sum(exact) / max(len(exact), 1),
        citation_accuracy=sum(cited) / max(len(cited), 1),
        abstention_precision=abstained_true / abstained_all if abstained_all else 1.0,
        abstention_recall=abstained_true / max(len(unanswerable), 1),
        answered_wrongly_abstained=sum(a.abstained for _, a in answerable),
    )
    return scores, answers
