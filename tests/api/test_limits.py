"""Bounded work and a truthful surface: body and batch limits, finite numbers, strict dates,
Allow on 405, security headers, trusted hosts, offline API docs."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from zhengce.api.app import create_app
from zhengce.api.deps import BEHIND_THE_LOOP, behind_the_loop
from zhengce.api.guard import MAX_BODY_BYTES
from zhengce.api.models import MAX_BATCH

RELIEF = {"region": "湖南", "size": "大型企业", "month": "2020-04"}


def test_a_body_over_the_limit_is_413_before_it_is_read(api_client: TestClient):
    big = '{"questions": ["' + "a" * MAX_BODY_BYTES + '"]}'
    response = api_client.post("/api/ask", content=big, headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and "上限" in response.json()["error"]


def test_a_batch_over_the_limit_is_refused_and_long_items_get_error_records(api_client: TestClient):
    assert api_client.post("/api/ask", json={"questions": ["社保"] * (MAX_BATCH + 1)}).status_code == 400
    answers = api_client.post("/api/ask", json={"questions": ["社" * 501, "稳岗返还"]}).json()["answers"]
    assert "上限" in answers[0]["error"] and answers[0]["question"] == "社" * 501 and answers[1]["error"] is None


def test_get_ask_answers_like_post(api_client: TestClient):
    got = api_client.get("/api/ask", params={"q": "稳岗返还"}).json()
    posted = api_client.post("/api/ask", json={"question": "稳岗返还"}).json()
    assert got == posted and got["citations"]


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "true", '"8000"', "1e400"])
def test_calculator_numbers_must_be_finite_json_numbers(api_client: TestClient, value: str):
    body = json.dumps(RELIEF, ensure_ascii=False)[:-1] + f', "contribution": {value}}}'
    response = api_client.post("/api/calc/social-insurance-relief", content=body,
                               headers={"Content-Type": "application/json"})
    assert response.status_code == 400, response.text
    assert api_client.get("/calc/social-insurance-relief", params={**RELIEF, "contribution": "nan"}).status_code == 400


@pytest.mark.parametrize("path", ["/api/docs?valid_on=0", "/api/search?q=社保&valid_on=0",
                                  "/api/docs/人社部发〔2020〕11号?on=1e9", "/api/search?q=社保&date_from=20200101"])
def test_dates_are_written_yyyy_mm_dd(api_client: TestClient, path: str):
    assert api_client.get(path).status_code == 400


def test_405_names_the_allowed_methods(api_client: TestClient):
    response = api_client.put("/api/ask", json={"question": "社保"})
    assert response.status_code == 405 and set(response.headers["allow"].split(", ")) == {"GET", "POST"}


@pytest.mark.parametrize("path", ["/", "/api/health", "/docs", "/static/style.css", "/nowhere", "/api/search?q=的"])
def test_every_response_carries_the_security_headers(api_client: TestClient, path: str):
    headers = api_client.get(path).headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


def test_only_loopback_and_allowed_hosts_are_answered(kb_path: Path, api_client: TestClient):
    response = api_client.get("/api/health", headers={"Host": "evil.example:8000"})
    assert response.status_code == 400 and "不受信任" in response.json()["error"]
    assert api_client.get("/api/health", headers={"Host": "localhost:8000"}).status_code == 200
    open_app = TestClient(create_app(kb_path, allowed_hosts=["zhengce.intranet"]), base_url="http://zhengce.intranet")
    assert open_app.get("/api/health").status_code == 200


def test_api_docs_use_no_outside_assets(api_client: TestClient):
    for path in ("/docs", "/redoc"):
        page = api_client.get(path).text
        assert "cdn" not in page.lower() and "https://" not in page
    assert api_client.get("/static-offline-docs/swagger-ui-bundle.js").status_code == 200
    assert api_client.get("/static-offline-docs/redoc.standalone.js").status_code == 200


def test_schema_documents_400_not_422_csv_and_the_limits(api_client: TestClient):
    schema = api_client.get("/openapi.json").json()
    operations = [op for item in schema["paths"].values() for op in item.values()]
    assert not [op for op in operations if "422" in op["responses"]]
    assert "text/csv" in schema["paths"]["/api/tables/{table_id}"]["get"]["responses"]["200"]["content"]
    assert "413" in schema["paths"]["/api/ask"]["post"]["responses"]
    relief = schema["components"]["schemas"]["SocialInsuranceReliefInputs"]
    assert relief["properties"]["region"]["enum"] and relief["additionalProperties"] is False
    assert "1,000,000 bytes" in schema["info"]["description"]


def test_a_table_filters_on_any_column_and_its_csv_is_named_after_it(api_client: TestClient):
    rows = api_client.get("/api/tables/2dc5f1098a/t1", params={"contains": "002014008001"}).json()["rows"]
    assert [row[1] for row in rows] == ["失业保险金申领"]
    response = api_client.get("/api/tables/2dc5f1098a/t1", params={"contains": "失业保险金", "format": "csv"})
    assert "filename*=UTF-8''" in response.headers["content-disposition"]
    assert "%E6%B9%96%E5%8D%97" in response.headers["content-disposition"]  # 湖南…


def test_a_route_thread_is_scheduled_behind_the_event_loop() -> None:
    main = os.getpriority(os.PRIO_PROCESS, 0)  # Linux: the calling thread
    seen: list[int] = []

    def route_work() -> None:
        behind_the_loop()
        behind_the_loop()  # once per thread: not lowered twice
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))

    thread = threading.Thread(target=route_work)
    thread.start()
    thread.join()
    assert seen == [min(main + BEHIND_THE_LOOP, 19)]
    assert os.getpriority(os.PRIO_PROCESS, 0) == main
