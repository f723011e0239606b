"""The command line on any input: a line of explanation and exit 1, or an answer; never a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from zhengce.answer.ask import Answerer
from zhengce.calc.rules import RULES
from zhengce.cli import app
from zhengce.index.hybrid import SearchIndex
from zhengce.index.persist import folder_of, prune
from zhengce.store.db import KnowledgeBaseWriter

runner = CliRunner()
# Arguments arrive as text; undecodable bytes of an argument become lone surrogates.
ARGUMENT = st.text(st.characters(exclude_categories=("Cc",)) | st.sampled_from(["\udcff", "\udc80"]), max_size=600)
FEW = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def loaded(monkeypatch: pytest.MonkeyPatch, search_index: SearchIndex, answerer: Answerer) -> None:
    """The session's index and answerer instead of loading them per call: the property is
    about the command's handling of input, not about loading."""
    monkeypatch.setattr(SearchIndex, "load", classmethod(lambda cls, store: search_index))
    monkeypatch.setattr("zhengce.answer.generate.make_answerer", lambda store, index: answerer)


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


def damaged_copy(kb_path: Path, folder: Path) -> Path:
    """The knowledge base with 8 KB of noise written over its middle."""
    copy = folder / "damaged.db"
    data = bytearray(kb_path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 8192] = bytes(range(256)) * 32
    copy.write_bytes(bytes(data))
    return copy


@pytest.mark.sqlite_only("noise written over the middle of the file")
@pytest.mark.parametrize("command", [["stats"], ["search", "社保"], ["ask", "稳岗返还"], ["docs", "list"]])
def test_a_damaged_knowledge_base_is_one_line_and_exit_1(kb_path: Path, tmp_path: Path, command: list[str]):
    result = runner.invoke(app, ["--db", str(damaged_copy(kb_path, tmp_path)), *command])
    assert_defined(result)
    assert result.exit_code == 1 and "zhengce build" in result.output


@pytest.mark.parametrize("target", ["file/kb.db", "/proc/zhengce.db"])
def test_build_where_it_cannot_write_is_one_line_and_exit_1(tmp_path: Path, target: str):
    (tmp_path / "file").write_text("not a folder")
    result = runner.invoke(app, ["--db", str(tmp_path / target), "build", "--no-vectors"])
    assert result.exit_code == 1 and "无法在" in result.output.splitlines()[-1], result.output
    assert "Traceback" not in result.output


def test_the_next_build_removes_what_killed_builds_left(tmp_path: Path):
    dead = subprocess.Popen(["true"])  # its process id is no longer running once it has been waited for
    dead.wait()
    path = tmp_path / "kb.db"
    left = [tmp_path / f".kb.db.{dead.pid}.tmp", tmp_path / f".kb.db.{dead.pid}.tmp-journal"]
    running = tmp_path / f".kb.db.{os.getppid()}.tmp"  # a build still going on: kept
    for file in [*left, running]:
        file.write_bytes(b"half")
    with KnowledgeBaseWriter(path):
        pass
    assert not any(f.exists() for f in left) and running.exists()


def test_a_build_stopped_with_sigterm_leaves_no_temporary_file(tmp_path: Path):
    path = tmp_path / "kb.db"
    build = subprocess.Popen([sys.executable, "-m", "zhengce", "--db", str(path), "build", "--no-vectors"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not list(tmp_path.rglob(".*.tmp")) and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.05)
    build.send_signal(signal.SIGTERM)
    assert build.wait(timeout=60) != 0
    assert list(tmp_path.rglob("*.tmp*")) == [] and not (tmp_path / "kb.db").exists()


def test_the_next_build_removes_index_folders_killed_builds_left(tmp_path: Path):
    dead = subprocess.Popen(["true"])
    dead.wait()
    path = tmp_path / "kb.db"
    index = folder_of(path)
    (index / "current").mkdir(parents=True)
    (index / f".abc.{dead.pid}.tmp").mkdir()
    (index / f".def.{os.getppid()}.tmp").mkdir()  # a build still going on: kept
    prune(path, "current")
    assert {p.name for p in index.iterdir()} == {"current", f".def.{os.getppid()}.tmp"}
