"""Building the knowledge base: the one pipeline the CLI, the API, the tests and the benchmarks call.

Each stage stays in its package (``corpus`` reads and parses, ``index`` cuts and
embeds, ``relations`` links, ``store`` writes); this module runs them in order and
reports progress through a callback, so every face shows it its own way.

The knowledge base is a function of the raw compilations and of the files users
added (kept inside it as extracts). Adding or removing a file replays that function:
one new file swapped in when complete, so a bad file or a crash changes nothing;
only units whose text is new are tokenised and embedded.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from zhengce.corpus.added import AddedSource, fold_added
from zhengce.corpus.build import DEFAULT_RAW_DIR, CorpusReport, load_corpus, raw_files
from zhengce.corpus.layouts import user
from zhengce.corpus.model import Document
from zhengce.corpus.readers import SUFFIXES, ReadError, read_file
from zhengce.index.build import DEFAULT_CACHE, corpus_units, index_rows, stored_tokens
from zhengce.index.embed import prefer_all_cores
from zhengce.index.persist import prune, write_index
from zhengce.relations.corpus import corpus_relations
from zhengce.relations.validity import Fact
from zhengce.store.added import read_added_file
from zhengce.store.backend import Location, is_postgres, pg_lock
from zhengce.store.db import KnowledgeBaseError, KnowledgeBaseWriter, Store

# progress(stage, done_now, total): a stage ("read", "parse", "embed", "write") advanced by done_now of total.
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    """The progress callback of a caller that shows none."""


class ChangeError(Exception):
    """An add or remove that cannot be done; the message (Chinese) says why. Nothing was changed."""


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: how many documents and units, and how many units were embedded now."""

    path: Location
    documents: int
    units: int
    embedded: int
    report: CorpusReport


@dataclass(frozen=True)
class Change:
    """What became of one added or removed file."""

    file: str
    doc_id: str
    title: str
    outcome: str  # 新增 | 合并 | 新版本 | 已存在 | 已删除


def build_knowledge_base(path: Location, raw_dir: Path = DEFAULT_RAW_DIR, cache: Path | None = DEFAULT_CACHE,
                         progress: Progress = _quiet) -> BuildResult:
    """Parse the raw compilations in ``raw_dir`` and write a new knowledge base at ``path``.

    ``cache`` is the embedding cache (vectors by text hash); None builds without vectors.
    Files users added to the knowledge base at ``path`` are kept. The previous knowledge
    base stays in place until the new one is complete.
    """
    prefer_all_cores()
    return _rebuild(path, raw_dir, read_added_file(path), cache, progress)


def write_documents(path: Location, documents: list[Document], report: CorpusReport, cache: Path | None = DEFAULT_CACHE,
                    progress: Progress = _quiet, meta: dict[str, str] | None = None,
                    added: list[AddedSource] | None = None,
                    known_tokens: dict[tuple[str, str], list[str]] | None = None) -> BuildResult:
    """Index, link and store already parsed ``documents`` as a new knowledge base at ``path``."""
    units = corpus_units(documents)
    rows, embedded = index_rows(units, cache, lambda n: progress("embed", n, len(units)), known_tokens)
    references, facts = corpus_relations(documents)
    build_id = write_index(path, rows)
    with KnowledgeBaseWriter(path) as writer:
        writer.write_documents(documents, progress=lambda n: progress("write", n, len(documents)))
        writer.write_units(rows)
        writer.write_relations(references, [*facts, *_version_facts(documents)])
        writer.write_added(added or [])
        writer.commit({**(meta or {}), "report": json.dumps(report.as_dict(), ensure_ascii=False),
                       "embedded_now": str(embedded), "index": build_id})
    prune(path, build_id)
    return BuildResult(path, len(documents), len(units), embedded, report)


def add_documents(path: Location, files: list[Path], overrides: dict[str, str] | None = None,
                  cache: Path | None = DEFAULT_CACHE, progress: Progress = _quiet) -> list[Change]:
    """Add files (folders are searched for readable files) to the knowledge base at ``path``.

    Every file is read before anything is written: one unreadable file raises
    ``ReadError`` (a Chinese line per bad file) and leaves the knowledge base as it was.
    """
    _check_date((overrides or {}).get("date"))
    prefer_all_cores()
    with _locked(path):
        store = _open(path)
        added = store.added_sources()
        known = {source.sha256: source for source in added}
        paths = expand_paths(files)
        fresh, unchanged, problems = [], [], []
        for file in paths:
            progress("read", 1, len(paths))
            digest = hashlib.sha256(file.read_bytes()).hexdigest() if file.is_file() else ""
            if digest in known:
                unchanged.append(known[digest])
                continue
            try:
                fresh.append(_read(file, digest, overrides or {}))
                known[digest] = fresh[-1]
            except ReadError as error:
                problems.append(str(error))
        if problems:
            raise ReadError("\n".join(problems))
        if fresh:
            _rebuild(path, _raw_dir(store), [*added, *fresh], cache, progress, stored_tokens(store))
        written = Store(path)
        return [*(_change(written, s, s.outcome) for s in fresh), *(_change(written, s, "已存在") for s in unchanged)]


def remove_document(path: Location, key: str, cache: Path | None = DEFAULT_CACHE,
                    progress: Progress = _quiet) -> list[Change]:
    """Remove the files added as the document ``key`` (id, number or title) and what they brought."""
    with _locked(path):
        store = _open(path)
        doc_id = store.find_document_id(key)
        if doc_id is None:
            raise ChangeError(f"找不到文件：{key}")
        added = store.added_sources()
        removed = [source for source in added if source.doc_id == doc_id]
        if not removed:
            raise ChangeError(f"{key}：是内置语料中的文件，不是添加的文件，不能删除")
        changes = [_change(store, source, "已删除") for source in removed]
        kept = [source for source in added if source.doc_id != doc_id]
        _rebuild(path, _raw_dir(store), kept, cache, progress, stored_tokens(store))
        return changes


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the readable files inside folders (sorted); an unknown path is
    kept, so that reading it reports it."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            found.append(path)
    return found


def _read(file: Path, digest: str, overrides: dict[str, str]) -> AddedSource:
    """One file read and parsed once, so that a file without a document is refused now."""
    extract = read_file(file)
    try:
        user.document(extract, file.name, overrides)
    except ReadError:
        raise
    except Exception as error:  # text no rule expected: refuse the file, not the whole command
        raise ReadError(f"{file.name}：无法解析为文件（{type(error).__name__}）") from error
    return AddedSource(file.name, digest, extract, overrides, datetime.now(UTC).isoformat(timespec="seconds"))


def _check_date(text: str | None) -> None:
    if text:
        try:
            date.fromisoformat(text)
        except ValueError:
            raise ChangeError(f"日期应写作 YYYY-MM-DD，不是 {text}") from None


def _rebuild(path: Location, raw_dir: Path, added: list[AddedSource], cache: Path | None, progress: Progress,
             known_tokens: dict[tuple[str, str], list[str]] | None = None) -> BuildResult:
    files = raw_files(raw_dir)
    documents, report = load_corpus(raw_dir, progress=lambda name: progress("parse", 1, len(files)))
    documents = fold_added(documents, added)
    meta = {"raw_dir": str(raw_dir), "generation": str(_generation(path) + 1)}
    return write_documents(path, documents, report, cache, progress, meta, added, known_tokens)


def _version_facts(documents: list[Document]) -> list[Fact]:
    """An added document whose text changed: the old version is modified by the new one from its date."""
    by_id = {d.id: d for d in documents}
    return [Fact(d.previous_version, None, "amended", d.date, f"本文件有新版本（{d.id}），以新版本为准",
                 f"{d.id}/{d.nodes[0].path}" if d.nodes else None)
            for d in documents if d.previous_version and d.date and d.previous_version in by_id]


def _change(store: Store, source: AddedSource, outcome: str) -> Change:
    document = store.get_document(source.doc_id)
    return Change(source.file, source.doc_id, document.title if document else "", outcome)


def _open(path: Location) -> Store:
    try:
        return Store(path)
    except KnowledgeBaseError as error:
        raise ChangeError(str(error)) from error


def _raw_dir(store: Store) -> Path:
    return Path(store.meta().get("raw_dir") or DEFAULT_RAW_DIR)


def _generation(path: Location) -> int:
    try:
        return int(Store(path).meta().get("generation", "0"))
    except (KnowledgeBaseError, ValueError):
        return 0


@contextmanager
def _locked(path: Location) -> Iterator[None]:
    """One change at a time per knowledge base, across processes (CLI and server)."""
    if is_postgres(path):
        with pg_lock(str(path)):
            yield
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
