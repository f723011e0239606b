"""Worked examples for the degree and years conditions of titles and exams, at their boundaries."""

from __future__ import annotations

import pytest

from zhengce.calc.engine import CalculationError
from zhengce.calc.rules import RULES

EXAMS = RULES["exam-eligibility"]


def check(title: str, degree: str, work_years: str, **values: str) -> str:
    return EXAMS.run({"title": title, "degree": degree, "work_years": work_years, **values}).result["eligible"]


@pytest.mark.parametrize("years, eligible", [("6", "是"), ("5", "否")])
def test_economics_intermediate_with_a_college_diploma(years, eligible):
    # 人社部规〔2020〕1号 附件 第九条（二）"具备大学专科学历，从事相关专业工作满6年"
    assert check("经济专业技术资格·中级", "大学专科", years) == eligible


def test_economics_intermediate_from_high_school_needs_the_junior_qualification():
    # 第九条（一）"高中毕业并取得初级经济专业技术资格，从事相关专业工作满10年"
    assert check("经济专业技术资格·中级", "高中（含中专、职高、技校）", "12") == "否"
    assert check("经济专业技术资格·中级", "高中（含中专、职高、技校）", "10", prior_title="是") == "是"


@pytest.mark.parametrize("frontline, eligible", [("否", "否"), ("是", "是")])
def test_economics_senior_a_year_early_for_frontline_staff(frontline, eligible):
    # 第十条（二）取得中级后"从事与经济师职责相关工作满5年"; 人社厅发〔2020〕23号 二 "可提前一年…参加专业技术资格考试"
    values = {"prior_title": "是", "years_in_prior_title": "4", "frontline_covid": frontline}
    assert check("经济专业技术资格·高级", "大学本科或学士学位", "9", **values) == eligible


def test_supervising_engineer_needs_an_engineering_major_and_a_degree_in_pilot_areas():
    # 建人规〔2020〕3号 附件 第十条（二）"工学、管理科学与工程类专业大学本科学历或学位…满4年"
    assert check("监理工程师职业资格", "大学本科或学士学位", "4", engineering_major="是") == "是"
    assert check("监理工程师职业资格", "大学本科或学士学位", "10") == "否"
    # 第十条（一）专科满6年; 第十条第二款 试点地区 "应当具有大学本科及以上学历或学位"
    assert check("监理工程师职业资格", "大学专科", "8", engineering_major="是") == "是"
    assert check("监理工程师职业资格", "大学专科", "8", engineering_major="是", pilot_region="是") == "否"


def test_frontline_year_does_not_apply_to_the_supervising_qualification():
    assert check("监理工程师职业资格", "大学本科或学士学位", "3", engineering_major="是", frontline_covid="是") == "否"


def test_senior_statistician_with_a_doctorate():
    # 人社部发〔2020〕16号 附件/四/（三）/5 "具备博士学位，取得统计师职称后，从事与统计师职责相关工作满2年"
    assert check("统计·高级统计师", "博士学位", "2", prior_title="是", years_in_prior_title="2") == "是"


@pytest.mark.parametrize("degree, years, eligible", [
    ("高中（含中专、职高、技校）", "6", "否"),  # 馆员: 高中 "任职满7年"
    ("高中（含中专、职高、技校）", "7", "是"),
    ("大学专科", "4", "是"),  # 专科 the same 4 years as 本科, as printed
])
def test_archives_librarian(degree, years, eligible):
    values = {"prior_title": "是", "years_in_prior_title": years}
    assert check("档案·馆员", degree, "10", **values) == eligible


def test_associate_professor_two_years_only_for_doctors():
    # 人社部发〔2020〕100号 附件/四/（三）/3 "担任讲师职务满5年；或具备博士学位，且担任讲师职务满2年"
    assert check("高校教师·副教授", "硕士学位", "6", prior_title="是", years_in_prior_title="4") == "否"
    assert check("高校教师·副教授", "博士学位", "6", prior_title="是", years_in_prior_title="2") == "是"


def test_a_degree_with_no_route_says_which_degrees_the_text_lists():
    result = EXAMS.run({"title": "高校教师·讲师", "degree": "大学专科", "work_years": "10"})
    assert result.result == {"eligible": "否"} and "所列学历" in result.steps[-1].text


@pytest.mark.parametrize("values, message", [
    ({"years_in_prior_title": "7", "work_years": "5"}, "不能多于"),
    ({"work_years": "-1"}, "超出范围"),
    ({"title": "监理工程师·高级"}, "只能是"),
])
def test_exam_refusals(values, message):
    with pytest.raises(CalculationError, match=message):
        EXAMS.run({"title": "经济专业技术资格·高级", "degree": "博士学位", "work_years": "5", **values})


def test_chongqing_outstanding_contribution_also_gives_one_year_once():
    # 渝委组〔2020〕7号 附件/二 "经审核认定可提前一年申报评审高一级职称"; with the national one, still one year
    values = {"prior_title": "是", "years_in_prior_title": "3"}
    assert check("档案·副研究馆员", "大学本科或学士学位", "9", **values) == "否"  # 任职满5年
    assert check("档案·副研究馆员", "大学本科或学士学位", "9", chongqing_outstanding="是", **values) == "否"  # 4 > 3
    values["years_in_prior_title"] = "4"
    assert check("档案·副研究馆员", "大学本科或学士学位", "9", chongqing_outstanding="是", frontline_covid="是",
                 **values) == "是"


def test_civil_servants_sit_statistics_exams_but_no_archives_review():
    # 人社部发〔2020〕16号 三（三）"公务员可以参加统计专业技术资格考试，但不得参加职称评审"
    result = EXAMS.run({"title": "统计·统计师", "degree": "硕士学位", "work_years": "1", "civil_servant": "是"})
    assert result.result == {"eligible": "是"} and "不得参加职称评审" in result.steps[0].citation.quote
    # 人社部发〔2020〕20号 三（三）"公务员和参照公务员法管理的人员不得参加档案专业人员职称评审"
    assert check("档案·助理馆员", "硕士学位", "3", civil_servant="是") == "否"
