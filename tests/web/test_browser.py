"""What a service-window clerk does in the browser, on the real corpus."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect


def test_search_open_result_lands_on_highlighted_article(page: Page, base_url: str, shoot):
    page.goto(base_url + "/")
    page.get_by_role("searchbox").fill("企业停工停产期间工资怎么支付")
    page.get_by_role("button", name="检索").click()
    expect(page.locator("li.hit").first).to_be_visible()
    shoot(page, "-results")
    first = page.locator("li.hit a.hit-title").first
    first.click()
    expect(page).to_have_url(re.compile(r"/documents/\w+\?hl="))
    cited = page.locator(".node.cited")
    expect(cited).to_have_count(1)
    expect(cited).to_be_in_viewport()
    shoot(page, "-document")


def test_document_number_search_opens_that_document(page: Page, base_url: str, shoot):
    page.goto(base_url + "/search?q=" + "湘人社规[2020]18号")
    first = page.locator("li.hit").first
    expect(first).to_contain_text("湘人社规〔2020〕18号")
    first.locator("a.hit-title").click()
    expect(page.locator("h1")).to_contain_text("规范性文件清理结果")
    expect(page.locator("table").first).to_be_visible()
    shoot(page)


def test_filter_by_region(page: Page, base_url: str, shoot):
    page.goto(base_url + "/")
    page.get_by_role("searchbox").fill("稳岗返还")
    page.get_by_label("地区").select_option("重庆")
    page.get_by_role("button", name="检索").click()
    metas = page.locator(".hit-meta")
    expect(metas.first).to_be_visible()
    for text in metas.all_inner_texts():
        assert "重庆" in text
    shoot(page)


def test_browse_sorts_by_date(page: Page, base_url: str, shoot):
    page.goto(base_url + "/documents?region=北京")
    page.get_by_role("link", name=re.compile("日期")).click()
    dates = [d for d in page.locator("table.browse tbody tr td:nth-child(6)").all_inner_texts() if d != "—"]
    assert dates == sorted(dates) and len(dates) > 10
    shoot(page)


def test_phone_layout_is_readable(page: Page, base_url: str, shoot):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "/search?q=以工代训补贴标准")
    expect(page.locator("li.hit").first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400
    shoot(page)


def test_ask_and_follow_a_citation(page: Page, base_url: str, shoot):
    page.goto(base_url + "/ask")
    page.get_by_role("searchbox").fill("疫情期间企业停工停产，工资怎么支付？")
    page.get_by_role("button", name="提问").click()
    expect(page.locator("blockquote.quote")).to_contain_text("劳动合同规定的标准")
    shoot(page, "-answer")
    page.locator("ol.citations a.cite").first.click()
    expect(page.locator(".node.cited")).to_contain_text("劳动合同规定的标准")
    shoot(page, "-cited")


def test_document_shows_validity_thread_and_citations(page: Page, base_url: str, shoot):
    page.goto(base_url + "/documents/人社部发〔2020〕11号?on=2020-07-01")
    expect(page.locator("section.validity > p .badge")).to_have_text("已被修改")
    expect(page.locator("section.validity")).to_contain_text("2020-07-01 的效力状态")
    expect(page.locator(".thread")).to_contain_text("人社部发〔2020〕49号")
    expect(page.locator(".graph")).to_contain_text("引用本文件的")
    shoot(page)


def test_document_date_picker_and_item_statuses(page: Page, base_url: str, shoot):
    # 渝府办发〔2020〕22号 附件 三/26: 免征期限不超过5个月 (to 2020-06); 二/23: 2020年年内.
    page.goto(base_url + "/documents/渝府办发〔2020〕22号")
    page.get_by_label("查看日期").fill("2020-07-01")
    page.get_by_role("button", name="查看").click()
    expect(page).to_have_url(re.compile(r"on=2020-07-01"))
    expect(page.locator("section.validity > p .badge")).to_have_text("部分失效")
    item = page.locator(r"[id='af0d01339a/附件/三/26'] .item-validity")
    expect(item).to_contain_text("阶段性政策已到期")
    expect(page.locator(r"[id='af0d01339a/附件/二/23'] .item-validity")).to_contain_text("现行有效")
    shoot(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(shoot(page, "-390")), clip={"x": 0, "y": 0, "width": 390, "height": 1200})


def test_browse_on_a_date_lists_what_is_in_force_with_its_status(page: Page, base_url: str, shoot):
    # 湘人社规〔2020〕4号: 执行到2020年12月31日止 (not in force on 2021-06-01);
    # 湘人社规〔2020〕13号: 自2020年9月1日起施行，有效期五年 (in force, one item ended: 部分失效).
    page.goto(base_url + "/documents?region=湖南&on=2021-06-01")
    expect(page.locator("h1")).to_contain_text("2021-06-01 有效的文件")
    table = page.locator("table.browse")
    expect(table).not_to_contain_text("湘人社规〔2020〕4号")
    expect(table.locator("tr", has_text="湘人社规〔2020〕13号")).to_contain_text("部分失效")
    shoot(page)


def test_calculator_form_shows_cited_steps(page: Page, base_url: str, shoot):
    page.goto(base_url + "/calc/social-insurance-relief")
    page.get_by_label("参保地").select_option("湖南")
    page.get_by_label("参保单位类型").select_option("大型企业")
    page.get_by_label("缴费所属月份").fill("2020-05")
    page.get_by_label("当月三项社会保险单位应缴费额").fill("8000")
    page.get_by_role("button", name="计算").click()
    expect(page.locator("ol.steps")).to_contain_text("4,000 元")
    shoot(page, "-result")
    page.locator("ol.steps a").first.click()
    expect(page.locator(".node.cited")).to_contain_text("减半征收")
    shoot(page, "-cited")


def test_a_question_leads_to_its_calculator_and_an_excluded_unit_gets_0(page: Page, base_url: str, shoot):
    page.goto(base_url + "/ask?q=" + "湖南大型企业5月社保费减免多少")
    page.get_by_role("link", name="用计算器算一算").click()
    expect(page.get_by_label("参保单位类型")).to_have_value("大型企业")
    page.get_by_label("当月三项社会保险单位应缴费额").fill("12000")
    page.get_by_role("button", name="计算").click()
    # 湘人社规〔2020〕10号 一 大型企业减半 "延长执行到2020年6月底": 12,000 × 50%
    expect(page.locator("section.answer")).to_contain_text("6,000 元")
    expect(page.locator("section.answer")).to_contain_text("50%")
    shoot(page, "-relief")
    page.get_by_label("参保单位类型").select_option("机关事业单位")
    page.get_by_role("button", name="计算").click()
    expect(page.locator("section.answer")).to_contain_text("不在本政策范围内")
    page.set_viewport_size({"width": 390, "height": 800})
    shoot(page, "-excluded-390")
