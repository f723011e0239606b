"""Printed lines to paragraphs, and page furniture, on lines laid out by hand."""

from __future__ import annotations

from zhengce.corpus.readers.extract import PageLine, drop_furniture, paragraphs_from_lines


def line(text: str, top: float, x0: float = 90, x1: float = 500, page: int = 1) -> PageLine:
    return PageLine(text, x0, x1, top, top + 12, page)


def test_indent_short_line_and_gap_each_start_a_paragraph():
    lines = [line("一、总体要求", 100, x1=170),
             line("坚持稳中求进，", 120, x0=114), line("全面落实。", 140, x1=200),
             line("块状段落的第一行写满了整行，", 160), line("第二行也写满了整行。", 180),
             line("空一行后的新段落。", 220)]
    assert paragraphs_from_lines(lines) == ["一、总体要求", "坚持稳中求进，全面落实。",
                                            "块状段落的第一行写满了整行，第二行也写满了整行。", "空一行后的新段落。"]


def test_page_numbers_and_a_running_header_go_the_number_under_the_masthead_stays():
    pages = [[line("人社部规〔2020〕1号", 150, page=1), line("正文第一页", 200, page=1), line("— 1 —", 800, page=1)]]
    for page in (2, 3):
        pages.append([line("人社部规〔2020〕1号", 40, page=page), line("正文" + "甲乙丙"[page - 1], 100, page=page),
                      line(f"第 {page} 页 共 3 页", 800, page=page)])
    kept = drop_furniture([item for items in pages for item in items], 3)
    assert [item.text for item in kept] == ["人社部规〔2020〕1号", "正文第一页", "正文乙", "正文丙"]
