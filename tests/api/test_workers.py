"""`zhengce serve --workers 2`: both workers answer, health answers while searches run, and a
document added while serving is found by every worker, with no failed request."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import serve_process
from zhengce.build import add_documents
from zhengce.index.build import DEFAULT_CACHE

NOTICE = """长沙市人力资源和社会保障局关于发放蓝莓采摘技能补贴的通知
长人社发〔2020〕99号
各区县人力资源和社会保障局：
一、对参加蓝莓采摘技能培训的人员，每人给予800元蓝莓采摘技能补贴。
二、本通知自2020年6月1日起施行。
长沙市人力资源和社会保障局
2020年5月20日
"""


@pytest.fixture
def server(tmp_path: Path, kb_path: Path):
    """Two workers over a copy of the test knowledge base (with its index folder)."""
    shutil.copy(DEFAULT_CACHE, tmp_path / "embeddings.sqlite")
    yield from serve_process(kb_path, tmp_path, "--workers", "2")


def test_two_workers_serve_and_see_a_document_added_while_serving(server, tmp_path: Path) -> None:
    kb, base = server
    health = httpx.get(f"{base}/api/health").json()
    assert health["documents"] > 190
    query = {"q": "蓝莓采摘技能补贴", "k": 1}
    before = httpx.get(f"{base}/api/search", params=query).json()["hits"]
    assert not before or "蓝莓" not in before[0]["title"]
    notice = tmp_path / "notice.txt"
    notice.write_text(NOTICE, encoding="utf-8")

    def searches() -> list[int]:
        with httpx.Client(base_url=base, timeout=60) as client:
            return [client.get("/api/search", params={"q": "稳岗返还"}).status_code for _ in range(12)]

    with ThreadPoolExecutor(2) as pool:  # requests keep coming while the knowledge base changes
        running = [pool.submit(searches) for _ in range(2)]
        add_documents(kb, [notice], cache=tmp_path / "embeddings.sqlite")
        assert all(code == 200 for future in running for code in future.result())
    # Each new connection may reach either worker: every one finds the new document.
    for _ in range(8):
        with httpx.Client(base_url=base, timeout=60) as client:
            hits = client.get("/api/search", params=query).json()["hits"]
            assert "蓝莓采摘技能补贴" in hits[0]["title"]
            assert client.get("/api/health").json()["generation"] == health["generation"] + 1


def test_health_answers_while_searches_run(server) -> None:
    _, base = server

    def ask(number: int) -> int:
        # Each from its own loopback address: the server allows two at once per client.
        transport = httpx.HTTPTransport(local_address=f"127.0.0.{number + 2}")
        with httpx.Client(base_url=base, timeout=120, transport=transport) as client:
            return client.get("/api/ask", params={"q": f"失业保险金的标准是多少{number}"}).status_code

    with ThreadPoolExecutor(8) as pool:
        running = [pool.submit(ask, n) for n in range(16)]
        answered = 0
        with httpx.Client(base_url=base, timeout=60) as client:
            while not all(f.done() for f in running):
                assert client.get("/api/health").status_code == 200
                answered += 1
        assert all(f.result() == 200 for f in running)
    assert answered  # how fast: bench/load.py
