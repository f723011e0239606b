"""Degree and years conditions for the professional titles and exams the 2020 corpus sets out.

Each title lists its routes as printed: a degree, whether the title below must
be held, and the years of work (counted from that title where the text says
so). A route is met when the degree matches and the years reach the figure;
frontline COVID-19 professionals (人社厅发〔2020〕23号 二) and, in Chongqing, those
recognised for an outstanding contribution (渝委组〔2020〕7号) may apply a year
early, once, except for the 监理 qualification, which is not a 职称. Civil
servants may sit the statistics exams but not 评审, and no 档案 评审. Only degree
and years are checked: the texts also weigh conduct, results and ability, which
no calculator can judge. Not covered: the soft "一般应" floors of the top titles
(正高级统计师, 研究馆员), the 青年教师 student-work year, and Hunan's 凡晋必下
basic-level years.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from zhengce.calc.engine import CalculationError, Citation, Input, Parameter, Rule, Step

LOW, HS, JC = "高中以下", "高中（含中专、职高、技校）", "大学专科"
BA, SB, MA, PHD = "大学本科或学士学位", "第二学士学位或研究生班", "硕士学位", "博士学位"
DEGREES = (LOW, HS, JC, BA, SB, MA, PHD)
BACHELOR_UP = frozenset({BA, SB, MA, PHD})
YES, NO = "是", "否"


@dataclass(frozen=True)
class Route:
    """One printed route to a title: the degrees it names, the title needed first, the years and the words."""

    degrees: frozenset[str]
    years: int
    citation: Citation
    needs_prior: bool = False
    years_since_prior: bool = False  # the years count from the prior title, not from starting work
    engineering: bool = False  # 监理: the major must be an engineering one


def _routes(number: str, path: str, *rows: tuple[Any, ...]) -> tuple[Route, ...]:
    """Routes of one article: (degrees, years, quote[, needs_prior, years_since_prior, engineering])."""
    return tuple(Route(frozenset(degrees), years, Citation(number, path, quote), *flags)
                 for degrees, years, quote, *flags in rows)


ECON, SUPERVISION = "人社部规〔2020〕1号", "建人规〔2020〕3号"
SUPERVISING = "监理工程师职业资格"
STATS, ARCHIVES, TEACHERS = "人社部发〔2020〕16号", "人社部发〔2020〕20号", "人社部发〔2020〕100号"
AFTER = (True, True)  # needs the prior title; years count from it
ROUTES: dict[str, tuple[Route, ...]] = {
    "经济专业技术资格·初级": _routes(ECON, "附件/第八条", (
        {HS, JC, *BACHELOR_UP}, 0, "具备国家教育部门认可的高中（含高中、中专、职高、技校，下同）以上学历")),
    "经济专业技术资格·中级": (
        _routes(ECON, "附件/第九条/（一）", (
            {HS}, 10, "高中毕业并取得初级经济专业技术资格，从事相关专业工作满10年", True))
        + _routes(ECON, "附件/第九条/（二）", ({JC}, 6, "具备大学专科学历，从事相关专业工作满6年"))
        + _routes(ECON, "附件/第九条/（三）", ({BA}, 4, "具备大学本科学历或学士学位，从事相关专业工作满4年"))
        + _routes(ECON, "附件/第九条/（四）", ({SB}, 2, "具备第二学士学位或研究生班毕业，从事相关专业工作满2年"))
        + _routes(ECON, "附件/第九条/（五）", ({MA}, 1, "具备硕士学位，从事相关专业工作满1年"))
        + _routes(ECON, "附件/第九条/（六）", ({PHD}, 0, "具备博士学位。"))),
    "经济专业技术资格·高级": (
        _routes(ECON, "附件/第十条/（一）", (
            {JC}, 10, "具备大学专科学历，取得中级经济专业技术资格后，从事与经济师职责相关工作满10年", *AFTER))
        + _routes(ECON, "附件/第十条/（二）", (
            {BA, SB, MA}, 5, "取得中级经济专业技术资格后，从事与经济师职责相关工作满5年", *AFTER))
        + _routes(ECON, "附件/第十条/（三）", (
            {PHD}, 2, "具备博士学位，取得中级经济专业技术资格后，从事与经济师职责相关工作满2年", *AFTER))),
    SUPERVISING: (
        _routes(SUPERVISION, "附件/第十条/（一）", (
            {JC}, 6, "具有各工程大类专业大学专科学历（或高等职业教育），从事工程施工、监理、设计等业务工作满6年",
            False, False, True))
        + _routes(SUPERVISION, "附件/第十条/（二）", (
            {BA, SB}, 4, "具有工学、管理科学与工程类专业大学本科学历或学位，从事工程施工、监理、设计等业务工作满4年",
            False, False, True))
        + _routes(SUPERVISION, "附件/第十条/（三）", (
            {MA}, 2, "具有工学、管理科学与工程一级学科硕士学位或专业学位，从事工程施工、监理、设计等业务工作满2年",
            False, False, True))
        + _routes(SUPERVISION, "附件/第十条/（四）", (
            {PHD}, 0, "具有工学、管理科学与工程一级学科博士学位。", False, False, True))),
    "统计·助理统计师": _routes(STATS, "附件/四/（一）/5", (
        {HS, JC, *BACHELOR_UP}, 0, "具备国家教育部门认可的高中毕业（含高中、中专、职高、技校，下同）及以上学历")),
    "统计·统计师": _routes(
        STATS, "附件/四/（二）/6", ({PHD}, 0, "具备博士学位；"), ({MA}, 1, "或具备硕士学位，从事统计工作满1年"),
        ({SB}, 2, "或具备第二学士学位或研究生班毕业，从事统计工作满2年"),
        ({BA}, 4, "或具备大学本科学历或学士学位，从事统计工作满4年"),
        ({JC}, 6, "或具备大学专科学历，从事统计工作满6年"),
        ({HS}, 10, "或高中毕业，取得助理统计师职称，从事统计相关工作满10年", True)),
    "统计·高级统计师": _routes(
        STATS, "附件/四/（三）/5",
        ({PHD}, 2, "具备博士学位，取得统计师职称后，从事与统计师职责相关工作满2年", *AFTER),
        ({MA, SB, BA}, 5, "取得统计师职称后，从事与统计师职责相关工作满5年", *AFTER),
        ({JC}, 10, "或具备大学专科学历，取得统计师职称后，从事与统计师职责相关工作满10年", *AFTER)),
    "档案·管理员": _routes(ARCHIVES, "附件/五/（一）/4", (
        {JC, HS}, 1, "具备大学专科、高中（含中专、职高、技校，下同）毕业学历，从事档案工作满1年")),
    "档案·助理馆员": _routes(
        ARCHIVES, "附件/五/（二）/4", ({MA, BA, SB}, 1, "具备硕士学位、大学本科学历或学士学位，从事档案工作满1年"),
        ({JC}, 2, "或者具备大学专科学历，取得管理员职称后，在相应专业技术岗位任职满2年", *AFTER),
        ({HS}, 4, "或者具备高中毕业学历，取得管理员职称后，在相应专业技术岗位任职满4年", *AFTER)),
    "档案·馆员": _routes(
        ARCHIVES, "附件/五/（三）/5", ({PHD}, 0, "具备博士学位；"),
        ({MA}, 2, "或者具备硕士学位，取得助理馆员职称后，在相应专业技术岗位任职满2年", *AFTER),
        ({BA, SB}, 4, "或者具备大学本科学历或学士学位，取得助理馆员职称后，在相应专业技术岗位任职满4年", *AFTER),
        ({JC}, 4, "或者具备大学专科学历，取得助理馆员职称后，在相应专业技术岗位任职满4年", *AFTER),
        ({HS}, 7, "或者具备高中毕业学历，取得助理馆员职称后，在相应专业技术岗位任职满7年", *AFTER)),
    "档案·副研究馆员": _routes(
        ARCHIVES, "附件/五/（四）/5", ({PHD}, 2, "具备博士学位，取得馆员职称后，在相应专业技术岗位任职满2年", *AFTER),
        ({MA, BA, SB}, 5, "取得馆员职称后，在相应专业技术岗位任职满5年", *AFTER)),
    "高校教师·助教": _routes(
        TEACHERS, "附件/四/（一）/3", ({MA}, 0, "具备硕士学位；"),
        ({BA, SB}, 1, "或具备大学本科学历或学士学位，见习1年期满且考核合格")),
    "高校教师·讲师": _routes(
        TEACHERS, "附件/四/（二）/3", ({PHD}, 0, "具备博士学位；"),
        ({MA}, 2, "或具备硕士学位，并担任助教职务满2年", *AFTER),
        ({BA, SB}, 4, "或具备大学本科学历或学士学位，并担任助教职务满4年", *AFTER)),
    "高校教师·副教授": _routes(
        TEACHERS, "附件/四/（三）/3",
        (BACHELOR_UP, 5, "具备大学本科及以上学历或学士及以上学位，且担任讲师职务满5年", *AFTER),
        ({PHD}, 2, "或具备博士学位，且担任讲师职务满2年", *AFTER)),
    "高校教师·教授": _routes(TEACHERS, "附件/四/（四）/3", (
        BACHELOR_UP, 5, "具备大学本科及以上学历或学士及以上学位，且担任副教授职务满5年", *AFTER)),
}
PRIOR = {
    "经济专业技术资格·中级": "初级经济专业技术资格",
    "经济专业技术资格·高级": "中级经济专业技术资格（或会计、统计、审计中级）",
    "统计·统计师": "助理统计师", "统计·高级统计师": "统计师（或经济、会计、审计等相近专业中级）",
    "档案·助理馆员": "管理员", "档案·馆员": "助理馆员", "档案·副研究馆员": "馆员",
    "高校教师·讲师": "助教", "高校教师·副教授": "讲师", "高校教师·教授": "副教授",
}
ACCOUNTING_ETC = Citation(ECON, "附件/第十条/第二款", "取得会计、统计、审计中级专业技术资格，符合以上学历、年限条件的")
PILOT = Citation(SUPERVISION, "附件/第十条/第二款", (
    "经批准同意开展试点的地区，申请参加监理工程师职业资格考试的，"
    "应当具有大学本科及以上学历或学位"))
EARLY = Citation("人社厅发〔2020〕23号", "二", (
    "参加疫情防控的一线专业技术人员，"
    "可提前一年申报评审高一级职称或参加专业技术资格考试"))
ONCE = Citation("人社厅发〔2020〕23号", "五", "原则上只享受一次政策优惠")
CHONGQING_EARLY = Citation("渝委组〔2020〕7号", "附件/二", (
    "对积极参加疫情防控工作并作出突出贡献的专业技术人才，"
    "经审核认定可提前一年申报评审高一级职称"))
STATS_CIVIL = Citation(STATS, "三/（三）", "符合条件的公务员可以参加统计专业技术资格考试，但不得参加职称评审")
ARCHIVES_CIVIL = Citation(ARCHIVES, "三/（三）", "公务员和参照公务员法管理的人员不得参加档案专业人员职称评审")
# The year early is for 职称 and their exams: not for 监理, a qualification, nor
# for 助教, whose year is a probation, not time in a title.
NOT_EARLY = (SUPERVISING, "高校教师·助教")


def _threshold(route: Route, early: bool) -> int:
    """Years required, a year fewer when the applicant may apply early."""
    return route.years - 1 if early and route.years > 0 else route.years


def _early(title: str, values: dict[str, Any]) -> bool:
    """Whether this applicant may apply a year early for this title."""
    return title not in NOT_EARLY and YES in (values["frontline_covid"], values["chongqing_outstanding"])


def _unmet(title: str, route: Route, values: dict[str, Any], early: bool) -> list[str]:
    """What keeps the applicant off this route; empty when it is met."""
    reasons = []
    if route.engineering and values["engineering_major"] != YES:
        reasons.append("所学专业须为工程大类（专科）或工学、管理科学与工程（本科及以上）")
    if route.needs_prior and values["prior_title"] != YES:
        reasons.append(f"须先取得{PRIOR[title]}")
    years = values["years_in_prior_title"] if route.years_since_prior else values["work_years"]
    needed = _threshold(route, early)
    if needed and (years or 0) < needed:
        counted = f"取得{PRIOR[title]}后" if route.years_since_prior else "相关工作"
        reasons.append(f"{counted}须满{needed}年（现 {years or 0:g} 年）")
    return reasons


def compute(values: dict[str, Any]) -> tuple[dict[str, Any], list[Step], dict[str, Any]]:
    title, degree = values["title"], values["degree"]
    if (values["years_in_prior_title"] or 0) > values["work_years"]:
        raise CalculationError("取得下一级职称或资格后的年限不能多于相关工作年限。")
    routes = [route for route in ROUTES[title] if degree in route.degrees]
    steps: list[Step] = []
    if title == SUPERVISING and values["pilot_region"] == YES:
        steps.append(Step("试点地区报考须大学本科及以上学历或学位", "本科及以上", PILOT))
        routes = [route for route in routes if degree in BACHELOR_UP]
    if values["civil_servant"] == YES and title.startswith("档案"):
        steps.append(Step("公务员和参照公务员法管理的人员不得参加档案专业人员职称评审", "不得参加", ARCHIVES_CIVIL))
        return {"eligible": NO}, steps, {}
    if values["civil_servant"] == YES and title.startswith("统计"):
        steps.append(Step("公务员可以参加统计专业技术资格考试，但不得参加职称评审", "只可参加考试", STATS_CIVIL))
    early = _early(title, values)
    if early:
        if values["frontline_covid"] == YES:
            steps.append(Step("疫情防控一线专业技术人员可提前一年申报（年限减1年）", "提前一年", EARLY))
        if values["chongqing_outstanding"] == YES:
            steps.append(Step("重庆：作出突出贡献、经审核认定的可提前一年申报评审", "提前一年", CHONGQING_EARLY))
        steps.append(Step("提前申报的优惠原则上只享受一次（只减1年）", "一次", ONCE))
    if title == "经济专业技术资格·高级":
        steps.append(Step("会计、统计、审计中级专业技术资格也可报考高级", "可", ACCOUNTING_ETC))
    if not routes:
        listed = "、".join(d for d in DEGREES if any(d in route.degrees for route in ROUTES[title]))
        steps.append(Step(f"{title}的报名（申报）条件没有“{degree}”的路径（所列学历：{listed}）", "不满足",
                          ROUTES[title][0].citation))
        return {"eligible": NO}, steps, {}
    results = [(route, _unmet(title, route, values, early)) for route in routes]
    met = [route for route, reasons in results if not reasons]
    for route, reasons in results:
        needed = _threshold(route, early)
        note = f"须满{needed}年" + ("（已提前一年）" if needed < route.years else "")
        steps.append(Step(f"{degree}的路径，{note}：{'满足' if not reasons else '；'.join(reasons)}",
                          "满足" if not reasons else "不满足", route.citation))
    steps.append(Step("以上只核对学历、年限和前置资格；品德、业绩、能力等条件由评审（考试）机构另行认定", "另行认定"))
    return {"eligible": YES if met else NO}, steps, {"所需年限": [r.years for r in routes]}


RULE = Rule(
    name="exam-eligibility",
    title="职称评审、专业技术资格考试的学历和年限条件",
    regions=("全国",),
    valid_from=date(2020, 1, 8),
    valid_to=date(2020, 12, 31),
    inputs=(
        Input("title", "职称或资格（系列·级别）", "choice", choices=tuple(ROUTES)),
        Input("degree", "最高学历或学位", "choice", choices=DEGREES),
        Input("work_years", "从事相关专业工作年限（满几年）", "number", minimum=0, maximum=60, unit="年"),
        Input("prior_title", "已取得下一级职称或资格", "choice", choices=(YES, NO), default=NO),
        Input("years_in_prior_title", "取得下一级职称或资格后的年限", "number", minimum=0, maximum=60, unit="年",
              optional=True),
        Input("engineering_major", "监理：所学为工程大类（专科）或工学、管理科学与工程（本科及以上）", "choice",
              choices=(YES, NO), default=NO),
        Input("pilot_region", "监理：在经批准开展试点的地区报考（资料未列出试点地区）", "choice", choices=(YES, NO),
              default=NO),
        Input("frontline_covid", "疫情防控一线专业技术人员，且未享受过提前申报优惠", "choice", choices=(YES, NO),
              default=NO),
        Input("chongqing_outstanding", "重庆：积极参加疫情防控作出突出贡献，经审核认定", "choice", choices=(YES, NO),
              default=NO),
        Input("civil_servant", "公务员或参照公务员法管理的人员", "choice", choices=(YES, NO), default=NO),
    ),
    compute=compute,
    parameters=tuple(Parameter(f"{title}：{'、'.join(d for d in DEGREES if d in route.degrees)}", f"满{route.years}年",
                               route.citation) for title, routes in ROUTES.items() for route in routes),
    citations=(*(route.citation for routes in ROUTES.values() for route in routes), ACCOUNTING_ETC, PILOT, EARLY,
               ONCE, CHONGQING_EARLY, STATS_CIVIL, ARCHIVES_CIVIL),
)
