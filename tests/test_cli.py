"""The command line, run in-process through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import copy_kb
from zhengce.cli import app

runner = CliRunner()


def invoke(*args: str, env: dict[str, str] | None = None):
    return runner.invoke(app, list(args), env=env)


def test_build_writes_a_knowledge_base_and_reports_it(tmp_path: Path):
    db = tmp_path / "kb.db"
    result = invoke("--db", str(db), "build")
    assert result.exit_code == 0, result.output
    assert db.is_file()
    assert "合并的重复刊印" in result.output
    stats = json.loads(invoke("--db", str(db), "stats", "--json").output)
    assert stats["by_region"].keys() == {"全国", "湖南", "重庆", "北京"}
    assert stats["build_report"]["unplaced"] == []


def test_build_from_a_missing_folder_fails_clearly_and_keeps_the_old_base(tmp_path: Path, kb_path: Path):
    db = copy_kb(kb_path, tmp_path, "kb.db")
    result = invoke("--db", str(db), "build", "--raw", str(tmp_path / "nowhere"))
    assert result.exit_code == 1
    assert "找不到原始资料文件夹" in result.output
    assert json.loads(invoke("--db", str(db), "stats", "--json").output)["documents"] > 150


def test_docs_show_json(kb_path: Path):
    result = invoke("--db", str(kb_path), "docs", "show", "人社部明电〔2020〕1号", "--json")
    assert result.exit_code == 0
    document = json.loads(result.output)
    assert document["doc_number"] == "人社部明电〔2020〕1号"
    assert len(document["sources"]) == 4


def test_docs_show_unknown_exits_1(kb_path: Path):
    result = invoke("--db", str(kb_path), "docs", "show", "湘人社规〔2099〕1号")
    assert result.exit_code == 1
    assert "没有" in result.output


def test_docs_list_json_has_summaries_only(kb_path: Path):
    result = invoke("--db", str(kb_path), "docs", "list", "--region", "重庆", "--json")
    documents = json.loads(result.output)
    assert documents and all(d["region"] == "重庆" for d in documents)
    assert not {"text", "articles", "tables"} & set(documents[0])


def test_database_path_from_environment(kb_path: Path):
    result = invoke("docs", "list", "--section", "产业园", "--json", env={"ZHENGCE_DB": str(kb_path)})
    assert [d["doc_number"] for d in json.loads(result.output)] == ["渝人园管发〔2020〕1号"]


def test_missing_knowledge_base_is_explained(tmp_path: Path):
    result = invoke("--db", str(tmp_path / "none.db"), "stats")
    assert result.exit_code == 1
    assert "zhengce build" in result.output


def test_search_json_fields(kb_path: Path):
    result = invoke("--db", str(kb_path), "search", "以工代训补贴标准", "-k", "3", "--json")
    hits = json.loads(result.output)
    assert len(hits) == 3
    assert {"doc_id", "title", "doc_number", "article", "node_id", "text", "snippet", "score", "region",
            "date"} <= set(hits[0])


def test_search_jsonl_one_line_per_query_errors_in_place(kb_path: Path):
    result = runner.invoke(app, ["--db", str(kb_path), "search", "--jsonl", "-k", "2"],
                           input="以工代训补贴标准\n\n湘人社规[2020]18号\n")
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 3
    assert len(lines[0]) == 2 and "error" in lines[1] and lines[2][0]["doc_number"] == "湘人社规〔2020〕18号"


def test_empty_query_is_an_error(kb_path: Path):
    result = invoke("--db", str(kb_path), "search", " ")
    assert result.exit_code == 1 and "为空" in result.output


def test_ask_jsonl_contract(kb_path: Path):
    lines_in = ["疫情期间企业停工停产，工资怎么支付？", '{"question": "广东省2020年失业保险金标准是多少？"}',
                '{"oops": 1}', ""]
    result = runner.invoke(app, ["--db", str(kb_path), "ask", "--jsonl"], input="\n".join(lines_in) + "\n")
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 4
    assert lines[0]["answer"] and lines[0]["abstained"] is False and lines[0]["citations"][0]["source"]["file"]
    assert lines[1]["abstained"] is True and lines[1]["answer"] == ""
    assert "error" in lines[2] and "error" in lines[3]
    assert all({"question", "answer", "abstained", "citations"} <= set(line) for line in lines)


def test_docs_graph_json(kb_path: Path):
    graph = json.loads(invoke("--db", str(kb_path), "docs", "graph", "人社部发〔2020〕49号", "--json").output)
    assert {"cites", "cited_by"} <= set(graph)
    assert {"doc_id", "title", "doc_number", "node_id"} <= set(graph["cites"][0])


def test_docs_list_valid_on(kb_path: Path):
    in_force = json.loads(invoke("--db", str(kb_path), "docs", "list", "--valid-on", "2022-01-01", "--json").output)
    assert "人社部发〔2020〕49号" not in {d["doc_number"] for d in in_force}
    assert invoke("--db", str(kb_path), "docs", "list", "--valid-on", "2021-13-01").exit_code == 1


def test_docs_validity_of_a_document_outside_the_corpus(kb_path: Path):
    result = invoke("--db", str(kb_path), "docs", "validity", "湘人社函〔2016〕417号", "--on", "2021-01-01", "--json")
    assert json.loads(result.output)["status"] == "已废止"
    assert invoke("--db", str(kb_path), "docs", "validity", "湘人社函〔2099〕1号").exit_code == 1


def test_tables_list_and_show(kb_path: Path):
    tables = json.loads(invoke("--db", str(kb_path), "tables", "list", "--json").output)
    assert {"name", "doc_id", "columns", "rows"} <= set(tables[0])
    result = invoke("--db", str(kb_path), "tables", "show", "湖南省公共服务事项目录（2020版）",
                    "--where", "基本编码=002014008001", "--csv")
    assert result.output.splitlines()[1].startswith("199,失业保险金申领,002014008001")
    bad = invoke("--db", str(kb_path), "tables", "show", "湖南省公共服务事项目录（2020版）", "--where", "颜色=红")
    assert bad.exit_code == 1 and "没有“颜色”这一列" in bad.output and "事项名称" in bad.output


def test_calc_run_json_and_errors():
    result = invoke("calc", "run", "social-insurance-relief", "--set", "region=湖南", "--set", "size=中小微企业",
                    "--set", "month=2020-08", "--set", "contribution=8000", "--json")
    body = json.loads(result.output)
    assert body["result"]["relief"] == 8000.0 and body["steps"][0]["citation"]["node_id"]
    assert {"name", "title", "region", "valid_from", "valid_to"} <= set(json.loads(
        invoke("calc", "list", "--json").output)[0])
    bad = invoke("calc", "run", "social-insurance-relief", "--set", "region=广东")
    assert bad.exit_code == 1 and "region" in bad.output
    # a public body is not covered: exit 0, a 0 result and the article (人社部发〔2020〕11号 一 "不含机关事业单位")
    public = invoke("calc", "run", "social-insurance-relief", "--set", "region=全国（湖北以外）", "--set",
                    "size=机关事业单位", "--set", "month=2020-05", "--set", "contribution=8000")
    assert public.exit_code == 0 and "不在本政策范围内" in public.output and "不含机关事业单位" in public.output
    assert "Error" not in public.output and "减免额：0 元" in public.output


def test_ask_offers_the_calculator(kb_path: Path):
    asked = invoke("--db", str(kb_path), "ask", "湖南大型企业5月社保费减免多少")
    assert "zhengce calc run social-insurance-relief --set region=湖南 --set size=大型企业 --set month=2020-05" \
        in asked.output
