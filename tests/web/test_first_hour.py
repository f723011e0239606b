"""The first hour of a new user, in Chromium at desktop and phone width: the home box answers
and lists hits, sources read as compilations with lines, relation kinds and table filters in
Chinese, and wide tables scroll instead of squeezing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

PHONE = {"width": 390, "height": 844}


@pytest.fixture(params=["desktop", "390"])
def width(request: pytest.FixtureRequest, page: Page) -> str:
    if request.param == "390":
        page.set_viewport_size(PHONE)
    return request.param


def test_the_home_box_answers_and_lists_hits_under_the_answer(page: Page, width: str, shoot):
    page.goto("/")
    page.get_by_label("检索").fill("稳岗返还的条件是什么")
    page.get_by_role("button", name="提问 · 检索").click()
    answer = page.locator("section.answer")
    expect(answer.locator("blockquote.quote")).to_contain_text("稳岗返还")
    # The citation names the compilation and its lines, not the raw file.
    expect(answer.locator(".citations .hit-meta").first).to_contain_text(re.compile(r"汇编|期|单行本.* 第 \d+–\d+ 行"))
    expect(answer).not_to_contain_text(".txt")
    expect(page.locator("ol.hits li.hit").first).to_be_visible()
    assert answer.bounding_box()["y"] < page.locator("ol.hits").bounding_box()["y"]
    shoot(page, f"-{width}")


def test_the_document_page_names_sources_and_relations_in_chinese(page: Page, width: str, shoot):
    page.goto("/documents/人社部发〔2020〕11号")
    expect(page.locator("ul.sources")).to_contain_text("汇编")
    expect(page.locator("ul.sources")).not_to_contain_text(".txt")
    kinds = page.locator("section.graph .kind").all_inner_texts()
    assert kinds and not [k for k in kinds if re.search("[a-z]", k)], kinds
    shoot(page, f"-{width}")


def test_the_table_filter_searches_every_column_and_scrolls_on_a_phone(page: Page, width: str, shoot):
    page.goto("/tables/2dc5f1098a/t1")
    expect(page.get_by_label("列")).to_have_value("")
    page.get_by_label("包含").fill("失业保险金")
    page.get_by_role("button", name="筛选").click()
    expect(page.locator("p.meta")).to_contain_text(re.compile(r"^[1-9]\d* 行"))
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 CSV").click()
    assert download.value.suggested_filename == "湖南省公共服务事项目录（2020版）.csv"
    cell = page.locator("table tbody td").nth(1).bounding_box()
    assert cell["width"] > 60, cell  # a column keeps room for its words on a phone
    shoot(page, f"-{width}")
