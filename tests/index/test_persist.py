"""Indexes written at build and mapped at load rank as the ones built in memory; the
dictionary file cuts as jieba's own dictionary does."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import copy_kb
from zhengce.index.hybrid import SearchIndex
from zhengce.index.persist import folder_of, load_index
from zhengce.index.tokenize import POLICY_TERMS, pos_tagger, tokenizer
from zhengce.store.backend import Location, is_postgres
from zhengce.store.db import Store

QUESTIONS = ("以工代训补贴标准是多少", "失业保险金 申领", "人社部发〔2020〕30号", "湖南 阶段性减免 社会保险费")


def test_a_build_writes_its_indexes_beside_the_knowledge_base(store: Store) -> None:
    persisted = load_index(store.path, store.meta()["index"])
    assert persisted is not None
    assert persisted.vectors is not None and len(persisted.vectors) == store.stats().units


def test_mapped_indexes_rank_as_indexes_built_in_memory(store: Store, search_index: SearchIndex) -> None:
    built = SearchIndex(store.units(), {d.id: d for d in store.list_documents()}, store.unit_vectors())
    built.sources = search_index.sources  # which document a reading reads comes from the store's citations
    for question in QUESTIONS:
        mapped = [(h.node_id, round(h.score, 5)) for h in search_index.search(question, k=10, mode="keyword")]
        assert mapped == [(h.node_id, round(h.score, 5)) for h in built.search(question, k=10, mode="keyword")]
        hybrid = [h.node_id for h in search_index.search(question, k=5)]
        assert hybrid == [h.node_id for h in built.search(question, k=5)]


def test_a_knowledge_base_without_its_index_folder_is_indexed_in_memory(kb_path: Location, tmp_path: Path) -> None:
    """A SQLite file's folder is written by its build only; a PostgreSQL base's local cache is
    written from the stored rows by the first reader on a machine that lacks it."""
    copy = copy_kb(kb_path, tmp_path)
    shutil.rmtree(folder_of(copy))
    hits = SearchIndex.load(Store(copy)).search("以工代训", k=3)
    assert any("以工代训" in h.text for h in hits)
    assert folder_of(copy).exists() == is_postgres(copy)


@pytest.mark.parametrize("text", [
    "对面向社会开展以工代训的企业，按照吸纳就业困难人员数量给予职业培训补贴",
    "请问人社部门的电话是多少",
    "阶段性减免企业社会保险费，稳岗返还政策裁员率标准放宽",
])
def test_the_dictionary_file_cuts_and_tags_as_jieba_does(text: str) -> None:
    import jieba
    import jieba.posseg

    full = jieba.Tokenizer()
    for term in POLICY_TERMS:
        full.add_word(term, freq=200_000)
    assert tokenizer().lcut_for_search(text) == full.lcut_for_search(text)
    tags = jieba.posseg.POSTokenizer(jieba.Tokenizer())  # jieba's own dictionary and dict.txt's tags
    assert [tuple(p) for p in pos_tagger().cut(text)] == [tuple(p) for p in tags.cut(text)]
