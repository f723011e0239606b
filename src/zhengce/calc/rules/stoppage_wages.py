"""Wages during COVID-19 isolation or a stoppage (人社厅明电〔2020〕5号 一, 二) and the living allowance.

Workers unable to work while isolated, treated or under medical observation, or
because of government isolation measures, are owed their pay for the period (一).

In a stoppage, within one pay cycle the contract wage is due; after it, a worker who works is
owed at least the local minimum wage, one who does not gets a living allowance
set by the province: Chongqing 70% of the minimum monthly wage (渝人社〔2020〕47号),
Beijing 70% of the city's minimum wage for 待岗 (京人社劳字〔2020〕11号). The corpus
gives no level for other provinces, so none is computed there. The minimum wage
is not in the corpus: the user gives it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from zhengce.calc.engine import CalculationError, Citation, Input, Parameter, Rule, Step

FIRST_CYCLE = Citation("人社厅明电〔2020〕5号", "二", (
    "企业停工停产在一个工资支付周期内的，"
    "企业应按劳动合同规定的标准支付职工工资"))
WORKED = Citation("人社厅明电〔2020〕5号", "二", (
    "超过一个工资支付周期的，若职工提供了正常劳动"
    "，企业支付给职工的工资不得低于当地最低工资标准"))
ALLOWANCE = Citation("人社厅明电〔2020〕5号", "二", (
    "职工没有提供正常劳动的，企业应当发放生活费，"
    "生活费标准按各省、自治区、直辖市规定的办法执行"))
CHONGQING = Citation("渝人社〔2020〕47号", "段2", "生活费标准按不低于劳动合同履行地职工最低月工资标准的70%执行")
BEIJING = Citation("京人社劳字〔2020〕11号", "二", "待岗期间，企业应当按照不低于本市最低工资标准的70%支付基本生活费")
ISOLATION = Citation("人社厅明电〔2020〕5号", "一", "企业应当支付职工在此期间的工作报酬")
KEPT_ON = Citation("人社厅明电〔2020〕5号", "一", (
    "劳动合同到期的，分别顺延至职工医疗期期满、医学观察期期满、"
    "隔离期期满或者政府采取的紧急措施结束"))
LOCAL_RATE = {"重庆": (0.7, CHONGQING), "北京": (0.7, BEIJING)}
YES, NO = "是", "否"
STOPPAGE, ISOLATED = "企业停工停产", "隔离治疗、医学观察或因政府隔离措施不能提供正常劳动"


def compute(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    region, worked, wage, minimum = values["region"], values["worked"], values["contract_wage"], values["minimum_wage"]
    if values["situation"] == ISOLATED:
        steps = [Step("隔离治疗、医学观察或政府隔离措施期间：企业应当支付此期间的工作报酬", wage, ISOLATION),
                 Step("此期间劳动合同到期的，顺延至相应期满", "顺延", KEPT_ON)]
        return {"wage_at_least": wage, "kind": "工作报酬"}, steps, {}
    if values["pay_cycle"] is None:
        raise CalculationError("企业停工停产须填写“停工停产进入第几个工资支付周期”（pay_cycle，1 至 24 的整数）。")
    cycle = int(values["pay_cycle"])
    if cycle == 1:
        steps = [Step("停工停产在第一个工资支付周期内：按劳动合同规定的标准支付工资", wage, FIRST_CYCLE)]
        return {"wage_at_least": wage, "kind": "工资"}, steps, {}
    if minimum is None:
        raise CalculationError(
            "缺少输入“minimum_wage”：超过一个工资支付周期后，工资或生活费以当地最低工资标准为准，"
            "本库资料未载明各地标准，请按当地政府公布的标准填写。")
    if worked == YES:
        steps = [Step("超过一个工资支付周期且提供了正常劳动：工资不得低于当地最低工资标准", minimum, WORKED)]
        return {"wage_at_least": minimum, "kind": "工资"}, steps, {"当地最低工资标准": minimum}
    if region not in LOCAL_RATE:
        steps = [Step(f"超过一个工资支付周期且未提供正常劳动：企业应当发放生活费，标准按{region}省级规定的办法执行"
                      "（本库资料未载，未计算金额）", "按省级规定", ALLOWANCE)]
        return {"kind": "生活费（标准按省级规定，本库资料未载）"}, steps, {}
    rate, citation = LOCAL_RATE[region]
    allowance = round(minimum * rate, 2)
    steps = [
        Step("超过一个工资支付周期且未提供正常劳动：企业应当发放生活费", "生活费", ALLOWANCE),
        Step(f"{region}：生活费不低于最低工资标准 {minimum:,.2f} 元 × {rate:.0%}", allowance, citation),
    ]
    result = {"living_allowance_at_least": allowance, "kind": "生活费"}
    return result, steps, {"当地最低工资标准": minimum, "比例": rate}


RULE = Rule(
    name="stoppage-wages",
    title="疫情期间隔离、停工停产的工资和生活费",
    regions=("全国", "重庆", "北京"),
    valid_from=date(2020, 1, 24),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("situation", "情形", "choice", choices=(STOPPAGE, ISOLATED), default=STOPPAGE),
        Input("region", "劳动合同履行地", "choice", choices=("重庆", "北京", "湖南", "其他省份"),
              aliases={"全国": "其他省份", "全国（其他省份）": "其他省份"}),
        Input("pay_cycle", "停工停产进入第几个工资支付周期", "number", minimum=1, maximum=24, unit="个周期",
              optional=True, integer=True),
        Input("worked", "超过一个周期后职工是否提供了正常劳动", "choice", choices=(YES, NO), default=NO),
        Input("contract_wage", "劳动合同规定的月工资", "number", minimum=0, maximum=1e7, unit="元/月"),
        Input("minimum_wage", "当地最低月工资标准（资料未载明，按当地政府公布的标准填写）", "number",
              minimum=0, maximum=1e5, unit="元/月", source="当地政府公布的最低工资标准，本库资料未收录", optional=True),
    ),
    compute=compute,
    outcome="wage_at_least",
    parameters=tuple(Parameter(f"{region}生活费占最低工资标准的比例", rate, citation)
                     for region, (rate, citation) in LOCAL_RATE.items()),
    citations=(ISOLATION, KEPT_ON, FIRST_CYCLE, WORKED, ALLOWANCE, CHONGQING, BEIJING),
)
