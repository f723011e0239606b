"""One status everywhere: the CLI, the API, the web page, the document list and search
give the same status for the same date, and filter on the same articles."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from zhengce.api.app import create_app
from zhengce.cli import app
from zhengce.index.hybrid import SearchIndex
from zhengce.store.db import Store
from zhengce.store.records import Filters

# 人社部发〔2020〕11号 on 2020-07-01 (extended by 49号: 已被修改) and 2021-06-01 (阶段性政策已到期);
# 渝府办发〔2020〕22号 on 2020-07-01 (item 三/26 ended: 部分失效).
CASES = [("人社部发〔2020〕11号", "2020-07-01", "已被修改"), ("人社部发〔2020〕11号", "2021-06-01", "阶段性政策已到期"),
         ("渝府办发〔2020〕22号", "2020-07-01", "部分失效"), ("湘人社规〔2020〕13号", "2020-08-20", "尚未生效")]


@pytest.fixture(scope="module")
def client(kb_path: Path) -> TestClient:
    return TestClient(create_app(kb_path), base_url="http://127.0.0.1")


def cli(kb_path: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["--db", str(kb_path), *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(("number", "on", "status"), CASES)
def test_every_face_gives_one_status(store: Store, client: TestClient, kb_path: Path,
                                     number: str, on: str, status: str):
    day = date.fromisoformat(on)
    assert store.validity(number, day).status == status
    assert json.loads(cli(kb_path, "docs", "validity", number, "--on", on, "--json"))["status"] == status
    assert json.loads(cli(kb_path, "docs", "show", number, "--on", on, "--json"))["validity"]["status"] == status
    listed = {d["doc_number"] for d in json.loads(cli(kb_path, "docs", "list", "--valid-on", on, "--json"))}
    assert (number in listed) == (status in ("现行有效", "已被修改", "部分失效"))
    assert client.get(f"/api/docs/{number}/validity", params={"on": on}).json()["status"] == status
    assert client.get(f"/api/docs/{number}", params={"on": on}).json()["validity"]["status"] == status
    page = client.get(f"/documents/{number}", params={"on": on}).text
    assert re.search(rf'<span class="badge">{status}</span>{on} 的效力状态', page)


def test_search_leaves_out_the_articles_whose_period_ended(search_index: SearchIndex, client: TestClient):
    # 渝府办发〔2020〕22号 附件 三/26: 自2020年2月起，免征……免征期限不超过5个月 (to 2020-06-30).
    query = "重庆 免征中小微企业养老保险、失业保险和工伤保险费单位缴费部分"
    node = "af0d01339a/附件/三/26"
    during = search_index.search(query, k=20, filters=Filters(region="重庆", valid_on=date(2020, 6, 1)))
    after = search_index.search(query, k=20, filters=Filters(region="重庆", valid_on=date(2020, 7, 1)))
    assert node in {h.node_id for h in during} and node not in {h.node_id for h in after}
    assert "af0d01339a" in {h.doc_id for h in after}  # the document itself is still in force (部分失效)
    body = client.get("/api/search", params={"q": query, "region": "重庆", "valid_on": "2020-07-01", "k": 20}).json()
    assert node not in {h["node_id"] for h in body["hits"]}


def test_level_is_a_filter_of_list_search_and_api(store: Store, search_index: SearchIndex, client: TestClient,
                                                   kb_path: Path):
    # 网络招聘服务管理规定 is 人力资源和社会保障部令第44号: a 部门规章.
    rules = {d.title for d in store.list_documents(Filters(level="部门规章"))}
    assert "网络招聘服务管理规定" in rules
    listed = json.loads(cli(kb_path, "docs", "list", "--level", "地方规范性文件", "--json"))
    assert listed and all(d["level"] == "地方规范性文件" for d in listed)
    assert "湘人社规〔2020〕4号" in {d["doc_number"] for d in listed}
    hits = search_index.search("社会保险", k=10, filters=Filters(level="解读"))
    assert hits and all("答记者问" in h.title or "解读" in h.title for h in hits)
    page = client.get("/api/docs", params={"level": "部门规章", "per_page": 100}).json()
    assert page["total"] == len(rules)
    assert client.get("/api/docs", params={"level": "不存在"}).status_code == 400
    result = CliRunner().invoke(app, ["--db", str(kb_path), "docs", "list", "--level", "不存在"])
    assert result.exit_code == 1 and "--level" in result.output


def test_the_web_pages_take_a_date_and_refuse_a_bad_one(client: TestClient):
    query = {"q": "重庆 免征中小微企业养老保险、失业保险和工伤保险费单位缴费部分", "region": "重庆", "k": 20}
    during = client.get("/search", params={**query, "on": "2020-06-01"}).text
    after = client.get("/search", params={**query, "on": "2020-07-01"}).text
    link = quote("af0d01339a/附件/三/26")
    assert link in during and link not in after
    for path in ("/documents/渝府办发〔2020〕22号", "/documents", "/search?q=社保"):
        response = client.get(path, params={"on": "2020-13-01"})
        assert response.status_code == 400 and "日期须写成 YYYY-MM-DD" in response.text
