"""Hybrid search on the real corpus: number lookup, filters, units, batch mode."""

from __future__ import annotations

from datetime import date

import pytest

from zhengce.index.hybrid import SearchIndex
from zhengce.index.query import QueryError
from zhengce.store.records import Filters

HIT_FIELDS = {"doc_id", "title", "doc_number", "article", "node_id", "text", "snippet", "score", "region", "date"}


# A number as each source prints it finds the document first.
@pytest.mark.parametrize("typed, number", [
    ("人社部发﹝2020﹞11号", "人社部发〔2020〕11号"),        # 000
    ("渝人社（2020）41号", "渝人社〔2020〕41号"),            # 000
    ("渝委办〔2020〕８号", "渝委办〔2020〕8号"),              # 000, full-width digit
    ("人社厅明电[2020]5 号", "人社厅明电〔2020〕5号"),       # 001
    ("人社部发【2020】12 号", "人社部发〔2020〕12号"),       # 001
    ("湘人社规[2020]18号", "湘人社规〔2020〕18号"),          # 003 contents
    ("湘政办发〔2020〕19 号", "湘政办发〔2020〕19号"),       # 003 body
    ("人社部明电2号文", "人社部明电〔2020〕2号"),            # no year: the corpus has one 人社部明电…2号
])
def test_document_number_wins_outright(search_index: SearchIndex, typed: str, number: str):
    hits = search_index.search(typed, k=3)
    assert hits[0].doc_number == number


def test_number_and_words_find_the_article_inside_that_document(search_index: SearchIndex):
    hits = search_index.search("人社部发〔2020〕11号 缓缴期限", k=3)
    assert hits[0].doc_number == "人社部发〔2020〕11号"
    assert "缓缴期限原则上不超过6个月" in hits[0].text


def test_a_region_forwarding_the_number_asked_comes_with_it(search_index: SearchIndex):
    # 渝人社〔2020〕47号 forwards 人社厅明电〔2020〕5号 and sets the 生活费 at 70% of the minimum wage
    asked = "对企业停工停产期间的职工生活费标准如何规定？"
    hits = search_index.search(f"重庆市转发人社厅明电〔2020〕5号时{asked}", k=1)
    assert hits[0].doc_number == "渝人社〔2020〕47号"
    assert "按不低于劳动合同履行地职工最低月工资标准的70%执行" in hits[0].text
    # without the region, the rule itself
    assert {hit.doc_number for hit in search_index.search(f"人社厅明电〔2020〕5号{asked}", k=5)} \
        == {"人社厅明电〔2020〕5号"}


def test_hits_are_articles_with_all_fields(search_index: SearchIndex):
    hits = search_index.search("企业停工停产期间工资怎么支付", k=5)
    assert hits and set(hits[0].as_dict()) >= HIT_FIELDS
    # 人社厅明电〔2020〕5号 二: 企业停工停产在一个工资支付周期内的，企业应按劳动合同规定的标准支付职工工资。
    assert any(h.doc_number == "人社厅明电〔2020〕5号" and "工资支付周期" in h.text for h in hits)
    assert all(h.node_id.startswith(h.doc_id + "/") for h in hits)


def test_table_rows_are_searchable(search_index: SearchIndex):
    hits = search_index.search("失业保险金申领 基本编码", k=10, filters=Filters(region="湖南"))
    assert any(h.kind == "row" and "002014008001" in h.text for h in hits)


@pytest.mark.parametrize("filters, check", [
    (Filters(region="重庆"), lambda h: h.region == "重庆"),
    (Filters(section="社会保险"), lambda h: h.section == "社会保险"),
    (Filters(doc_type="意见"), lambda h: h.doc_type == "意见"),
    (Filters(date_from=date(2020, 6, 1)), lambda h: h.date and h.date >= "2020-06-01"),
    (Filters(date_to=date(2020, 2, 1)), lambda h: h.date and h.date <= "2020-02-01"),
])
def test_filters_restrict_every_hit(search_index: SearchIndex, filters: Filters, check):
    hits = search_index.search("社会保险费减免", k=20, filters=filters)
    assert hits and all(check(h) for h in hits)


def test_issuer_filter(search_index: SearchIndex):
    hits = search_index.search("补贴", k=10, filters=Filters(issuer="湖南省财政厅"))
    assert hits and all(h.region == "湖南" for h in hits)


def test_a_filter_that_matches_nothing_returns_nothing(search_index: SearchIndex):
    assert search_index.search("社保", filters=Filters(region="广东")) == []


def test_bad_queries_raise_a_clear_error(search_index: SearchIndex):
    with pytest.raises(QueryError, match="为空"):
        search_index.search("   ")
    with pytest.raises(QueryError, match="上限"):
        search_index.search("社保" * 400)


def test_batch_keeps_order_and_reports_errors_in_place(search_index: SearchIndex):
    results = search_index.search_many(["以工代训补贴标准", "", "湘人社规〔2020〕18号"], k=3)
    assert isinstance(results[1], QueryError)
    assert results[2][0].doc_number == "湘人社规〔2020〕18号"
    assert results[0] and results[0][0].text
