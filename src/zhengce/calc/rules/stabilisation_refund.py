"""Unemployment-insurance stabilisation refund (稳岗返还), 2020: national, Hunan, Chongqing.

General refund: a share of the contributions paid last year (Hunan 50%, 70% for
restructuring firms, up to 100% for small firms that keep their staff; nationally
up to 100% for small firms, 人社部发〔2020〕30号). Refund for firms in difficulty: at
most 6 months of the local average monthly unemployment benefit per insured
worker. Chongqing's 疫期援企稳岗返还: 50% of three months' social-insurance
contributions. The refund is the most the article allows; the agency decides.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from zhengce.calc.engine import CalculationError, Citation, Input, Parameter, Rule, Step

N30_SMALL = Citation("人社部发〔2020〕30号", "二/（一）",
                     "对中小微企业，2020年12月31日前返还标准最高可提至企业及其职工上年度缴纳失业保险费的100%")
N30_HARDSHIP = Citation("人社部发〔2020〕30号", "二/（一）",
                        "返还标准可按不超过6个月的当地月人均失业保险金和参保职工人数确定")
HN_GENERAL = Citation("湘人社规〔2020〕13号", "四",
                      "除财政全额拨款、差额拨款单位之外的失业保险参保单位返还其上年度实际缴纳失业保险费的50%")
HN_RESTRUCTURE = Citation("湘人社规〔2020〕13号", "四",
                          "兼并重组、化解产能过剩、淘汰落后产能企业返还其上年度实际缴纳失业保险费的70%")
HN_SMALL = Citation("湘人社规〔2020〕13号", "四",
                    "对不裁员或少裁员中小微企业返还标准最高可提至上年度实际缴纳失业保险费的100%")
HN_HARDSHIP = Citation("湘人社规〔2020〕13号", "四", "可按不超过6个月当地月人均失业保险金标准和参保职工人数确定")
CQ_EPIDEMIC = Citation("渝人社发〔2020〕13号", "一/（一）", "返还标准为3个月的企业及其职工应缴纳社会保险费的50%")

GENERAL, HARDSHIP, EPIDEMIC = "一般稳岗返还", "困难企业稳岗返还", "疫期援企稳岗返还"
SMALL, LARGE, RESTRUCTURING = "中小微企业", "其他参保单位", "兼并重组、化解产能过剩、淘汰落后产能企业"
# (region, firm type) -> general refund rate and the article that sets it.
GENERAL_RATES = {
    ("湖南", LARGE): (0.5, HN_GENERAL),
    ("湖南", RESTRUCTURING): (0.7, HN_RESTRUCTURE),
    ("湖南", SMALL): (1.0, HN_SMALL),
    ("全国", SMALL): (1.0, N30_SMALL),
    ("重庆", SMALL): (1.0, N30_SMALL),
}
HARDSHIP_RULES = {"全国": N30_HARDSHIP, "湖南": HN_HARDSHIP, "重庆": N30_HARDSHIP}


def compute(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    region, variant = values["region"], values["variant"]
    if variant == GENERAL:
        key = (region, values["firm_type"])
        if key not in GENERAL_RATES:
            raise CalculationError(f"资料中没有{region}{values['firm_type']}一般稳岗返还的比例（全国和重庆只收录了"
                                   "人社部发〔2020〕30号对中小微企业的规定）：firm_type 可选 中小微企业。")
        rate, citation = GENERAL_RATES[key]
        paid = values["ui_paid_last_year"]
        refund = round(paid * rate, 2)
        steps = [Step(f"{region}{values['firm_type']}一般稳岗返还比例", rate, citation),
                 Step(f"返还额最高 = 上年度实际缴纳失业保险费 {paid:,.2f} 元 × {rate:.0%}", refund)]
        return {"refund_at_most": refund}, steps, {"返还比例": rate}
    if variant == HARDSHIP:
        months, benefit, workers = values["months"], values["avg_monthly_benefit"], values["insured_workers"]
        refund = round(months * benefit * workers, 2)
        steps = [Step("困难企业稳岗返还：不超过6个月的当地月人均失业保险金 × 参保职工人数", min(months, 6),
                      HARDSHIP_RULES[region]),
                 Step(f"返还额 = {months:g} 个月 × {benefit:,.2f} 元 × {workers:g} 人", refund)]
        return {"refund_at_most": refund}, steps, {"月数": months, "月人均失业保险金": benefit}
    if region != "重庆":
        raise CalculationError("“疫期援企稳岗返还”是重庆的政策（渝人社发〔2020〕13号）：region 须为 重庆。")
    contributions = values["si_paid_last_year"]
    refund = round(contributions / 12 * 3 * 0.5, 2)
    steps = [Step("疫期援企稳岗返还：3个月的企业及其职工应缴纳社会保险费的50%", 0.5, CQ_EPIDEMIC),
             Step(f"返还额 = 上年度缴纳社会保险费 {contributions:,.2f} 元 ÷ 12 × 3 × 50%", refund)]
    return {"refund": refund}, steps, {"月数": 3, "比例": 0.5}


RULE = Rule(
    name="stabilisation-refund",
    title="失业保险稳岗返还（一般、困难企业、重庆疫期援企）",
    regions=("全国", "湖南", "重庆"),
    valid_from=date(2020, 1, 1),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("region", "参保地", "choice", choices=("全国", "湖南", "重庆")),
        Input("variant", "返还种类", "choice", choices=(GENERAL, HARDSHIP, EPIDEMIC)),
        Input("firm_type", "单位类型（一般稳岗返还）", "choice", choices=(SMALL, LARGE, RESTRUCTURING), default=SMALL),
        Input("ui_paid_last_year", "上年度实际缴纳失业保险费（一般稳岗返还）", "number", minimum=0, maximum=1e10,
              unit="元", default="0"),
        Input("months", "困难企业返还月数（不超过6）", "number", minimum=1, maximum=6, unit="个月", default="6"),
        Input("avg_monthly_benefit", "当地月人均失业保险金（资料未载明，按当地标准填写）", "number", minimum=0,
              maximum=1e5, unit="元", default="0", source="当地公布的失业保险金标准，本库资料未收录"),
        Input("insured_workers", "参保职工人数（困难企业）", "number", minimum=0, maximum=1e7, unit="人", default="0"),
        Input("si_paid_last_year", "上年度缴纳的社会保险费（重庆疫期援企）", "number", minimum=0, maximum=1e10,
              unit="元", default="0"),
    ),
    compute=compute,
    parameters=(*(Parameter(f"一般稳岗返还比例·{region}·{firm}", rate, citation)
                  for (region, firm), (rate, citation) in GENERAL_RATES.items()),
                Parameter("困难企业返还月数上限", 6, N30_HARDSHIP),
                Parameter("重庆疫期返还比例（3个月）", 0.5, CQ_EPIDEMIC)),
    citations=(N30_SMALL, N30_HARDSHIP, HN_GENERAL, HN_RESTRUCTURE, HN_SMALL, HN_HARDSHIP, CQ_EPIDEMIC),
)
