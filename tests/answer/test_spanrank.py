"""The learned span scorer: its candidates on real articles, its fitting, its stored weights."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from typer.testing import CliRunner

from zhengce.answer.ask import Answerer
from zhengce.answer.question import question_types
from zhengce.answer.select import best_spans
from zhengce.answer.spanrank import (
    FEATURES,
    WEIGHTS_FILE,
    WEIGHTS_KEY,
    Reranker,
    Scorer,
    asked,
    load_scorer,
    unit_candidates,
)
from zhengce.cli import app
from zhengce.evaluation import spanfit
from zhengce.evaluation.questions import DEFAULT_DIR as EVAL_DIR
from zhengce.evaluation.spans import SpanQuestion

# 人社部发〔2020〕11号 三、 as printed in the compilations.
ARTICLE = ("三、受疫情影响生产经营出现严重困难的企业，可申请缓缴社会保险费，"
           "缓缴期限原则上不超过6个月，缓缴期间免收滞纳金。")
CONCEPTS = [(frozenset({"缓缴"}), 2.0), (frozenset({"期限"}), 1.0)]


def _candidates(question: str, text: str = ARTICLE) -> dict[str, dict[str, float]]:
    kinds = question_types(question)
    (rule,) = best_spans(CONCEPTS, kinds, [text], prior=lambda i: 0.0, question=question)
    found = unit_candidates(asked(question, CONCEPTS, kinds), text, "", rule)
    return {c.text: dict(zip(FEATURES, c.features, strict=True)) for c in found}


def test_candidates_are_the_clauses_their_joins_and_the_rules_choice():
    found = _candidates("缓缴期限多长？")
    assert {"缓缴期限原则上不超过6个月", "缓缴期间免收滞纳金。", "可申请缓缴社会保险费，缓缴期限原则上不超过6个月",
            ARTICLE.removeprefix("三、")} <= set(found)
    assert found["缓缴期限原则上不超过6个月"]["rule_choice"] == 1.0
    assert found["缓缴期限原则上不超过6个月"]["cue_measured"] == 1.0
    assert found["缓缴期间免收滞纳金。"]["cue_measured"] == 0.0


def test_an_items_heading_is_marked_as_one():
    # 国办发〔2020〕4号 附件 四, its heading line above its body.
    text = ("四、提高卫生防疫津贴标准\n为进一步保障新冠肺炎疫情防疫人员权益，"
            "根据《国务院办公厅关于加强传染病防治人员安全防护的意见》（国办发〔2015〕1号），出台提高卫生防疫津贴标准的政策。各地要按照政策规定及时抓好落实，"
            "特别是对参与新冠肺炎疫情防疫人员，要及时足额发放到位。")
    found = _candidates("卫生防疫津贴标准提高了吗？", text)
    assert found["提高卫生防疫津贴标准"]["heading"] == 1.0
    assert found["出台提高卫生防疫津贴标准的政策。"]["heading"] == 0.0


QUESTIONS = [
    # Gold spans read in 人社部发〔2020〕11号, 人社厅明电〔2020〕5号 and 国办发〔2020〕6号.
    SpanQuestion("企业缓缴社会保险费的缓缴期限最长多久？", "缓缴期限原则上不超过6个月", "answerable"),
    SpanQuestion("疫情期间被隔离的职工工资怎么发？", "企业应当支付职工在此期间的工作报酬", "answerable"),
    SpanQuestion("离校未就业高校毕业生的户口档案可以在学校保留几年？", "2年", "answerable"),
    SpanQuestion("山西省2021年的最低工资标准是多少？", "", "unanswerable"),
]


def test_fitting_labels_every_candidate_and_the_gold_clause_is_among_them(answerer: Answerer):
    in_use = answerer.rerank
    groups = spanfit.collect(answerer, QUESTIONS)
    assert len(groups) == 3 and answerer.rerank is in_use
    assert all(len(g.labels) == len(g.texts) == len(g.matrix) and g.matrix.shape[1] == len(FEATURES) for g in groups)
    assert groups[0].labels.max() == 1.0  # the clause that states the period is a candidate
    # Fitted on that one question, the model chooses that clause (a wrong gradient would not).
    assert spanfit.chosen_rouge(spanfit.fit(groups[:1]), groups[:1]) == 1.0


def test_stored_weights_are_for_the_features_computed_now():
    table = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))[WEIGHTS_KEY]
    assert tuple(table) == FEATURES, "features changed: refit with `zhengce eval fit-spans`"


def test_weights_for_other_features_are_never_used(tmp_path: Path):
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    data["enabled"] = True
    path = tmp_path / "weights.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert load_scorer(path) is not None
    data[WEIGHTS_KEY] = {"old_feature": [1.0, 0.0, 1.0], **data[WEIGHTS_KEY]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    load_scorer.cache_clear()
    assert load_scorer(path) is None


def test_the_refit_command_reports_cross_validated_figures_and_writes_nothing_unasked(kb_path: Path, tmp_path: Path):
    tuning = tmp_path / "tuning.jsonl"
    tuning.write_text("\n".join((EVAL_DIR / "nat-si.jsonl").read_text(encoding="utf-8").splitlines()[:30]),
                      encoding="utf-8")
    before = WEIGHTS_FILE.read_bytes()
    result = CliRunner().invoke(app, ["--db", str(kb_path), "eval", "fit-spans", str(tuning)])
    assert result.exit_code == 0, result.output
    assert "ceiling" in result.output and "tuning.jsonl" in result.output
    assert WEIGHTS_FILE.read_bytes() == before


def test_the_refit_command_says_when_it_cannot(kb_path: Path, tmp_path: Path):
    few = tmp_path / "few.tsv"
    few.write_text("question\tanswer\tdoc_number\tkind\n" + "".join(
        f"{q.question}\t{q.answer}\t\t{q.kind}\n" for q in QUESTIONS), encoding="utf-8")
    for path, message in ((few, "至少需要"), (tmp_path / "none.tsv", "无法读取问题集")):
        result = CliRunner().invoke(app, ["--db", str(kb_path), "eval", "fit-spans", str(path)])
        assert result.exit_code == 1 and message in result.output


def test_the_rules_span_stays_unless_the_model_prefers_another_by_its_margin():
    question = "缓缴期间要交滞纳金吗？"
    kinds = question_types(question)
    (rule,) = best_spans(CONCEPTS, kinds, [ARTICLE], prior=lambda i: 0.0, question=question)
    candidates = unit_candidates(asked(question, CONCEPTS, kinds), ARTICLE, "", rule)
    # A model that likes short spans and nothing else.
    length = FEATURES.index("log_length")
    weights = np.zeros(len(FEATURES))
    weights[length] = -1.0
    shortest = min(candidates, key=lambda c: c.features[length])
    assert Reranker(Scorer(FEATURES, np.zeros(len(FEATURES)), np.ones(len(FEATURES)), weights, margin=1e9))(
        question, CONCEPTS, kinds, ARTICLE, "", rule) == rule
    chosen = Reranker(Scorer(FEATURES, np.zeros(len(FEATURES)), np.ones(len(FEATURES)), weights))(
        question, CONCEPTS, kinds, ARTICLE, "", rule)
    assert chosen.text == shortest.text != rule.text
