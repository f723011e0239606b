"""The temporary work allowance of COVID-19 medical and prevention staff.

Chongqing (渝财综〔2020〕3号) and Beijing (京政办发〔2020〕5号) pay 300 元 a day to
those in direct contact with suspected or confirmed cases and 200 元 a day to
other staff taking part; Hubei's front line, 援鄂医疗队 included, gets the
standard doubled (国发明电〔2020〕5号). Chongqing adds 70 元 a duty shift for
机关事业单位 staff. The national base amounts (人社部规〔2016〕4号) are not in the
corpus, so elsewhere the user gives the daily standard and the result says so.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from zhengce.calc.engine import CalculationError, Citation, Input, Parameter, Rule, Step

CQ = "渝财综〔2020〕3号"
CQ_CONTACT = Citation(CQ, "一/（一）", "病理标本采集和病原检测等工作相关人员，按照每人每天300元补助")
CQ_OTHER = Citation(CQ, "一/（一）", "对于直接参与疫情防控的其他医务人员和防疫工作者，按照每人每天200元补助")
CQ_PERIOD = Citation(CQ, "二/（一）", "传染病疫情防治人员临时性补助发放时限界定为响应期内")
CQ_MEALS = Citation(CQ, "一/（二）", "均按每人每班（每班7-8小时）70元执行")
BJ = "京政办发〔2020〕5号"
BJ_CONTACT = Citation(BJ, "二/7", "病例标本采集和病源检测等工作相关人员给予每人每天300元补助")
BJ_OTHER = Citation(BJ, "二/7", "对参与疫情防控的其他医务人员和防疫工作者给予每人每天200元补助")
HUBEI = Citation("国发明电〔2020〕5号", "一", (
    "将湖北省（含援鄂医疗队，下同）一线医务人员"
    "临时性工作补助相应标准提高1倍"))
NATIONAL = Citation("国办发〔2020〕4号", "附件/三/（一）", (
    "由同级财政部门在次月垫付临时性工作补助经费，"
    "中央财政据实结算"))
STANDARDS = {"重庆": ((300.0, CQ_CONTACT), (200.0, CQ_OTHER)), "北京": ((300.0, BJ_CONTACT), (200.0, BJ_OTHER))}
MEALS = Parameter("重庆值班伙食补助（元/班）", 70, CQ_MEALS)
HUBEI_FACTOR = Parameter("湖北一线（含援鄂医疗队）倍数", 2, HUBEI)
OTHER = "其他地区（资料未载明标准）"
YES, NO = "是", "否"


def _standards(values: dict[str, Any]) -> tuple[tuple[float, Citation | None], tuple[float, Citation | None]]:
    if values["region"] in STANDARDS:
        return STANDARDS[values["region"]]
    contact, other = values["contact_daily"], values["other_daily"]
    if contact is None or other is None:
        raise CalculationError(
            "本库资料只载有重庆、北京的补助标准（每人每天300元、200元）；国家标准所在的人社部规〔2016〕4号未收录。"
            "湖北和其他地区请按当地标准填写“直接接触病例每人每天标准”（contact_daily）"
            "和“其他人员每人每天标准”（other_daily）。")
    return (contact, None), (other, None)


def compute(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    region = values["region"]
    counts = ("contact_days", "other_days", "duty_shifts")
    contact_days, other_days, shifts = (int(values[k]) for k in counts)
    (contact_rate, contact_cite), (other_rate, other_cite) = _standards(values)
    factor = int(HUBEI_FACTOR.value) if values["hubei_frontline"] == YES else 1
    note = "" if region in STANDARDS else "（用户输入的当地标准，本库资料未载）"
    steps = [Step(f"直接接触病例的工作 {contact_days} 天 × {contact_rate:,.0f} 元{note}",
                  contact_days * contact_rate, contact_cite),
             Step(f"参与疫情防控的其他工作 {other_days} 天 × {other_rate:,.0f} 元{note}",
                  other_days * other_rate, other_cite)]
    if factor > 1:
        steps.append(Step(f"湖北省一线医务人员（含援鄂医疗队）标准提高1倍：× {factor}", float(factor), HUBEI, "倍"))
    allowance = (contact_days * contact_rate + other_days * other_rate) * factor
    steps.append(Step("临时性工作补助合计", allowance, CQ_PERIOD if region == "重庆" else NATIONAL))
    result = {"allowance": allowance}
    if shifts:
        if region != "重庆" or values["duty_staff"] != YES:
            raise CalculationError(
                f"每班{MEALS.value}元的值班伙食补助是重庆对机关事业单位加班值守人员的规定（{CQ} 一（二））；"
                "其他地区和人员资料中没有对应标准。")
        result["duty_meals"] = float(MEALS.value) * shifts
        steps.append(Step(f"值班伙食补助 {shifts} 班 × {MEALS.value} 元", result["duty_meals"], CQ_MEALS))
    parameters = {"直接接触每天": contact_rate, "其他人员每天": other_rate, "湖北倍数": factor}
    return result, steps, parameters


RULE = Rule(
    name="epidemic-work-allowance",
    title="疫情防治人员临时性工作补助",
    regions=("重庆", "北京", "湖北（援鄂）", "其他地区"),
    valid_from=date(2020, 1, 1),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("region", "补助标准适用地区", "choice", choices=("重庆", "北京", "湖北", OTHER),
              aliases={"其他地区": OTHER, "援鄂": "湖北"}),
        Input("hubei_frontline", "湖北省一线医务人员或援鄂医疗队员", "choice", choices=(YES, NO), default=NO),
        Input("contact_days", (
            "直接接触待排查或确诊病例（诊断、治疗、护理、"
            "院感控制、标本采集、病原检测）的天数"), "number", minimum=0, maximum=366, unit="天", default="0",
              integer=True),
        Input("other_days", "参与疫情防控的其他工作天数", "number", minimum=0, maximum=366, unit="天", default="0",
              integer=True),
        Input("contact_daily", "其他地区：直接接触病例每人每天标准（资料未载明）", "number", minimum=0,
              maximum=10000, unit="元/天", optional=True),
        Input("other_daily", "其他地区：其他人员每人每天标准（资料未载明）", "number", minimum=0, maximum=10000,
              unit="元/天", optional=True),
        Input("duty_staff", "重庆机关事业单位加班值守人员", "choice", choices=(YES, NO), default=NO),
        Input("duty_shifts", "值班班次（每班7-8小时，重庆）", "number", minimum=0, maximum=1000, unit="班",
              default="0", integer=True),
    ),
    compute=compute,
    outcome="allowance",
    parameters=(*(Parameter(f"{region}·{kind}（元/人·天）", rate, citation) for region, pair in STANDARDS.items()
                  for kind, (rate, citation) in zip(("直接接触", "其他"), pair, strict=True)),
                HUBEI_FACTOR, MEALS),
    citations=(CQ_CONTACT, CQ_OTHER, CQ_PERIOD, CQ_MEALS, BJ_CONTACT, BJ_OTHER, HUBEI, NATIONAL),
)
