"""Hunan's 2020 increases of work-injury benefits (湘人社规〔2020〕15号, 23号).

15号 adds a flat amount from 1 January 2020: 140 元 a month to the 伤残津贴 (and to
the 伤残抚恤金 of injuries before 2004), topped up to the local 2020 minimum
wage, and 56 元 a month to each dependant's 供养亲属抚恤金; people whose basic
pension was raised under the 2020 rules are left out. 23号 sets yearly
伤残保健金 amounts for old-style grades from 1 August 2020. The corpus gives no
current benefit amounts and no minimum wage, so the user supplies them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from zhengce.calc.engine import CalculationError, Citation, Input, NotCovered, Parameter, Rule, Step

ADJUST = "湘人社规〔2020〕15号"
HEALTH = "湘人社规〔2020〕23号"
START = Citation(ADJUST, "段2", "决定从2020年1月1日起调整企业工伤人员伤残津贴和因工死亡职工供养亲属抚恤金")
ALLOWANCE_SCOPE = Citation(ADJUST, "一/（一）", (
    "2019年12月31日前，按照《工伤保险条例》的规定，"
    "已享受伤残津贴的在职工伤人员调整增加伤残津贴"))
ALLOWANCE_PLUS = Citation(ADJUST, "一/（二）", "其伤残津贴每人每月增加140元")
FLOOR = Citation(ADJUST, "一/（二）", (
    "本次调整后，伤残津贴低于2020年统筹地区最低工资标准的，"
    "补足到统筹地区最低工资标准"))
PRE_2004 = Citation(ADJUST, "三/（三）", (
    "其伤残抚恤金的调整标准和资金来源按照本通知第一部分"
    "第（二）、（三）项的规定进行"))
DEPENDANT_SCOPE = Citation(ADJUST, "二/（一）", (
    "对2019年12月31日前已认定为因工死亡职工的供养亲属"
    "仍符合领取供养亲属抚恤金条件并按月领取供养亲属抚恤金的人员"))
DEPENDANT_PLUS = Citation(ADJUST, "二/（二）", "其供养亲属抚恤金每人每月增加56元")
EXCLUDED = Citation(ADJUST, "三/（五）", "不再按照本通知的规定调整伤残津贴和供养亲属抚恤金")
HEALTH_SCOPE = Citation(HEALTH, "段2", "即2005年12月29日前由原人事部门认定的工伤人员")
HEALTH_START = Citation(HEALTH, "段3", "本通知自2020年8月1日起执行")
HEALTH_PAYER = Citation(HEALTH, "段2", "相关费用由用人单位支付")
GRADES = {grade: (amount, Citation(HEALTH, "段2", f"{grade}每年{amount}元")) for grade, amount in (
    ("特等", 21600), ("一等", 16900), ("二等甲级", 8450), ("二等乙级", 6570), ("三等甲级", 5630), ("三等乙级", 4700))}

# The two increases, each written once, with the clause that sets it.
ALLOWANCE_RISE = Parameter("伤残津贴、伤残抚恤金每人每月增加（元）", 140, ALLOWANCE_PLUS)
DEPENDANT_RISE = Parameter("供养亲属抚恤金每人每月增加（元）", 56, DEPENDANT_PLUS)
DISABILITY, PRE_2004_PENSION, DEPENDANT = "伤残津贴", "伤残抚恤金（2003年12月31日前的工伤）", "供养亲属抚恤金"
YES, NO = "是", "否"


def compute_adjustment(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    kind, current = values["benefit_type"], values["current_amount"]
    if values["pension_adjusted_2020"] == YES:
        raise NotCovered("已按2020年办法调整基本养老金的人员，不再调整伤残津贴和供养亲属抚恤金", EXCLUDED)
    if values["received_by_2019"] == NO:
        scope = DEPENDANT_SCOPE if kind == DEPENDANT else ALLOWANCE_SCOPE
        raise NotCovered(f"2020年起才开始领取{kind}的，不在本次调整范围内", scope)
    steps = [Step("调整自2020年1月1日起执行", "2020-01-01", START)]
    parameters: dict[str, Any] = {}
    rise = float((DEPENDANT_RISE if kind == DEPENDANT else ALLOWANCE_RISE).value)
    if kind == DEPENDANT:
        count = int(values["dependants"])
        steps += [Step("2019年底前已认定因工死亡、仍按月领取的供养亲属在调整范围内", "适用", DEPENDANT_SCOPE),
                  Step(f"每人每月增加{rise:g}元：{current:,.2f} + {rise:g}", current + rise, DEPENDANT_PLUS)]
        increase, new_amount = rise * count, current + rise
        steps.append(Step(f"全户 {count} 人每月共增加 {rise:g} × {count}", increase))
        parameters["每人每月增加"] = rise
    else:
        minimum = values["min_wage_2020"]
        if minimum is None:
            raise CalculationError(
                "缺少输入“min_wage_2020”（2020年统筹地区月最低工资标准）：调整后低于该标准的要补足"
                f"（{ADJUST} 一（二）），本库资料未载明各地标准，请按当地公布的标准填写。")
        scope = PRE_2004 if kind == PRE_2004_PENSION else ALLOWANCE_SCOPE
        raised = current + rise
        steps += [Step(f"{kind}在调整范围内", "适用", scope),
                  Step(f"每人每月增加{rise:g}元：{current:,.2f} + {rise:g}", raised, ALLOWANCE_PLUS)]
        new_amount = max(raised, minimum)
        if raised < minimum:
            steps.append(Step(f"{raised:,.2f} 低于最低工资标准 {minimum:,.2f}，补足到最低工资标准", minimum, FLOOR))
        increase = new_amount - current
        parameters.update({"每人每月增加": rise, "2020年最低工资标准": minimum})
    result = {"new_amount": round(new_amount, 2), "monthly_increase": round(increase, 2)}
    if values["arrears_to"] is not None:
        months = values["arrears_to"].month
        result["arrears"] = round(increase * months, 2)
        steps.append(Step(f"补发2020年1月至{months}月共 {months} 个月：{increase:,.2f} × {months}", result["arrears"]))
    return result, steps, parameters


def compute_health_fund(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    if values["recognised_before_2005"] == NO:
        raise NotCovered("只适用于2005年12月29日前由原人事部门认定的事业单位老工伤人员", HEALTH_SCOPE)
    amount, citation = GRADES[values["grade"]]
    steps = [Step("2005年12月29日前由原人事部门认定的工伤人员", "适用", HEALTH_SCOPE),
             Step("新标准自2020年8月1日起执行", "2020-08-01", HEALTH_START),
             Step(f"{values['grade']}伤残保健金", float(amount), citation),
             Step("由用人单位支付", "用人单位", HEALTH_PAYER)]
    return {"annual_amount": float(amount)}, steps, {grade: value for grade, (value, _) in GRADES.items()}


ADJUSTMENT = Rule(
    name="hunan-work-injury-adjustment-2020",
    title="湖南省2020年调整企业工伤人员伤残津贴和供养亲属抚恤金",
    regions=("湖南",),
    valid_from=date(2020, 1, 1),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("benefit_type", "待遇类型", "choice", choices=(DISABILITY, PRE_2004_PENSION, DEPENDANT)),
        Input("received_by_2019", (
            "2019年12月31日前已按月领取该待遇"
            "（供养亲属：职工已认定为因工死亡）"), "choice", choices=(YES, NO)),
        Input("pension_adjusted_2020", "本人已享受基本养老金并已按2020年办法调整", "choice",
              choices=(YES, NO), default=NO),
        Input("current_amount", "调整前本人月待遇（供养亲属为每人）", "number", minimum=0, maximum=100000,
              unit="元/月"),
        Input("min_wage_2020", "2020年统筹地区月最低工资标准（资料未载明，伤残津贴、伤残抚恤金必填）", "number",
              minimum=1, maximum=10000, unit="元/月", optional=True),
        Input("dependants", "领取供养亲属抚恤金的人数", "number", minimum=1, maximum=10, unit="人", default="1",
              integer=True),
        Input("arrears_to", "补发计算到2020年哪个月（含）", "month", optional=True),
    ),
    compute=compute_adjustment,
    outcome="monthly_increase",
    period=(START, None),
    parameters=(ALLOWANCE_RISE, DEPENDANT_RISE),
    citations=(START, ALLOWANCE_SCOPE, ALLOWANCE_PLUS, FLOOR, PRE_2004, DEPENDANT_SCOPE, DEPENDANT_PLUS, EXCLUDED),
)

HEALTH_FUND = Rule(
    name="hunan-old-injury-health-fund-2020",
    title="湖南省事业单位老工伤人员伤残保健金（2020年8月起）",
    regions=("湖南",),
    valid_from=date(2020, 8, 1),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("recognised_before_2005", "2005年12月29日前由原人事部门认定的工伤", "choice", choices=(YES, NO)),
        Input("grade", "伤残保健金等级（旧等级，资料未给出与1-10级的对应）", "choice", choices=tuple(GRADES)),
        Input("month", "计算年月", "month"),
    ),
    compute=compute_health_fund,
    outcome="annual_amount",
    period=(HEALTH_START, None),
    parameters=tuple(Parameter(f"{grade}（元/年）", amount, citation) for grade, (amount, citation) in GRADES.items()),
    citations=(HEALTH_SCOPE, HEALTH_START, HEALTH_PAYER, *(citation for _, citation in GRADES.values())),
)
