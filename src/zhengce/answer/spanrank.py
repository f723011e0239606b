"""A learned re-ranker over candidate answer spans, its weights kept as data.

The hand rules of select.py choose one span per unit. This module lays out the
spans they could have chosen (one to three clauses of a sentence, a whole
sentence, the unit's body, each also as the rules would shape it, and the
rules' own choice), describes each by the cues the rules use (question words
covered, what the question asks for, condition or consequence, length for the
kind of question, position, heading, restating the question) and scores it
with a linear model fitted on the tuning sets (``zhengce eval fit-spans``). The
fitted weights live in spanrank.json with the figures they were measured by.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from zhengce.answer import select as rules
from zhengce.answer.question import Concept
from zhengce.answer.select import Span, clauses, covered, has_cue

WEIGHTS_FILE = Path(__file__).with_name("spanrank.json")
WEIGHTS_KEY = "features (weight, mean, scale)"
FIGURE_KINDS = ("amount", "deadline")
LIST_KINDS = ("eligibility", "materials", "procedure")
_LIST_ASKS = re.compile(r"措施|规定|细则|哪些|如何|怎么|怎样|要求|内容")
_YES_NO = re.compile(r"吗|是否|能否|可否|会不会|算不算|能不能|可不可以|有没有")
_WHICH_DOCUMENT = re.compile(r"哪(?:个|份|一)(?:文件|通知|政策|规定)|什么文件|依据什么")
_SENTENCE_END = "。；！？"
AFTER_RULE = 4  # characters between the rules' span and one that follows it (a mark, a space)
FEATURES = (
    "rule_score", "rule_choice", "after_rule", "inside_rule", "holds_rule", "first_restates", "last_restates",
    "shaped", "cover_own", "cover_context",
    "question_recall", "restates", "cue", "cue_measured", "new_figure", "date", "consequence",
    "condition_end", "condition_start", "log_length", "log_length_figure", "log_length_list", "new_figure_yes_no",
    "log_length_document",
    "clauses", "starts_unit", "position", "heading", "ends_colon", "sentence", "whole_unit",
)

_RULE_CHOICE = FEATURES.index("rule_choice")


@dataclass(frozen=True)
class Asked:
    """What the features need of a question, computed once per question."""

    text: str
    concepts: list[Concept]
    total: float
    kinds: list[str]
    given: frozenset[str]
    bigrams: frozenset[str]
    wants_figure: bool
    wants_body: bool
    yes_no: bool
    which_document: bool


def asked(question: str, concepts: list[Concept], kinds: list[str]) -> Asked:
    total = sum(weight for _, weight in concepts) or 1.0
    return Asked(question, concepts, total, kinds, rules.given_figures(question), _bigrams(question),
                 any(kind in FIGURE_KINDS for kind in kinds),
                 any(kind in LIST_KINDS for kind in kinds) or bool(_LIST_ASKS.search(question)),
                 bool(_YES_NO.search(question)), bool(_WHICH_DOCUMENT.search(question)))


@dataclass(frozen=True)
class Candidate:
    """One span a unit could answer with: where it is, its text, its features."""

    unit_index: int
    start: int
    end: int
    text: str
    features: tuple[float, ...]


def _bigrams(text: str) -> frozenset[str]:
    text = re.sub(r"[\s，。；：、,.;:！？?（）()《》“”]", "", text)
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def unit_candidates(question: Asked, text: str, context: str, rule: Span) -> list[Candidate]:
    """The candidate spans of the unit the rules chose ``rule`` in, each with its features
    (see FEATURES)."""
    ranges = {(s, e) for s, e in rules.candidate_spans(text)
              if len(text[s:e].strip()) >= 4 and not rules.asks_itself(text, e)}
    ranges |= set(_sentences(text))
    if text.strip():
        ranges.add((0, len(text)))
    found: dict[tuple[int, int, str], bool] = {}
    for start, end in sorted(ranges):
        found.setdefault((start, end, _clean(text[start:end])), False)
        reshaped = rules.shaped(text, start, end, question.concepts, question.kinds, question.text, question.given)
        found.setdefault((reshaped[0], reshaped[1], _clean(reshaped[2])), True)
    found[(rule.start, rule.end, rule.text)] = True
    return [Candidate(rule.unit_index, start, end, span, _features(question, text, context, (start, end, span),
                                                                   shaped, rule))
            for (start, end, span), shaped in found.items() if len(span) >= 2]


def _restates(clause: str, question: Asked) -> float:
    """Share of a clause's character pairs the question has: a clause that restates it answers nothing."""
    pairs = _bigrams(clause)
    return len(pairs & question.bigrams) / (len(pairs) or 1)


def _clean(span: str) -> str:
    return rules.without_marker(span.strip().rstrip("，,；;：:"))


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` (its clauses up to 。；！？ or a line end)."""
    found, first = [], None
    for start, end in clauses(text):
        first = start if first is None else first
        if text[end - 1] in _SENTENCE_END or text[end:end + 1] in ("\n", ""):
            found.append((first, end))
            first = None
    return found


def _features(question: Asked, text: str, context: str, candidate: tuple[int, int, str], shaped: bool,
              rule: Span) -> tuple[float, ...]:
    start, end, span = candidate
    own = covered(question.concepts, span)
    with_context = covered(question.concepts, f"{context}\n{span}")
    measured = [kind for kind in question.kinds if kind in rules.MEASURED]
    span_bigrams = _bigrams(span)
    span_clauses = [span[s:e] for s, e in clauses(span)]
    tail = span_clauses[-1] if span_clauses else span
    log_length = math.log(1 + len(span))
    first_line = text.strip().split("\n", 1)[0]
    heading = len(first_line) <= 30 and not re.search(r"[，；,;]", first_line) and len(text.strip()) > len(first_line) \
        and span in first_line
    values = {
        "rule_score": rules.rule_score(span, question.concepts, question.total, question.kinds, question.given,
                                       context),
        "rule_choice": float(candidate == (rule.start, rule.end, rule.text)),
        "after_rule": float(rule.end <= start <= rule.end + AFTER_RULE),
        "inside_rule": float(rule.start <= start and end <= rule.end),
        "holds_rule": float(start <= rule.start and rule.end <= end),
        "first_restates": _restates(span_clauses[0], question) if span_clauses else 0.0,
        "last_restates": _restates(span_clauses[-1], question) if span_clauses else 0.0,
        "shaped": float(shaped),
        "cover_own": own / question.total,
        "cover_context": (with_context - own) / question.total,
        "question_recall": len(span_bigrams & question.bigrams) / (len(question.bigrams) or 1),
        "restates": len(span_bigrams & question.bigrams) / (len(span_bigrams) or 1),
        "cue": float(bool(question.kinds) and has_cue(span, question.kinds, question.given)),
        "cue_measured": float(bool(measured) and has_cue(span, measured, question.given)),
        "new_figure": float(bool(rules.figures(span) - question.given)),
        "date": float(has_cue(span, ["deadline"], question.given)),
        "consequence": float(bool(rules.CONSEQUENCE.search(tail))),
        "condition_end": float(bool(rules.CONDITION_END.search(tail.rstrip("，,")))),
        "condition_start": float(bool(rules.CONDITION_START.search(span))),
        "log_length": log_length,
        "log_length_figure": log_length * question.wants_figure,
        "log_length_list": log_length * question.wants_body,
        "new_figure_yes_no": float(bool(rules.figures(span) - question.given) and question.yes_no),
        "log_length_document": log_length * question.which_document,
        "clauses": float(len(span_clauses)),
        "starts_unit": float(not text[:start].strip()),
        "position": start / (len(text) or 1),
        "heading": float(heading),
        "ends_colon": float(text[start:end].strip().endswith(("：", ":"))),
        "sentence": float((not text[:start].strip() or text[:start].rstrip()[-1:] in _SENTENCE_END + "\n")
                          and text[end - 1:end] in _SENTENCE_END),
        "whole_unit": float(not text[:start].strip() and not text[end:].strip()),
    }
    return tuple(values[name] for name in FEATURES)


@dataclass(frozen=True)
class Scorer:
    """A linear model over standardised features."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    margin: float = 0.0  # by how much a span must outscore the rules' choice to replace it

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        return ((matrix - self.mean) / self.scale) @ self.weights


@cache
def load_scorer(path: Path = WEIGHTS_FILE) -> Scorer | None:
    """The fitted scorer, or None when there is none or it was fitted on other features."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    table = data[WEIGHTS_KEY]
    if not data.get("enabled") or tuple(table) != FEATURES:
        return None
    weights, mean, scale = np.array(list(table.values())).T
    return Scorer(FEATURES, mean, scale, weights, float(data.get("margin", 0.0)))


# What answer.ask calls: the question, its weighed concepts and kinds, the answering unit's
# text and context, and the span the rules chose in it; it returns the span to quote.
Rerank = Callable[[str, list[Concept], list[str], str, str, Span], Span]


@dataclass(frozen=True)
class Reranker:
    """The fitted scorer's choice among the candidate spans of the unit the rules answer from."""

    scorer: Scorer

    def __call__(self, question: str, concepts: list[Concept], kinds: list[str], text: str, context: str,
                 rule: Span) -> Span:
        candidates = unit_candidates(asked(question, concepts, kinds), text, context, rule)
        scores = self.scorer.scores(np.array([c.features for c in candidates]))
        ruled = [score for c, score in zip(candidates, scores, strict=True) if c.features[_RULE_CHOICE]]
        best = int(np.argmax(scores))
        if not ruled or scores[best] - ruled[0] <= self.scorer.margin:
            return rule
        top = candidates[best]
        return Span(rule.unit_index, top.start, top.end, top.text, rule.score)


def reranker() -> Reranker | None:
    """The re-ranker of the stored weights, or None when they are not in use."""
    scorer = load_scorer()
    return Reranker(scorer) if scorer else None
