"""The evaluation sets load against the real knowledge base, and answers keep the
issue's bars on them; a bad question file is refused with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from zhengce.answer.ask import Answerer
from zhengce.evaluation.answers import evaluate_answers, rouge_l
from zhengce.evaluation.questions import DEFAULT_DIR, EvaluationError, load_questions
from zhengce.evaluation.search import evaluate_search
from zhengce.index.hybrid import SearchIndex
from zhengce.store.db import Store

FRESH_DIR = DEFAULT_DIR / "fresh"


def test_every_gold_answer_is_found_in_its_document(store: Store):
    team, fresh = load_questions(store, DEFAULT_DIR), load_questions(store, FRESH_DIR)
    # eval/*.jsonl: 201 lines, 36 of them questions the corpus does not answer;
    # eval/fresh: 3 × 55 with 10 each, and 2 × 48 with 8 each.
    assert (len(team), sum(not q.answerable for q in team)) == (201, 36)
    assert (len(fresh), sum(not q.answerable for q in fresh)) == (261, 46)
    assert all(q.node_id and q.node_id.startswith(q.doc_id) for q in team + fresh if q.answerable)


def test_answers_keep_the_issue_bars_on_the_team_set(store: Store, answerer: Answerer):
    scores, answers = evaluate_answers(answerer, load_questions(store, DEFAULT_DIR))
    assert scores.citation_accuracy >= 0.95 and scores.rouge_l >= 0.6 and scores.abstention_precision >= 0.9
    assert len(answers) == 201


def test_hybrid_search_beats_each_ranking_alone(store: Store, search_index: SearchIndex):
    scores, _ = evaluate_search(search_index, load_questions(store, DEFAULT_DIR))
    results = {row.mode: row for row in scores}
    assert results["hybrid"].mrr > max(results["keyword"].mrr, results["semantic"].mrr)


def test_rouge_l_is_zero_for_an_empty_answer_and_one_for_the_gold():
    assert rouge_l("", "免征期限不超过5个月") == 0.0
    assert rouge_l("免征期限不超过5个月", "免征期限不超过5个月") == 1.0


def test_a_question_whose_answer_is_not_in_its_document_is_refused(store: Store, tmp_path: Path):
    (tmp_path / "bad.jsonl").write_text(
        '{"id": "x", "question": "缓缴多久", "doc_number": "人社部发〔2020〕11号", "node": "三", '
        '"answer": "缓缴期限原则上不超过12个月"}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"bad\.jsonl:1"):
        load_questions(store, tmp_path)
