"""The upload page in the browser: an administrator adds a web page saved from a government
site; it merges with the corpus document it prints, and the page says so."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import copy_kb, serve
from zhengce.api.app import create_app
from zhengce.index.build import DEFAULT_CACHE


@pytest.fixture(scope="module")
def upload_url(tmp_path_factory: pytest.TempPathFactory, kb_path: Path) -> Iterator[str]:
    """A server of its own over a copy of the knowledge base, with an admin token."""
    folder = tmp_path_factory.mktemp("upload")
    kb, cache = copy_kb(kb_path, folder, "kb.db"), Path(shutil.copy(DEFAULT_CACHE, folder / "cache.sqlite"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ZHENGCE_ADMIN_TOKEN", "s3cret")
        yield from serve(create_app(kb, cache=cache))


def test_upload_a_web_page_and_see_it_merged(page: Page, upload_url: str, printed, articles_doc, shoot):
    page.goto(upload_url + "/upload")
    expect(page.locator("h1")).to_have_text("添加自己的文件")
    page.set_input_files("input[name=files]", str(printed["html"]))
    page.get_by_label("地区").select_option("全国")
    page.get_by_label("管理令牌").first.fill("s3cret")
    page.get_by_role("button", name="添加").click()
    expect(page.locator("section.job h2")).to_contain_text("完成", timeout=120_000)
    expect(page.locator("section.job li")).to_contain_text(f"articles.html：合并 {articles_doc.title}")
    expect(page.locator("table.added")).to_contain_text(articles_doc.id)
    shoot(page)
    page.set_viewport_size({"width": 390, "height": 844})
    shoot(page, "-390")


def test_a_wrong_token_is_refused_on_the_page(page: Page, upload_url: str, printed):
    page.goto(upload_url + "/upload")
    page.set_input_files("input[name=files]", str(printed["html"]))
    page.get_by_label("管理令牌").first.fill("wrong")
    page.get_by_role("button", name="添加").click()
    expect(page.get_by_role("alert")).to_have_text("管理令牌不正确")
