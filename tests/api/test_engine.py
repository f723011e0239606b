"""Searches and answers in a compute process beside the app (as `zhengce serve` runs them):
the same results as in the app's own process, errors that keep their status, and a compute
process that ends is started again."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from zhengce.api.app import create_app
from zhengce.api.engine import portable_error
from zhengce.index.query import QueryError
from zhengce.service import FilterError

QUESTIONS = ["以工代训补贴标准", "湖南省阶段性减免企业社会保险费的期限", "北京市失业保险金发放标准"]


@pytest.fixture(scope="module")
def apart(kb_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(kb_path, compute_process=True), base_url="http://127.0.0.1") as client:
        yield client


@pytest.mark.parametrize("question", QUESTIONS)
def test_search_and_answers_are_those_of_the_app_itself(apart: TestClient, api_client: TestClient,
                                                         question: str) -> None:
    for path, params in [("/api/search", {"q": question, "k": 10, "region": "", "explain": "true"}),
                         ("/api/ask", {"q": question}), ("/api/ask", {"q": question, "on": "2020-03-01"})]:
        here, there = api_client.get(path, params=params), apart.get(path, params=params)
        assert there.status_code == here.status_code == 200
        assert there.json() == here.json()
    batch = {"questions": [*QUESTIONS, "。。。"]}
    assert apart.post("/api/ask", json=batch).json() == api_client.post("/api/ask", json=batch).json()


def test_the_search_and_answer_pages_are_those_of_the_app_itself(apart: TestClient, api_client: TestClient) -> None:
    for path in ("/search", "/ask"):
        page = apart.get(path, params={"q": "以工代训补贴"})
        assert page.status_code == 200 and "以工代训" in page.text
        assert page.text == api_client.get(path, params={"q": "以工代训补贴"}).text


def test_an_error_raised_there_keeps_its_status_and_message(apart: TestClient) -> None:
    response = apart.get("/api/search", params={"q": "。。。"})
    assert response.status_code == 400
    assert "没有可检索的词" in response.json()["error"]


def test_a_compute_process_that_ended_is_started_again(apart: TestClient) -> None:
    compute = apart.app.state.compute
    first = compute.channel.process
    first.kill()
    first.join(timeout=10)
    deadline = time.monotonic() + 10
    while compute.channel.alive() and time.monotonic() < deadline:  # its pipe closes a moment later
        time.sleep(0.05)
    response = apart.get("/api/ask", params={"q": "失业保险稳岗返还的条件"})
    assert response.status_code == 200 and response.json()["citations"]
    assert compute.channel.process is not first and compute.channel.process.is_alive()
    assert apart.get("/api/health").json()["status"] == "ok"


def test_an_error_the_worker_could_not_rebuild_comes_back_named() -> None:
    assert isinstance(portable_error(QueryError("查询中没有可检索的词")), QueryError)
    error = portable_error(FilterError("valid_on", "日期须写成 YYYY-MM-DD"))  # its constructor takes two arguments
    assert type(error) is RuntimeError and "FilterError" in str(error) and "YYYY-MM-DD" in str(error)
