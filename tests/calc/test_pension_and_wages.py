"""Worked examples for Hunan's 2020 pension adjustment and wages during a stoppage."""

from __future__ import annotations

import pytest

from tests.calc.helpers import outside
from zhengce.calc.engine import CalculationError
from zhengce.calc.rules import RULES

PENSION = RULES["hunan-pension-adjustment-2020"]
WAGES = RULES["stoppage-wages"]


def pension(**values: str):
    inputs = {"retired_by_2019": "是", "years": "30", "base_pension": "3000", "age": "65", "hardship_area": "否"}
    return PENSION.run({**inputs, **values})


def test_pension_flat_length_and_share():
    # 湘人社规〔2020〕11号 二（一）"退休人员每人每月增加基本养老金50元";
    # 二（二）"每满1年月基本养老金增加1.4元" and "按本人2019年12月的基本养老金为基数，每月再增加1.5%".
    # 50 + 30 × 1.4 + 3000 × 1.5% = 50 + 42 + 45 = 137
    assert pension().result == {"monthly_increase": 137.0, "new_pension": 3137.0}


def test_a_part_year_counts_as_a_year():
    # 二（二）"缴费年限不满1年的记为1年": 30.2 years count as 31 → 43.4
    assert pension(years="30.2").result["monthly_increase"] == 138.4


@pytest.mark.parametrize("age, extra", [("69", 0), ("70", 23), ("79", 23), ("80", 34), ("95", 34)])
def test_age_extras_at_the_boundaries(age, extra):
    # 二（三）"70周岁以上（含70周岁）至80周岁以下…23元"; "80周岁以上（含80周岁）…34元"
    assert pension(age=age).result["monthly_increase"] == 137.0 + extra


def test_hardship_area_extra():
    # 二（四）艰苦边远地区"每人每月再增加基本养老金8元"
    assert pension(hardship_area="吉首市").result["monthly_increase"] == 145.0
    # the article's list is the choice: a short name the documents use is read as the county, others are refused
    assert pension(hardship_area="江华").steps[-2].text.startswith("艰苦边远地区（江华瑶族自治县）")
    with pytest.raises(CalculationError, match="艰苦边远地区"):
        pension(hardship_area="长沙市")


def test_those_retired_after_2019_are_not_adjusted():
    # 一：调整范围 "2019年12月31日前已按规定办理退休手续并按月领取基本养老金的退休人员"
    outside(pension(retired_by_2019="否"), "2019年12月31日前已按规定办理退休手续")


@pytest.mark.parametrize("values, message", [({"years": "-1"}, "years"), ({"age": "abc"}, "age"),
                                             ({"base_pension": ""}, "base_pension")])
def test_pension_bad_input(values, message):
    with pytest.raises(CalculationError, match=message):
        pension(**values)


def wages(**values: str):
    inputs = {"region": "重庆", "pay_cycle": "2", "worked": "否", "contract_wage": "5000", "minimum_wage": "1800"}
    return WAGES.run({**inputs, **values})


def test_first_pay_cycle_pays_the_contract_wage():
    # 人社厅明电〔2020〕5号 二 "企业停工停产在一个工资支付周期内的，企业应按劳动合同规定的标准支付职工工资"
    assert wages(pay_cycle="1").result == {"wage_at_least": 5000.0, "kind": "工资"}


def test_after_one_cycle_work_earns_at_least_the_minimum_wage():
    # 二 "若职工提供了正常劳动，企业支付给职工的工资不得低于当地最低工资标准"
    assert wages(worked="是").result["wage_at_least"] == 1800.0


@pytest.mark.parametrize("region, number", [("重庆", "渝人社〔2020〕47号"), ("北京", "京人社劳字〔2020〕11号")])
def test_living_allowance_is_70_percent_of_the_minimum_wage(region, number):
    # 渝人社〔2020〕47号 "不低于劳动合同履行地职工最低月工资标准的70%";
    # 京人社劳字〔2020〕11号 二 "不低于本市最低工资标准的70%"
    result = wages(region=region)
    assert result.result["living_allowance_at_least"] == 1260.0
    assert result.steps[-1].citation.doc_number == number


@pytest.mark.parametrize("region", ["湖南", "其他省份", "全国"])
def test_no_living_allowance_figure_where_the_corpus_gives_no_rule(region: str):
    # 人社厅明电〔2020〕5号 二 "生活费标准按各省、自治区、直辖市规定的办法执行": a result that says so, not an error
    result = wages(region=region)
    assert "living_allowance_at_least" not in result.result and "省级规定" in result.result["kind"]
    assert result.steps[-1].citation.quote.endswith("生活费标准按各省、自治区、直辖市规定的办法执行")


def test_isolated_workers_are_paid_for_the_period():
    # 人社厅明电〔2020〕5号 一 "企业应当支付职工在此期间的工作报酬"; contracts ending meanwhile are extended
    result = wages(situation="隔离治疗、医学观察或因政府隔离措施不能提供正常劳动", pay_cycle="", minimum_wage="")
    assert result.result == {"wage_at_least": 5000.0, "kind": "工作报酬"}
    assert "医学观察期期满" in result.steps[1].citation.quote


@pytest.mark.parametrize("values, message", [({"pay_cycle": ""}, "pay_cycle"), ({"minimum_wage": ""}, "minimum_wage")])
def test_a_stoppage_needs_the_cycle_and_after_it_the_minimum_wage(values, message):
    with pytest.raises(CalculationError, match=message):
        wages(**values)
