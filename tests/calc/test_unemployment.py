"""Worked examples for the unemployment benefit, the 2020 subsidy and the living allowances.

Local standards are example values a user would type; the corpus gives none.
"""

from __future__ import annotations

import pytest

from tests.calc.helpers import refused_or_outside
from zhengce.calc.rules import RULES

BENEFIT = RULES["unemployment-benefit"]
SUBSIDY = RULES["unemployment-subsidy"]
ALLOWANCE = RULES["living-allowance"]


def benefit(**values: str):
    inputs = {"contribution_months": "36", "involuntary": "是", "job_seeking": "是", "local_standard": "1500",
              "entitlement_months": "12"}
    return BENEFIT.run({**inputs, **values})


def test_benefit_is_the_local_standard_for_the_set_period():
    # 人社厅发〔2020〕24号 二 "按照申请之日当地失业保险金标准，按月发放失业保险金"
    assert benefit().result == {"monthly_benefit": 1500.0, "benefit_total": 18000.0}


@pytest.mark.parametrize("to_retirement, extension", [("11", 11.0), ("12", None)])
def test_continued_to_retirement_when_less_than_a_year_away(to_retirement, extension):
    # 人社部发〔2020〕40号 二 "距法定退休年龄不足1年的失业人员，可继续发放失业保险金至法定退休年龄": 11 yes, 12 no
    result = benefit(months_to_retirement=to_retirement).result
    assert result.get("extension_months") == extension
    assert result["benefit_total"] == 1500 * (12 + (extension or 0))


def test_eleven_months_of_contributions_point_to_the_subsidy():
    # 二 "参保缴费满1年"
    refused_or_outside(lambda: benefit(contribution_months="11"), r"参保缴费满1年.*unemployment-subsidy")


def subsidy(**values: str):
    inputs = {"region": "其他地区", "category": "不符合领取失业保险金条件的参保失业人员",
              "application_month": "2020-03", "local_standard": "1500"}
    return SUBSIDY.run({**inputs, **values})


def test_subsidy_cap_is_80_percent_for_six_months():
    # 人社部发〔2020〕40号 三 "可以申领6个月的失业补助金，标准不超过当地失业保险金的80%": 1500 × 0.8 × 6
    assert subsidy().result == {"monthly_at_most": 1200.0, "subsidy": 7200.0}


def test_hunan_december_with_a_local_amount():
    # 湘政办发〔2020〕20号 附件/四（十一）"受理截止期限为2020年12月31日"; 1100 ≤ 0.8 × 1400
    values = {"region": "湖南", "category": "领取失业保险金期满仍未就业", "application_month": "2020-12",
              "local_standard": "1400", "local_amount": "1100"}
    result = subsidy(**values)
    assert result.result == {"monthly_subsidy": 1100.0, "subsidy": 6600.0}
    assert any(step.citation and step.citation.doc_number == "湘政办发〔2020〕20号" for step in result.steps)


@pytest.mark.parametrize("values, message", [
    ({"application_month": "2021-01"}, "适用期间"),
    ({"application_month": "2020-02"}, "适用期间"),
    ({"local_amount": "1300"}, "不超过当地失业保险金的80%"),
    ({"category": "正在领取失业保险金"}, "不得同时发放"),
])
def test_subsidy_refusals(values, message):
    refused_or_outside(lambda: subsidy(**values), message)


def allowance(**values: str):
    inputs = {"person": "失业农民工（单位缴费、个人不缴费）", "application_date": "2020-05-06", "local_standard": "650",
              "insured_months": "7"}
    return ALLOWANCE.run({**inputs, **values})


def test_migrant_temporary_allowance_up_to_three_months_of_dibao():
    # 人社部发〔2020〕40号 四 "参照参保地城市低保标准，按月发放不超过3个月的临时生活补助": ≤ 3 × 650
    assert allowance().result == {"monthly_at_most": 650.0, "subsidy": 1950.0}


def test_a_full_year_gets_the_one_off_allowance_whose_amount_is_local():
    # 四 "连续工作满1年的失业农民工，及时发放一次性生活补助" — no amount in the corpus
    assert "按当地规定" in allowance(insured_months="12").result["kind"]


@pytest.mark.parametrize("values, message", [
    ({"application_date": "2020-04-30"}, "2020年5月至12月"),
    ({"insured_since_2019": "否", "insured_months": "10"}, "2019年1月1日之后"),
    ({"months_paid": "4"}, "超出范围"),
])
def test_migrant_allowance_refusals(values, message):
    refused_or_outside(lambda: allowance(**values), message)


def test_chongqing_one_off_is_twice_the_city_standard_once():
    # 渝人社发〔2020〕13号 三（八）"标准为全市月失业保险金标准的2倍，每人只能享受一次"
    values = {"person": "重庆就业困难人员", "application_date": "2020-03-02", "local_standard": "1700",
              "insured_months": ""}
    assert allowance(**values).result == {"one_off": 3400.0}
    refused_or_outside(lambda: allowance(**values, received_before="是"), "每人只能享受一次")
