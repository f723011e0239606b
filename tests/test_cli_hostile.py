"""The command line on any input: a line of explanation and exit 1, or an answer; never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from zhengce.answer.ask import Answerer
from zhengce.calc.rules import RULES
from zhengce.cli import app
from zhengce.index.hybrid import SearchIndex

runner = CliRunner()
# Arguments arrive as text; undecodable bytes of an argument become lone surrogates.
ARGUMENT = st.text(st.characters(exclude_categories=("Cc",)) | st.sampled_from(["\udcff", "\udc80"]), max_size=600)
FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch, search_index: SearchIndex, answerer: Answerer) -> None:
    """The session's index and answerer instead of loading them per call: the property is
    about the command's handling of input, not about loading."""
    monkeypatch.setattr(SearchIndex, "load", classmethod(lambda cls, store: search_index))
    monkeypatch.setattr("zhengce.cli.query.make_answerer", lambda store, index: answerer)


def assert_defined(result) -> None:
    assert result.exit_code in (0, 1), (result.exit_code, result.output[-500:], result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 1:
        assert result.output.startswith("错误：") and result.output.count("\n") == 1, result.output


@FEW
@given(text=ARGUMENT)
def test_search_and_ask_take_any_argument(kb_path: Path, loaded: None, text: str):
    for command in ("search", "ask"):
        assert_defined(runner.invoke(app, ["--db", str(kb_path), command, "--json", "--", text]))


@FEW
@given(data=st.binary(max_size=400))
def test_batches_take_any_bytes_and_answer_every_line(kb_path: Path, loaded: None, data: bytes):
    lines = data.decode("utf-8", "replace").removesuffix("\n").split("\n") if data else []
    for command in ("search", "ask"):
        result = runner.invoke(app, ["--db", str(kb_path), command, "--jsonl"], input=data)
        assert result.exit_code == 0, result.output
        assert len(result.output.splitlines()) == len(lines)


@FEW
@given(name=st.sampled_from(sorted(RULES)), pairs=st.lists(st.tuples(ARGUMENT, ARGUMENT), max_size=3))
def test_calculators_take_any_values(name: str, pairs: list[tuple[str, str]]):
    options = [part for key, value in pairs for part in ("--set", f"{key}={value}")]
    assert_defined(runner.invoke(app, ["calc", "run", name, *options]))


@pytest.mark.parametrize("query", ["的", "。", "？", "(((", "😀", "\x00", "Привет", "안녕", "かな", "\udcff"])
def test_a_query_with_no_searchable_word_is_one_line_in_chinese(kb_path: Path, loaded: None, query: str):
    for command in ("search", "ask"):
        result = runner.invoke(app, ["--db", str(kb_path), command, "--", query])
        assert result.exit_code == 1 and "没有可检索的词" in result.output, result.output


def test_a_bad_line_in_a_batch_gets_an_error_record(kb_path: Path, loaded: None):
    result = runner.invoke(app, ["--db", str(kb_path), "ask", "--jsonl"], input="稳岗返还\n的\n")
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert first["citations"] and first["error"] is None
    assert second["question"] == "的" and "没有可检索的词" in second["error"] and set(second) == set(first)
