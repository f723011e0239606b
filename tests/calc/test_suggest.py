"""Questions that ask for an amount a calculator computes are offered that calculator, prefilled."""

from __future__ import annotations

import pytest

from zhengce.calc.suggest import offer, suggest


@pytest.mark.parametrize("question, name, inputs", [
    ("湖南大型企业5月社保费减免多少", "social-insurance-relief",
     {"region": "湖南", "size": "大型企业", "month": "2020-05"}),
    ("湖北事业单位6月社保费能减免吗", "social-insurance-relief",
     {"region": "湖北", "size": "机关事业单位", "month": "2020-06"}),
    ("全国中小微企业2020年8月社保费减免多少", "social-insurance-relief",
     {"region": "全国（湖北以外）", "size": "中小微企业", "month": "2020-08"}),
    ("湖南大型企业稳岗返还能返还多少", "stabilisation-refund", {"region": "湖南", "firm_type": "其他参保单位"}),
    ("重庆停工停产期间生活费怎么算", "stoppage-wages", {"region": "重庆"}),
    ("失业补助金标准是多少", "unemployment-subsidy", {}),
])
def test_amount_questions_get_their_calculator(question: str, name: str, inputs: dict[str, str]):
    assert suggest(question) == (name, inputs)


@pytest.mark.parametrize("question", ["社保费减免政策是什么", "稳岗返还需要什么材料", "湖南省人社厅的地址"])
def test_other_questions_get_none(question: str):
    assert suggest(question) is None


def test_the_offer_links_to_the_prefilled_form():
    offered = offer("湖南大型企业5月社保费减免多少")
    assert offered is not None and offered["url"].startswith("/calc/social-insurance-relief?region=")
    assert "month=2020-05" in offered["url"]
