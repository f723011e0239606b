"""Each reader, on a corpus document printed in its format, gives back the bundled parse:
title, number, date, the article tree's labels and the table rows."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdfium2
import pytest

from tests.readers import render
from zhengce.corpus.layouts import user
from zhengce.corpus.model import Document
from zhengce.corpus.readers import ReadError, read_file


def parsed(path: Path) -> Document:
    return user.document(read_file(path), path.name)


def assert_same_parse(read: Document, bundled: Document) -> None:
    assert (read.title, read.doc_number, read.date) == (bundled.title, bundled.doc_number, bundled.date)
    assert (read.region, read.issuers, read.id) == (bundled.region, bundled.issuers, bundled.id)
    assert [n.label for n in read.nodes] == [n.label for n in bundled.nodes]
    assert [cells(t) for t in read.tables] == [cells(t) for t in bundled.tables]
    assert ["".join(t.name.split()) for t in read.tables] == ["".join(t.name.split()) for t in bundled.tables]


def cells(table) -> list[list[str]]:
    """A table's header and rows; spacing inside a cell is how it was wrapped, not what it says."""
    return [["".join(cell.split()) for cell in row] for row in [table.columns, *table.rows]]


@pytest.mark.parametrize("name", ["pdf", "docx", "html"])
def test_a_document_with_articles_and_a_table_reads_back_as_bundled(name: str, printed, articles_doc):
    assert_same_parse(parsed(printed[name]), articles_doc)


@pytest.mark.parametrize("name", ["items.pdf", "items.docx"])
def test_a_notice_of_numbered_items_reads_back_as_bundled(name: str, printed, items_doc):
    assert_same_parse(parsed(printed[name]), items_doc)


def test_the_pdf_leaves_out_masthead_running_header_and_page_numbers(printed, articles_doc):
    text = "\n".join(b.text for b in read_file(printed["pdf"]).blocks if hasattr(b, "text"))
    assert f"{articles_doc.issuers[0]}文件" not in text
    assert "— 2 —" not in text and "— 1 —" not in text
    assert text.count(articles_doc.doc_number) == 1  # under the masthead; its copies in the running header go


def test_docx_numbers_come_from_numbering_xml_not_from_the_text(printed):
    import docx

    typed = [p.text for p in docx.Document(str(printed["docx"])).paragraphs]
    assert not any(t.startswith("第一条") for t in typed)  # Word prints them; the text lacks them
    labels = [b.text[:4] for b in read_file(printed["docx"]).blocks if hasattr(b, "text")]
    assert "第一条 " in labels


def test_the_web_page_gives_its_fields_and_drops_the_site(printed):
    extract = read_file(printed["html"])
    assert extract.fields["doc_number"] == "人社部规〔2020〕1号" and extract.fields["date"] == "2020-01-08"
    text = "".join(b.text for b in extract.blocks if hasattr(b, "text"))
    for chrome in ("当前位置", "分享到", "版权所有", "打印本页", "索引号", "政务公开"):
        assert chrome not in text


def edit_distance(left: str, right: str) -> int:
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        current = [i]
        for j, b in enumerate(right, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def test_a_scan_is_read_by_ocr_with_few_character_errors(tmp_path: Path, articles_doc):
    """The notice's first page as an image only: OCR finds number, title, date and articles."""
    first_page = dataclasses.replace(articles_doc, paragraphs=articles_doc.paragraphs[:9], tables=[], nodes=[])
    scan = render.scanned_pdf(render.text_pdf(first_page, tmp_path / "page.pdf"), tmp_path / "scan.pdf")
    extract = read_file(scan)
    assert extract.method == "ocr"
    read = user.document(extract, scan.name)
    assert (read.doc_number, read.date, read.title) == (articles_doc.doc_number, articles_doc.date, articles_doc.title)
    assert [n.label for n in read.nodes if n.kind == "article"] == ["第一条", "第二条", "第三条"]
    keep = lambda text: "".join(ch for ch in text if ch.isalnum())  # noqa: E731
    reference = keep(first_page.title + "".join(p.text for p in first_page.paragraphs))
    ocr = keep("".join(b.text for b in extract.blocks[2:]))  # after masthead and number
    rate = edit_distance(ocr, reference) / len(reference)
    print(f"OCR character error rate: {rate:.2%} over {len(reference)} characters")
    assert rate < 0.02
    image = tmp_path / "page.png"
    pypdfium2.PdfDocument(scan)[0].render(scale=2).to_pil().save(image)
    photo = user.document(read_file(image), image.name)
    assert (photo.doc_number, photo.title) == (articles_doc.doc_number, articles_doc.title)


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("cut.pdf", None, "PDF 文件已损坏或不完整"),
    ("word.docx", b"PK? not really a zip", "不是有效的 DOCX 文件"),
    ("empty.txt", b"", "文件是空的"),
    ("table.odt", b"x", "不支持的文件类型"),
])
def test_a_bad_file_is_refused_with_its_name_and_why(tmp_path: Path, printed, name: str, content, reason: str):
    path = tmp_path / name
    path.write_bytes(content if content is not None else printed["pdf"].read_bytes()[:2000])
    with pytest.raises(ReadError, match=f"^{name}：.*{reason}"):
        read_file(path)


def test_an_encrypted_pdf_a_blank_page_and_a_blank_image_are_refused(tmp_path: Path):
    from fpdf import FPDF
    from PIL import Image

    locked = FPDF()
    locked.add_page()
    locked.set_encryption(owner_password="owner", user_password="user")
    locked.output(str(tmp_path / "locked.pdf"))
    blank = FPDF()
    blank.add_page()
    blank.output(str(tmp_path / "blank.pdf"))
    Image.new("RGB", (600, 400), "white").save(tmp_path / "blank.png")
    refused = (("locked.pdf", "PDF 已加密"), ("blank.pdf", "没有可读的文字"), ("blank.png", "没有识别出文字"))
    for name, reason in refused:
        with pytest.raises(ReadError, match=f"^{name}：.*{reason}"):
            read_file(tmp_path / name)
