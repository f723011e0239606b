"""The query vectors a server's compute processes share: what one embeds, the others read
back exactly, for the same model only; the file stays bounded, and one that cannot be opened is no error."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from zhengce.index import embed
from zhengce.store.query_vectors import QueryVectors


def test_what_one_process_writes_another_reads_back_exactly(tmp_path: Path) -> None:
    vector = np.random.default_rng(7).standard_normal(384).astype(np.float32)
    QueryVectors(tmp_path / "q.sqlite", "model-a").put("失业保险金怎么领", vector)
    other = QueryVectors(tmp_path / "q.sqlite", "model-a")
    assert np.array_equal(other.get("失业保险金怎么领"), vector)
    assert other.get("失业保险金怎么申领") is None
    assert QueryVectors(tmp_path / "q.sqlite", "model-b").get("失业保险金怎么领") is None


def test_the_oldest_questions_go_first(tmp_path: Path) -> None:
    vectors = QueryVectors(tmp_path / "q.sqlite", "m")
    for number in range(5):
        vectors.put(f"问题{number}", np.full(4, number, dtype=np.float32))
    kept = QueryVectors(tmp_path / "q.sqlite", "m", keep=2)
    assert [kept.get(f"问题{n}") is not None for n in range(5)] == [False, False, False, True, True]


def test_a_file_that_is_not_a_database_leaves_the_work_to_the_model(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "SHARED", {})
    broken = tmp_path / "q.sqlite"
    broken.write_bytes(b"not a database" * 100)
    assert not embed.share_query_vectors(broken) and not embed.SHARED
    assert embed.share_query_vectors(tmp_path / "folder" / "q.sqlite") and embed.SHARED


def test_a_shared_vector_is_the_one_the_model_makes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embed, "QUERY_VECTORS", embed.Recent(0))  # nothing kept in this process
    monkeypatch.setitem(embed.SHARED, "vectors", QueryVectors(tmp_path / "q.sqlite", "m"))
    question = "灵活就业人员的社会保险补贴标准"
    made = embed.embed_query(question)
    stored = QueryVectors(tmp_path / "q.sqlite", "m").get(question)
    assert np.array_equal(stored, made) and np.array_equal(embed.embed_query(question), made)
    assert np.allclose(made, embed.model().query(question), atol=1e-6)
