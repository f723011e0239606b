"""The service layer the faces share: filter choices read from the documents, one reader
of filters and dates whose refusal each face shows its own way, one CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from zhengce.cli import app
from zhengce.service import FilterError, search_filters, table_csv
from zhengce.store.db import Store


def test_filter_choices_come_from_the_documents(store: Store, api_client: TestClient):
    choices = store.choices
    # The corpus is national (State Council, 人社部), Hunan, Chongqing and Beijing documents.
    assert set(choices.regions) == {"全国", "湖南", "重庆", "北京"}
    # 000_4e71c7bfca995e22.txt line 792 prints a Chongqing notice's date as 2010年２月12日:
    # a list written by hand offered 2020 and 2019 only, and that document could not be found by year.
    assert choices.years[0] == "2020" and "2010" in choices.years
    assert {d.title for d in store.list_documents(search_filters(year="2010"))} == {
        "中共重庆市委办公厅 重庆市人民政府办公厅关于进一步加强对一线医务人员关心关爱的通知"}
    page = api_client.get("/documents").text
    assert '<option value="2010" >2010</option>' in page
    assert all(f'<option value="{section}" >' in page for section in choices.sections)


def test_one_reader_of_filters_for_every_face(kb_path: Path, api_client: TestClient):
    assert search_filters(year=2020, region="") == search_filters(date_from="2020-01-01", date_to="2020-12-31")
    with pytest.raises(FilterError) as refused:
        search_filters(valid_on="2020-5-9")
    assert refused.value.field == "valid_on" and "YYYY-MM-DD" in str(refused.value)
    # the web shows the reason on the page, with 400; the CLI names its option and exits 1
    response = api_client.get("/documents", params={"year": "20x"})
    assert response.status_code == 400 and "年份须为四位数字" in response.text
    response = api_client.get("/search", params={"q": "稳岗返还", "on": "2020-13-01"})
    assert response.status_code == 400 and "日期须写成 YYYY-MM-DD" in response.text
    result = CliRunner().invoke(app, ["--db", str(kb_path), "search", "稳岗返还", "--from", "2020/01/01"])
    assert result.exit_code == 1 and "--from" in result.output and "YYYY-MM-DD" in result.output
    assert search_filters(valid_on=date(2020, 5, 9)).valid_on == date(2020, 5, 9)


def test_one_csv_for_the_api_the_web_and_the_cli(store: Store, kb_path: Path, api_client: TestClient):
    # 湖南省公共服务事项目录（2020版）, row 199: 失业保险金申领, 省人力资源社会保障厅.
    table = store.get_table("湖南省公共服务事项目录（2020版）", {"事项名称": "失业保险金申领"})
    assert table is not None
    text = table_csv(table)
    assert text.startswith("\ufeff") and list(csv.reader(io.StringIO(text[1:])))[1][1] == "失业保险金申领"
    api = api_client.get(f"/api/tables/{table.id}", params={"where": "事项名称=失业保险金申领", "format": "csv"})
    assert api.content.decode("utf-8") == text
    cli = CliRunner().invoke(app, ["--db", str(kb_path), "tables", "show", table.id, "--where",
                                   "事项名称=失业保险金申领", "--csv"])
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert cli.exit_code == 0 and list(csv.reader(io.StringIO(cli.stdout))) == rows
