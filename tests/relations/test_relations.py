"""Registries, the citation graph, validity and policy threads, from the text."""

from __future__ import annotations

from datetime import date

from zhengce.store.db import Store
from zhengce.store.records import DocumentGraph, Filters


def test_cleanup_notice_repeals_from_its_date(store: Store):
    # 湘人社规〔2020〕18号 (2020年10月27日) 附件2 决定废止: 湘人社发 〔2018〕36号.
    before = store.validity("湘人社发〔2018〕36号", date(2020, 10, 26))
    after = store.validity("湘人社发〔2018〕36号", date(2020, 10, 27))
    assert before.status == "现行有效" and after.status == "已废止"
    assert "湘人社规〔2020〕18号" in after.reason and after.evidence[0].endswith("/t2/r2")
    kept = store.validity("湘人社发〔2016〕48号", date(2021, 1, 1))  # 附件1 row 244
    assert kept.status == "现行有效" and "确认继续有效" in kept.reason


def test_cleanup_lists_as_registries(store: Store):
    tables = {t.name: t for t in store.list_tables()}
    kept, repealed = tables["确认继续有效的规范性文件目录"], tables["决定废止的规范性文件目录"]
    assert (kept.rows, kept.stated_total, kept.total_matches) == (245, 245, True)
    assert (repealed.rows, repealed.stated_total) == (2, 2)
    # 人社部发〔2020〕26号: 人社服务10个“打包一件事”, row 6 continued over a page break.
    assert tables["人社服务10个“打包一件事”清单"].rows == 10
    assert tables["人社服务10个“打包一件事”清单"].total_matches is True


def test_registry_filter(store: Store):
    table = store.get_table("湖南省公共服务事项目录（2020版）", {"事项名称": "失业保险金申领"})
    assert table.rows == (("199", "失业保险金申领", "002014008001", "省级,市级,县级", "子项",
                           "省人力资源社会保障厅", "依申请类"),)


def graph_of(store: Store, number: str) -> DocumentGraph:
    return store.graph(store.find_document_id(number))


def test_known_citations_resolve_to_corpus_documents(store: Store):
    # 人社部发〔2020〕49号 一 cites 《关于阶段性减免企业社会保险费的通知》（人社部发〔2020〕11号）.
    cites = {c.doc_number for c in graph_of(store, "人社部发〔2020〕49号").cites if c.doc_id}
    assert "人社部发〔2020〕11号" in cites
    # 湘人社规〔2020〕11号 cites 人社部发〔2020〕22号 (printed with a space: 22 号).
    assert "人社部发〔2020〕22号" in {c.doc_number for c in graph_of(store, "湘人社规〔2020〕11号").cites}
    # 渝人社办〔2020〕34号 forwards 人社厅明电〔2020〕7号, whose text it leaves out as （略）.
    forwards = [c for c in graph_of(store, "渝人社办〔2020〕34号").cites if c.kind == "forwards"]
    assert {c.doc_number for c in forwards} == {"人社厅明电〔2020〕7号"}
    cited_by = {c.doc_number for c in graph_of(store, "人社部发〔2020〕11号").cited_by}
    assert {"人社部发〔2020〕49号", "渝人社发〔2020〕19号"} <= cited_by


def test_external_references_are_kept(store: Store):
    cites = graph_of(store, "人社部发〔2020〕11号").cites
    external = [c for c in cites if c.doc_id is None]
    assert any(c.doc_number == "工信部联企业〔2011〕300号" for c in external)


def test_social_insurance_relief_thread(store: Store):
    base = store.find_document_id("人社部发〔2020〕11号")
    thread = [d.doc_number for d in store.thread(base)]
    assert thread == ["人社部发〔2020〕11号", "人社部发〔2020〕49号"]
    hunan = [d.doc_number for d in store.thread(store.find_document_id("湘人社规〔2020〕10号"))]
    # 10号 一 extends the SME relief of 3号 and, read in the audit, of 湘政发〔2020〕3号 附件 三/10.
    assert hunan == ["湘政发〔2020〕3号", "湘人社规〔2020〕3号", "湘人社规〔2020〕10号"]
    # Beijing's 1、2月 contributions due by 3月底 (three notices), to 7月底 for hard-hit trades.
    beijing = store.thread(store.find_document_id("京政办发〔2020〕5号"))
    assert len(beijing) == 5 and beijing[-1].title.startswith("关于发布参保单位（个人）延长社会保险缴费")


def test_validity_of_phased_policies(store: Store):
    # 11号: 自2020年2月起 … 免征期限不超过5个月; 49号 (2020年6月22日) extends it to 2020年12月底.
    assert store.validity("人社部发〔2020〕11号", date(2020, 4, 1)).status == "现行有效"
    assert store.validity("人社部发〔2020〕11号", date(2020, 7, 1)).status == "已被修改"
    # 49号 一: 大型企业…减半征收的政策，延长执行到2020年6月底 (ended, other items run: 部分失效);
    # 五: 对2020年未缴费月度，可于2021年底前进行补缴 (its last measure).
    assert store.validity("人社部发〔2020〕49号", date(2020, 6, 30)).status == "现行有效"
    assert store.validity("人社部发〔2020〕49号", date(2020, 12, 31)).status == "部分失效"
    expired = store.validity("人社部发〔2020〕49号", date(2022, 1, 1))
    assert expired.status == "阶段性政策已到期" and "2021-12-31" in expired.reason
    # 京房公积金发〔2020〕9号 四: 本通知执行至2020年6月30日 (the whole notice ends: 失效).
    assert store.validity("京房公积金发〔2020〕9号", date(2020, 7, 1)).status == "失效"


def test_documents_in_force_on_a_date(store: Store):
    in_force = {d.doc_number for d in store.list_documents(Filters(valid_on=date(2021, 1, 1)))}
    assert "人社部发〔2020〕49号" in in_force and "人社部发〔2020〕11号" not in in_force
    assert "京房公积金发〔2020〕9号" not in in_force
    assert "人社部发〔2020〕11号" in {d.doc_number for d in store.list_documents(Filters(valid_on=date(2020, 12, 31)))}


def test_show_carries_validity(store: Store):
    document = store.get_document("人社部发〔2020〕49号", on=date(2022, 1, 1))
    assert document.validity.status == "阶段性政策已到期"
    assert document.validity.evidence and document.validity.quotes
