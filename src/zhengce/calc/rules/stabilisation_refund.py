"""Unemployment-insurance stabilisation refund (稳岗返还): national, Hunan, Chongqing.

Eligibility comes first: the unit type (Hunan leaves out units funded fully or
partly by the state, 湘人社规〔2020〕13号 一), the serious-dishonesty lists (13号 一;
Chongqing's 严重失信, 渝人社发〔2020〕10号 一) and the layoff rate (no higher than the
previous year's national surveyed-unemployment target, 5.5% for 2019, or 20% of
staff for firms of 30 insured or fewer; these relaxations end on 31 December 2020).
Then the general refund: Hunan 50% (60% in deep-poverty areas, 湘政发〔2020〕3号),
70% for restructuring firms, up to 100% for small firms until the end of 2020
(人社部发〔2020〕30号 nationally). Hardship refund: at most 6 months of the local
average monthly benefit per insured worker. Chongqing's 疫期援企稳岗返还: 50% of
three months' contributions. Figures are the most the article allows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from zhengce.calc.display import amount, percent, plain
from zhengce.calc.engine import (
    YES,
    CalculationError,
    Citation,
    Input,
    NotCovered,
    Parameter,
    Rule,
    Step,
    Value,
    in_force,
)

N30_SMALL = Citation("人社部发〔2020〕30号", "二/（一）",
                     "对中小微企业，2020年12月31日前返还标准最高可提至企业及其职工上年度缴纳失业保险费的100%")
N30_HARDSHIP = Citation("人社部发〔2020〕30号", "二/（一）",
                        "返还标准可按不超过6个月的当地月人均失业保险金和参保职工人数确定")
N48_POOR = Citation("人社部发〔2020〕48号", "八",
                    "将稳岗返还标准由企业及其职工上年度实际缴纳失业保险费总额的60%最高提至100%")
NATIONAL_LAYOFF = Citation("人社部明电〔2020〕2号", "四", (
    "将中小微企业失业保险稳岗返还政策裁员率标准由不高于上年度统筹地区城镇登记失业率，"
    "放宽到不高于上年度全国城镇调查失业率控制目标"))
HN_SCOPE = Citation("湘人社规〔2020〕13号", "一",
                    "除财政全额拨款、差额拨款单位之外的失业保险参保单位，符合条件的，均可申请一般稳岗返还")
HN_HARDSHIP_SCOPE = Citation("湘人社规〔2020〕13号", "一",
                             "全省范围内的失业保险参保企业，符合条件的，均可申请困难企业稳岗返还")
HN_BLACKLIST = Citation("湘人社规〔2020〕13号", "一", (
    "被列入生态环境、市场监管部门“黑名单”和司法部门“失信被执行人”的单位，不予享受以上两项稳岗返还"))
HN_LAYOFF = Citation("湘人社规〔2020〕2号", "附件/一", (
    "将企业失业保险稳岗返还政策裁员率标准由不高于上年度统筹地区城镇登记失业率，"
    "放宽到不高于上年度全国城镇调查失业率控制目标，对参保职工30人（含）以下的企业，"
    "裁员率放宽至不超过企业职工总数20%，以上关于裁员率的规定执行时间截止到2020年12月31日"))
HN_GENERAL = Citation("湘人社规〔2020〕13号", "四",
                      "除财政全额拨款、差额拨款单位之外的失业保险参保单位返还其上年度实际缴纳失业保险费的50%")
HN_RESTRUCTURE = Citation("湘人社规〔2020〕13号", "四",
                          "兼并重组、化解产能过剩、淘汰落后产能企业返还其上年度实际缴纳失业保险费的70%")
HN_SMALL = Citation("湘人社规〔2020〕13号", "四", (
    "对不裁员或少裁员中小微企业返还标准最高可提至上年度实际缴纳失业保险费的100%（受理期限截止到2020年12月31日）"))
HN_POOR = Citation("湘政发〔2020〕3号", "附件/三/11", "返还其上年度实际缴纳失业保险费的50%（其中深度贫困地区返还60%）")
HN_HARDSHIP = Citation("湘人社规〔2020〕13号", "四", "可按不超过6个月当地月人均失业保险金标准和参保职工人数确定")
HN_UNTIL = Citation("湘人社规〔2020〕13号", "五", "本文件自2020年9月1日起施行，有效期五年。")
CQ_SCOPE = Citation("渝人社发〔2020〕10号", "一", "严重失信企业不纳入发放范围")
CQ_SME = Citation("渝人社发〔2020〕10号", "一", "面临暂时性生产经营困难且恢复有望的中小企业，可享受援企稳岗返还政策")
CQ_LAYOFF = Citation("渝人社发〔2020〕10号", "二", (
    "企业2019年度未裁员或裁员率不超过2019年度全国城镇调查失业率控制目标5.5%"))
CQ_SMALL_LAYOFF = Citation("渝人社发〔2020〕10号", "二", (
    "失业保险参保人数30人（含）以下的企业裁员人数不超过本企业2019年底失业保险参保人数的20%"))
CQ_EPIDEMIC = Citation("渝人社发〔2020〕10号", "三", "返还标准按3个月的企业及其职工应缴纳社会保险费50%确定")
CQ_DEADLINE = Citation("渝人社发〔2020〕10号", "四", "申报截止时间为2020年6月30日")

GENERAL, HARDSHIP, EPIDEMIC = "一般稳岗返还", "困难企业稳岗返还", "疫期援企稳岗返还"
SMALL, LARGE, RESTRUCTURING = "中小微企业", "其他参保单位", "兼并重组、化解产能过剩、淘汰落后产能企业"
FUNDED = "财政全额拨款、差额拨款单位"
YEAR_2020 = (date(2020, 1, 1), date(2020, 12, 31))
UNTIL_2025 = (date(2020, 1, 1), date(2025, 8, 31))


def dated(period: tuple[date, date], rate: float, citation: Citation) -> Value:
    return Value(period[0], period[1], rate, citation)


# (region, unit type) -> general refund rates in force, by application date.
GENERAL_RATES: dict[tuple[str, str], list[Value]] = {
    ("湖南", LARGE): [dated(UNTIL_2025, 0.5, HN_GENERAL)],
    ("湖南", RESTRUCTURING): [dated(UNTIL_2025, 0.7, HN_RESTRUCTURE)],
    ("湖南", SMALL): [dated(YEAR_2020, 1.0, HN_SMALL), dated((date(2021, 1, 1), UNTIL_2025[1]), 0.5, HN_GENERAL)],
    ("全国", SMALL): [dated(YEAR_2020, 1.0, N30_SMALL)],
    ("重庆", SMALL): [dated(YEAR_2020, 1.0, N30_SMALL)],
}
# Deep-poverty areas in 2020: Hunan 60% (湘政发〔2020〕3号); nationally up to 100% (人社部发〔2020〕48号).
POOR_RATES = {"湖南": dated(YEAR_2020, 0.6, HN_POOR), "全国": dated(YEAR_2020, 1.0, N48_POOR),
              "重庆": dated(YEAR_2020, 1.0, N48_POOR)}
# The relaxed layoff-rate limits (2020): the national target for the year before, 20% for firms of 30 or fewer.
LAYOFF_TARGET = Value(YEAR_2020[0], YEAR_2020[1], 5.5, CQ_LAYOFF)
SMALL_FIRM_LAYOFF = Value(YEAR_2020[0], YEAR_2020[1], 20.0, CQ_SMALL_LAYOFF)
SMALL_FIRM_STAFF = 30
LAYOFF_RULE = {"湖南": HN_LAYOFF, "全国": NATIONAL_LAYOFF, "重庆": CQ_LAYOFF}
HARDSHIP_RULES = {"全国": N30_HARDSHIP, "湖南": HN_HARDSHIP, "重庆": N30_HARDSHIP}
HARDSHIP_MONTHS = 6
CQ_SHARE, CQ_MONTHS = 0.5, 3


def _on(values: dict[str, Any]) -> date:
    """The application month; unset, any month of 2020 (the rates are the same all year)."""
    return values["application_month"] or YEAR_2020[1]


def _eligible(values: dict[str, Any]) -> list[Step]:
    """Unit type, dishonesty lists and layoff rate: NotCovered, with the article, when one fails."""
    region, variant, unit = values["region"], values["variant"], values["firm_type"]
    if region == "湖南" and unit == FUNDED:
        raise NotCovered(f"湖南：{FUNDED}不在稳岗返还范围内", HN_SCOPE if variant == GENERAL else HN_HARDSHIP_SCOPE)
    if region == "重庆" and variant == EPIDEMIC and unit not in (SMALL, RESTRUCTURING):
        raise NotCovered("重庆疫期援企稳岗返还只适用于中小企业", CQ_SME)
    if values["blacklisted"] == YES and region in ("湖南", "重庆"):
        raise NotCovered("被列入“黑名单”、失信被执行人或严重失信企业名单：不予返还",
                         HN_BLACKLIST if region == "湖南" else CQ_SCOPE)
    return _layoff(values)


def _layoff(values: dict[str, Any]) -> list[Step]:
    rate, workers, on = values["layoff_rate"], values["insured_workers"], _on(values)
    if rate is None:
        return []
    target = in_force([LAYOFF_TARGET], on)
    if target is None:
        if values["local_unemployment_rate"] is None:
            raise CalculationError("2021年起裁员率标准恢复为“不高于上年度统筹地区城镇登记失业率”，本库资料未载该数值："
                                   "请填写“上年度统筹地区城镇登记失业率”（local_unemployment_rate）。")
        limit, citation = values["local_unemployment_rate"], HN_LAYOFF
    elif workers is not None and workers <= SMALL_FIRM_STAFF:
        limit, citation = SMALL_FIRM_LAYOFF.value, SMALL_FIRM_LAYOFF.citation
    else:
        limit, citation = target.value, target.citation
    rule = LAYOFF_RULE[values["region"]]
    if rate > limit:
        raise NotCovered(f"裁员率 {plain(rate)}% 高于标准 {plain(limit)}%：不予返还", rule)
    source = "参保职工30人（含）以下企业" if limit == SMALL_FIRM_LAYOFF.value else "上年度全国城镇调查失业率控制目标"
    return [Step(f"{values['region']}的裁员率标准", "见条文", rule),
            Step(f"{source}：{plain(limit)}%（本库资料中写出该数值的条文）", limit / 100, citation, "%"),
            Step(f"裁员率 {plain(rate)}% 不高于 {plain(limit)}%：符合", "符合")]


def _general(values: dict[str, Any], steps: list[Step]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    region, unit, on = values["region"], values["firm_type"], _on(values)
    current = in_force(GENERAL_RATES.get((region, unit), []), on)
    if values["deep_poverty"] == YES and unit != SMALL and (poor := in_force([POOR_RATES[region]], on)):
        current = max(current, poor, key=lambda v: v.value) if current else poor
    if current is None and values["local_rate"] is None:
        raise CalculationError(f"本库资料没有{region}{unit}{on:%Y年%m月}一般稳岗返还的比例：请按当地规定填写"
                               "“当地返还比例”（local_rate，%）。")
    rate = current.value if current else values["local_rate"] / 100
    note = "" if current else "（用户输入的当地比例，本库资料未载）"
    paid = values["ui_paid_last_year"]
    refund = round(paid * rate, 2)
    steps += [Step(f"{region}{unit}一般稳岗返还比例{note}", rate, current.citation if current else None, "%"),
              Step(f"返还额最高 = 上年度实际缴纳失业保险费 {amount(paid)} × {percent(rate)}", refund)]
    return {"refund_at_most": refund}, steps, {"返还比例": rate}


def compute(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    region, variant = values["region"], values["variant"]
    if variant == EPIDEMIC and region != "重庆":
        raise CalculationError("“疫期援企稳岗返还”是重庆的政策（渝人社发〔2020〕10号）：参保地（region）须为 重庆。")
    if variant == EPIDEMIC and values["application_month"] and values["application_month"] > date(2020, 6, 30):
        raise NotCovered("重庆疫期援企稳岗返还的申报已于2020年6月30日截止", CQ_DEADLINE)
    steps = _eligible(values)
    if variant == GENERAL:
        return _general(values, steps)
    if variant == HARDSHIP:
        if values["insured_workers"] is None:
            raise CalculationError("困难企业稳岗返还须填写“参保职工人数”（insured_workers，0 至 10,000,000 的整数）。")
        months, benefit, workers = values["months"], values["avg_monthly_benefit"], values["insured_workers"]
        refund = round(months * benefit * workers, 2)
        steps += [Step("困难企业稳岗返还：不超过6个月的当地月人均失业保险金 × 参保职工人数", months,
                       HARDSHIP_RULES[region], "个月"),
                  Step(f"返还额 = {plain(months)} 个月 × {amount(benefit)} × {plain(workers)} 人", refund)]
        return {"refund_at_most": refund}, steps, {"月数": months, "月人均失业保险金": benefit}
    contributions = values["si_paid_last_year"]
    refund = round(contributions / 12 * CQ_MONTHS * CQ_SHARE, 2)
    steps += [Step("疫期援企稳岗返还：3个月的企业及其职工应缴纳社会保险费的50%", CQ_SHARE, CQ_EPIDEMIC, "%"),
              Step(f"返还额 = 上年度缴纳社会保险费 {amount(contributions)} ÷ 12 × 3 × 50%", refund)]
    return {"refund": refund}, steps, {"月数": CQ_MONTHS, "比例": CQ_SHARE}


RULE = Rule(
    name="stabilisation-refund",
    title="失业保险稳岗返还（一般、困难企业、重庆疫期援企）",
    regions=("全国", "湖南", "重庆"),
    valid_from=UNTIL_2025[0],
    valid_to=UNTIL_2025[1],
    inputs=(
        Input("region", "参保地", "choice", choices=("全国", "湖南", "重庆")),
        Input("variant", "返还种类", "choice", choices=(GENERAL, HARDSHIP, EPIDEMIC)),
        Input("firm_type", "单位类型", "choice", choices=(SMALL, LARGE, RESTRUCTURING, FUNDED), default=SMALL,
              condition=True, aliases={"大型企业": LARGE, "大型企业等其他参保单位": LARGE, "机关事业单位": FUNDED}),
        Input("application_month", "申请月份（不填按2020年内申请计算）", "month", optional=True),
        Input("blacklisted", "被列入“黑名单”、失信被执行人或严重失信企业名单", "choice", choices=(YES, "否"),
              default="否", condition=True),
        Input("layoff_rate", "上年度裁员率（按参保职工减少人数或领取失业保险金人数计，取较低者）", "number",
              minimum=0, maximum=100, unit="%", optional=True),
        Input("deep_poverty", "在深度贫困地区（湖南：湘政发〔2020〕3号；全国：“三区三州”和52个未摘帽贫困县）", "choice",
              choices=(YES, "否"), default="否", condition=True),
        Input("ui_paid_last_year", "上年度实际缴纳失业保险费（一般稳岗返还）", "number", minimum=0, maximum=1e10,
              unit="元", default="0"),
        Input("local_rate", "当地返还比例（资料未载比例时填写）", "number", minimum=0, maximum=100, unit="%",
              optional=True),
        Input("local_unemployment_rate", "上年度统筹地区城镇登记失业率（2021年起的裁员率标准，资料未载）", "number",
              minimum=0, maximum=100, unit="%", optional=True),
        Input("months", "困难企业返还月数（不超过6）", "number", minimum=1, maximum=HARDSHIP_MONTHS, unit="个月",
              default="6", integer=True),
        Input("avg_monthly_benefit", "当地月人均失业保险金（资料未载明，按当地标准填写）", "number", minimum=0,
              maximum=1e5, unit="元", default="0", source="当地公布的失业保险金标准，本库资料未收录"),
        Input("insured_workers", "参保职工人数", "number", minimum=0, maximum=1e7, unit="人", integer=True,
              optional=True),
        Input("si_paid_last_year", "上年度缴纳的社会保险费（重庆疫期援企）", "number", minimum=0, maximum=1e10,
              unit="元", default="0"),
    ),
    compute=compute,
    outcome="refund_at_most",
    period=(N30_SMALL, HN_UNTIL),
    assumptions=("裁员率未填写时，假定不超过标准（不裁员或少裁员）", "申请月份未填写时，按2020年内申请计算",
                 "返还额是条文允许的最高额，具体由经办机构核定"),
    parameters=(*(Parameter(f"一般稳岗返还比例·{region}·{unit} {v.start:%Y-%m}至{v.end:%Y-%m}", v.value,
                            v.citation, "%") for (region, unit), values in GENERAL_RATES.items() for v in values),
                *(Parameter(f"深度贫困地区返还比例·{region}", v.value, v.citation, "%")
                  for region, v in POOR_RATES.items()),
                Parameter("裁员率标准：上年度全国城镇调查失业率控制目标（%）", LAYOFF_TARGET.value, CQ_LAYOFF),
                Parameter("裁员率标准：参保职工30人（含）以下企业（%）", SMALL_FIRM_LAYOFF.value, CQ_SMALL_LAYOFF),
                Parameter("困难企业返还月数上限", HARDSHIP_MONTHS, N30_HARDSHIP),
                Parameter("重庆疫期返还比例（3个月）", CQ_SHARE, CQ_EPIDEMIC, "%")),
    citations=(N30_SMALL, N30_HARDSHIP, N48_POOR, NATIONAL_LAYOFF, HN_SCOPE, HN_HARDSHIP_SCOPE, HN_BLACKLIST,
               HN_LAYOFF, HN_GENERAL, HN_RESTRUCTURE, HN_SMALL, HN_POOR, HN_HARDSHIP, HN_UNTIL, CQ_SCOPE, CQ_SME,
               CQ_LAYOFF, CQ_SMALL_LAYOFF, CQ_EPIDEMIC, CQ_DEADLINE),
)
