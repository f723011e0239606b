"""Where things are by default: constants the command line needs before it loads anything heavy."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_RAW_DIR = ROOT / "data" / "raw"
DEFAULT_CACHE = ROOT / "data" / "embeddings.sqlite"
DEFAULT_DB = Path("var/zhengce.db")
DB_ENV = "ZHENGCE_DB"


def resolve_path(path: Path | str | None) -> Path:
    """The knowledge base path: the argument, else $ZHENGCE_DB, else var/zhengce.db."""
    if path:
        return Path(path)
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)
