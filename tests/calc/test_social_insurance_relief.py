"""Worked examples of the social-insurance relief calculator, computed by hand from the articles."""

from __future__ import annotations

import pytest

from tests.calc.helpers import refused_or_outside
from zhengce.calc.rules import RULES
from zhengce.store.db import Store

RELIEF = RULES["social-insurance-relief"]


def run(region: str, size: str, month: str, contribution: str = "10000"):
    return RELIEF.run({"region": region, "size": size, "month": month, "contribution": contribution})


# 人社部发〔2020〕11号 一："免征中小微企业三项社会保险单位缴费部分，免征期限不超过5个月" (Feb–Jun)
# 人社部发〔2020〕49号 一："对中小微企业三项社会保险单位缴费部分免征的政策，延长执行到2020年12月底"
@pytest.mark.parametrize("month, relief, number", [
    ("2020-02", 10000.0, "人社部发〔2020〕11号"),   # first month of the relief
    ("2020-06", 10000.0, "人社部发〔2020〕11号"),   # fifth and last month under 11号
    ("2020-07", 10000.0, "人社部发〔2020〕49号"),   # the day the extension starts
    ("2020-12", 10000.0, "人社部发〔2020〕49号"),   # last month of the extension
])
def test_small_firms_are_exempt_february_to_december(month, relief, number):
    result = run("全国（湖北以外）", "中小微企业", month)
    assert result.result["relief"] == relief and result.result["payable"] == 0.0
    assert result.steps[0].citation.doc_number == number


# 11号 一："对大型企业…可减半征收，减征期限不超过3个月" (Feb–Apr);
# 49号 一："各省（除湖北省外）对大型企业…减半征收的政策，延长执行到2020年6月底"
@pytest.mark.parametrize("month, relief", [("2020-04", 5000.0), ("2020-05", 5000.0), ("2020-06", 5000.0),
                                           ("2020-07", 0.0)])
def test_large_firms_pay_half_february_to_june(month, relief):
    assert run("全国（湖北以外）", "大型企业", month).result["relief"] == relief


def test_hubei_exempts_large_firms_until_june_only():
    # 11号 二："湖北省可免征各类参保单位…免征期限不超过5个月"; 49号 一："湖北省对大型企业…继续执行到2020年6月底"
    assert run("湖北", "大型企业", "2020-06").result["relief"] == 10000.0
    july = run("湖北", "大型企业", "2020-07")
    assert july.result["relief"] == 0.0 and "继续执行到2020年6月底" in july.steps[0].citation.quote


def test_hunan_applies_its_own_notices():
    # 湘人社规〔2020〕3号 一（二）："从2020年2月起至4月，减半征收全省大型企业三项社会保险单位缴费部分"
    april = run("湖南", "大型企业", "2020-04", "8000")
    assert april.result == {"relief": 4000.0, "payable": 4000.0, "rate": 0.5}
    assert april.steps[0].citation.doc_number == "湘人社规〔2020〕3号"
    # 湘人社规〔2020〕10号 一：中小微企业免征"延长执行到2020年12月底"
    assert run("湖南", "中小微企业", "2020-09").steps[0].citation.doc_number == "湘人社规〔2020〕10号"


@pytest.mark.parametrize("inputs, message", [
    ({"region": "广东", "size": "中小微企业", "month": "2020-05", "contribution": "1"}, "region"),
    ({"region": "湖南", "size": "个体户", "month": "2020-05", "contribution": "1"}, "中小微企业"),
    ({"region": "湖南", "size": "大型企业", "month": "2021-01", "contribution": "1"}, "适用期间"),
    ({"region": "湖南", "size": "大型企业", "month": "2020/05", "contribution": "1"}, "YYYY-MM"),
    ({"region": "湖南", "size": "大型企业", "month": "2020-05", "contribution": "-5"}, "超出范围"),
    ({"region": "湖南", "size": "大型企业", "month": "2020-05"}, "contribution"),
    ({"region": "湖南", "size": "大型企业", "month": "2020-05", "contribution": "1", "age": "3"}, "age"),
])
def test_bad_input_is_refused_with_the_allowed_values(inputs, message):
    refused_or_outside(lambda: RELIEF.run(inputs), message)


def test_every_citation_of_every_calculator_is_in_its_article(store: Store):
    for rule in RULES.values():
        for citation in (*rule.citations, *(parameter.citation for parameter in rule.parameters)):
            document = store.get_document(citation.doc_number)
            assert document is not None and document.id == citation.doc_id, citation
            node = next((a for a in document.articles if a.id == citation.node_id), None)
            assert node is not None, citation
            assert citation.quote in node.text, citation
