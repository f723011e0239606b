"""A throwaway PostgreSQL cluster for the tests' PostgreSQL run.

``ZHENGCE_TEST_BACKEND=postgresql`` runs the suite against PostgreSQL: against
``ZHENGCE_TEST_PG_URL`` when given (a server you keep), else against a cluster made
here in a temporary folder (initdb, then pg_ctl on a free port, as the ``postgres``
user when the tests run as root, since initdb refuses root) and removed after.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BACKEND_ENV = "ZHENGCE_TEST_BACKEND"
URL_ENV = "ZHENGCE_TEST_PG_URL"


def postgres_tests() -> bool:
    return os.environ.get(BACKEND_ENV, "sqlite") == "postgresql"


def _bin(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None)
    if found is None:
        raise RuntimeError(f"{name} not found: install PostgreSQL (make test installs Debian's postgresql)")
    return found


def _run(command: list[str], folder: Path) -> None:
    as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*as_postgres, *command], check=True, cwd=folder, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE)


@contextmanager
def throwaway_cluster() -> Iterator[str]:
    """A new cluster on a free loopback port; yields its URL, stops and deletes it after."""
    folder = Path(tempfile.mkdtemp(prefix="zhengce-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = folder / "data"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    _run([_bin("initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"],
         folder)
    _run([_bin("pg_ctl"), "-D", str(data), "-l", str(folder / "log"), "-w", "-o",
          f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"],
         folder)
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        _run([_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"], folder)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def server() -> Iterator[str]:
    """The URL of the server to test against: the one given, else a throwaway cluster."""
    if given := os.environ.get(URL_ENV):
        yield given
        return
    with throwaway_cluster() as url:
        yield url


def database_url(url: str, name: str) -> str:
    """The URL of database ``name`` on the server at ``url``."""
    return f"{url.rpartition('/')[0]}/{name}"


def create_database(url: str, name: str, template: str | None = None) -> str:
    """A new (or emptied) database on the server at ``url``, a copy of ``template`` if given."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]
        copy = f' TEMPLATE "{template}"' if template else ""
        connection.execute(f'CREATE DATABASE "{name}"{copy}')  # type: ignore[arg-type]
    return database_url(url, name)
