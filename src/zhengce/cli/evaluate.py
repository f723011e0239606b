"""The `eval` commands: measure search and answers on the team's question sets."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zhengce.cli.common import console, fail, load_answerer, load_index, open_store, print_json, print_table
from zhengce.paths import EVAL_DIR

if TYPE_CHECKING:  # the evaluation loads the answer wing: when a command runs, not for --help
    from zhengce.evaluation.questions import Question
    from zhengce.store.db import Store

eval_app = typer.Typer(help="Measure search and answers on the team's question sets (eval/).", no_args_is_help=True)


@eval_app.command("ask")
def eval_ask(
    folder: Annotated[Path, typer.Option(help="Folder of question files (*.jsonl).")] = EVAL_DIR,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """ROUGE-L, key figures, citation accuracy and abstention precision/recall of `ask` on the team's questions."""
    from zhengce.evaluation.answers import evaluate_answers

    _, questions = _questions(folder)
    scores, _ = evaluate_answers(load_answerer(), questions)
    if as_json:
        print_json(asdict(scores))
        return
    print_table(f"Answers on {scores.answerable} answerable and {scores.unanswerable} unanswerable questions",
                ("measure", "value"), [[name.replace("_", " "), f"{value:.3f}" if isinstance(value, float)
                                        else str(value)] for name, value in asdict(scores).items()])


def _questions(folder: Path) -> tuple[Store, list[Question]]:
    """The knowledge base and the evaluation questions resolved in it."""
    from zhengce.evaluation.questions import EvaluationError, load_questions

    store = open_store()
    try:
        return store, load_questions(store, folder)
    except EvaluationError as error:
        fail(str(error))


@eval_app.command("search")
def eval_search(
    folder: Annotated[Path, typer.Option(help="Folder of question files (*.jsonl).")] = EVAL_DIR,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    misses: Annotated[bool, typer.Option(help="List the questions hybrid search misses in its top 5.")] = False,
) -> None:
    """Recall@1/5/10 and MRR of keyword-only, semantic-only and hybrid search on the team's questions."""
    from zhengce.evaluation.search import MODES, evaluate_search

    store, questions = _questions(folder)
    index = load_index(store)
    modes = MODES if index.vectors is not None else ("keyword",)
    scores, ranks = evaluate_search(index, questions, modes)
    if as_json:
        print_json([asdict(s) for s in scores])
        return
    print_table(f"Retrieval on {scores[0].questions} answerable questions",
                ("mode", "Recall@1", "Recall@5", "Recall@10", "MRR"),
                [[s.mode, f"{s.recall_at_1:.3f}", f"{s.recall_at_5:.3f}", f"{s.recall_at_10:.3f}", f"{s.mrr:.3f}"]
                 for s in scores])
    if index.vectors is None:
        console.print("知识库没有向量（用 --no-vectors 构建）：只评测关键词检索。")
    if misses:
        answerable = [q for q in questions if q.answerable]
        for question, rank in zip(answerable, ranks[modes[-1]], strict=True):
            if rank is None or rank > 5:
                console.print(f"{question.id} rank {rank}: {question.question}", highlight=False)


@eval_app.command("spans")
def eval_spans(
    files: Annotated[list[Path], typer.Argument(help="Question sets: a TSV (question, answer, kind) or eval JSONL.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Recall@5, cited, ROUGE-L and refusals of `ask` on sets whose gold is a span of text
    (../shared/tuning/real-style.tsv, eval/blind/*.jsonl), one row per set."""
    from zhengce.evaluation.spans import evaluate_spans, load_span_questions

    answerer = load_answerer()
    try:
        scores = [evaluate_spans(answerer, load_span_questions(path), path.stem) for path in files]
    except (OSError, ValueError, KeyError) as error:
        fail(f"无法读取问题集：{error}")
    if as_json:
        print_json([asdict(s) for s in scores])
        return
    print_table("Answers on span-gold sets", ("set", "answerable", "outside", "Recall@5", "cited", "ROUGE-L",
                                              "answerable refused", "outside refused"),
                [[s.name, str(s.answerable), str(s.outside), f"{s.recall_at_5:.3f}", f"{s.cited:.3f}",
                  f"{s.rouge_l:.3f}", str(s.answerable_refused), str(s.outside_refused)] for s in scores])


@eval_app.command("fit-spans")
def eval_fit_spans(
    files: Annotated[list[Path], typer.Argument(help="Tuning sets with gold answers: eval JSONL or a TSV "
                                                     "(question, answer, kind).")],
    write: Annotated[bool, typer.Option(help="Store the refitted weights in answer/spanrank.json.")] = False,
) -> None:
    """Refit the span scorer on tuning sets (never the held-out ones) and print its cross-validated
    ROUGE-L against the hand rules'; whether it is used stays as spanrank.json says."""
    from zhengce.evaluation import spanfit
    from zhengce.evaluation.spans import load_span_questions

    answerer = load_answerer()
    try:
        questions = [q for path in files for q in load_span_questions(path)]
    except (OSError, ValueError, KeyError) as error:
        fail(f"无法读取问题集：{error}")
    groups = spanfit.collect(answerer, questions)
    if len(groups) < spanfit.MIN_QUESTIONS:
        fail(f"可用于拟合的带答案问题只有{len(groups)}个，至少需要{spanfit.MIN_QUESTIONS}个。")
    figures, margin = spanfit.cross_validate(groups)
    report = {**figures, "sets": sorted(path.name for path in files)}
    print_table("Span scorer, cross-validated on the tuning sets (mean ROUGE-L of the chosen span)",
                ("measure", "value"), [[name, f"{value:.3f}" if isinstance(value, float) else str(value)]
                                       for name, value in report.items()])
    if write:
        spanfit.save(spanfit.fit(groups, margin=margin), report)
        console.print(f"已写入 {spanfit.WEIGHTS_FILE}")
