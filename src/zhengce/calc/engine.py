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
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

# How results read to a person; the JSON keeps the short English keys.
RESULT_LABELS = {
    "relief": "减免额（元）", "payable": "实缴单位缴费（元）", "rate": "减免比例",
    "monthly_increase": "月增加额（元）", "new_pension": "调整后基本养老金（元/月）",
    "wage_at_least": "应付工资不低于（元/月）", "living_allowance_at_least": "生活费不低于（元/月）", "kind": "性质",
    "refund_at_most": "返还额最高（元）", "refund": "返还额（元）",
    "new_amount": "调整后月待遇（元/月）", "household_increase": "全户月增加额（元）", "arrears": "补发额（元）",
    "annual_amount": "年标准（元/年）", "allowance": "临时性工作补助（元）", "duty_meals": "值班伙食补助（元）",
    "monthly_subsidy": "每月补贴（元）", "subsidy": "补贴额（元）", "monthly_at_most": "每月最高（元）",
    "monthly_benefit": "每月失业保险金（元）", "benefit_total": "失业保险金合计（元）", "extension_months": "续发月数",
    "one_off": "一次性补助（元）", "eligible": "学历、年限条件是否满足",
}


class CalculationError(ValueError):
    """Input the rule cannot compute with; the message names the input and the allowed values."""


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
    """What the user gives: a choice, a number within bounds, or a month (YYYY-MM)."""

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

    def parse(self, raw: str | None) -> Any:
        if raw is None or raw == "":
            if self.optional:
                return None
            if self.default is None:
                raise CalculationError(f"缺少输入“{self.name}”（{self.label}）：{self.allowed()}")
            raw = self.default
        if self.kind == "choice":
            if raw not in self.choices:
                raise CalculationError(f"“{self.name}”只能是 {'、'.join(self.choices)}，而不是“{raw}”。")
            return raw
        if self.kind == "month":
            try:
                year, month = (int(part) for part in str(raw).split("-"))
                return date(year, month, 1)
            except ValueError as error:
                raise CalculationError(f"“{self.name}”须写作 YYYY-MM（例如 2020-05），而不是“{raw}”。") from error
        if self.kind == "date":
            try:
                return date.fromisoformat(str(raw))
            except ValueError as error:
                raise CalculationError(f"“{self.name}”须写作 YYYY-MM-DD（例如 2020-05-09），而不是“{raw}”。") from error
        try:
            value = float(raw)
            if not math.isfinite(value):  # float() reads "nan" and "inf" too
                raise ValueError(raw)
        except ValueError as error:
            raise CalculationError(f"“{self.name}”须为数字（{self.allowed()}），而不是“{raw}”。") from error
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise CalculationError(f"“{self.name}”={raw} 超出范围：{self.allowed()}")
        return value

    def allowed(self) -> str:
        if self.kind == "choice":
            return f"可选 {'、'.join(self.choices)}"
        if self.kind == "month":
            return "月份，格式 YYYY-MM"
        if self.kind == "date":
            return "日期，格式 YYYY-MM-DD"
        return f"{self.minimum:g}–{self.maximum:g} {self.unit}".strip()

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v not in (None, "", (), False)}


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

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "value": self.value, "citation": self.citation.as_dict()}


@dataclass
class Step:
    text: str
    value: float | str
    citation: Citation | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "citation": self.citation.as_dict() if self.citation else None}


@dataclass
class Result:
    rule: str
    result: dict[str, Any]
    steps: list[Step]
    parameters: dict[str, Any]
    valid_from: str
    valid_to: str

    def as_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "result": self.result, "steps": [s.as_dict() for s in self.steps],
                "parameters": self.parameters, "valid_from": self.valid_from, "valid_to": self.valid_to}


@dataclass(frozen=True)
class Rule:
    """One calculator: who it is for, when it applies, what it needs and how it computes."""

    name: str
    title: str
    regions: tuple[str, ...]
    valid_from: date
    valid_to: date
    inputs: tuple[Input, ...]
    compute: Callable[[dict[str, Any]], tuple[dict[str, Any], list[Step], dict[str, Any]]]
    citations: tuple[Citation, ...] = field(default_factory=tuple)
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)

    def run(self, raw: dict[str, str]) -> Result:
        unknown = set(raw) - {i.name for i in self.inputs}
        if unknown:
            names = "、".join(i.name for i in self.inputs)
            raise CalculationError(f"没有输入“{'、'.join(sorted(unknown))}”；本计算器的输入是：{names}。")
        values = {i.name: i.parse(raw.get(i.name)) for i in self.inputs}
        for name, value in values.items():
            if isinstance(value, date) and not self.valid_from <= value <= self.valid_to:
                raise CalculationError(f"“{name}”={value.isoformat()} 不在本政策的适用期间 "
                                       f"{self.valid_from.isoformat()}至{self.valid_to.isoformat()} 内。")
        result, steps, parameters = self.compute(values)
        return Result(self.name, result, steps, parameters, self.valid_from.isoformat(), self.valid_to.isoformat())

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "region": "、".join(self.regions),
                "valid_from": self.valid_from.isoformat(), "valid_to": self.valid_to.isoformat(),
                "inputs": [i.as_dict() for i in self.inputs], "parameters": [p.as_dict() for p in self.parameters],
                "citations": [c.as_dict() for c in self.citations]}


def in_force(values: list[Value], on: date) -> Value | None:
    """The value in force on ``on``, if any."""
    return next((v for v in values if v.start <= on <= v.end), None)
