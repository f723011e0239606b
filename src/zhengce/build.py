"""Building the knowledge base: the one pipeline the CLI, the tests and the benchmarks call.

Each stage stays in its package (``corpus`` parses, ``index`` cuts and embeds,
``relations`` links, ``store`` writes); this module only runs them in order and
reports progress through a callback, so every face shows it its own way.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from zhengce.corpus.build import DEFAULT_RAW_DIR, CorpusReport, load_corpus, raw_files
from zhengce.corpus.model import Document
from zhengce.index.build import DEFAULT_CACHE, corpus_units, index_rows
from zhengce.relations import corpus_relations
from zhengce.store.db import KnowledgeBaseWriter

# progress(stage, done_now, total): a stage ("parse", "embed", "write") advanced by done_now of total steps.
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    """The progress callback of a caller that shows none."""


@dataclass(frozen=True)
class BuildResult:
    """What a build wrote: how many documents and units, and how many units were embedded now."""

    path: Path
    documents: int
    units: int
    embedded: int
    report: CorpusReport


def build_knowledge_base(path: Path, raw_dir: Path = DEFAULT_RAW_DIR, cache: Path | None = DEFAULT_CACHE,
                         progress: Progress = _quiet) -> BuildResult:
    """Parse the raw compilations in ``raw_dir`` and write a new knowledge base at ``path``.

    ``cache`` is the embedding cache (vectors by text hash); None builds without vectors.
    The previous knowledge base stays in place until the new one is complete.
    """
    files = raw_files(raw_dir)
    documents, report = load_corpus(raw_dir, progress=lambda name: progress("parse", 1, len(files)))
    return write_documents(path, documents, report, cache, progress, {"raw_dir": str(raw_dir)})


def write_documents(path: Path, documents: list[Document], report: CorpusReport, cache: Path | None = DEFAULT_CACHE,
                    progress: Progress = _quiet, meta: dict[str, str] | None = None) -> BuildResult:
    """Index, link and store already parsed ``documents`` as a new knowledge base at ``path``."""
    units = corpus_units(documents)
    rows, embedded = index_rows(units, cache, progress=lambda n: progress("embed", n, len(units)))
    references, facts = corpus_relations(documents)
    with KnowledgeBaseWriter(path) as writer:
        writer.write_documents(documents, progress=lambda n: progress("write", n, len(documents)))
        writer.write_units(rows)
        writer.write_relations(references, facts)
        writer.commit({**(meta or {}), "report": json.dumps(report.as_dict(), ensure_ascii=False),
                       "embedded_now": str(embedded)})
    return BuildResult(path, len(documents), len(units), embedded, report)
