"""Worked examples for the 以工代训 training subsidy and the one-off hiring subsidy.

Each expected figure was computed by hand from the article quoted beside it.
"""

from __future__ import annotations

import pytest

from tests.calc.helpers import outside, refused_or_outside
from zhengce.calc.engine import CalculationError
from zhengce.calc.rules import RULES

TRAINING = RULES["training-subsidy"]
HIRING = RULES["hiring-subsidy"]


def train(**values: str):
    inputs = {"region": "湖南", "worker": "就业困难人员", "employer_size": "中小微企业", "people": "3", "months": "6",
              "application_date": "2020-07-10"}
    return TRAINING.run({**inputs, **values})


def test_hunan_500_a_month_for_six_months():
    # 湘人社规〔2020〕2号 附件/五 "给予企业每人每月500元的培训补贴，补贴期限最长不超过6个月": 3 × 500 × 6
    assert train().result == {"monthly_subsidy": 1500.0, "subsidy": 9000.0}


def test_hunan_city_sets_fewer_months_and_six_is_the_cap():
    # 湘人社规〔2020〕6号 一（七）"具体期限由各市结合当地专账资金承受能力确定": min(8, 6, 4) = 4 → 2 × 500 × 4
    result = train(worker="零就业家庭成员", employer_size="大型企业", people="2", months="8", city_months="4")
    assert result.result["subsidy"] == 4000.0


def test_hunan_own_categories_keep_their_period_after_2020():
    # 人社部发〔2020〕30号 二（二）"原有以工代训政策执行期限不变"; 湘人社规〔2020〕6号 有效期至2021年12月31日
    assert train(people="2", application_date="2021-01-15").result["subsidy"] == 6000.0


def test_hunan_poor_labourers_in_a_poverty_workshop():
    # 湘人社规〔2020〕5号 附件/二 扶贫车间 "吸纳贫困劳动力就业…给予企业每人每月500元的培训补贴"
    assert train(worker="贫困劳动力", people="1").result["subsidy"] == 3000.0


def test_national_tracks_need_the_provincial_standard_and_close_at_year_end():
    # 人社部发〔2020〕30号 二（二）"补贴标准由省级人力资源社会保障、财政部门确定"
    given = {"region": "重庆", "worker": "离校两年内高校毕业生", "people": "4", "application_date": "2020-12-31"}
    refused_or_outside(lambda: train(**given), "monthly_standard")
    assert train(**given, monthly_standard="400").result["subsidy"] == 4 * 400 * 6
    # "受理期限截止到2020年12月31日"
    late = {**given, "application_date": "2021-01-04", "monthly_standard": "400"}
    outside(train(**late), "受理期限截止到2020年12月31日")


def test_hunan_registered_unemployed_are_a_national_track():
    # 湖南's 500 元 covers 就业困难人员, 零就业家庭成员, 贫困劳动力 only; 登记失业人员 need the provincial standard
    with pytest.raises(CalculationError, match="monthly_standard"):
        train(worker="登记失业人员")


@pytest.mark.parametrize("values, message", [
    ({"region": "北京", "worker": "登记失业人员", "employer_size": "大型企业", "monthly_standard": "500"}, "大型企业"),
    ({"months": "0"}, "超出范围"),
    ({"people": "0"}, "超出范围"),
    ({"region": "广东"}, "只能是"),
])
def test_training_refusals(values, message):
    refused_or_outside(lambda: train(**values), message)


def hire(**values: str):
    inputs = {"region": "湖南", "worker": "登记失业人员", "employer_size": "大型企业", "contract_months": "12",
              "social_insurance": "是", "hire_date": "2020-03-16", "application_date": "2020-04-10", "people": "1"}
    return HIRING.run({**inputs, **values})


def test_hunan_registered_unemployed_before_april_28():
    # 湘人社规〔2020〕2号 附件/三 "签订1年以上劳动合同…可给予1000元/人的一次性吸纳就业补贴"
    assert hire().result == {"subsidy": 1000.0}


def test_hunan_not_with_the_post_subsidy():
    refused_or_outside(lambda: hire(got_post_subsidy="是"), "不重复享受")


@pytest.mark.parametrize("registered, subsidy", [("5", None), ("6", 1000.0)])
def test_hunan_from_april_28_needs_half_a_year_registered(registered, subsidy):
    # 湘政办发〔2020〕20号 附件/二（三）"对企业吸纳登记失业半年以上人员…可给予1000元/人"
    values = {"hire_date": "2020-06-01", "application_date": "2020-07-01", "registered_months": registered,
              "contract_months": "24"}
    if subsidy is None:
        refused_or_outside(lambda: hire(**values), "半年以上")
    else:
        assert hire(**values).result["subsidy"] == subsidy


def test_hunan_graduates_at_small_firms_until_the_deadline():
    # 湘政办发〔2020〕20号 "中小微企业招用毕业年度高校毕业生…受理截止期限为2020年12月31日": 2 × 1000
    values = {"worker": "毕业年度高校毕业生", "employer_size": "中小微企业", "hire_date": "2020-07-01",
              "application_date": "2020-12-31", "people": "2", "contract_months": "36"}
    assert hire(**values).result["subsidy"] == 2000.0
    refused_or_outside(lambda: hire(**{**values, "application_date": "2021-01-02"}), "适用期间")


def test_hunan_large_firms_hiring_graduates_get_nothing():
    large = {"worker": "毕业年度高校毕业生", "hire_date": "2020-05-10", "application_date": "2020-06-01"}
    outside(hire(**large), "中小微企业招用毕业年度高校毕业生")


@pytest.mark.parametrize("start, subsidy", [("2020-02-03", 35000.0), ("2020-02-10", None)])
def test_beijing_epidemic_supply_firms(start, subsidy):
    # 京人社就字〔2020〕14号 三 "根据2020年1月、2月社保增员人数，按照1000元/人标准予以确定": 35 × 1000
    values = {"region": "北京", "epidemic_supply_firm": "是", "hire_date": start, "people": "35"}
    if subsidy is None:
        refused_or_outside(lambda: hire(**values), "截至2020年2月9日")
    else:
        assert hire(**values).result["subsidy"] == subsidy


def test_national_graduate_rule_states_no_amount():
    # 国办发〔2020〕6号 三（九）"给予一次性吸纳就业补贴" with no figure: the local standard is needed
    values = {"region": "重庆", "worker": "毕业年度高校毕业生", "employer_size": "中小微企业",
              "application_date": "2020-11-20"}
    with pytest.raises(CalculationError, match="local_amount"):
        hire(**values)
    result = hire(**values, local_amount="800")
    assert result.result["subsidy"] == 800.0 and "本库资料未载" in result.steps[-2].text


@pytest.mark.parametrize("values, message", [
    ({"application_date": "2020-03-01"}, "申请日期不能早于招用日期"),
    ({"contract_months": "11"}, "1年以上"),
    ({"social_insurance": "否"}, "缴纳社会保险"),
    ({"hire_date": "2020-13-01"}, "YYYY-MM-DD"),
    ({"region": "重庆"}, "没有重庆"),
])
def test_hiring_refusals(values, message):
    refused_or_outside(lambda: hire(**values), message)
