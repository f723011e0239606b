"""Every curl line of the README runs as written against a live server and answers 2xx."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_kb, serve
from zhengce.api.app import create_app
from zhengce.index.build import DEFAULT_CACHE

README = Path(__file__).resolve().parents[1] / "README.md"
TOKEN = "s3cret"
# curl itself prints the status after the body, so a command runs exactly as written.
WRAPPER = "curl() { command curl -sS -w '\\nHTTP %{http_code}\\n' \"$@\"; }\n"


def shell_commands(prefix: str) -> list[str]:
    """The README's shell lines starting with ``prefix``, each joined with its continuation lines."""
    commands, current = [], ""
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for line in block.splitlines():
            current += line.rstrip("\\").rstrip() + " " if current or line.startswith(prefix) else ""
            if current and not line.endswith("\\"):
                commands.append(current.strip())
                current = ""
    return commands


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, kb_path: Path) -> Iterator[str]:
    """A server of its own over a copy of the knowledge base (the README adds and removes a document)."""
    folder = tmp_path_factory.mktemp("readme")
    kb, cache = copy_kb(kb_path, folder, "kb.db"), Path(shutil.copy(DEFAULT_CACHE, folder / "cache.sqlite"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ZHENGCE_ADMIN_TOKEN", TOKEN)
        yield from serve(create_app(kb, cache=cache))


def test_every_curl_line_of_the_readme_answers_2xx(server: str, tmp_path: Path):
    for line in shell_commands("printf"):
        subprocess.run(["bash", "-c", line], cwd=tmp_path, check=True)
    commands = shell_commands("curl")
    assert len(commands) >= 15
    for command in commands:
        if "DELETE" in command:
            wait_for_the_job(tmp_path / "job.json", server)
        run = subprocess.run(["bash", "-c", WRAPPER + command.replace("http://127.0.0.1:8000", server)],
                             cwd=tmp_path, capture_output=True, text=True, env={"ZHENGCE_ADMIN_TOKEN": TOKEN,
                                                                                  "PATH": "/usr/bin:/bin"})
        status = re.findall(r"HTTP (\d{3})", run.stdout)
        assert run.returncode == 0 and status and status[-1].startswith("2"), (command, run.stdout[-500:], run.stderr)


def wait_for_the_job(job_file: Path, server: str) -> None:
    """As a reader would: follow the import until it is done before removing what it added."""
    url = server + json.loads(job_file.read_text())["url"]
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        status = json.loads(subprocess.run(["curl", "-s", url], capture_output=True, text=True).stdout)["status"]
        if status != "running":
            assert status == "done"
            return
        time.sleep(1)
    pytest.fail("the README's import did not finish")
