"""The memory a server keeps of questions it has heard: bounded, least recently used first out."""

from datetime import date

import numpy as np
import pytest

from zhengce.answer.ask import Answerer
from zhengce.index.embed import embed_query
from zhengce.index.recent import Recent


def test_keeps_at_most_its_size_and_drops_the_least_recently_used() -> None:
    recent: Recent[str] = Recent(2)
    made: list[str] = []

    def make(key: str):
        return lambda: made.append(key) or key.upper()

    assert recent.get("a", make("a")) == "A"
    recent.get("b", make("b"))
    recent.get("a", make("a"))  # used again: "b" is now the oldest
    recent.get("c", make("c"))
    recent.get("a", make("a"))
    recent.get("b", make("b"))
    assert made == ["a", "b", "c", "b"]
    assert len(recent) == 2 and (recent.hits, recent.misses) == (2, 4)


def test_size_zero_keeps_nothing() -> None:
    recent: Recent[int] = Recent(0)
    assert [recent.get("k", lambda: 1), recent.get("k", lambda: 2)] == [1, 2]
    assert len(recent) == 0


def test_a_question_vector_is_kept_and_cannot_be_changed() -> None:
    first = embed_query("失业保险金怎么申领")
    assert embed_query("失业保险金怎么申领") is first
    with pytest.raises(ValueError):
        first[0] = 1.0
    assert np.isclose(np.linalg.norm(first), 1.0, atol=1e-3)


def test_a_served_answer_is_kept_for_the_same_question_and_day(store, search_index) -> None:
    answerer = Answerer(store, search_index, remember=8)
    first = answerer.ask("疫情期间被隔离工资怎么算")
    assert answerer.ask("疫情期间被隔离工资怎么算") is first
    assert answerer.kept.hits == 1
    assert not first.abstained and first.citations
    later = answerer.ask("疫情期间被隔离工资怎么算", on=date(2021, 1, 1))
    assert later is not first and answerer.kept.misses == 2
