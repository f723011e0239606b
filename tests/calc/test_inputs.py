"""Input checks every face shares: finite numbers, whole counts, yes/no words, messages by label in plain numbers."""

from __future__ import annotations

import pytest

from zhengce.calc.engine import CalculationError
from zhengce.calc.rules import RULES

RELIEF = {"region": "湖南", "size": "大型企业", "month": "2020-04", "contribution": "8000"}


@pytest.mark.parametrize("raw", ["nan", "NaN", "inf", "-inf", "1e999"])
def test_only_finite_numbers(raw: str):
    with pytest.raises(CalculationError, match="“当月三项社会保险单位应缴费额”（contribution）须为有限的数字"):
        RULES["social-insurance-relief"].run({**RELIEF, "contribution": raw})


def test_the_message_names_the_label_and_gives_the_range_in_plain_numbers():
    with pytest.raises(CalculationError) as refused:
        RULES["social-insurance-relief"].run({**RELIEF, "contribution": "-5000"})
    assert "“当月三项社会保险单位应缴费额”" in str(refused.value) and "0 至 1,000,000,000 元" in str(refused.value)
    assert "e+" not in str(refused.value)


@pytest.mark.parametrize("rule, name, raw", [
    ("hiring-subsidy", "people", "1.5"), ("unemployment-benefit", "contribution_months", "12.5"),
    ("epidemic-work-allowance", "contact_days", "2.5"), ("stabilisation-refund", "insured_workers", "true"),
])
def test_people_months_and_days_are_whole(rule: str, name: str, raw: str):
    item = next(i for i in RULES[rule].inputs if i.name == name)
    with pytest.raises(CalculationError, match=rf"“{item.label}”（{name}）(按整数计|须为数字)"):
        item.parse(raw)
    assert item.parse("2") == 2


@pytest.mark.parametrize("word, meaning", [("是", "是"), ("true", "是"), ("TRUE", "是"), ("否", "否"), ("false", "否")])
def test_yes_no_words(word: str, meaning: str):
    result = RULES["hunan-pension-adjustment-2020"].run(
        {"retired_by_2019": word, "years": "30", "base_pension": "3000", "age": "65"})
    assert result.covered is (meaning == "是")


def test_a_yes_no_input_refuses_other_words():
    with pytest.raises(CalculationError, match="只能是：是 / 否"):
        RULES["hunan-pension-adjustment-2020"].run({"retired_by_2019": "1", "years": "30", "base_pension": "3000",
                                                    "age": "65"})


def test_results_read_as_yuan_and_percentages():
    result = RULES["social-insurance-relief"].run({**RELIEF, "contribution": "1234567.5"})
    # 湘人社规〔2020〕3号 一（二）"减半征收": 1,234,567.50 × 50% = 617,283.75
    assert result.display == {"减免额": "617,283.75 元", "实缴单位缴费": "617,283.75 元", "减免比例": "50%"}
    assert result.steps[0].display == "50%"
