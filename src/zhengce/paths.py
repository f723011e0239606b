"""Where things are by default: constants the command line needs before it loads anything heavy."""

from __future__ import annotations

import os
from pathlib import Path

from zhengce.store.backend import Location, is_postgres

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_RAW_DIR = ROOT / "data" / "raw"
DEFAULT_CACHE = ROOT / "data" / "embeddings.sqlite"
EVAL_DIR = ROOT / "eval"  # the team's question sets
DEFAULT_DB = Path("var/zhengce.db")
DB_ENV = "ZHENGCE_DB"
INDEX_CACHE_ENV = "ZHENGCE_INDEX_CACHE"


def resolve_path(path: Location | None) -> Location:
    """The knowledge base: the argument, else $ZHENGCE_DB, else var/zhengce.db; a file's
    path, or a PostgreSQL URL as given (``postgresql://…``)."""
    location = path or os.environ.get(DB_ENV) or DEFAULT_DB
    return location if is_postgres(location) else Path(location)


def index_cache() -> Path:
    """Where the indexes of PostgreSQL knowledge bases are kept on this machine:
    $ZHENGCE_INDEX_CACHE, else $XDG_CACHE_HOME/zhengce/index, else ~/.cache/zhengce/index."""
    if folder := os.environ.get(INDEX_CACHE_ENV):
        return Path(folder)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "zhengce" / "index"
