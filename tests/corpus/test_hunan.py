"""003, Hunan's compilation: facts read from the seed text."""

from __future__ import annotations

from tests.conftest import RAW_DIR, by_number
from zhengce.corpus.assemble import document_key
from zhengce.corpus.build import parse_file, read_lines
from zhengce.corpus.layouts import hunan
from zhengce.corpus.model import Document
from zhengce.corpus.numerals import canonical_doc_number

HUNAN = RAW_DIR / "003_99b4106d3352fab1.txt"


def contents() -> list[hunan.ContentsEntry]:
    lines = read_lines(HUNAN)
    return hunan.parse_contents(lines[12:180])


def test_contents_has_104_entries_by_section():
    entries = contents()
    counts = {s: sum(e.section == s for e in entries) for s in ("综合", "就业", "社会保险", "人才人事", "劳动关系")}
    assert counts == {"综合": 10, "就业": 31, "社会保险": 22, "人才人事": 35, "劳动关系": 6}


def test_contents_entries_are_rejoined_without_page_numbers():
    entries = contents()
    assert entries[0].title == "中华人民共和国长江保护法"
    assert entries[0].number_text == "中华人民共和国主席令第六十五号"
    # 就业 7 wraps over four lines (44-47) and its page reference stands alone.
    assert entries[16].title.endswith("关于引导和鼓励高校毕业生生到城乡社区就业创业的通知")
    assert entries[16].number_text == "人社部发〔2020〕53号"
    assert all("....." not in e.title and "…" not in e.title for e in entries)


def test_every_contents_entry_is_a_stored_document_with_its_title(corpus: list[Document]):
    numbered = {d.doc_number: d for d in corpus if d.doc_number}
    for entry in contents():
        document = numbered[canonical_doc_number(entry.number_text or "")]
        differs = [f for f in document.flags if f.code == "contents_title_differs"]
        assert document_key(document.title) == document_key(entry.title) or \
            any(entry.title in f.reason for f in differs), entry


def test_contents_typos_are_flagged_against_the_body(corpus: list[Document]):
    pension = by_number(corpus, "人社部发〔2020〕22号")
    assert pension.title == "人力资源社会保障部 财政部关于2020年调整退休人员基本养老金的通知"
    assert any("的的通知" in f.reason for f in pension.flags)


def test_003_prints_106_documents_two_of_them_twice():
    parsed = parse_file(HUNAN)
    assert len(parsed.documents) == 106
    starts = [d.start_line for d in parsed.documents]
    assert 1042 in starts and 7615 in starts


def test_documents_printed_twice_are_stored_once(corpus: list[Document]):
    for number, lines in (("人社厅发〔2020〕110号", {899, 1042}), ("人社部发〔2020〕73号", {7556, 7615})):
        document = by_number(corpus, number)
        assert {s.start_line for s in document.sources if s.file.startswith("003")} == lines
        assert any(f.code == "printed_twice" for f in document.flags)


def test_public_service_registry_has_734_rows_in_seven_columns(corpus: list[Document]):
    document = by_number(corpus, "湘政办发〔2020〕19号")
    (table,) = [t for t in document.tables if "公共服务事项目录" in t.name]
    assert table.columns == ["序号", "事项名称", "基本编码", "服务层级", "事项关系", "业务指导实施部门", "服务类型"]
    assert len(table.rows) == 734
    assert table.rows[0] == ["1", "价格监测", "432004101W00", "省级,市级,县级", "独立项", "省发展改革委", "主动服务类"]
    assert [row[0] for row in table.rows] == [str(n) for n in range(1, 735)]
    assert len({row[2] for row in table.rows}) == 734


def test_cleanup_notice_lists_245_kept_and_2_repealed(corpus: list[Document]):
    document = by_number(corpus, "湘人社规〔2020〕18号")
    tables = {t.name: t for t in document.tables}
    kept, repealed = tables["确认继续有效的规范性文件目录"], tables["决定废止的规范性文件目录"]
    assert len(kept.rows) == 245
    assert len(repealed.rows) == 2
    repealed_numbers = {canonical_doc_number(cell) for row in repealed.rows for cell in row} - {None}
    assert {"湘人社发〔2018〕36号", "湘人社函〔2016〕417号"} <= repealed_numbers


def test_other_registries_come_out_whole(corpus: list[Document]):
    packaged = by_number(corpus, "人社部发〔2020〕26号")
    names = {t.name: len(t.rows) for t in packaged.tables}
    assert names["“提速办”服务事项备选清单"] == 25
    promise = by_number(corpus, "人社厅发〔2020〕110号")
    (proofs,) = [t for t in promise.tables if "告知承诺制事项清单" in t.name]
    assert len(proofs.rows) == 24


def test_law_has_chapters_and_articles(corpus: list[Document]):
    law = by_number(corpus, "中华人民共和国主席令第65号")
    paths = [n.path for n in law.nodes]
    assert "第一章" in paths and "第九十六条" in paths
    assert law.doc_type == "法律"
    article = next(n for n in law.nodes if n.path == "第九十六条")
    assert article.text == "第九十六条 本法自2021年3月1日起施行。"
    assert law.date is not None and law.date.isoformat() == "2020-12-26"


def test_page_split_paragraph_is_rejoined(corpus: list[Document]):
    law = by_number(corpus, "中华人民共和国主席令第65号")
    assert any("农业农村主管部门会同本级人民政府有关部门对水生生物产卵场" in p.text for p in law.paragraphs)


def test_source_error_is_flagged_not_corrected(corpus: list[Document]):
    law = by_number(corpus, "中华人民共和国主席令第65号")
    assert "五十万元以上五十万元以下" in law.text
    assert any(f.code == "equal_range_bounds" for f in law.flags)
    assert any(f.code == "latin_conjunction" for f in law.flags)
