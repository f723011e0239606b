"""Unemployment insurance for people: the benefit, the 2020 subsidy and the living allowances.

失业保险金 (人社部发〔2020〕40号 二, 人社厅发〔2020〕24号): a year of contributions,
involuntary loss of work, registration and a wish to work; paid monthly at the
local standard for the period the agency sets, and continued to retirement for
those less than a year from it when it ends. 失业补助金 (40号 三): March to
December 2020, six months at no more than 80% of the local standard for those
whose benefit ended or who do not qualify. 农民工 and Chongqing's 就业困难人员 get
living allowances (40号 四, 渝人社发〔2020〕13号 三（八）). No local standard is in the
corpus: the user gives it, and the result says it is theirs.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from zhengce.calc.engine import CalculationError, Citation, Input, NotCovered, Parameter, Rule, Step

N40, N24 = "人社部发〔2020〕40号", "人社厅发〔2020〕24号"
ELIGIBLE = Citation(N40, "二", (
    "对参保缴费满1年、非因本人意愿中断就业、已办理失业登记并有求职要求的失业人员，"
    "应及时足额发放失业保险金"))
MONTHLY = Citation(N24, "二", (
    "根据失业人员累计参保缴费时间核定其领金期限，"
    "按照申请之日当地失业保险金标准，按月发放失业保险金"))
REGISTER = Citation(N24, "五", "经办机构应当同时为其办理失业登记和失业保险金发放")
EXTENDED = Citation(N40, "二", (
    "对领取失业保险金期满仍未就业且距法定退休年龄不足1年的失业人员，"
    "可继续发放失业保险金至法定退休年龄"))
AUTOMATIC = Citation(N24, "一", "续发失业保险金无需个人提出申请")
SUBSIDY = Citation(N40, "三", (
    "2020年3月至12月，领取失业保险金期满仍未就业的失业人员、不符合领取失业保险金条件的参保失业人员，"
    "可以申领6个月的失业补助金，标准不超过当地失业保险金的80%"))
SUBSIDY_LOCAL = Citation(N40, "七", "结合本地失业保险基金结余情况，做好资金测算，合理确定补助标准")
NOT_BOTH = Citation("人社部明电〔2020〕2号", "三", "失业保险金和失业补助金不得同时发放")
HN_DEADLINE = Citation("湘政办发〔2020〕20号", "附件/四/（十一）", (
    "发放6个月的失业补助金，标准不高于当地失业保险金的80%，"
    "所需资金从失业保险基金中列支，受理截止期限为2020年12月31日"))
MIGRANT_ONCE = Citation(N40, "四", (
    "对《失业保险条例》规定的参保单位招用、个人不缴费且连续工作满1年的失业农民工，"
    "及时发放一次性生活补助"))
MIGRANT_TEMPORARY = Citation(N40, "四", (
    "2020年5月至12月，对2019年1月1日之后参保不满1年的失业农民工，"
    "参照参保地城市低保标准，按月发放不超过3个月的临时生活补助"))
CQ_ONE_OFF = Citation("渝人社发〔2020〕13号", "三/（八）", (
    "就业困难人员一次性临时生活补助的标准为全市月失业保险金标准的2倍，"
    "每人只能享受一次"))
YES, NO = "是", "否"
EXPIRED, NOT_QUALIFIED = "领取失业保险金期满仍未就业", "不符合领取失业保险金条件的参保失业人员"
RECEIVING = "正在领取失业保险金"
MIGRANT, CQ_HARDSHIP = "失业农民工（单位缴费、个人不缴费）", "重庆就业困难人员"


def compute_benefit(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    contributed = values["contribution_months"]
    unmet = [text for text, ok in (
        (f"参保缴费满1年（现 {contributed:g} 个月）", contributed >= 12),
        ("非因本人意愿中断就业", values["involuntary"] == YES),
        ("有求职要求", values["job_seeking"] == YES)) if not ok]
    if unmet:
        raise NotCovered(f"不符合领取失业保险金的条件：{'、'.join(unmet)}。参保失业人员可在2020年3月至12月"
                         "申领失业补助金（计算器 unemployment-subsidy）", ELIGIBLE)
    standard, months = values["local_standard"], int(values["entitlement_months"])
    steps = [Step("参保缴费满1年、非因本人意愿中断就业、有求职要求：发放失业保险金", "适用", ELIGIBLE),
             Step("失业登记由经办机构在发放时一并办理", "一并办理", REGISTER),
             Step(f"按申请之日当地标准按月发放（用户输入，本库资料未载）：{standard:,.2f} 元 × {months} 个月",
                  standard * months, MONTHLY)]
    result = {"monthly_benefit": standard, "benefit_total": standard * months}
    to_retirement = values["months_to_retirement"]
    if to_retirement is not None and to_retirement < 12:
        extra = int(to_retirement)
        steps += [Step(f"期满时距法定退休年龄不足1年（{extra} 个月）：继续发放至法定退休年龄", standard * extra,
                       EXTENDED),
                  Step("续发无需个人申请", "自动续发", AUTOMATIC)]
        result["extension_months"] = float(extra)
        result["benefit_total"] = standard * (months + extra)
    return result, steps, {"当地失业保险金标准": standard, "核定领金期限": months}


def compute_subsidy(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    if values["category"] == RECEIVING:
        raise NotCovered("正在领取失业保险金的，不同时发放失业补助金", NOT_BOTH)
    cap = round(values["local_standard"] * 0.8, 2)
    steps = [Step(f"{values['category']}：2020年3月至12月可申领6个月，标准不超过当地失业保险金的80%："
                  f"{values['local_standard']:,.2f} × 80%", cap, SUBSIDY)]
    if values["region"] == "湖南":
        steps.append(Step("湖南：受理截止期限为2020年12月31日", "2020-12-31", HN_DEADLINE))
    monthly = cap
    if values["local_amount"] is not None:
        if values["local_amount"] > cap:
            raise CalculationError(
                f"local_amount={values['local_amount']:g} 超过上限 {cap:g}：{N40} 三 “标准不超过当地失业保险金的80%”。")
        monthly = values["local_amount"]
        steps.append(Step("当地确定的补助标准（用户输入，本库资料未载）", monthly, SUBSIDY_LOCAL))
    months = 6 if values["months_paid"] is None else min(6, int(values["months_paid"]))
    steps.append(Step(f"{monthly:,.2f} 元 × {months} 个月", monthly * months))
    steps.append(Step("领取失业补助金期间不同时领取失业保险金", "不同时发放", NOT_BOTH))
    result = {"monthly_at_most" if values["local_amount"] is None else "monthly_subsidy": monthly,
              "subsidy": round(monthly * months, 2)}
    return result, steps, {"上限比例": 0.8, "月数": months}


def compute_allowance(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    standard, applied = values["local_standard"], values["application_date"]
    if values["person"] == CQ_HARDSHIP:
        if values["received_before"] == YES:
            raise NotCovered("已享受过一次性临时生活补助：每人只能享受一次", CQ_ONE_OFF)
        amount = standard * 2
        steps = [Step(f"全市月失业保险金标准（用户输入，本库资料未载）{standard:,.2f} × 2，一次性", amount, CQ_ONE_OFF)]
        return {"one_off": amount}, steps, {"倍数": 2}
    months_insured = values["insured_months"]
    if months_insured is None:
        raise CalculationError("缺少输入“insured_months”：农民工参保（连续工作）月数。")
    if months_insured >= 12:
        steps = [Step("个人不缴费且连续工作满1年：发放一次性生活补助（金额资料未载明，按当地规定）", "按当地规定",
                      MIGRANT_ONCE)]
        return {"kind": "一次性生活补助（金额按当地规定）"}, steps, {}
    if values["insured_since_2019"] != YES:
        raise NotCovered("临时生活补助只适用于2019年1月1日之后参保不满1年的失业农民工", MIGRANT_TEMPORARY)
    if not date(2020, 5, 1) <= applied <= date(2020, 12, 31):
        raise NotCovered("农民工临时生活补助的期间是2020年5月至12月", MIGRANT_TEMPORARY)
    months = 3 if values["months_paid"] is None else min(3, int(values["months_paid"]))
    steps = [Step(f"2019年以后参保不满1年：参照城市低保标准（用户输入，本库资料未载）按月发放，"
                  f"不超过3个月：{standard:,.2f} × {months}", standard * months, MIGRANT_TEMPORARY)]
    return {"monthly_at_most": standard, "subsidy": standard * months}, steps, {"月数上限": 3}


REGIONS = ("湖南", "重庆", "北京", "其他地区")

BENEFIT = Rule(
    name="unemployment-benefit",
    title="失业保险金：领取条件、金额和大龄续发",
    regions=("全国",),
    valid_from=date(2019, 12, 1),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("contribution_months", "累计参保缴费月数", "number", minimum=0, maximum=600, unit="月", integer=True),
        Input("involuntary", "非因本人意愿中断就业", "choice", choices=(YES, NO)),
        Input("job_seeking", "有求职要求", "choice", choices=(YES, NO)),
        Input("local_standard", "申请之日当地失业保险金标准（资料未载明）", "number", minimum=1, maximum=99999,
              unit="元/月"),
        Input("entitlement_months", "经办机构核定的领金期限（资料未载明按缴费时间的对应）", "number", minimum=1,
              maximum=24, unit="月", integer=True),
        Input("months_to_retirement", "领金期满时距法定退休年龄的月数（期满仍未就业时填）", "number", minimum=0,
              maximum=600, unit="月", optional=True, integer=True),
    ),
    compute=compute_benefit,
    outcome="benefit_total",
    period=(ELIGIBLE, None),
    parameters=(Parameter("参保缴费满（月）", 12, ELIGIBLE),
                Parameter("续发：期满时距法定退休年龄不足（月）", 12, EXTENDED)),
    citations=(ELIGIBLE, MONTHLY, REGISTER, EXTENDED, AUTOMATIC),
)

SUBSIDY_RULE = Rule(
    name="unemployment-subsidy",
    title="失业补助金（2020年3月至12月）",
    regions=("全国", "湖南"),
    valid_from=date(2020, 3, 1),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("region", "参保地", "choice", choices=REGIONS),
        Input("category", "人员类别", "choice", choices=(EXPIRED, NOT_QUALIFIED, RECEIVING)),
        Input("application_month", "申领月份", "month"),
        Input("local_standard", "当地失业保险金标准（资料未载明）", "number", minimum=1, maximum=99999, unit="元/月"),
        Input("local_amount", "当地确定的失业补助金月标准（可不填，只算上限）", "number", minimum=0, maximum=99999,
              unit="元/月", optional=True),
        Input("months_paid", "实际领取月数（期间再就业等停发时填）", "number", minimum=1, maximum=6, unit="月",
              optional=True, integer=True),
    ),
    compute=compute_subsidy,
    outcome="subsidy",
    period=(SUBSIDY, SUBSIDY),
    parameters=(Parameter("上限：当地失业保险金标准的比例", 0.8, SUBSIDY), Parameter("发放月数", 6, SUBSIDY)),
    citations=(SUBSIDY, SUBSIDY_LOCAL, NOT_BOTH, HN_DEADLINE),
)

ALLOWANCE = Rule(
    name="living-allowance",
    title="失业农民工生活补助、重庆就业困难人员一次性临时生活补助",
    regions=("全国", "重庆"),
    valid_from=date(2020, 2, 22),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("person", "人员", "choice", choices=(MIGRANT, CQ_HARDSHIP)),
        Input("application_date", "申领日期", "date"),
        Input("local_standard", "农民工：参保地城市低保标准；重庆：全市月失业保险金标准（资料未载明）", "number",
              minimum=1, maximum=99999, unit="元/月"),
        Input("insured_months", "农民工：参保（连续工作）月数", "number", minimum=0, maximum=600, unit="月",
              optional=True, integer=True),
        Input("insured_since_2019", "农民工：2019年1月1日之后参保", "choice", choices=(YES, NO), default=YES),
        Input("months_paid", "农民工：申领月数", "number", minimum=1, maximum=3, unit="月", optional=True,
              integer=True),
        Input("received_before", "重庆：已享受过一次性临时生活补助", "choice", choices=(YES, NO), default=NO),
    ),
    compute=compute_allowance,
    outcome="subsidy",
    period=(None, MIGRANT_TEMPORARY),
    parameters=(Parameter("农民工临时生活补助月数上限", 3, MIGRANT_TEMPORARY),
                Parameter("重庆：全市月失业保险金标准的倍数", 2, CQ_ONE_OFF)),
    citations=(MIGRANT_ONCE, MIGRANT_TEMPORARY, CQ_ONE_OFF),
)
