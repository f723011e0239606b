"""The JSON API through FastAPI's test client: every endpoint, its errors, its paging."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from zhengce.api.app import create_app
from zhengce.corpus.model import Document, Node, Paragraph, Source
from zhengce.index.build import index_rows
from zhengce.index.units import document_units
from zhengce.store.db import write_knowledge_base


@pytest.fixture(scope="module")
def client(kb_path: Path) -> TestClient:
    return TestClient(create_app(kb_path), base_url="http://127.0.0.1")


def test_health_and_stats(client: TestClient):
    health = client.get("/api/health").json()
    assert health["status"] == "ok" and health["documents"] > 150
    stats = client.get("/api/stats").json()
    assert set(stats["by_region"]) == {"全国", "湖南", "重庆", "北京"}


def test_search_returns_hits_with_the_cli_fields_and_facets(client: TestClient):
    response = client.get("/api/search", params={"q": "以工代训补贴标准", "k": 5})
    assert response.status_code == 200
    body = response.json()
    assert len(body["hits"]) == 5
    assert {"doc_id", "title", "doc_number", "article", "node_id", "text", "snippet", "score", "region",
            "date"} <= set(body["hits"][0])
    assert sum(body["facets"]["region"].values()) == 5


def test_search_filters_and_plan(client: TestClient):
    body = client.get("/api/search", params={"q": "稳岗返还", "region": "湖南", "explain": "true"}).json()
    assert body["hits"] and all(h["region"] == "湖南" for h in body["hits"])
    assert body["plan"]["query"] == "稳岗返还"


@pytest.mark.parametrize("params", [
    {"q": ""}, {"q": "社保", "k": 0}, {"q": "社保", "k": 101}, {"q": "社保", "k": "false"},
    {"q": "社保", "date_from": "2020-13-01"}, {"q": "社保", "mode": "magic"}, {"q": "字" * 501}, {},
])
def test_bad_search_input_is_400_with_a_message(client: TestClient, params: dict):
    response = client.get("/api/search", params=params)
    assert response.status_code == 400
    assert response.json()["error"]


def test_document_list_pages(client: TestClient):
    first = client.get("/api/docs", params={"per_page": 10}).json()
    second = client.get("/api/docs", params={"per_page": 10, "page": 2}).json()
    assert first["total"] == second["total"] > 150
    assert len(first["items"]) == 10 and {d["id"] for d in first["items"]}.isdisjoint(d["id"] for d in second["items"])
    last_page = (first["total"] + 9) // 10
    assert len(client.get("/api/docs", params={"per_page": 10, "page": last_page}).json()["items"]) >= 1
    assert client.get("/api/docs", params={"per_page": 10, "page": last_page + 1}).json()["items"] == []
    assert "text" not in first["items"][0]


def test_document_list_filters_and_sorts(client: TestClient):
    body = client.get("/api/docs", params={"region": "北京", "sort": "date", "descending": "true",
                                           "per_page": 100}).json()
    dates = [d["date"] for d in body["items"] if d["date"]]
    assert all(d["region"] == "北京" for d in body["items"]) and dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("params", [{"page": 0}, {"per_page": 101}, {"sort": "password"}, {"year": "abc"}])
def test_bad_list_input_is_400(client: TestClient, params: dict):
    assert client.get("/api/docs", params=params).status_code == 400


def test_document_by_id_or_any_number_form(client: TestClient):
    by_number = client.get("/api/docs/人社部发[2020]11号").json()
    by_id = client.get(f"/api/docs/{by_number['id']}").json()
    assert by_number == by_id
    assert by_number["articles"] and by_number["sources"]


def test_unknown_document_is_404_json(client: TestClient):
    response = client.get("/api/docs/人社部发〔2099〕1号")
    assert response.status_code == 404
    assert "没有" in response.json()["error"]


def test_openapi_schema_documents_the_endpoints(client: TestClient):
    schema = client.get("/openapi.json").json()
    paths, schemas = schema["paths"], schema["components"]["schemas"]
    assert {"/api/search", "/api/docs", "/api/docs/{key}", "/api/stats", "/api/health"} <= set(paths)
    for path, fields in (("/api/stats", {"documents", "by_region", "by_source", "flags", "built_at"}),
                         ("/api/docs/{key}/graph", {"cites", "cited_by", "thread"})):
        body = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert fields <= set(schemas[body["$ref"].rsplit("/", 1)[1]]["properties"]), path


def test_document_text_is_escaped_in_pages(tmp_path: Path):
    hostile = "<script>alert('x')</script>"
    paragraph = Paragraph(f"一、{hostile}", 1, 1)
    document = Document(title=f"关于{hostile}的通知", doc_number=None, issuers=[], date=date(2020, 1, 1),
                        region="全国", section="综合", doc_type="通知", paragraphs=[paragraph],
                        sources=[Source("x.txt", 1, 1)], nodes=[Node("一", "一、", "item1", paragraph.text, 1, 1)],
                        id="hostile")
    rows, _ = index_rows(document_units(document), None)
    path = tmp_path / "kb.db"
    write_knowledge_base(path, [document], {}, rows)
    client = TestClient(create_app(path), base_url="http://127.0.0.1")
    for url in ("/documents/hostile", "/search?q=script", "/documents"):
        page = client.get(url).text
        assert "<script>alert" not in page and "&lt;script&gt;" in page, url


def test_ask_one_question(client: TestClient):
    body = client.post("/api/ask", json={"question": "疫情期间企业停工停产，工资怎么支付？"}).json()
    assert body["abstained"] is False and body["answer"]
    assert {"doc_id", "title", "doc_number", "article", "node_id", "text", "source"} <= set(body["citations"][0])


def test_ask_a_batch_keeps_order_and_reports_bad_items(client: TestClient):
    questions = ["湖南以工代训补贴每人每月多少钱？", "", "广东省稳岗返还怎么申请"]
    answers = client.post("/api/ask", json={"questions": questions}).json()["answers"]
    assert [a["question"] for a in answers] == questions
    assert answers[0]["answer"] and answers[1]["error"] and answers[2]["abstained"] and not answers[2]["error"]
    assert set(answers[1]) == set(answers[0])  # every item shaped like a single answer


@pytest.mark.parametrize("body", [{}, {"question": ""}, {"question": "a", "questions": ["b"]}, {"questions": []},
                                  {"question": 5}, {"question": "社保", "extra": 1}])
def test_bad_ask_bodies_are_400(client: TestClient, body: dict):
    response = client.post("/api/ask", json=body)
    assert response.status_code == 400 and response.json()["error"]


def test_malformed_json_is_400(client: TestClient):
    response = client.post("/api/ask", content=b"{not json", headers={"Content-Type": "application/json"})
    assert response.status_code == 400


def test_a_registry_downloads_as_csv(client: TestClient):
    response = client.get("/documents/湘政办发〔2020〕19号/tables/1.csv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "序号,事项名称,基本编码,服务层级,事项关系,业务指导实施部门,服务类型"
    assert len(lines) == 735
    assert client.get("/documents/湘政办发〔2020〕19号/tables/9.csv").status_code == 404


def test_tables_graph_and_validity_endpoints(client: TestClient):
    tables = client.get("/api/tables").json()
    registry = next(t for t in tables if t["name"] == "湖南省公共服务事项目录（2020版）")
    rows = client.get(f"/api/tables/{registry['id']}", params={"where": "事项名称=失业保险金申领"}).json()["rows"]
    assert rows[0][2] == "002014008001"
    assert client.get(f"/api/tables/{registry['id']}", params={"where": "nope"}).status_code == 400
    assert client.get("/api/tables/none/t9").status_code == 404
    graph = client.get("/api/docs/人社部发〔2020〕11号/graph").json()
    assert [d["doc_number"] for d in graph["thread"]] == ["人社部发〔2020〕11号", "人社部发〔2020〕49号"]
    validity = client.get("/api/docs/湘人社发〔2018〕36号/validity", params={"on": "2020-11-01"}).json()
    assert validity["status"] == "已废止"
    assert client.get("/api/docs/湘人社发〔2099〕1号/validity").status_code == 404


def test_calculator_endpoints(client: TestClient):
    assert client.get("/api/calc").json()[0]["name"] == "social-insurance-relief"
    described = client.get("/api/calc/social-insurance-relief").json()
    assert {"doc_id", "node_id", "quote"} <= set(described["citations"][0])
    first = described["parameters"][0]  # 人社部发〔2020〕11号: 中小微企业 免征 from February 2020
    assert first["value"] == 1.0 and first["citation"]["doc_number"] == "人社部发〔2020〕11号"
    result = client.post("/api/calc/social-insurance-relief",
                         json={"region": "湖南", "size": "大型企业", "month": "2020-04", "contribution": 8000}).json()
    assert result["result"]["relief"] == 4000.0 and result["steps"][0]["citation"]["doc_number"]
    bad = client.post("/api/calc/social-insurance-relief", json={"region": "广东"})
    assert bad.status_code == 400 and "region" in bad.json()["error"]
    assert client.get("/api/calc/nope").status_code == 404
    page = client.get("/calc/social-insurance-relief", params={"region": "湖南", "size": "大型企业",
                                                               "month": "2020-04", "contribution": "8000"})
    assert page.status_code == 200 and "4,000 元" in page.text and "50%" in page.text


@pytest.mark.parametrize("value", [float("nan"), "inf", -5000])
def test_calculator_refuses_what_is_not_a_finite_number(client: TestClient, value):
    given = {"region": "湖南", "size": "大型企业", "month": "2020-04", "contribution": value}
    refused = client.post("/api/calc/social-insurance-relief", content=json.dumps(given),
                          headers={"content-type": "application/json"})
    assert refused.status_code == 400 and "contribution" in refused.json()["error"]


def test_an_answer_offers_its_calculator_prefilled(client: TestClient):
    asked = client.get("/api/ask", params={"q": "湖南大型企业5月社保费减免多少"}).json()
    offered = asked["calculator"]
    assert offered["name"] == "social-insurance-relief"
    assert offered["inputs"] == {"region": "湖南", "size": "大型企业", "month": "2020-05"}
    form = client.get(offered["url"])  # the form opens filled in, asking only for the amount
    assert form.status_code == 200 and 'role="alert"' not in form.text and 'value="2020-05"' in form.text
    assert '<option value="大型企业" selected>' in form.text
    page = client.get("/ask", params={"q": "湖南大型企业5月社保费减免多少"}).text
    assert offered["url"] in page.replace("&amp;", "&")


def test_calculator_never_reads_true_as_one(client: TestClient):
    # JSON true is no number for a count
    refused = client.post("/api/calc/stabilisation-refund",
                          json={"region": "全国", "variant": "困难企业稳岗返还", "insured_workers": True})
    assert refused.status_code == 400 and "insured_workers" in refused.json()["error"]


def test_calculator_forms_open_with_defaults_and_compute_them(client: TestClient):
    blank = client.get("/calc/epidemic-work-allowance")
    assert blank.status_code == 200 and 'value="0"' in blank.text and "role=\"alert\"" not in blank.text
    # 渝财综〔2020〕3号 一（一）"每人每天300元": 20 × 300, the other fields left at their defaults
    filled = client.get("/calc/epidemic-work-allowance", params={"region": "重庆", "contact_days": "20"})
    assert filled.status_code == 200 and "6,000 元" in filled.text
    assert 'type="date"' in client.get("/calc/hiring-subsidy").text
    refused = client.get("/calc/hiring-subsidy", params={"region": "湖南", "hire_date": "2020-13-01"})
    assert refused.status_code == 400 and "缺少“招用人员”（worker）" in refused.text
