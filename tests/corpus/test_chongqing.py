"""000, the Chongqing compilation: facts read from the seed text."""

from __future__ import annotations

from collections import Counter

from tests.conftest import RAW_DIR, by_number
from zhengce.corpus.build import parse_file, read_lines
from zhengce.corpus.model import Document

CHONGQING = RAW_DIR / "000_4e71c7bfca995e22.txt"


def test_76_documents_start_on_their_title_lines():
    parsed = parse_file(CHONGQING)
    starts = [d.start_line for d in parsed.documents]
    assert len(starts) == 76
    # First, last and the six printed without a document number.
    assert {3, 149, 8949} <= set(starts)
    assert {1437, 1832, 1892, 6348, 7992, 8337} <= set(starts)
    numberless = [d.start_line for d in parsed.documents if d.number_text is None]
    assert numberless == [1437, 1832, 1892, 6348, 7992, 8337]


def test_sections_follow_the_printed_headings():
    parsed = parse_file(CHONGQING)
    counts = Counter(d.section for d in parsed.documents)
    assert counts == {"综合": 16, "就业": 13, "社会保险": 8, "人才人事": 33, "劳动关系": 5, "产业园": 1}


def test_first_document_title_is_rejoined(corpus: list[Document]):
    document = by_number(corpus, "国发明电〔2020〕5号")
    assert document.title == ("中央应对新型冠状病毒感染肺炎疫情工作领导小组"
                              "关于全面落实进一步保护关心爱护医务人员若干措施的通知")
    assert document.date.isoformat() == "2020-02-22"


def test_number_forms_are_canonical(corpus: list[Document]):
    numbers = {d.doc_number for d in corpus}
    # Printed as 渝委办〔2020〕８号, 渝肺炎组办发〔2020〕30 号, 人社部发﹝2020﹞11号, 渝人社（2020）41号.
    assert {"渝委办〔2020〕8号", "渝肺炎组办发〔2020〕30号", "人社部发〔2020〕11号", "渝人社〔2020〕41号"} <= numbers


def test_text_joins_across_running_footers_and_section_headings(corpus: list[Document]):
    jobs = by_number(corpus, "国办发〔2020〕6号")
    assert "重点向受疫情影响企业倾斜" in jobs.text
    assert "就业就业" not in jobs.text and "二、就业" not in jobs.text
    labour = by_number(corpus, "人社厅明电〔2020〕5号")
    assert "企业的劳动用工指导和服务" in labour.text.replace("\n", "")


def test_no_running_header_or_page_number_survives(corpus: list[Document]):
    for document in corpus:
        for paragraph in document.paragraphs:
            text = paragraph.text
            assert not text.isdigit(), (document.title, text)
            assert text not in {"综合类综合类", "就业就业", "人才人事人才人事", "劳动关系劳动关系"}
            assert "人力资源法律政策2020第2期" not in text.replace(" ", "")


def test_misprinted_year_is_flagged_not_corrected(corpus: list[Document]):
    document = by_number(corpus, "渝委办〔2020〕8号")
    assert document.date.year == 2010
    assert any(f.code == "date_out_of_range" for f in document.flags)


def test_forwarding_notices_link_to_the_forwarded_document(corpus: list[Document]):
    forwards = {
        "渝人社办〔2020〕34号": "人社厅明电〔2020〕7号", "渝人社〔2020〕41号": "人社部函〔2020〕11号",
        "渝发改政研〔2020〕133号": "发改办就业〔2020〕100号", "渝人社办〔2020〕45号": "人社厅函〔2020〕24号",
        "渝人社办〔2020〕61号": "人社厅发〔2020〕23号", "渝人社发〔2020〕8号": "人社部发〔2020〕8号",
        "渝人社〔2020〕47号": "人社厅明电〔2020〕5号",
    }
    for forwarding, forwarded in forwards.items():
        document = by_number(corpus, forwarding)
        assert document.omitted
        assert document.forwards == [by_number(corpus, forwarded).id], forwarding


def test_credentials_are_masked(corpus: list[Document]):
    lines = read_lines(CHONGQING)
    assert "123456" in lines[3430].text  # the default password printed at line 3431
    document = by_number(corpus, "渝农工办发〔2020〕2号")
    assert "123456" not in document.text
    assert "cqzdrl.com" not in document.text
    assert "［登录信息已隐去］" in document.text


def test_indented_first_lines_do_not_break_paragraphs(corpus: list[Document]):
    relief = by_number(corpus, "人社部发〔2020〕11号")
    item = next(n for n in relief.nodes if n.path == "三")
    assert item.text == ("三、受疫情影响生产经营出现严重困难的企业，可申请缓缴社会保险费，"
                         "缓缴期限原则上不超过6个月，缓缴期间免收滞纳金。")
