"""Employer subsidies for taking people on: 以工代训 training and the one-off hiring subsidy.

Nationally 人社部发〔2020〕30号 says who qualifies for 以工代训, caps it at six
months and closes claims on 31 December 2020, but leaves the amount to the
provinces; the corpus holds a figure only for Hunan (500 元 a person a month for
就业困难人员, 零就业家庭成员 and 贫困劳动力, which keep their own longer period).
The one-off hiring subsidy has an amount only in Hunan (1000 元 a person, with
湘政办发〔2020〕20号 narrowing the conditions from 28 April 2020) and in Beijing
(1000 元 per January-February addition to social insurance, for epidemic-supply
firms). Elsewhere the user gives the local standard and the result says so.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from zhengce.calc.engine import CalculationError, Citation, Input, NotCovered, Parameter, Rule, Step

T30 = "人社部发〔2020〕30号"
NEW_HIRES = Citation(T30, "二/（二）", (
    "对中小微企业吸纳就业困难人员、零就业家庭成员、离校两年内高校毕业生、"
    "登记失业人员就业，并开展以工代训的，可根据吸纳人数给予企业职业培训补贴"))
IDLE_SME = Citation(T30, "二/（二）", (
    "对受疫情影响出现生产经营暂时困难导致停工停业的中小微企业，"
    "组织职工开展以工代训的，可根据组织以工代训人数给予企业职业培训补贴"))
KEY_INDUSTRIES = Citation(T30, "二/（二）", (
    "各地可结合实际情况，将受疫情影响较大的外贸、住宿餐饮、文化旅游、"
    "交通运输、批发零售等行业补贴范围扩展到各类企业"))
PROVINCE_SETS = Citation(T30, "二/（二）", "补贴标准由省级人力资源社会保障、财政部门确定，补贴期限最长不超过6个月")
DEADLINE = Citation(T30, "二/（二）", (
    "以工代训职业培训补贴政策受理期限截止到2020年12月31日，"
    "原有以工代训政策执行期限不变"))
POOR_NATIONAL = Citation("人社部函〔2020〕48号", "附件/四/（一）", (
    "企业、农民专业合作社和扶贫车间等各类生产经营主体"
    "吸纳贫困劳动力就业并开展以工代训"))
HN_HARDSHIP = Citation("湘人社规〔2020〕2号", "附件/五", (
    "对参保企业吸纳就业困难人员、零就业家庭成员就业并开展以工代训的，经人力资源社会保障部门审核后，"
    "给予企业每人每月500元的培训补贴，补贴期限最长不超过6个月"))
HN_POOR = Citation("湘人社规〔2020〕5号", "附件/二", (
    "企业、农村专业合作社和扶贫车间等各类生产经营主体吸纳贫困劳动力就业，以及参保企业吸纳就业困难人员、"
    "零就业家庭成员就业按规定缴纳社会保险并开展以工代训的，经人力资源社会保障部门审核后，"
    "给予企业每人每月500元的培训补贴，补贴期限最长不超过6个月"))
HN_CITY_MONTHS = Citation("湘人社规〔2020〕6号", "一/（七）", (
    "给予最长不超过6个月的一次性职业培训补贴，"
    "具体期限由各市结合当地专账资金承受能力确定"))
HN_UNTIL = Citation("湘人社规〔2020〕6号", "六", "以上政策措施自公布之日起施行，有效期至2021年12月31日。")

HN_UNEMPLOYED = Citation("湘人社规〔2020〕2号", "附件/三", (
    "疫情防控期间，对企业吸纳登记失业人员就业且签订1年以上劳动合同并按规定缴纳社会保险的"
    "（经批准可缓缴的企业在申请此项补贴时可视为按规定缴纳了社会保险费），"
    "可给予1000元/人的一次性吸纳就业补贴"))
HN_NOT_BOTH = Citation("湘人社规〔2020〕2号", "附件/三", "一次性吸纳就业补贴与一次性岗位补贴不重复享受。")
HN_GRADUATES = Citation("湘人社规〔2020〕4号", "附件/二", (
    "疫情防控期间，中小微企业吸纳高校毕业生稳定就业1年以上并按规定缴纳社会保险的"
    "可按1000元/人的标准给予其一次性吸纳就业补贴。"))
HN_NARROWED = Citation("湘政办发〔2020〕20号", "附件/二/（三）", (
    "对企业吸纳登记失业半年以上人员或中小微企业招用毕业年度高校毕业生就业, "
    "且签订1年以上劳动合同并按规定缴纳社会保险的, 可给予1000元/人的一次性吸纳就业补贴, "
    "受理截止期限为2020年12月31日。"))
HN_PREVAILS = Citation("湘政办发〔2020〕20号", "附件/六/（十六）", (
    "此前于疫情期间发布的有关政策措施，与本通知不一致的，按照本通知执行。"))
HN_POOR_HIRE = Citation("湘人社发〔2020〕33号", "三", (
    "对吸纳贫困劳动力就业的企业，有条件的地区可给予一次性吸纳就业补贴。"))
GRADUATES = Citation("国办发〔2020〕6号", "三/（九）", (
    "对中小微企业招用毕业年度高校毕业生并签订1年以上劳动合同的，"
    "给予一次性吸纳就业补贴。"))
POOR_HIRE = Citation("人社部发〔2020〕12号", "二", (
    "鼓励重点企业优先招用符合条件的贫困劳动力，给予一次性吸纳就业补贴，"
    "有条件地区可适当提高补贴标准。"))
HUBEI_HIRE = Citation("人社厅发〔2020〕46号", "二", (
    "对企业新招用湖北籍劳动者，签订1年以上劳动合同并缴纳社会保险费的，"
    "有条件的地方可给予一次性吸纳就业补贴。"))
BJ_SUPPLY = Citation("京人社就字〔2020〕14号", "三", (
    "补贴金额根据2020年1月、2月社保增员人数，"
    "按照1000元/人标准予以确定。"))
BJ_SUPPLY_SCOPE = Citation("京人社就字〔2020〕14号", "三", (
    "对春节期间（截至2020年2月9日）开工生产、配送疫情防控急需物资"
    "且符合条件的企业给予一次性吸纳就业补贴"))

SME, LARGE = "中小微企业", "大型企业"
YES, NO = "是", "否"
HARDSHIP, ZERO_JOB, POOR = "就业困难人员", "零就业家庭成员", "贫困劳动力"
GRADUATE_2Y, UNEMPLOYED, OWN_STAFF = "离校两年内高校毕业生", "登记失业人员", "本企业职工（企业受疫情影响停工停业）"
GRADUATE, HUBEI = "毕业年度高校毕业生", "湖北籍劳动者"
CUT_OVER = date(2020, 4, 28)


def _local(values: dict[str, Any], name: str, why: str) -> float:
    if values[name] is None:
        raise CalculationError(f"{why}本库资料中没有这一地区的补贴标准，请按当地标准填写“{name}”。")
    return values[name]


def _training_standard(values: dict[str, Any]) -> tuple[float, list[Step], bool]:
    """The monthly standard, the steps that justify it and whether the 2020-12-31 deadline binds."""
    region, worker, size = values["region"], values["worker"], values["employer_size"]
    if region == "湖南" and worker in (HARDSHIP, ZERO_JOB, POOR):
        citation = HN_POOR if worker == POOR else HN_HARDSHIP
        steps = [Step(f"湖南：吸纳{worker}开展以工代训，每人每月500元", 500.0, citation),
                 Step("原有以工代训政策执行期限不变，不受2020年12月31日受理期限限制", "至2021-12-31",
                      HN_UNTIL)]
        return 500.0, steps, False
    if worker == POOR:
        steps = [Step("吸纳贫困劳动力开展以工代训，最长不超过6个月", "适用", POOR_NATIONAL)]
        return _local(values, "monthly_standard", "补贴标准由省级部门确定，"), steps, False
    extended = values["key_industry_extended"] == YES
    if size == LARGE and not extended:
        raise NotCovered("大型企业不在以工代训补贴范围内：只对中小微企业，或当地已将受疫情影响较大的"
                         "外贸、住宿餐饮、文化旅游、交通运输、批发零售等行业扩展到各类企业", KEY_INDUSTRIES)
    scope = IDLE_SME if worker == OWN_STAFF else NEW_HIRES
    steps = [Step(f"{'受疫情影响停工停业的中小微企业组织职工' if worker == OWN_STAFF else '吸纳' + worker}"
                  "开展以工代训", "适用", KEY_INDUSTRIES if size == LARGE else scope)]
    standard = _local(values, "monthly_standard", f"补贴标准由省级部门确定（{T30} 二（二））；")
    steps.append(Step("补贴标准由省级部门确定（用户输入，本库资料未载）", standard, PROVINCE_SETS))
    return standard, steps, True


def compute_training(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    standard, steps, deadline = _training_standard(values)
    if deadline and values["application_date"] > date(2020, 12, 31):
        raise NotCovered("本项申请不在受理期限（2020年12月31日）内", DEADLINE)
    people, asked = int(values["people"]), int(values["months"])
    months = min(asked, 6)
    steps.append(Step(f"补贴期限最长不超过6个月：申请 {asked} 个月，计 {months} 个月", float(months), PROVINCE_SETS))
    if values["region"] == "湖南" and values["city_months"] is not None:
        months = min(months, int(values["city_months"]))
        steps.append(Step(f"具体期限由各市确定：本市 {int(values['city_months'])} 个月", float(months), HN_CITY_MONTHS))
    monthly = people * standard
    total = monthly * months
    steps.append(Step(f"{people} 人 × {standard:,.0f} 元 × {months} 个月", total))
    return {"monthly_subsidy": monthly, "subsidy": total}, steps, {"每人每月": standard, "月数上限": 6}


def _hunan_hiring(values: dict[str, Any]) -> tuple[list[Step], float | None]:
    """The Hunan rule that applies and the amount per person it states (None: no amount)."""
    worker, size, hired = values["worker"], values["employer_size"], values["hire_date"]
    if values["got_post_subsidy"] == YES:
        raise NotCovered("同一人员已享受一次性岗位补贴：不重复享受", HN_NOT_BOTH)
    if worker == POOR:
        return [Step("湖南：吸纳贫困劳动力，有条件的地区可给予（资料未载金额）", "适用", HN_POOR_HIRE)], None
    if hired >= CUT_OVER:
        registered = values["registered_months"] or 0
        if (worker == UNEMPLOYED and registered >= 6) or (worker == GRADUATE and size == SME):
            return [Step("2020年4月28日起招用：此前政策与湘政办发〔2020〕20号不一致的按该通知", "适用", HN_PREVAILS),
                    Step("登记失业半年以上人员或中小微企业招用毕业年度高校毕业生：每人1000元", 1000.0,
                         HN_NARROWED)], 1000.0
        raise NotCovered("2020年4月28日起招用的，只对登记失业半年以上人员或中小微企业招用毕业年度高校毕业生"
                         "给予一次性吸纳就业补贴", HN_NARROWED)
    if worker == UNEMPLOYED:
        return [Step("疫情防控期间吸纳登记失业人员：每人1000元", 1000.0, HN_UNEMPLOYED)], 1000.0
    if worker == GRADUATE and size == SME:
        return [Step("疫情防控期间中小微企业吸纳高校毕业生：每人1000元", 1000.0, HN_GRADUATES)], 1000.0
    raise CalculationError(
        f"湖南的一次性吸纳就业补贴不包括{size}招用{worker}（资料所载条件见湘人社规〔2020〕2号、4号）。")


def _national_hiring(values: dict[str, Any]) -> list[Step]:
    """The national rule that applies; none of them states an amount."""
    worker, size = values["worker"], values["employer_size"]
    if worker == GRADUATE and size == SME:
        return [Step("中小微企业招用毕业年度高校毕业生并签订1年以上劳动合同", "适用", GRADUATES)]
    if worker == POOR:
        return [Step("重点企业招用贫困劳动力", "适用", POOR_HIRE)]
    if worker == HUBEI:
        return [Step("新招用湖北籍劳动者，有条件的地方可给予", "适用", HUBEI_HIRE)]
    raise CalculationError(f"资料中没有{values['region']}对{size}招用{worker}给予一次性吸纳就业补贴的规定。")


def compute_hiring(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    region, people = values["region"], int(values["people"])
    if values["application_date"] < values["hire_date"]:
        raise CalculationError("申请日期不能早于招用日期。")
    if region == "北京" and values["epidemic_supply_firm"] == YES:
        if values["hire_date"] > date(2020, 2, 9):
            raise NotCovered("只适用于春节期间（截至2020年2月9日）开工生产的企业", BJ_SUPPLY_SCOPE)
        steps = [Step("春节期间（截至2月9日）开工的防疫急需物资企业", "适用", BJ_SUPPLY_SCOPE),
                 Step(f"2020年1月、2月社保增员 {people} 人 × 1000元", 1000.0 * people, BJ_SUPPLY)]
        return {"subsidy": 1000.0 * people}, steps, {"每人": 1000}
    if values["contract_months"] < 12:
        raise NotCovered("劳动合同不足1年：一次性吸纳就业补贴要求签订1年以上劳动合同",
                         HN_UNEMPLOYED if region == "湖南" else GRADUATES)
    if values["social_insurance"] == NO:
        raise NotCovered("未按规定缴纳社会保险：一次性吸纳就业补贴要求按规定缴纳社会保险（经批准缓缴的可视为已缴纳）",
                         HN_UNEMPLOYED if region == "湖南" else HUBEI_HIRE)
    steps, amount = _hunan_hiring(values) if region == "湖南" else (_national_hiring(values), None)
    if amount is None:
        amount = _local(values, "local_amount", "资料只规定了可以给予，没有写金额；")
        steps.append(Step("当地补贴标准（用户输入，本库资料未载）", amount))
    steps.append(Step(f"{people} 人 × {amount:,.0f} 元", amount * people))
    return {"subsidy": amount * people}, steps, {"每人": amount}


REGIONS = ("湖南", "重庆", "北京", "其他省份")
SIZE = Input("employer_size", "企业规模", "choice", choices=(SME, LARGE))
PEOPLE = Input("people", "人数（北京防疫物资企业填2020年1、2月社保增员人数）", "number", minimum=1, maximum=100000,
               unit="人", integer=True)

TRAINING = Rule(
    name="training-subsidy",
    title="以工代训职业培训补贴",
    regions=("全国", "湖南"),
    valid_from=date(2020, 2, 21),
    valid_to=date(2021, 12, 31),
    inputs=(
        Input("region", "企业所在地", "choice", choices=REGIONS),
        Input("worker", "以工代训人员", "choice",
              choices=(HARDSHIP, ZERO_JOB, POOR, GRADUATE_2Y, UNEMPLOYED, OWN_STAFF)),
        SIZE,
        Input("key_industry_extended", (
            "大型企业：当地已将外贸、住宿餐饮、文化旅游、"
            "交通运输、批发零售等行业扩展到各类企业"), "choice", choices=(YES, NO), default=NO),
        PEOPLE,
        Input("months", "申请补贴月数", "number", minimum=1, maximum=12, unit="月", integer=True),
        Input("application_date", "申请日期", "date"),
        Input("monthly_standard", "当地每人每月补贴标准（湖南三类人员以外必填，资料未载）", "number", minimum=1,
              maximum=10000, unit="元/人·月", optional=True),
        Input("city_months", "湖南：本市确定的补贴期限（资料未载，可不填）", "number", minimum=1, maximum=6,
              unit="月", optional=True, integer=True),
    ),
    compute=compute_training,
    outcome="subsidy",
    period=(HN_HARDSHIP, HN_UNTIL),
    parameters=(Parameter("湖南就业困难人员、零就业家庭成员（元/人·月）", 500, HN_HARDSHIP),
                Parameter("湖南贫困劳动力（元/人·月）", 500, HN_POOR), Parameter("补贴月数上限", 6, PROVINCE_SETS)),
    citations=(NEW_HIRES, IDLE_SME, KEY_INDUSTRIES, PROVINCE_SETS, DEADLINE, POOR_NATIONAL, HN_HARDSHIP, HN_POOR,
               HN_CITY_MONTHS, HN_UNTIL),
)

HIRING = Rule(
    name="hiring-subsidy",
    title="一次性吸纳就业补贴",
    regions=("全国", "湖南", "北京"),
    valid_from=date(2020, 1, 1),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("region", "企业所在地", "choice", choices=REGIONS),
        Input("worker", "招用人员", "choice", choices=(UNEMPLOYED, GRADUATE, POOR, HUBEI)),
        SIZE,
        Input("registered_months", "湖南：招用时已登记失业月数", "number", minimum=0, maximum=600, unit="月",
              optional=True, integer=True),
        Input("contract_months", "劳动合同期限（无固定期限填600）", "number", minimum=1, maximum=600, unit="月",
              integer=True),
        Input("social_insurance", "已按规定缴纳社会保险（含经批准缓缴）", "choice", choices=(YES, NO)),
        Input("hire_date", "招用日期（北京防疫物资企业填开工日期）", "date"),
        Input("application_date", "申请日期（受理截止2020年12月31日）", "date"),
        PEOPLE,
        Input("got_post_subsidy", "湖南：同一人员已享受一次性岗位补贴", "choice", choices=(YES, NO), default=NO),
        Input("epidemic_supply_firm", "北京：经认定的防疫急需物资生产、配送企业", "choice", choices=(YES, NO),
              default=NO),
        Input("local_amount", "当地每人补贴标准（资料未载金额时必填）", "number", minimum=1, maximum=100000,
              unit="元/人", optional=True),
    ),
    compute=compute_hiring,
    outcome="subsidy",
    period=(HN_UNEMPLOYED, HN_NARROWED),
    parameters=(Parameter("湖南登记失业人员（2020-04-28前，元/人）", 1000, HN_UNEMPLOYED),
                Parameter("湖南中小微企业招用高校毕业生（2020-04-28前，元/人）", 1000, HN_GRADUATES),
                Parameter("湖南（2020-04-28起，元/人）", 1000, HN_NARROWED),
                Parameter("北京防疫物资企业（元/社保增员人）", 1000, BJ_SUPPLY)),
    citations=(HN_UNEMPLOYED, HN_NOT_BOTH, HN_GRADUATES, HN_NARROWED, HN_PREVAILS, HN_POOR_HIRE, GRADUATES,
               POOR_HIRE, HUBEI_HIRE, BJ_SUPPLY, BJ_SUPPLY_SCOPE),
)
