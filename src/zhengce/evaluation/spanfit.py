"""Fitting the span scorer (answer.spanrank) on the tuning sets, with k-fold cross-validation.

Every tuning question with a gold answer is asked once with a recorder in the
re-ranker's place: it keeps each candidate span of each unit the rules
answered from, with its features, and lets the rules' choice stand. A
candidate's label is its ROUGE-L against the gold answer. The model is a
conditional logit over the candidates of one question (a softmax whose target
puts its weight on the best-scoring candidates), fitted by gradient descent in
numpy with an L2 penalty. Cross-validation folds whole questions; the figure
reported is the mean ROUGE-L of the span the model would choose, against the
rules' choice and the best candidate (the ceiling).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from zhengce.answer.ask import Answerer
from zhengce.answer.question import Concept
from zhengce.answer.select import Span
from zhengce.answer.spanrank import FEATURES, WEIGHTS_FILE, WEIGHTS_KEY, Candidate, Scorer, asked, unit_candidates
from zhengce.evaluation.answers import rouge_l
from zhengce.evaluation.spans import ANSWERABLE_KINDS, SpanQuestion

FOLDS = 5
MIN_QUESTIONS = 4 * FOLDS  # fewer, and a fold may have no unit to learn from
L2 = 0.01
TEMPERATURE = 0.05  # of ROUGE-L: the target's weight falls by e for each 0.05 below the best candidate
STEPS = 600
RATE = 0.05
MARGINS = (0.0, 0.25, 0.5, 1.0, 2.0)  # tried in cross-validation; 0 lets the model's best span through always
HOLDS = 0.5  # ROUGE-L of a unit's best candidate for the unit to hold the answer


@dataclass
class Group:
    """The candidates of one question's answering unit: features, labels, which one the rules chose."""

    matrix: np.ndarray
    labels: np.ndarray
    rule: int
    texts: list[str] = field(default_factory=list)


@dataclass
class Recorder:
    """A re-ranker that keeps the candidates of the unit each question is answered from and
    leaves the rules' choice as it is."""

    seen: dict[str, list[Candidate]] = field(default_factory=dict)

    def __call__(self, question: str, concepts: list[Concept], kinds: list[str], text: str, context: str,
                 rule: Span) -> Span:
        self.seen.setdefault(question, unit_candidates(asked(question, concepts, kinds), text, context, rule))
        return rule


def collect(answerer: Answerer, questions: list[SpanQuestion]) -> list[Group]:
    """The candidate groups of the questions with a gold answer, labelled."""
    asked_here = [q for q in questions if q.kind in ANSWERABLE_KINDS and q.answer]
    gold = {answerer.analyse(q.question).text: q.answer for q in asked_here}
    recorder = Recorder()
    saved, answerer.rerank = answerer.rerank, recorder
    try:
        answerer.ask_many([q.question for q in asked_here])
    finally:
        answerer.rerank = saved
    rule = FEATURES.index("rule_choice")
    return [Group(np.array([c.features for c in found]),
                  np.array([rouge_l(c.text, gold[question]) for c in found]),
                  next(i for i, c in enumerate(found) if c.features[rule]), [c.text for c in found])
            for question, found in recorder.seen.items() if question in gold]


def training_units(groups: list[Group]) -> list[Group]:
    """The units a span is learnt from: those with a candidate close to the gold answer (in
    the others every span is wrong, and no choice among them can be learnt)."""
    return [g for g in groups if g.labels.max() >= HOLDS]


def fit(groups: list[Group], l2: float = L2, temperature: float = TEMPERATURE, margin: float = 0.0) -> Scorer:
    """A conditional logit over the candidates of each unit of ``groups`` that holds the answer
    (Adam on the soft-target cross-entropy)."""
    units = training_units(groups)
    stacked = np.vstack([u.matrix for u in units])
    mean, scale = stacked.mean(axis=0), stacked.std(axis=0)
    scale[scale == 0] = 1.0
    matrices = [(u.matrix - mean) / scale for u in units]
    targets = [_softmax((u.labels - u.labels.max()) / temperature) for u in units]
    weights = np.zeros(stacked.shape[1])
    moment, second = np.zeros_like(weights), np.zeros_like(weights)
    for step in range(1, STEPS + 1):
        gradient = l2 * weights
        for matrix, target in zip(matrices, targets, strict=True):
            gradient += matrix.T @ (_softmax(matrix @ weights) - target) / len(matrices)
        moment = 0.9 * moment + 0.1 * gradient
        second = 0.999 * second + 0.001 * gradient ** 2
        weights -= RATE * (moment / (1 - 0.9 ** step)) / (np.sqrt(second / (1 - 0.999 ** step)) + 1e-8)
    return Scorer(FEATURES, mean, scale, weights, margin)


def _softmax(values: np.ndarray) -> np.ndarray:
    exp = np.exp(values - values.max())
    return exp / exp.sum()


def chosen(scorer: Scorer, group: Group, margin: float = 0.0) -> float:
    """ROUGE-L of the span ``scorer`` quotes from the group's unit: its best, when that outscores
    the rules' choice by more than ``margin``, else the rules' choice."""
    scores = scorer.scores(group.matrix)
    best = int(np.argmax(scores))
    return float(group.labels[best] if scores[best] - scores[group.rule] > margin else group.labels[group.rule])


def chosen_rouge(scorer: Scorer, groups: list[Group]) -> float:
    """Mean ROUGE-L of the spans ``scorer`` quotes (at its margin)."""
    return float(np.mean([chosen(scorer, g, scorer.margin) for g in groups]))


def cross_validate(groups: list[Group], folds: int = FOLDS, seed: int = 0,
                   **options: float) -> tuple[dict[str, float], float]:
    """ROUGE-L of the span quoted from the answering unit: by the rules, by the model (fitted
    without the question's fold) at the margin that does best, and by the best candidate (the
    ceiling); and that margin."""
    order = np.random.default_rng(seed).permutation(len(groups))
    found = np.zeros((len(groups), len(MARGINS)))
    for fold in range(folds):
        held = order[fold::folds].tolist()
        scorer = fit([g for i, g in enumerate(groups) if i not in set(held)], **options)
        found[held] = [[chosen(scorer, groups[i], margin) for margin in MARGINS] for i in held]
    best = int(np.argmax(found.mean(axis=0)))
    figures = {"rules": np.mean([g.labels[g.rule] for g in groups]), "model": found[:, best].mean(),
               "ceiling": np.mean([g.labels.max() for g in groups])}
    report = {"questions": len(groups), **{name: round(float(value), 4) for name, value in figures.items()},
              "margin": MARGINS[best]}
    return report, MARGINS[best]


def save(scorer: Scorer, report: dict[str, Any], path: Path = WEIGHTS_FILE) -> None:
    """Write the weights with how they were measured (rules are data). Whether they are used
    is decided on the held-out sets, not here: the stored decision and its reason stay."""
    stored = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    rows = [f'  "{name}": [{w:.6f}, {m:.6f}, {d:.6f}]'
            for name, w, m, d in zip(scorer.features, scorer.weights, scorer.mean, scorer.scale, strict=True)]
    head = {"enabled": bool(stored.get("enabled")), "decision": stored.get("decision", ""), "measured": report,
            "margin": scorer.margin}
    text = json.dumps(head, ensure_ascii=False)[:-1] + f",\n \"{WEIGHTS_KEY}\": {{\n" + ",\n".join(rows)
    path.write_text(text + "\n }\n}\n", encoding="utf-8")
