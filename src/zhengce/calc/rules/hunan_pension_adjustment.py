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

from zhengce.calc.engine import CalculationError, Citation, Input, Parameter, Rule, Step

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
AREA = Citation(NUMBER, "二/（四）", "的退休人员，每人每月再增加基本养老金8元")
YES, NO = "是", "否"


def compute(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    if values["retired_by_2019"] != YES:
        raise CalculationError(
            "“retired_by_2019”为“否”：本次调整只适用于"
            f"2019年12月31日前已退休并按月领取基本养老金的人员（{NUMBER} 一）。")
    years, base, age = values["years"], values["base_pension"], values["age"]
    counted_years = max(1, math.ceil(years))
    steps = [
        Step("定额调整：每人每月增加50元", 50.0, FLAT),
        Step((
            f"挂钩调整（缴费年限）：{counted_years}"
            f"年 × 1.4元（不满1年记为1年）"), round(counted_years * 1.4, 2), YEARS),
        Step(f"挂钩调整（养老金水平）：{base:,.2f}元 × 1.5%", round(base * 0.015, 2), SHARE),
    ]
    if 70 <= age < 80:
        steps.append(Step("倾斜调整：70至79周岁每人每月再增加23元", 23.0, AGE_70))
    elif age >= 80:
        steps.append(Step("倾斜调整：80周岁以上每人每月再增加34元", 34.0, AGE_80))
    if values["hardship_area"] == YES:
        steps.append(Step("艰苦边远地区每人每月再增加8元", 8.0, AREA))
    increase = round(sum(float(step.value) for step in steps), 2)
    steps.append(Step("月增加额合计（自2020年1月1日起）", increase))
    result = {"monthly_increase": increase, "new_pension": round(base + increase, 2)}
    parameters = {"定额": 50, "每满1年": 1.4, "挂钩比例": 0.015, "70-79周岁": 23, "80周岁以上": 34, "艰苦边远地区": 8}
    return result, steps, parameters


RULE = Rule(
    name="hunan-pension-adjustment-2020",
    title="湖南省2020年调整退休人员基本养老金",
    regions=("湖南",),
    valid_from=date(2020, 1, 1),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("retired_by_2019", "2019年12月31日前已退休并按月领取基本养老金", "choice", choices=(YES, NO)),
        Input("years", (
            "缴费年限（含视同缴费年限，"
            "不含折算工龄），年，可带小数"), "number", minimum=0, maximum=70, unit="年"),
        Input("base_pension", "本人2019年12月的基本养老金", "number", minimum=0, maximum=100000, unit="元/月"),
        Input("age", "2019年12月31日时的年龄", "number", minimum=30, maximum=120, unit="周岁"),
        Input("hardship_area", "是否在艰苦边远地区（桑植县、江华瑶族自治县等14县市，见二（四））", "choice",
              choices=(YES, NO), default=NO),
    ),
    compute=compute,
    parameters=(Parameter("定额（元/月）", 50, FLAT), Parameter("每满1年（元/月）", 1.4, YEARS),
                Parameter("挂钩比例", 0.015, SHARE), Parameter("70-79周岁（元/月）", 23, AGE_70),
                Parameter("80周岁以上（元/月）", 34, AGE_80), Parameter("艰苦边远地区（元/月）", 8, AREA)),
    citations=(SCOPE, FLAT, YEARS, SHARE, AGE_70, AGE_80, AREA),
)
