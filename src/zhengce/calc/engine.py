"""A small rule engine: rules as data, values dated and cited, results with steps.

A rule names its inputs (with types and bounds), its parameters (values that
hold from a date, each citing the article that sets it) and its computation, a
short function of the inputs and the parameters in force on the date asked. A
result lists every step with the rule and the article behind it, the parameters
used and the rule's period. Bad input is refused with a message naming the
input and what is allowed: no result is better than a wrong one.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from zhengce.calc.display import RESULT_LABELS, plain, show, show_result

__all__ = ["RESULT_LABELS", "CalculationError", "Citation", "Input", "NotCovered", "Parameter", "Result", "Rule",
           "Step", "Value", "in_force"]

class CalculationError(ValueError):
    """Input the rule cannot compute with; the message names the input and the allowed values."""


class NotCovered(Exception):
    """The case is outside the policy: the answer is 0, with the article that says why."""

    def __init__(self, reason: str, citation: Citation | None) -> None:
        super().__init__(reason)
        self.reason, self.citation = reason, citation


YES, NO = "是", "否"
# Yes/no answers as people and programs write them.
YES_NO = {"是": YES, "否": NO, "true": YES, "false": NO, "yes": YES, "no": NO}


@dataclass(frozen=True)
class Citation:
    """The article a figure rests on: document number, node path and the words quoted."""

    doc_number: str
    path: str
    quote: str

    @property
    def doc_id(self) -> str:
        # The corpus derives a document's id from its number (corpus.assemble.document_id).
        return hashlib.sha1(self.doc_number.encode()).hexdigest()[:10]

    @property
    def node_id(self) -> str:
        return f"{self.doc_id}/{self.path}"

    def as_dict(self) -> dict[str, str]:
        return {"doc_id": self.doc_id, "doc_number": self.doc_number, "node_id": self.node_id, "quote": self.quote}


@dataclass(frozen=True)
class Input:
    """What the user gives: a choice, a number within bounds, or a month (YYYY-MM).

    ``condition`` marks an eligibility condition: left empty, its default is an
    assumption the result states. ``aliases`` maps other names the documents use
    (a county for its area, true for 是) to a choice.
    """

    name: str
    label: str
    kind: str  # choice | number | month | date
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    unit: str = ""
    default: str | None = None
    source: str = ""  # where a default comes from, when the documents do not give it
    optional: bool = False  # left empty, the rule goes without it (None)
    integer: bool = False  # people, months, days: counted, never 1.5
    condition: bool = False
    aliases: Mapping[str, str] = field(default_factory=dict)

    @property
    def named(self) -> str:
        return f"“{self.label}”（{self.name}）"

    def parse(self, raw: str | None) -> Any:
        if raw is None or raw == "":
            if self.optional:
                return None
            if self.default is None:
                raise CalculationError(f"缺少{self.named}：{self.allowed()}。")
            raw = self.default
        raw = str(raw).strip()
        if self.kind == "choice":
            return self._choice(raw)
        if self.kind in ("month", "date"):
            return self._date(raw)
        return self._number(raw)

    def _choice(self, raw: str) -> str:
        yes_no = YES_NO.get(raw.lower()) if set(self.choices) == {YES, NO} else None
        chosen = raw if raw in self.choices else self.aliases.get(raw, yes_no)
        if chosen is None:
            raise CalculationError(f"{self.named}只能是：{' / '.join(self.choices)}；不能是“{raw}”。")
        return chosen

    def _date(self, raw: str) -> date:
        try:
            if self.kind == "month":
                year, month = (int(part) for part in raw.split("-"))
                return date(year, month, 1)
            return date.fromisoformat(raw)
        except ValueError as error:
            raise CalculationError(f"{self.named}须写作 {self.allowed()}，不能是“{raw}”。") from error

    def _number(self, raw: str) -> float:
        try:
            value = float(raw)
        except ValueError as error:
            raise CalculationError(f"{self.named}须为数字（{self.allowed()}），不能是“{raw}”。") from error
        if not math.isfinite(value):
            raise CalculationError(f"{self.named}须为有限的数字（{self.allowed()}），不能是“{raw}”。")
        if self.integer and not value.is_integer():
            raise CalculationError(f"{self.named}按整数计（{self.allowed()}），不能是“{raw}”。")
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise CalculationError(f"{self.named}超出范围：{self.allowed()}；现为 {plain(value)}。")
        return value

    def allowed(self) -> str:
        if self.kind == "choice":
            return f"可选 {' / '.join(self.choices)}"
        if self.kind == "month":
            return "YYYY-MM（例如 2020-05）"
        if self.kind == "date":
            return "YYYY-MM-DD（例如 2020-05-09）"
        counted = "的整数" if self.integer else ""
        return f"{plain(self.minimum or 0)} 至 {plain(self.maximum or 0)} {self.unit}{counted}".strip()

    def as_dict(self) -> dict[str, Any]:
        shown = {k: v for k, v in asdict(self).items() if v not in (None, "", (), False, {})}
        return shown | {"allowed": self.allowed()}


@dataclass(frozen=True)
class Value:
    """A parameter's value from ``start`` to ``end`` (inclusive), and the article that sets it."""

    start: date
    end: date
    value: float
    citation: Citation
    note: str = ""


@dataclass(frozen=True)
class Parameter:
    """A figure the rule takes from the documents (a rate, an amount, a limit) and where it is written."""

    name: str
    value: float | str
    citation: Citation
    unit: str = ""  # "%" for a rate; amounts carry their unit in the name

    def as_dict(self) -> dict[str, Any]:
        shown = show(self.value, self.unit) if self.unit else str(self.value)
        return {"name": self.name, "value": self.value, "display": shown, "citation": self.citation.as_dict()}


@dataclass
class Step:
    """One line of the working: what is done, the figure, its unit (元, %, 个月…) and the article."""

    text: str
    value: float | str
    citation: Citation | None = None
    unit: str = "元"

    @property
    def display(self) -> str:
        return show(self.value, self.unit)

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "display": self.display,
                "citation": self.citation.as_dict() if self.citation else None}


@dataclass
class Result:
    """Figures, the working, and whether the case is covered and on which assumptions."""

    rule: str
    result: dict[str, Any]
    steps: list[Step]
    parameters: dict[str, Any]
    valid_from: str
    valid_to: str
    covered: bool = True
    assumptions: list[str] = field(default_factory=list)

    @property
    def display(self) -> dict[str, str]:
        return show_result(self.result)

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "covered": self.covered, "result": self.result, "display": self.display,
                "assumptions": self.assumptions, "steps": [s.as_dict() for s in self.steps],
                "parameters": self.parameters, "valid_from": self.valid_from, "valid_to": self.valid_to}


@dataclass(frozen=True)
class Rule:
    """One calculator: who it is for, when it applies, what it needs and how it computes.

    ``outcome`` is the result that is 0 when the case is not covered; ``period``
    the articles that open and close the period (cited when a date falls outside it);
    ``assumptions`` readings of the text the rule makes that a person should know.
    """

    name: str
    title: str
    regions: tuple[str, ...]
    valid_from: date
    valid_to: date
    inputs: tuple[Input, ...]
    compute: Callable[[dict[str, Any]], tuple[dict[str, Any], list[Step], dict[str, Any]]]
    citations: tuple[Citation, ...] = field(default_factory=tuple)
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)
    outcome: str = ""
    period: tuple[Citation | None, Citation | None] = (None, None)  # what says it starts, what says it ends
    assumptions: tuple[str, ...] = ()

    def run(self, raw: Mapping[str, Any]) -> Result:
        unknown = set(raw) - {i.name for i in self.inputs}
        if unknown:
            names = "、".join(i.name for i in self.inputs)
            raise CalculationError(f"没有输入“{'、'.join(sorted(unknown))}”；本计算器的输入是：{names}。")
        given = {k: _text(v) for k, v in raw.items()}
        values = {i.name: i.parse(given.get(i.name)) for i in self.inputs}
        assumed = [f"{i.label}：{values[i.name]}（未填写，按此假定）" for i in self.inputs
                   if i.condition and not given.get(i.name)]
        try:
            self._within_period(values)
            result, steps, parameters = self.compute(values)
        except NotCovered as outside:
            return Result(self.name, {self.outcome: 0.0}, [Step(outside.reason, 0.0, outside.citation)], {},
                          self.valid_from.isoformat(), self.valid_to.isoformat(), False, assumed)
        return Result(self.name, result, steps, parameters, self.valid_from.isoformat(), self.valid_to.isoformat(),
                      True, [*assumed, *self.assumptions])

    def _within_period(self, values: dict[str, Any]) -> None:
        for item in self.inputs:
            value = values[item.name]
            if isinstance(value, date) and not self.valid_from <= value <= self.valid_to:
                period = f"{self.valid_from.isoformat()} 至 {self.valid_to.isoformat()}"
                reason = f"{item.label} {value.isoformat()} 不在本政策的适用期间 {period} 内：不适用"
                raise NotCovered(reason, self.period[value > self.valid_to])

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "region": "、".join(self.regions),
                "valid_from": self.valid_from.isoformat(), "valid_to": self.valid_to.isoformat(),
                "inputs": [i.as_dict() for i in self.inputs], "parameters": [p.as_dict() for p in self.parameters],
                "citations": [c.as_dict() for c in self.citations], "assumptions": list(self.assumptions)}


def _text(value: Any) -> str:
    """An input as text: JSON true/false stay words (never 1/0), numbers keep their digits."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def in_force(values: list[Value], on: date) -> Value | None:
    """The value in force on ``on``, if any."""
    return next((v for v in values if v.start <= on <= v.end), None)
