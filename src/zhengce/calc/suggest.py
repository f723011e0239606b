"""From a question to the calculator that computes what it asks, with the inputs it already gives.

"湖南大型企业5月社保费减免多少" asks an amount the social-insurance relief computes:
the answer offers that calculator with 参保地=湖南, 单位类型=大型企业, 月份=2020-05
filled in. Only questions that ask for an amount (多少, 怎么算…) get one; an input is
prefilled only when the calculator accepts the word as it is written.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from zhengce.calc.engine import CalculationError, Input
from zhengce.calc.rules import RULES

# Calculator -> words that name what it computes (any one is enough), in order of preference.
CUES: dict[str, tuple[str, ...]] = {
    "stabilisation-refund": ("稳岗返还",),
    "social-insurance-relief": ("社保费", "社会保险费", "三项社会保险", "单位缴费"),
    "hunan-pension-adjustment-2020": ("养老金调整", "调整基本养老金", "增加基本养老金", "养老金涨", "养老金增加"),
    "hunan-work-injury-adjustment-2020": ("伤残津贴", "供养亲属抚恤金", "伤残抚恤金"),
    "hunan-old-injury-health-fund-2020": ("伤残保健金",),
    "stoppage-wages": ("停工停产", "隔离期间工资", "隔离治疗期间"),
    "epidemic-work-allowance": ("临时性工作补助",),
    "training-subsidy": ("以工代训",),
    "hiring-subsidy": ("一次性吸纳就业补贴",),
    "unemployment-subsidy": ("失业补助金",),
    "living-allowance": ("临时生活补助", "一次性生活补助"),
    "unemployment-benefit": ("失业保险金",),
}
ASKS_AMOUNT = re.compile(r"多少|几成|几个月|金额|数额|怎么算|怎样算|如何计算|计算|能[减返补领拿增涨]")
PLACES = ("湖南", "湖北", "重庆", "北京", "全国")
UNIT_WORDS = ("中小微企业", "小微企业", "中小企业", "大型企业", "个体工商户", "机关事业单位", "事业单位",
              "其他参保单位", "兼并重组")
# The inputs a place, a unit type or a month may fill, whichever the calculator has.
PLACE_INPUTS, UNIT_INPUTS, MONTH_INPUTS = ("region",), ("size", "firm_type", "employer_size"), ("month",
                                                                                             "application_month")
MONTH = re.compile(r"(?:(20\d{2})年)?(1[0-2]|[1-9])月")


def suggest(question: str) -> tuple[str, dict[str, str]] | None:
    """The calculator a question asks of, and the inputs its words fill; None when it asks no amount."""
    if not ASKS_AMOUNT.search(question):
        return None
    name = next((rule for rule, cues in CUES.items() if any(cue in question for cue in cues)), None)
    if name is None:
        return None
    rule = RULES[name]
    words = {PLACE_INPUTS: [p for p in PLACES if p in question], UNIT_INPUTS: [u for u in UNIT_WORDS if u in question],
             MONTH_INPUTS: [f"{year or 2020}-{int(month):02d}" for year, month in MONTH.findall(question)]}
    prefilled = {}
    for names, found in words.items():
        for item in (i for i in rule.inputs if i.name in names):
            value = next((v for v in map(lambda word: _read(item, word), found) if v is not None), None)
            if value is not None:
                prefilled[item.name] = value
    return name, prefilled


def offer(question: str) -> dict[str, Any] | None:
    """What an answer shows: the calculator's name and title, the prefilled inputs and the page's link."""
    found = suggest(question)
    if found is None:
        return None
    name, inputs = found
    link = f"/calc/{name}?{urlencode({**inputs, 'prefill': '1'})}"
    return {"name": name, "title": RULES[name].title, "inputs": inputs, "url": link}


def with_calculator(answer: Any) -> Any:
    """The hook of answer.ask: an answer (quoted or not) offers the calculator its question asks of."""
    answer.calculator = offer(answer.question)
    return answer


def _read(item: Input, word: str) -> str | None:
    """The word as the input takes it (a choice under its own name), or None when it does not fit."""
    try:
        value = item.parse(word)
    except CalculationError:
        return None
    return value if isinstance(value, str) else word
