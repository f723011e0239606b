"""The two backends behind one interface: the SQL translation for PostgreSQL, and that a
new build replaces a knowledge base whole, in a SQLite file as in a PostgreSQL database."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests import pg_cluster
from tests.conftest import copy_kb
from zhengce.cli import app
from zhengce.corpus.build import CorpusReport
from zhengce.corpus.model import Document
from zhengce.store.backend import Location, cache_key, display, is_postgres, pg_schema, pg_sql
from zhengce.store.db import KnowledgeBaseWriter, Store


def test_queries_in_sqlite_dialect_are_translated_for_postgresql():
    assert pg_sql("SELECT * FROM documents WHERE id = ? OR title = ?") == \
        "SELECT * FROM documents WHERE id = %s OR title = %s"
    assert pg_sql("SELECT count(DISTINCT json_extract(cells, '$[0]')) FROM table_rows") == \
        "SELECT count(DISTINCT (cells::jsonb ->> 0)) FROM table_rows"
    assert pg_sql("SELECT * FROM refs WHERE doc_id = ? ORDER BY rowid") == \
        "SELECT * FROM refs WHERE doc_id = %s ORDER BY ctid"
    assert pg_sql("SELECT '100%' WHERE 1 = ?") == "SELECT '100%%' WHERE 1 = %s"
    assert pg_schema("vector BLOB, title TEXT NOT NULL") == 'vector BYTEA, title TEXT COLLATE "C" NOT NULL'


def test_a_url_is_shown_and_cached_without_its_password():
    url = "postgresql://kb:s3cret@db.example:5433/zhengce"
    assert is_postgres(url) and not is_postgres(Path("var/zhengce.db")) and not is_postgres("var/zhengce.db")
    assert display(url) == "postgresql://kb:***@db.example:5433/zhengce"
    assert "s3cret" not in cache_key(url)
    assert cache_key(url) == cache_key("postgresql://kb:other@db.example:5433/zhengce")
    assert cache_key(url) != cache_key("postgresql://kb@db.example:5433/other")


def test_a_reader_keeps_its_base_while_a_build_replaces_it(kb_path: Location, tmp_path: Path,
                                                           parsed_corpus: tuple[list[Document], CorpusReport]):
    from zhengce.build import write_documents

    copy = copy_kb(kb_path, tmp_path)
    reader = Store(copy)
    documents = reader.stats().documents
    assert not reader.changed()  # on PostgreSQL, from now on it learns of builds by NOTIFY
    corpus, report = parsed_corpus
    write_documents(copy, corpus[:3], report, cache=None, meta={"generation": "7"})
    assert reader.changed() and reader.changed()  # still true when asked again before the reload
    assert reader.stats().documents == documents  # still the base it opened
    fresh = Store(copy)
    assert fresh.stats().documents == 3 and fresh.meta()["generation"] == "7" and not fresh.changed()


def test_a_build_that_fails_half_way_leaves_the_old_base(kb_path: Location, tmp_path: Path, corpus: list[Document]):
    copy = copy_kb(kb_path, tmp_path)
    before = Store(copy)
    with pytest.raises(RuntimeError), KnowledgeBaseWriter(copy) as writer:
        writer.write_documents(corpus[:3])
        raise RuntimeError("the build broke here")
    assert not before.changed()
    assert Store(copy).stats().documents == before.stats().documents
    if is_postgres(copy):  # no schema of the failed build stays behind
        schemas = before.connection.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'zhengce_%'")
        assert schemas.fetchone()[0] == 1
    else:
        assert [p.name for p in tmp_path.glob(".*.tmp*")] == []


def test_a_place_without_a_knowledge_base_is_one_line_in_chinese_without_the_password(kb_path: Location,
                                                                                     tmp_path: Path):
    if is_postgres(kb_path):  # a database that exists, with no build in it; the test cluster ignores passwords
        empty = pg_cluster.create_database(str(kb_path), "zhengce_empty").replace("postgres@", "postgres:hunter2@")
    else:
        empty = str(tmp_path / "none.db")
    result = CliRunner().invoke(app, ["--db", empty, "stats"])
    assert result.exit_code == 1 and "没有知识库" in result.output and "zhengce" in result.output
    assert "hunter2" not in result.output and "Traceback" not in result.output
