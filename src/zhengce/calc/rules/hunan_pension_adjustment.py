"""Hunan's 2020 adjustment of retirees' basic pensions (湘人社规〔2020〕11号 二).

Four parts added together: a flat 50 元; 1.4 元 per full year of contributions
(a part year counts as one) plus 1.5% of the December 2019 pension; 23 元 at
70-79 and 34 元 from 80 (ages on 31 December 2019); 8 元 in the listed hardship
areas. Only those retired by 31 December 2019 are adjusted (一).
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from zhengce.calc.display import amount, percent
from zhengce.calc.engine import Citation, Input, NotCovered, Parameter, Rule, Step

NUMBER = "湘人社规〔2020〕11号"
SCOPE = Citation(NUMBER, "一", "2019年12月31日前已按规定办理退休手续并按月领取基本养老金的退休人员")
FLAT = Citation(NUMBER, "二/（一）", "退休人员每人每月增加基本养老金50元")
YEARS = Citation(NUMBER, "二/（二）", "每满1年月基本养老金增加1.4元，缴费年限不满1年的记为1年")
SHARE = Citation(NUMBER, "二/（二）", "按本人2019年12月的基本养老金为基数，每月再增加1.5%")
AGE_70 = Citation(NUMBER, "二/（三）", (
    "对2019年12月31日前年满70周岁以上（含70周岁）至80周岁以下的退休人员"
    "每人每月再增加基本养老金23元"))
AGE_80 = Citation(NUMBER, "二/（三）", (
    "对2019年12月31日前年满80周岁以上（含80周岁）的退休人员"
    "每人每月再增加基本养老金34元"))
AREA = Citation(NUMBER, "二/（四）", (
    "对艰苦边远地区（桑植县、江华瑶族自治县、城步苗族自治县、麻阳苗族自治县、新晃侗族自治县、通道侗族自治县、吉首市、"
    "泸溪县、凤凰县、花垣县、保靖县、古丈县、永顺县、龙山县）的退休人员，每人每月再增加基本养老金8元"))
YES, NO = "是", "否"
# 二（四）: the hardship areas, as the article lists them.
COUNTIES = ("桑植县", "江华瑶族自治县", "城步苗族自治县", "麻阳苗族自治县", "新晃侗族自治县", "通道侗族自治县",
            "吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "古丈县", "永顺县", "龙山县")
NOT_LISTED = "否（不在上列14县市）"
COUNTY_NAMES = {**{c[:2]: c for c in COUNTIES}, **{c[:2] + "县": c for c in COUNTIES}, NO: NOT_LISTED}


# The figures of 二, each once, with the clause that sets it.
FLAT_AMOUNT = Parameter("定额（元/月）", 50, FLAT)
PER_YEAR = Parameter("每满1年（元/月）", 1.4, YEARS)
SHARE_RATE = Parameter("挂钩比例", 0.015, SHARE, "%")
AGED_70 = Parameter("70-79周岁（元/月）", 23, AGE_70)
AGED_80 = Parameter("80周岁以上（元/月）", 34, AGE_80)
AREA_AMOUNT = Parameter("艰苦边远地区（元/月）", 8, AREA)
PARAMETERS = (FLAT_AMOUNT, PER_YEAR, SHARE_RATE, AGED_70, AGED_80, AREA_AMOUNT)


def _step(text: str, parameter: Parameter, times: float = 1) -> Step:
    return Step(text, round(float(parameter.value) * times, 2), parameter.citation)


def compute(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    if values["retired_by_2019"] != YES:
        raise NotCovered("2020年起退休的人员不在本次调整范围内：只调整2019年12月31日前已退休并按月领取基本养老金的人员",
                         SCOPE)
    years, base, age, area = values["years"], values["base_pension"], values["age"], values["hardship_area"]
    counted_years = max(1, math.ceil(years))
    steps = [_step(f"定额调整：每人每月增加 {FLAT_AMOUNT.value} 元", FLAT_AMOUNT),
             _step(f"挂钩调整（缴费年限）：{counted_years} 年 × {PER_YEAR.value} 元"
                   f"（缴费年限 {years:g} 年，不满1年的部分记为1年）", PER_YEAR, counted_years),
             _step(f"挂钩调整（养老金水平）：{amount(base)} × {percent(float(SHARE_RATE.value))}", SHARE_RATE, base)]
    if 70 <= age < 80:
        steps.append(_step(f"倾斜调整：70至79周岁每人每月再增加 {AGED_70.value} 元", AGED_70))
    elif age >= 80:
        steps.append(_step(f"倾斜调整：80周岁以上每人每月再增加 {AGED_80.value} 元", AGED_80))
    if area in COUNTIES:
        steps.append(_step(f"艰苦边远地区（{area}）每人每月再增加 {AREA_AMOUNT.value} 元", AREA_AMOUNT))
    increase = round(sum(float(step.value) for step in steps), 2)
    steps.append(Step("月增加额合计（自2020年1月1日起）", increase))
    result = {"monthly_increase": increase, "new_pension": round(base + increase, 2)}
    return result, steps, {p.name: p.value for p in PARAMETERS}


RULE = Rule(
    name="hunan-pension-adjustment-2020",
    title="湖南省2020年调整退休人员基本养老金",
    regions=("湖南",),
    valid_from=date(2020, 1, 1),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("retired_by_2019", "2019年12月31日前已退休并按月领取基本养老金", "choice", choices=(YES, NO),
              condition=True, default=YES),
        Input("years", (
            "缴费年限（含视同缴费年限，"
            "不含折算工龄），年，可带小数"), "number", minimum=0, maximum=70, unit="年"),
        Input("base_pension", "本人2019年12月的基本养老金", "number", minimum=0, maximum=100000, unit="元/月"),
        Input("age", "2019年12月31日时的年龄", "number", minimum=30, maximum=120, unit="周岁", integer=True),
        Input("hardship_area", "艰苦边远地区（二（四）所列14县市）", "choice", choices=(NOT_LISTED, *COUNTIES),
              default=NOT_LISTED, condition=True, aliases=COUNTY_NAMES),
    ),
    compute=compute,
    outcome="monthly_increase",
    period=(FLAT, None),
    assumptions=("缴费年限不满整年的部分记为1年，即按年向上取整（二（二）“不满1年的记为1年”的读法：30.2 年计 31 年）",),
    parameters=PARAMETERS,
    citations=(SCOPE, FLAT, YEARS, SHARE, AGE_70, AGE_80, AREA),
)
