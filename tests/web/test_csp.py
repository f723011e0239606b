"""The pages satisfy their Content-Security-Policy, and the API docs render with no outside network."""

from __future__ import annotations

import pytest
from playwright.sync_api import ConsoleMessage, Page, Route, expect

PAGES = ["/", "/search?q=社保", "/ask?q=稳岗返还", "/documents", "/tables", "/calc",
         "/documents/人社部发〔2020〕11号?hl=x", "/docs", "/redoc"]


def loopback_only(route: Route) -> None:
    """Requests leave only for the test server: a page that needs a CDN shows it."""
    if route.request.url.startswith("http://127.0.0.1"):
        route.continue_()
    else:
        route.abort()


def refusal(message: ConsoleMessage) -> bool:
    return "Content Security Policy" in message.text or "Refused to" in message.text


@pytest.mark.parametrize("path", PAGES)
def test_no_page_breaks_its_policy(page: Page, path: str):
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text) if refusal(message) else None)
    page.route("**/*", loopback_only)
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert refused == []


def test_swagger_ui_and_redoc_render_offline(page: Page):
    page.route("**/*", loopback_only)
    page.goto("/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("zhengce")
    page.goto("/redoc")
    expect(page.locator("h1").first).to_contain_text("zhengce")
