"""Adding and removing documents: merging, versions, validity, one transaction, the CLI and the API."""

from __future__ import annotations

import json
import shutil
import time
import zipfile
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from tests.conftest import by_number, copy_kb
from zhengce.build import ChangeError, add_documents, build_knowledge_base, remove_document
from zhengce.cli import app
from zhengce.corpus.readers import ReadError, read_file
from zhengce.index.build import DEFAULT_CACHE
from zhengce.store.backend import Location
from zhengce.store.db import Store

# The corpus document a new notice repeals, by its number and title as the corpus prints them.
REPEALED = "湘人社规〔2020〕7号"
NOTICE = """湖南省人力资源和社会保障厅文件

湘人社规〔2021〕3号

湖南省人力资源和社会保障厅 湖南省财政厅关于印发《湖南省公益性岗位开发管理办法》的通知

各市州人力资源和社会保障局、财政局：

现将《湖南省公益性岗位开发管理办法》印发给你们，请认真贯彻执行。

一、公益性岗位补贴标准按当地最低工资标准的80%执行。

二、本通知自2021年3月1日起施行，《{title}》（{number}）同时废止。

湖南省人力资源和社会保障厅 湖南省财政厅

2021年2月10日
"""


@pytest.fixture
def kb(tmp_path: Path, kb_path: Location) -> Location:
    """A copy of the test knowledge base, with a copy of the embedding cache beside it."""
    copy = copy_kb(kb_path, tmp_path)
    CACHES[str(copy)] = Path(shutil.copy(DEFAULT_CACHE, tmp_path / "embeddings.sqlite"))
    return copy


CACHES: dict[str, Path] = {}  # each copy's embedding cache, by its location


def cache_of(kb: Location) -> Path:
    return CACHES[str(kb)]


@pytest.fixture
def notice(tmp_path: Path, corpus) -> Path:
    target = by_number(corpus, REPEALED)
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE.format(title=target.title.replace("《", "〈").replace("》", "〉"), number=REPEALED),
                    encoding="utf-8")
    return path


def add(kb: Location, *files: Path, **overrides: str):
    return add_documents(kb, list(files), overrides, cache=cache_of(kb))


def remove(kb: Location, key: str):
    return remove_document(kb, key, cache=cache_of(kb))


def status(kb: Location, key: str, on: str) -> str:
    return Store(kb).validity(key, date.fromisoformat(on)).status


def test_a_notice_that_repeals_a_corpus_document_changes_its_validity_and_removing_it_undoes_that(kb, notice):
    before = status(kb, REPEALED, "2021-06-01")
    assert before != "已废止"
    [change] = add(kb, notice)
    assert change.outcome == "新增"
    store = Store(kb)
    added = store.get_document("湘人社规〔2021〕3号")
    assert (added.region, added.date, added.title) == (
        "湖南", "2021-02-10", "湖南省人力资源和社会保障厅 湖南省财政厅关于印发《湖南省公益性岗位开发管理办法》的通知")
    assert [a.label for a in added.articles if a.kind == "item1"] == ["一、", "二、"]
    assert status(kb, REPEALED, "2021-06-01") == "已废止"
    assert status(kb, REPEALED, "2020-12-01") != "已废止"
    assert int(store.meta()["embedded_now"]) == len([u for u in store.units() if u.doc_id == added.id])
    remove(kb, "湘人社规〔2021〕3号")
    assert Store(kb).find_document_id("湘人社规〔2021〕3号") is None
    assert status(kb, REPEALED, "2021-06-01") == before


def test_the_same_document_in_other_formats_merges_into_one(kb, printed, articles_doc):
    documents = Store(kb).stats().documents
    changes = add(kb, printed["pdf"], printed["docx"], printed["html"])
    assert {(c.doc_id, c.outcome) for c in changes} == {(articles_doc.id, "合并")}
    store = Store(kb)
    assert store.stats().documents == documents
    files = [s.file for s in store.get_document(articles_doc.id).sources]
    assert {"articles.pdf", "articles.docx", "articles.html"} < set(files)
    assert [c.outcome for c in add(kb, printed["pdf"])] == ["已存在"]


def test_a_changed_text_is_a_new_version_linked_from_the_old(kb, notice, tmp_path):
    [first] = add(kb, notice)
    changed = tmp_path / "notice-2.txt"
    changed.write_text(notice.read_text(encoding="utf-8").replace("80%", "90%"), encoding="utf-8")
    [second] = add(kb, changed)
    assert second.outcome == "新版本" and second.doc_id != first.doc_id
    store = Store(kb)
    old, new = store.get_document(first.doc_id), store.get_document(second.doc_id)
    assert (old.next_version, new.previous_version) == (second.doc_id, first.doc_id)
    assert store.find_document_id("湘人社规〔2021〕3号") == second.doc_id
    assert "90%" in new.text and "80%" in old.text
    assert store.validity(first.doc_id, date(2021, 6, 1)).status == "已被修改"


def test_a_rebuild_keeps_what_was_added(kb, notice):
    [change] = add(kb, notice)
    build_knowledge_base(kb, cache=cache_of(kb))
    store = Store(kb)
    assert store.find_document_id("湘人社规〔2021〕3号") == change.doc_id
    assert int(store.meta()["generation"]) == 2


def test_a_bad_file_among_good_ones_changes_nothing(kb, notice, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    before = Store(kb).stamp  # the file's inode and time, or PostgreSQL's build number
    with pytest.raises(ReadError, match=r"^broken\.docx：不是有效的 DOCX"):
        add(kb, notice, broken)
    assert not Store(kb).changed() and Store(kb).stamp == before


def test_a_bad_date_is_refused_before_anything_is_read(kb, notice):
    with pytest.raises(ChangeError, match="YYYY-MM-DD"):
        add(kb, notice, date="2021-13-01")


def test_a_file_that_breaks_a_library_is_one_line_not_a_traceback(tmp_path):
    broken = tmp_path / "zipped.docx"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("word/document.xml", "<not-word/>")
    with pytest.raises(ReadError, match=r"^zipped\.docx："):
        read_file(broken)


def test_removing_a_corpus_document_or_an_unknown_one_is_refused(kb):
    with pytest.raises(ChangeError, match="内置语料"):
        remove(kb, REPEALED)
    with pytest.raises(ChangeError, match="找不到"):
        remove(kb, "湘人社规〔2099〕1号")


def test_overrides_set_region_and_date(kb, tmp_path):
    plain = tmp_path / "rules.txt"
    plain.write_text("公司员工休假管理办法\n\n第一条 员工每年享受带薪年休假。\n\n第二条 本办法自发布之日起施行。\n",
                     encoding="utf-8")
    [change] = add(kb, plain, region="湖南", date="2021-02-10")
    document = Store(kb).get_document(change.doc_id)
    assert (document.region, document.date, document.doc_type) == ("湖南", "2021-02-10", "办法")
    assert [a.label for a in document.articles] == ["第一条", "第二条"]


def test_cli_add_and_remove(kb, notice, tmp_path):
    runner = CliRunner()
    cache = str(cache_of(kb))
    result = runner.invoke(app, ["--db", str(kb), "add", str(notice), "--cache", cache, "--json"])
    assert result.exit_code == 0, result.output
    assert "新增" in result.output
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 truncated")
    result = runner.invoke(app, ["--db", str(kb), "add", str(tmp_path / "bad.pdf"), "--cache", cache])
    assert result.exit_code == 1
    assert "错误：bad.pdf：PDF 文件已损坏或不完整" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["--db", str(kb), "remove", "湘人社规〔2021〕3号", "--cache", cache, "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)[0]["outcome"] == "已删除"


def test_api_writes_need_the_admin_token_and_a_running_server_sees_them(kb, notice, monkeypatch):
    from zhengce.api.app import create_app

    client = TestClient(create_app(kb, cache=cache_of(kb)), base_url="http://127.0.0.1")
    upload = {"files": ("notice.txt", notice.read_bytes(), "text/plain")}
    monkeypatch.delenv("ZHENGCE_ADMIN_TOKEN", raising=False)
    assert client.post("/api/documents", files=upload).status_code == 403
    monkeypatch.setenv("ZHENGCE_ADMIN_TOKEN", "s3cret")
    assert client.post("/api/documents", files=upload, headers={"Authorization": "Bearer wrong"}).status_code == 401
    wrong_type = {"files": ("notice.odt", b"x", "application/octet-stream")}
    response = client.post("/api/documents", files=wrong_type, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 400 and "notice.odt" in response.json()["error"]
    response = client.post("/api/documents", files=upload, headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 202
    url = response.json()["url"]
    for _ in range(240):
        job = client.get(url).json()
        if job["status"] != "running":
            break
        time.sleep(0.5)
    assert job["status"] == "done", job
    assert client.get("/api/docs/湘人社规〔2021〕3号").status_code == 200
    assert client.delete("/api/documents/湘人社规〔2021〕3号").status_code == 401
    response = client.delete("/api/documents/湘人社规〔2021〕3号", headers={"Authorization": "Bearer s3cret"})
    assert response.status_code == 200
    assert client.get("/api/docs/湘人社规〔2021〕3号").status_code == 404
