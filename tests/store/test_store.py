"""The knowledge base: what a build writes, and that a failed build loses nothing."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

from zhengce.corpus.build import DEFAULT_RAW_DIR
from zhengce.corpus.model import Document
from zhengce.corpus.numerals import canonical_doc_number
from zhengce.corpus.privacy import find_private
from zhengce.service import search_filters
from zhengce.store.db import KnowledgeBaseError, Store, write_knowledge_base
from zhengce.store.documents import iter_all_documents
from zhengce.store.records import Filters, plain


def test_document_found_by_any_printed_number_form(store: Store):
    for typed in ("人社部发〔2020〕11号", "人社部发﹝2020﹞11号", "人社部发[2020]11号", "人社部发（2020）11 号",
                  "人社部发【２０２０】１１号"):
        document = store.get_document(typed)
        assert document is not None, typed
        assert document.doc_number == "人社部发〔2020〕11号"


def test_show_has_the_promised_fields(store: Store):
    document = store.get_document("人社部明电〔2020〕1号")
    shown = plain(document)  # what `docs show --json` prints
    for key in ("id", "title", "doc_number", "issuers", "date", "region", "section", "doc_type", "sources",
                "flags", "text", "articles", "tables"):
        assert key in shown
    assert len(document.sources) == 4
    assert {"file", "start_line", "end_line"} <= set(shown["sources"][0])
    assert {"id", "label", "text"} <= set(shown["articles"][0])
    assert document.articles[0].id.startswith(document.id + "/")


def test_unknown_document_is_none(store: Store):
    assert store.get_document("人社部发〔2099〕1号") is None
    assert store.get_document("no such id") is None


def test_every_document_number_is_canonical(store: Store):
    for summary in store.list_documents():
        number = summary.doc_number
        if number:
            assert canonical_doc_number(number) == number
            assert " " not in number and all(not c.isdigit() or c.isascii() for c in number)


def test_no_contact_data_in_any_document_of_the_whole_corpus(store: Store):
    for document in iter_all_documents(store):
        exported = json.dumps(plain(document), ensure_ascii=False)
        assert find_private(exported) == [], document.title
        assert "@qq.com" not in exported and "@163.com" not in exported


def test_filters(store: Store):
    hunan = store.list_documents(Filters(region="湖南"))
    assert hunan and all(d.region == "湖南" for d in hunan)
    social = store.list_documents(Filters(region="湖南", section="社会保险"))
    assert social and len(social) < len(hunan)
    assert all(d.date.startswith("2020") for d in store.list_documents(search_filters(year=2020)))


def test_stats_count_each_document_once(store: Store):
    stats, listed = store.stats(), store.list_documents()
    assert stats.by_region == Counter(d.region for d in listed)
    assert list(stats.by_region.values()) == sorted(stats.by_region.values(), reverse=True)  # largest first
    assert stats.documents == len(listed) == sum(stats.by_section.values())
    assert stats.without_number == sum(d.doc_number is None for d in listed)
    assert stats.by_source.keys() == {path.name for path in DEFAULT_RAW_DIR.glob("*.txt")}
    # data/raw/README.md: 003's table of contents lists 104 documents; 004 prints one alone.
    assert stats.by_source["003_99b4106d3352fab1.txt"] == 104 and stats.by_source["004_36cd5ea998c3a633.txt"] == 1


def test_a_failed_build_leaves_the_previous_knowledge_base(tmp_path: Path, corpus: list[Document]):
    path = tmp_path / "kb.db"
    write_knowledge_base(path, corpus[:3], {})
    before = Store(path).stats().documents

    class Broken(Document):
        @property
        def text(self) -> str:
            raise RuntimeError("interrupted")

    broken = Broken(**{f: getattr(corpus[5], f) for f in corpus[5].__dataclass_fields__})
    with pytest.raises(RuntimeError):
        write_knowledge_base(path, [*corpus[:10], broken], {})
    assert Store(path).stats().documents == before == 3
    assert [p.name for p in tmp_path.iterdir()] == ["kb.db"]


def test_missing_or_foreign_file_gives_a_clear_error(tmp_path: Path):
    with pytest.raises(KnowledgeBaseError, match="zhengce build"):
        Store(tmp_path / "absent.db")
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(KnowledgeBaseError):
        Store(foreign)
