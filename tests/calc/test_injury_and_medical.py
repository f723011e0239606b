"""Worked examples for Hunan's 2020 work-injury increases and the epidemic work allowance.

Each expected figure was computed by hand from the article quoted beside it.
"""

from __future__ import annotations

import pytest

from tests.calc.helpers import refused_or_outside
from zhengce.calc.engine import CalculationError
from zhengce.calc.rules import RULES

ADJUSTMENT = RULES["hunan-work-injury-adjustment-2020"]
HEALTH_FUND = RULES["hunan-old-injury-health-fund-2020"]
ALLOWANCE = RULES["epidemic-work-allowance"]


def adjust(**values: str):
    inputs = {"benefit_type": "伤残津贴", "received_by_2019": "是", "current_amount": "2000", "min_wage_2020": "1700"}
    return ADJUSTMENT.run({**inputs, **values})


def test_disability_allowance_rises_by_140_with_back_pay():
    # 湘人社规〔2020〕15号 一（二）"其伤残津贴每人每月增加140元"; from 2020-01-01, so January-August is 8 months
    result = adjust(arrears_to="2020-08").result
    assert result == {"new_amount": 2140.0, "monthly_increase": 140.0, "arrears": 1120.0}


def test_topped_up_to_the_minimum_wage():
    # 一（二）"伤残津贴低于2020年统筹地区最低工资标准的，补足到统筹地区最低工资标准": 1500 + 140 < 1700
    result = adjust(current_amount="1500", arrears_to="2020-12")
    assert result.result == {"new_amount": 1700.0, "monthly_increase": 200.0, "arrears": 2400.0}
    assert "补足到统筹地区最低工资标准" in result.steps[-2].citation.quote


def test_pre_2004_injury_pension_follows_the_same_standard():
    # 三（三）伤残抚恤金"按照本通知第一部分第（二）、（三）项的规定进行"
    result = adjust(benefit_type="伤残抚恤金（2003年12月31日前的工伤）", current_amount="1800")
    assert result.result["new_amount"] == 1940.0 and result.steps[1].citation.path == "三/（三）"


def test_dependants_get_56_each():
    # 二（二）"其供养亲属抚恤金每人每月增加56元": 3 dependants, January-June
    result = adjust(benefit_type="供养亲属抚恤金", current_amount="900", dependants="3", arrears_to="2020-06")
    assert result.result == {"new_amount": 956.0, "monthly_increase": 168.0, "arrears": 1008.0}


@pytest.mark.parametrize("values, message", [
    ({"pension_adjusted_2020": "是"}, "不再按照本通知的规定调整"),  # 三（五）
    ({"received_by_2019": "否"}, "2019年12月31日前"),  # 一（一）: started in 2020
    ({"min_wage_2020": ""}, "min_wage_2020"),  # the floor needs the minimum wage, which the corpus lacks
    ({"current_amount": "-100"}, "超出范围"),
    ({"arrears_to": "2019-12"}, "适用期间"),  # before 2020-01-01
])
def test_adjustment_refusals(values, message):
    refused_or_outside(lambda: adjust(**values), message)


def test_health_fund_by_old_grade():
    # 湘人社规〔2020〕23号 "二等乙级每年6570元", "本通知自2020年8月1日起执行"
    result = HEALTH_FUND.run({"recognised_before_2005": "是", "grade": "二等乙级", "month": "2020-08"})
    assert result.result == {"annual_amount": 6570.0}


@pytest.mark.parametrize("values, message", [
    ({"month": "2020-07"}, "适用期间"),  # before 23号 took effect; the earlier standard is not in the corpus
    ({"grade": "5级"}, "只能是"),  # 23号 lists old grades only, with no mapping from 1-10
    ({"recognised_before_2005": "否"}, "2005年12月29日前"),
])
def test_health_fund_refusals(values, message):
    given = {"recognised_before_2005": "是", "grade": "特等", "month": "2020-09", **values}
    refused_or_outside(lambda: HEALTH_FUND.run(given), message)


@pytest.mark.parametrize("values, expected", [
    # 渝财综〔2020〕3号 一（一）"按照每人每天300元补助" / "按照每人每天200元补助"
    ({"region": "重庆", "contact_days": "20"}, 6000.0),
    ({"region": "重庆", "contact_days": "5", "other_days": "15"}, 4500.0),
    # 国发明电〔2020〕5号 一 湖北（含援鄂医疗队）"临时性工作补助相应标准提高1倍"
    ({"region": "重庆", "contact_days": "30", "hubei_frontline": "是"}, 18000.0),
    # 京政办发〔2020〕5号 二/7 "给予每人每天200元补助"
    ({"region": "北京", "other_days": "10"}, 2000.0),
    ({"region": "重庆"}, 0.0),
])
def test_daily_allowance(values, expected):
    assert ALLOWANCE.run(values).result["allowance"] == expected


def test_other_regions_need_the_local_standard():
    with pytest.raises(CalculationError, match="人社部规〔2016〕4号未收录"):
        ALLOWANCE.run({"region": "其他地区（资料未载明标准）", "contact_days": "10"})
    given = {"region": "其他地区（资料未载明标准）", "contact_days": "10", "contact_daily": "300", "other_daily": "200"}
    result = ALLOWANCE.run(given)
    assert result.result["allowance"] == 3000.0 and "本库资料未载" in result.steps[0].text
    assert result.steps[0].citation is None


def test_chongqing_duty_meals():
    # 渝财综〔2020〕3号 一（二）"均按每人每班（每班7-8小时）70元执行"
    result = ALLOWANCE.run({"region": "重庆", "duty_staff": "是", "duty_shifts": "12"})
    assert result.result == {"allowance": 0.0, "duty_meals": 840.0}


@pytest.mark.parametrize("values, message", [
    ({"region": "北京", "duty_shifts": "3"}, "重庆"),  # the 70 元 shift meal is a Chongqing rule only
    ({"region": "重庆", "contact_days": "2.5"}, "整数"),
    ({"region": "重庆", "contact_days": "-3"}, "超出范围"),
])
def test_allowance_refusals(values, message):
    with pytest.raises(CalculationError, match=message):
        ALLOWANCE.run(values)
