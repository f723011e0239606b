"""001, the law firm's newsletter: facts read from the seed text."""

from __future__ import annotations

from tests.conftest import RAW_DIR, by_number
from zhengce.corpus.build import parse_file
from zhengce.corpus.model import Document, Table

NEWSLETTER = RAW_DIR / "001_2c56830f1951adb6.txt"


def test_52_documents_13_without_a_number():
    parsed = parse_file(NEWSLETTER)
    assert len(parsed.documents) == 52
    numberless = [d.start_line for d in parsed.documents if d.number_text is None]
    assert len(numberless) == 13
    # The four 答记者问 interviews and the 政策解读 are documents of their own.
    assert {1988, 2864, 3377, 3498, 4697} <= set(numberless)


def test_labels_are_not_titles_and_name_the_issuer_group():
    parsed = parse_file(NEWSLETTER)
    first = parsed.documents[0]
    assert first.title == "关于延长2020年春节假期的通知"
    assert first.issuer_text == "国务院"
    assert canonical(first.number_text) == "国办发明电〔2020〕1号"


def canonical(text: str | None) -> str | None:
    from zhengce.corpus.numerals import canonical_doc_number
    return canonical_doc_number(text or "")


def test_attached_text_stays_with_its_covering_notice(corpus: list[Document]):
    notice = by_number(corpus, "国发明电〔2020〕4号")
    (attachment,) = [n for n in notice.nodes if n.kind == "attachment"]
    assert attachment.text.startswith("企事业单位复工复产疫情防控措施指南")
    assert [n.path for n in notice.nodes if n.parent == attachment.path][:2] == ["附件/一", "附件/二"]


def test_decision_with_session_number_is_one_document(corpus: list[Document]):
    decision = by_number(corpus, "北京市人民代表大会常务委员会公告〔十五届〕第23号")
    assert decision.region == "北京"
    assert "坚决打赢疫情防控阻击战的决定" in decision.title


def test_claim_platforms_table_has_36_cities(corpus: list[Document]):
    notice = by_number(corpus, "人社厅发〔2020〕9号")
    tables: list[Table] = [t for t in notice.tables if "失业保险金网上申领平台" in t.name]
    assert len(tables) == 1
    rows = tables[0].rows
    assert len(rows) == 36
    groups = [row[0] for row in rows]
    assert (groups.count("直辖市"), groups.count("省会城市"), groups.count("计划单列市")) == (4, 27, 5)
    cities = [row[1] for row in rows]
    assert cities[:4] == ["北京", "天津", "上海", "重庆"] and cities[-1] == "深圳"
    assert dict((row[1], row[2]) for row in rows)["呼和浩特"] == \
        "呼和浩特人力资源和社会保障局网上服务大厅http://106.74.0.244:8082/personlogin/或呼和浩特12333APP"
    assert any(f.code == "stray_text" and "rsj.dl.gov.cn" in f.reason for f in notice.flags)


def test_paragraphs_join_across_the_page_footer(corpus: list[Document]):
    notice = by_number(corpus, "国发明电〔2020〕4号")
    assert "应按照《不同人群预防新型冠状病毒感染口罩选择和使用技术指引》要求" in notice.text
    assert "凯" not in notice.text and "kindland" not in notice.text


def test_a_policy_reading_is_not_merged_with_the_notice_it_explains(corpus: list[Document]):
    # 001 prints the 政策解读 at line 4697 and the notice it explains at line 4881.
    readings = [d for d in corpus if d.title.endswith("政策解读")]
    assert len(readings) == 1 and [s.start_line for s in readings[0].sources] == [4697]
    notices = [d for d in corpus if any(s.file.startswith("001") and s.start_line == 4881 for s in d.sources)]
    assert len(notices) == 1 and notices[0].title.endswith("相关工作的通知")
