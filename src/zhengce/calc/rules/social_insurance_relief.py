"""Phased reduction and exemption of enterprise social-insurance fees, 2020.

The schedule is data: for each region and enterprise size, the months a rate
(1 = 免征, 0.5 = 减半征收) applies and the article that sets it. The national
notice 人社部发〔2020〕11号 set the first months; 人社部发〔2020〕49号 extended them;
Hunan's 湘人社规〔2020〕3号 and 湘人社规〔2020〕10号 did the same for Hunan. The
month asked picks the version in force.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from zhengce.calc.display import amount, percent
from zhengce.calc.engine import Citation, Input, NotCovered, Parameter, Rule, Step, Value, in_force

N11_ONE_SMALL = Citation(
    "人社部发〔2020〕11号", "一",
    "免征中小微企业三项社会保险单位缴费部分，免征期限不超过5个月")
N11_ONE_LARGE = Citation(
    "人社部发〔2020〕11号", "一",
    "对大型企业等其他参保单位（不含机关事业单位）三项社会保险单位缴费部分可减半征收，减征期限不超过3个月")
N11_TWO_HUBEI = Citation(
    "人社部发〔2020〕11号", "二",
    "湖北省可免征各类参保单位（不含机关事业单位）三项社会保险单位缴费部分，免征期限不超过5个月")
N49_SMALL = Citation(
    "人社部发〔2020〕49号", "一",
    "对中小微企业三项社会保险单位缴费部分免征的政策，延长执行到2020年12月底")
N49_LARGE = Citation(
    "人社部发〔2020〕49号", "一",
    "各省（除湖北省外）对大型企业等其他参保单位（不含机关事业单位，下同）三项社会保险单位缴费部分减半征收的政策，延长执行到2020年6月底")
N49_HUBEI_LARGE = Citation(
    "人社部发〔2020〕49号", "一",
    "湖北省对大型企业等其他参保单位三项社会保险单位缴费部分免征的政策，继续执行到2020年6月底")
N11_START = Citation("人社部发〔2020〕11号", "一", "自2020年2月起")
N49_INDIVIDUAL = Citation(
    "人社部发〔2020〕49号", "四",
    "有雇工的个体工商户以单位方式参加三项社会保险的，继续参照企业办法享受单位缴费减免和缓缴政策")
HN3_PERSONAL = Citation(
    "湘人社规〔2020〕3号", "一/（一）",
    "职工个人缴费部分不予减免")
HN3_INDIVIDUAL = Citation("湘人社规〔2020〕3号", "一/（一）", "以单位身份参保的个体工商户参照执行")
HN3_OTHER_UNITS = Citation("湘人社规〔2020〕3号", "一/（二）", "机关事业单位以外的其他单位参照执行")
HN3_SMALL = Citation(
    "湘人社规〔2020〕3号", "一/（一）",
    "从2020年2月起至6月，免征全省中小微企业三项社会保险单位缴费部分")
HN3_LARGE = Citation(
    "湘人社规〔2020〕3号", "一/（二）",
    "从2020年2月起至4月，减半征收全省大型企业三项社会保险单位缴费部分")
HN10_SMALL = Citation(
    "湘人社规〔2020〕10号", "一",
    "单位缴费部分免征的政策，延长执行到2020年12月底")
HN10_LARGE = Citation(
    "湘人社规〔2020〕10号", "一",
    "对全省大型企业三项社会保险单位缴费部分减半征收的政策，延长执行到2020年6月底")

NATIONAL, HUBEI, HUNAN = "全国（湖北以外）", "湖北", "湖南"
SMALL, LARGE = "中小微企业", "大型企业"
INDIVIDUAL = "以单位方式参保的个体工商户（有雇工）"
OTHER_UNIT = "其他参保单位（社会团体、民办非企业单位等，机关事业单位除外）"
PUBLIC = "机关事业单位"
UNIT_TYPES = (SMALL, INDIVIDUAL, LARGE, OTHER_UNIT, PUBLIC)
# Unit types that follow another's schedule, and the article that says so, by region.
FOLLOWS = {INDIVIDUAL: (SMALL, {HUNAN: HN3_INDIVIDUAL}, N49_INDIVIDUAL),
           OTHER_UNIT: (LARGE, {HUNAN: HN3_OTHER_UNITS, HUBEI: N11_TWO_HUBEI}, N11_ONE_LARGE)}
# What says public bodies are left out, by region.
EXCLUDES_PUBLIC = {NATIONAL: N11_ONE_LARGE, HUBEI: N11_TWO_HUBEI, HUNAN: HN3_OTHER_UNITS}


def months(first: tuple[int, int], last: tuple[int, int]) -> tuple[date, date]:
    end_year, end_month = last
    following = date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return date(*first, 1), date.fromordinal(following.toordinal() - 1)


def value(first: tuple[int, int], last: tuple[int, int], rate: float, citation: Citation) -> Value:
    start, end = months(first, last)
    return Value(start, end, rate, citation)


# (region, size) -> the relief rates in force, month by month.
SCHEDULE: dict[tuple[str, str], list[Value]] = {
    (NATIONAL, SMALL): [value((2020, 2), (2020, 6), 1.0, N11_ONE_SMALL), value((2020, 7), (2020, 12), 1.0, N49_SMALL)],
    (NATIONAL, LARGE): [value((2020, 2), (2020, 4), 0.5, N11_ONE_LARGE), value((2020, 5), (2020, 6), 0.5, N49_LARGE)],
    (HUBEI, SMALL): [value((2020, 2), (2020, 6), 1.0, N11_TWO_HUBEI), value((2020, 7), (2020, 12), 1.0, N49_SMALL)],
    (HUBEI, LARGE): [value((2020, 2), (2020, 5), 1.0, N11_TWO_HUBEI),
                     value((2020, 6), (2020, 6), 1.0, N49_HUBEI_LARGE)],
    (HUNAN, SMALL): [value((2020, 2), (2020, 6), 1.0, HN3_SMALL), value((2020, 7), (2020, 12), 1.0, HN10_SMALL)],
    (HUNAN, LARGE): [value((2020, 2), (2020, 4), 0.5, HN3_LARGE), value((2020, 5), (2020, 6), 0.5, HN10_LARGE)],
}
# What says the relief has ended for those whose schedule stops before December.
ENDED = {(NATIONAL, LARGE): N49_LARGE, (HUBEI, LARGE): N49_HUBEI_LARGE, (HUNAN, LARGE): HN10_LARGE}
RATE_NAMES = {1.0: "免征", 0.5: "减半征收"}


def _schedule(region: str, unit: str) -> tuple[list[Value], list[Step]]:
    """The schedule a unit type follows, with the step that says why it follows it."""
    if unit == PUBLIC:
        raise NotCovered(f"{region}：三项社会保险单位缴费减免不含机关事业单位", EXCLUDES_PUBLIC[region])
    if unit not in FOLLOWS:
        return SCHEDULE[(region, unit)], []
    follows, local, national = FOLLOWS[unit]
    step = Step(f"{unit}参照{follows}办法", follows, local.get(region, national))
    return SCHEDULE[(region, follows)], [step]


def compute(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    region, unit, month, contribution = values["region"], values["size"], values["month"], values["contribution"]
    schedule, steps = _schedule(region, unit)
    current = in_force(schedule, month)
    if current is None:
        size = SMALL if unit == INDIVIDUAL else LARGE if unit == OTHER_UNIT else unit
        raise NotCovered(f"{region}{unit}{month:%Y年%m月}不在减免期内：不减免",
                         ENDED.get((region, size), schedule[0].citation))
    rate = current.value
    steps.append(Step(f"{region}{unit}{month:%Y年%m月}：三项社会保险单位缴费部分{RATE_NAMES[rate]}"
                      f"（{current.start:%Y年%m月}至{current.end:%Y年%m月}）", rate, current.citation, "%"))
    relief = round(contribution * rate, 2)
    steps.append(Step(f"减免额 = 当月单位应缴额 {amount(contribution)} × {percent(rate)}", relief))
    steps.append(Step(f"实缴单位缴费 = {amount(contribution)} − {amount(relief)}", round(contribution - relief, 2)))
    personal = HN3_PERSONAL if region == HUNAN else current.citation
    steps.append(Step("只减免三项社会保险的单位缴费部分，职工个人缴费部分照常缴纳", "不变", personal))
    result = {"relief": relief, "payable": round(contribution - relief, 2), "rate": rate}
    parameters = {"减免比例": rate, "适用期间": [current.start.isoformat(), current.end.isoformat()]}
    return result, steps, parameters


RULE = Rule(
    name="social-insurance-relief",
    title="阶段性减免企业社会保险费（养老、失业、工伤三项社会保险单位缴费部分）",
    regions=(NATIONAL, HUBEI, HUNAN),
    valid_from=date(2020, 2, 1),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("region", "参保地", "choice", choices=(NATIONAL, HUBEI, HUNAN), aliases={"全国": NATIONAL}),
        Input("size", "参保单位类型（企业按工信部联企业〔2011〕300号划型）", "choice", choices=UNIT_TYPES,
              aliases={"个体工商户": INDIVIDUAL, "其他参保单位": OTHER_UNIT, "事业单位": PUBLIC, "机关": PUBLIC,
                       "小微企业": SMALL, "中小企业": SMALL}),
        Input("month", "缴费所属月份", "month"),
        Input("contribution", "当月三项社会保险单位应缴费额", "number", minimum=0, maximum=1e9, unit="元"),
    ),
    compute=compute,
    outcome="relief",
    period=(N11_START, N49_SMALL),
    parameters=tuple(Parameter(f"{region}·{size} {v.start:%Y-%m}至{v.end:%Y-%m} 减免比例", v.value, v.citation, "%")
                     for (region, size), schedule in SCHEDULE.items() for v in schedule),
    citations=(N11_START, N49_INDIVIDUAL, HN3_INDIVIDUAL, HN3_OTHER_UNITS,
               N11_ONE_SMALL, N11_ONE_LARGE, N11_TWO_HUBEI, N49_SMALL, N49_LARGE, N49_HUBEI_LARGE,
               HN3_PERSONAL, HN3_SMALL, HN3_LARGE, HN10_SMALL, HN10_LARGE),
)
