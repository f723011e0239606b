"""Worked examples of the stabilisation refund, computed by hand from the articles."""

from __future__ import annotations

import pytest

from zhengce.calc.engine import CalculationError
from zhengce.calc.rules import RULES

REFUND = RULES["stabilisation-refund"]


def run(**values: str):
    return REFUND.run(values)


@pytest.mark.parametrize("firm_type, expected", [
    ("其他参保单位", 5000.0),                        # 湘人社规〔2020〕13号 四 "…返还其上年度实际缴纳失业保险费的50%"
    ("兼并重组、化解产能过剩、淘汰落后产能企业", 7000.0),  # 四 ① "…的70%"
    ("中小微企业", 10000.0),                         # 四 ② "最高可提至上年度实际缴纳失业保险费的100%"
])
def test_hunan_general_refund(firm_type: str, expected: float):
    result = run(region="湖南", variant="一般稳岗返还", firm_type=firm_type, ui_paid_last_year="10000")
    assert result.result == {"refund_at_most": expected}
    assert result.steps[0].citation.doc_number == "湘人社规〔2020〕13号"


def test_national_small_firms_up_to_100_percent():
    # 人社部发〔2020〕30号 二（一）"对中小微企业，2020年12月31日前返还标准最高可提至…上年度缴纳失业保险费的100%"
    assert run(region="全国", variant="一般稳岗返还", ui_paid_last_year="8000").result == {"refund_at_most": 8000.0}


def test_no_national_rate_for_large_firms_in_the_corpus_asks_for_the_local_one():
    with pytest.raises(CalculationError, match="当地返还比例"):
        run(region="全国", variant="一般稳岗返还", firm_type="其他参保单位", ui_paid_last_year="8000")
    local = run(region="全国", variant="一般稳岗返还", firm_type="大型企业", ui_paid_last_year="8000", local_rate="50")
    assert local.result == {"refund_at_most": 4000.0} and "用户输入" in local.steps[-2].text


def test_hardship_refund_six_months_of_benefit_per_worker():
    # 人社部发〔2020〕30号 二（一）"返还标准可按不超过6个月的当地月人均失业保险金和参保职工人数确定"
    # 6 × 1,500 × 20 = 180,000
    result = run(region="全国", variant="困难企业稳岗返还", months="6", avg_monthly_benefit="1500",
                 insured_workers="20")
    assert result.result == {"refund_at_most": 180000.0}
    with pytest.raises(CalculationError, match="months"):
        run(region="全国", variant="困难企业稳岗返还", months="7", avg_monthly_benefit="1500", insured_workers="20")


def test_chongqing_epidemic_refund():
    # 渝人社发〔2020〕10号 三 "返还标准按3个月的企业及其职工应缴纳社会保险费50%确定": 240,000 ÷ 12 × 3 × 50% = 30,000
    assert run(region="重庆", variant="疫期援企稳岗返还", si_paid_last_year="240000").result == {"refund": 30000.0}
    with pytest.raises(CalculationError, match="重庆"):
        run(region="湖南", variant="疫期援企稳岗返还", si_paid_last_year="240000")
