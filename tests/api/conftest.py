"""One app for the API tests that only read: building it loads the index and the answerer."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from zhengce.api.app import create_app


@pytest.fixture(scope="session")
def api_client(kb_path: Path) -> TestClient:
    return TestClient(create_app(kb_path), base_url="http://127.0.0.1", raise_server_exceptions=False)
