"""Retrieval units on the real corpus: a 答记者问's question and answer as one unit."""

from __future__ import annotations

from zhengce.corpus.model import Document
from zhengce.index.units import Unit, bare_heading, document_units

SOCIAL_INSURANCE_PRESS = ("人力资源社会保障部财政部税务总局有关司局负责人"
                          "就阶段性减免企业社会保险费具体贯彻实施工作答记者问")
MEDICAL_PRESS = "国家税务总局、国家医疗保障局有关部门负责人就做好阶段性减征职工基本医疗保险费有关工作答记者问"


def _units(corpus: list[Document], title: str) -> list[Unit]:
    return document_units(next(d for d in corpus if d.title == title))


def _holding(units: list[Unit], words: str) -> Unit:
    return next(u for u in units if words in u.text)


def test_a_press_answer_is_quoted_with_its_question_as_context(corpus: list[Document]):
    units = _units(corpus, SOCIAL_INSURANCE_PRESS)
    answer = _holding(units, "缓缴执行期为2020年内，缓缴期限原则上不超过6个月")
    assert answer.text.startswith("答：受疫情影响生产经营出现严重困难的参保单位")
    assert answer.context.endswith("问：受疫情影响生产经营出现严重困难的参保单位是否可以申请缓缴？"
                                   "缓缴期限是如何规定的？")
    assert "是否可以申请缓缴" in answer.search_text and "是否可以申请缓缴" in answer.keyword_text
    assert not any(u.text.startswith("问：") for u in units)


def test_each_paragraph_of_an_answer_carries_its_question(corpus: list[Document]):
    units = _units(corpus, SOCIAL_INSURANCE_PRESS)
    follow_on = _holding(units, "各地的减免政策要严格界定为费款所属期的三项社会保险费")
    assert follow_on.context.endswith("问：可否具体介绍一下阶段性减免企业社会保险费政策的执行期限？")
    assert _holding(units, "各地的减免政策统一从2020年2月开始执行").context == follow_on.context


def test_a_numbered_question_keeps_its_answer_as_text(corpus: list[Document]):
    answer = _holding(_units(corpus, MEDICAL_PRESS), "为切实减轻企业负担，有效支持企业复工复产")
    assert answer.label == "二、"
    assert answer.text.startswith("答：为切实减轻企业负担")
    assert answer.context.endswith("二、可否介绍一下各地阶段性减征职工基本医疗保险费的执行期限？")


def test_a_notice_without_questions_has_a_unit_per_article(corpus: list[Document]):
    document = next(d for d in corpus if d.doc_number == "人社部发〔2020〕11号")
    units = [u for u in document_units(document) if u.kind != "row"]
    assert [u.text for u in units] == [n.text for n in document.nodes]


def test_a_bare_heading_is_told_from_a_heading_with_a_body():
    # 京人社毕字〔2020〕20号: 一、活动名称 repeats the title under it; 三、活动时间 states the dates
    title = "关于开展“2020年北京地区毕业生春季网络招聘月活动”的通知"
    assert bare_heading("item1", "三、信息报送时间和方式", title)
    assert bare_heading("paragraph", "各省、自治区、直辖市及新疆生产建设兵团人力资源社会保障厅（局）：", title)
    assert bare_heading("item1", "一、活动名称\n2020年北京地区毕业生春季网络招聘月活动", title)
    assert not bare_heading("item1", "三、活动时间\n2020年3月1日至4月30日", title)
    assert not bare_heading("row", "序号：1", title)
