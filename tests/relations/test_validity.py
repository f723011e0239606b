"""Validity from the documents' own words: every case of issue 14, on the real corpus.

Each expectation is read from the text quoted beside it, not from the program.
"""

from __future__ import annotations

from datetime import date

import pytest

from zhengce.corpus.model import Document
from zhengce.relations.corpus import corpus_relations
from zhengce.relations.readings import load_readings
from zhengce.store.db import Store
from zhengce.store.records import Filters


def status(store: Store, key: str, on: str) -> str:
    return store.validity(key, date.fromisoformat(on)).status


@pytest.mark.parametrize(("number", "last_day", "words"), [
    ("湘人社规〔2020〕4号", "2020-12-31", "执行到2020年12月31日"),
    ("渝府办发〔2020〕14号", "2020-06-30", "执行期限为发布之日起至2020年6月30日止"),
    ("京政办发〔2020〕7号", "2020-12-31", "有效期至2020年底"),
    ("湘人社规〔2020〕7号", "2022-04-30", "有效期两年"),    # 自2020年5月1日施行
    ("渝人园管发〔2020〕1号", "2020-04-30", "至4月30日截止"),
    ("湘人社规〔2020〕13号", "2025-08-31", "有效期五年"),  # 自2020年9月1日起施行
])
def test_a_stated_end_ends_the_document_the_day_after(store: Store, number: str, last_day: str, words: str):
    last = date.fromisoformat(last_day)
    assert store.validity(number, last).status in ("现行有效", "部分失效")
    after = store.validity(number, date.fromordinal(last.toordinal() + 1))
    assert after.status == "失效" and after.end == last_day
    assert any(words in quote.quote for quote in after.quotes)
    assert status(store, number, "2026-01-01") == "失效"


def test_a_start_after_the_issue_date_is_read(store: Store):
    # 湘人社规〔2020〕13号, issued 2020-08-13: 本文件自2020年9月1日起施行.
    before = store.validity("湘人社规〔2020〕13号", date(2020, 8, 20))
    assert before.status == "尚未生效" and before.start == "2020-09-01"
    assert status(store, "湘人社规〔2020〕13号", "2020-09-01") == "现行有效"
    # 人社部发〔2020〕21号 附件 第二十四条: 本制度自2020年4月1日起施行; a retroactive start
    # (湘人社规〔2020〕3号: 自2020年2月1日起执行, issued 2020-02-24) is in force from its issue.
    assert status(store, "人社部发〔2020〕21号", "2020-03-31") == "尚未生效"
    assert status(store, "湘人社规〔2020〕3号", "2020-02-24") == "现行有效"
    assert status(store, "湘人社规〔2020〕3号", "2020-02-23") == "尚未生效"


def test_an_amended_document_ends_when_its_extension_ends(store: Store):
    # 人社部发〔2020〕49号 (2020-06-22) extends 11号's relief: 延长执行到2020年12月底.
    assert status(store, "人社部发〔2020〕11号", "2020-12-31") == "已被修改"
    assert status(store, "人社部发〔2020〕11号", "2021-06-01") == "阶段性政策已到期"
    in_force = store.list_documents(Filters(valid_on=date(2022, 6, 1)))
    assert "人社部发〔2020〕11号" not in {d.doc_number for d in in_force}
    # 湘人社规〔2020〕3号: 具体政策实施期满失效; 湘人社规〔2020〕10号 extends it to 2020年12月底.
    assert status(store, "湘人社规〔2020〕3号", "2020-12-31") == "已被修改"
    ended = store.validity("湘人社规〔2020〕3号", date(2021, 6, 1))
    assert ended.status == "失效" and ended.end == "2020-12-31"


def test_a_province_moving_its_own_deadline_does_not_extend_a_national_notice(store: Store):
    # Beijing's 社保中心 notice: 我市暂定将1月、2月应缴社会保险费缴费期延长至3月底.
    national = store.find_document_id("人社厅明电〔2020〕7号")
    assert not [r for r in store.graph(national).cited_by if r.kind in ("extends", "amends")]
    assert store.thread(national) == ()
    assert status(store, "人社厅明电〔2020〕7号", "2020-03-01") == "现行有效"


def test_an_items_deadline_is_not_the_documents(store: Store):
    # 渝府办发〔2020〕22号 附件 三/26: 自2020年2月起……免征期限不超过5个月; 二/23: 2020年年内.
    on = date(2020, 7, 1)
    document = store.validity("渝府办发〔2020〕22号", on)
    assert document.status == "部分失效"
    doc_id = document.doc_id
    items = {item.node_id: item for item in document.items}
    assert items[f"{doc_id}/附件/三/26"].status == "阶段性政策已到期"
    assert (items[f"{doc_id}/附件/二/23"].status, items[f"{doc_id}/附件/二/23"].end) == ("现行有效", "2020-12-31")
    assert store.status_of(f"{doc_id}/附件/三/26", on).status == "阶段性政策已到期"
    assert store.status_of(f"{doc_id}/附件/一/3", on).status == "现行有效"  # no period of its own
    assert status(store, "渝府办发〔2020〕22号", "2025-12-01") == "部分失效"


def test_an_open_end_keeps_the_document_in_force_with_a_note(store: Store):
    # 湘政发〔2020〕3号: 以上政策措施执行期限为本通知公布之日起至疫情解除之日止.
    validity = store.validity("湘政发〔2020〕3号", date(2025, 12, 1))
    assert validity.status in ("现行有效", "部分失效")
    assert "疫情解除" in validity.note


def test_repeals_of_documents_outside_the_corpus(store: Store):
    # 湘人社规〔2020〕14号 四/（三）: 本通知自2020年9月1日起施行 …（湘人社发〔2015〕62号）文件和
    # …（湘人社发〔2017〕85号）文件同时废止.
    for number in ("湘人社发〔2015〕62号", "湘人社发〔2017〕85号"):
        repealed = store.validity(number, date(2020, 9, 1))
        assert repealed.status == "已废止" and "湘人社规〔2020〕14号" in repealed.reason
        assert [(q.document, q.article) for q in repealed.quotes if "同时废止" in q.quote] \
            == [("湘人社规〔2020〕14号", "四/（三）")]
        assert store.validity(number, date(2020, 8, 31)).status == "现行有效"


def test_every_reading_names_documents_of_the_corpus(corpus: list[Document]):
    # On the shipped corpus each reading applies; one about a removed document is skipped.
    keys = {key for d in corpus for key in (d.id, d.doc_number, d.title) if key}
    for reading in load_readings():
        assert reading.document in keys, reading
        assert reading.kind == "repeals" or not reading.target or reading.target.partition("@")[0] in keys, reading
    without = [d for d in corpus if d.doc_number != "京政办发〔2020〕5号"]  # it extends three Beijing notices
    assert not [f for f in corpus_relations(without)[1] if f.reason.startswith("《关于进一步支持打好")]
