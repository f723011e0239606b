"""Folding added files into the corpus: merge, new version, stable ids."""

from __future__ import annotations

from zhengce.corpus.added import AddedSource, fold_added
from zhengce.corpus.readers.extract import Extract, blocks_from_items

NOTICE = ["湘人社规〔2021〕3号", "湖南省人力资源和社会保障厅关于公益性岗位补贴的通知", "各市州人力资源和社会保障局：",
          "一、公益性岗位补贴标准按当地最低工资标准的80%执行。", "二、本通知自2021年3月1日起施行。",
          "湖南省人力资源和社会保障厅", "2021年2月10日"]


def source(name: str, lines: list[str], method: str = "text") -> AddedSource:
    return AddedSource(name, name, Extract(blocks_from_items([{"text": line} for line in lines]), method=method))


def test_a_copy_with_a_stray_line_merges_and_a_changed_figure_is_a_new_version():
    copy = [*NOTICE[:-2], "（此件主动公开，抄送：省委组织部）", *NOTICE[-2:]]
    changed = [line.replace("80%", "90%") for line in NOTICE]
    sources = [source("a.pdf", NOTICE), source("a.html", copy), source("b.docx", changed)]
    documents = fold_added([], sources)
    assert [s.doc_id for s in sources] == [documents[0].id, documents[0].id, f"{documents[0].id}-v2"]
    assert [s.file for s in documents[0].sources] == ["a.pdf", "a.html"]
    assert documents[1].previous_version == documents[0].id


def test_a_scan_with_misread_characters_merges_even_when_a_digit_of_its_number_is_wrong():
    misread = [line.replace("岗位", "岗住").replace("3号", "8号") for line in NOTICE]
    sources = [source("a.pdf", NOTICE), source("scan.pdf", misread, "ocr")]
    assert len(fold_added([], sources)) == 1


def test_two_files_of_one_name_stay_two_sources_and_each_says_what_it_became():
    copy = [*NOTICE[:-2], "（此件主动公开）", *NOTICE[-2:]]
    sources = [source("通知.pdf", NOTICE), source("通知.pdf", copy)]
    [document] = fold_added([], sources)
    assert [s.file for s in document.sources] == ["通知.pdf", "通知.pdf (2)"]
    assert [s.outcome for s in sources] == ["新增", "合并"]
