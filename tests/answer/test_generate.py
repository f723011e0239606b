"""The optional generation path, against a small OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from zhengce.answer.generate import Endpoint, GeneratingAnswerer, check_sentences


def serve(reply: str):
    """A loopback server answering every chat completion with ``reply``; returns (url, requests)."""
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            seen.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            body = json.dumps({"choices": [{"message": {"role": "assistant", "content": reply}}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/v1", seen


def test_supported_sentences_kept_invented_ones_dropped():
    passages = ["企业停工停产在一个工资支付周期内的，企业应按劳动合同规定的标准支付职工工资。"]
    kept, dropped = check_sentences("停工停产在一个工资支付周期内的，按劳动合同规定的标准支付工资[1]。"
                                    "另外企业还应发放1000元补贴[1]。", passages)
    assert kept == ["停工停产在一个工资支付周期内的，按劳动合同规定的标准支付工资。"]
    assert dropped == ["另外企业还应发放1000元补贴。"]


@pytest.fixture
def generating(store, search_index):
    def make(reply: str):
        server, url, seen = serve(reply)
        return server, GeneratingAnswerer(store, search_index, Endpoint(url, "test-model", "secret")), seen
    return make


def test_model_phrasing_is_checked_against_the_cited_passages(generating):
    server, answerer, seen = generating("企业停工停产在一个工资支付周期内的，"
                                        "企业应按劳动合同规定的标准支付职工工资[1]。疫情期间所有职工工资翻倍[1]。")
    try:
        answer = answerer.ask("疫情期间企业停工停产，工资怎么支付？")
    finally:
        server.shutdown()
    assert answer.generated
    assert "翻倍" not in answer.answer and "劳动合同规定的标准" in answer.answer
    assert any("删去 1 句" in note for note in answer.notes)
    request = seen[0]
    assert request["model"] == "test-model" and "条文" in request["messages"][1]["content"]


def test_nothing_supported_falls_back_to_the_quote(generating):
    server, answerer, _ = generating("每位职工可领取5000元疫情补贴。")
    try:
        answer = answerer.ask("疫情期间企业停工停产，工资怎么支付？")
    finally:
        server.shutdown()
    assert not answer.generated and answer.answer and answer.citations
    assert any("原文摘录" in note for note in answer.notes)


def test_an_unreachable_endpoint_falls_back_to_the_quote(store, search_index):
    answerer = GeneratingAnswerer(store, search_index, Endpoint("http://127.0.0.1:9/v1", "m", ""))
    answer = answerer.ask("疫情期间企业停工停产，工资怎么支付？")
    assert not answer.generated and answer.answer
    assert any("不可用" in note for note in answer.notes)
