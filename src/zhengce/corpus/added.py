"""Documents users add, folded into the corpus: one document, several sources; a changed
text is a new version, linked from the old one, which keeps its id.

The knowledge base is a function of the raw compilations and of the ordered list of
added files (their extracts are stored), so that adding, removing and rebuilding all
replay the same folding and give the same ids.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from zhengce.corpus.layouts import user
from zhengce.corpus.merge import same_title
from zhengce.corpus.model import Document, Source
from zhengce.corpus.readers.extract import Extract

OCR_SAME = 0.9     # share of character pairs an OCR'd copy shares with the text it reads
TEXT_SAME = 0.97   # and a copy from another format with a stray line or two, if no figure of it changed,
STRAY_PAIRS = 40   # or, in a short text, no more than a line's worth of character pairs
_FIGURES = re.compile(r"\d+(?:\.\d+)?")


@dataclass
class AddedSource:
    """One file a user added: what was read from it, and the fields the user set."""

    file: str
    sha256: str
    extract: Extract
    overrides: dict[str, str] = field(default_factory=dict)
    added_at: str = ""
    doc_id: str = ""  # the document it became or was merged into (set by ``fold_added``)
    outcome: str = ""  # 新增, 合并 or 新版本 (set by ``fold_added``)


def fold_added(documents: list[Document], added: list[AddedSource]) -> list[Document]:
    """The corpus with every added file folded in, in the order they were added."""
    documents = list(documents)
    for source in added:
        new = user.document(source.extract, source.file, source.overrides)
        current = _current_version(documents, new, source.extract.method != "text")
        if current is None:
            documents.append(new)
            source.outcome = "新增"
        elif _same_text(current, new, source.extract.method != "text"):
            current.sources.append(_distinct(new.sources[0], current.sources))
            new, source.outcome = current, "合并"
        else:
            new.rename(_version_id(documents, current, source.doc_id))
            new.previous_version = current.id
            documents.append(new)
            source.outcome = "新版本"
        source.doc_id = new.id
    return documents


def _distinct(source: Source, sources: list[Source]) -> Source:
    """The source under a name its document does not have yet (two files called 通知.pdf)."""
    names = {s.file for s in sources}
    name, number = source.file, 1
    while name in names:
        number += 1
        name = f"{source.file} ({number})"
    return Source(name, source.start_line, source.end_line)


def _current_version(documents: list[Document], new: Document, ocr: bool) -> Document | None:
    """The latest version of the document ``new`` is a print of: same number, else same title
    and date (a copy that does not print its number; a scan whose number OCR misread)."""
    superseded = {d.previous_version for d in documents if d.previous_version}
    candidates = [d for d in documents if d.id not in superseded]
    if new.doc_number:
        found = next((d for d in candidates if d.doc_number == new.doc_number), None)
        if found or not ocr:
            return found
    return next((d for d in candidates if (d.date == new.date or not d.doc_number)
                 and same_title(d.title, new.title)), None)


def _version_id(documents: list[Document], current: Document, before: str) -> str:
    """The next free id ``<id>-v<n>``; the one the file had before, when it is still free."""
    base = current.id.split("-v")[0]
    taken = {d.id for d in documents}
    if before.startswith(f"{base}-v") and before not in taken:
        return before
    number = 2
    while f"{base}-v{number}" in taken:
        number += 1
    return f"{base}-v{number}"


def _words(document: Document) -> str:
    """The article text and table cells without spacing or punctuation: what a format cannot change."""
    text = "".join(n.text for n in document.nodes) + "".join("".join(r) for t in document.tables for r in t.rows)
    return re.sub(r"[\W_]+", "", text)


def _same_text(old: Document, new: Document, ocr: bool) -> bool:
    """The same document read from another format: the same words, or nearly the same
    (a line of a page's furniture left in, a word wrapped otherwise) with every figure of
    the shorter found in the longer; a scan needs only most of the same character pairs,
    as OCR misreads a few. A changed figure (80% to 90%) makes a new version."""
    left, right = _words(old), _words(new)
    if left == right:
        return True
    unshared, total = _unshared_pairs(left, right)
    if ocr:
        return unshared <= (1 - OCR_SAME) * total
    figures = sorted((Counter(_FIGURES.findall(left)), Counter(_FIGURES.findall(right))), key=lambda c: c.total())
    return unshared <= max(STRAY_PAIRS, (1 - TEXT_SAME) * total) and not figures[0] - figures[1]


def _unshared_pairs(left: str, right: str) -> tuple[int, int]:
    """How many character pairs of the two texts the other lacks, of how many in all."""
    pairs = Counter(left[i:i + 2] for i in range(len(left) - 1))
    other = Counter(right[i:i + 2] for i in range(len(right) - 1))
    total = pairs.total() + other.total()
    return total - 2 * (pairs & other).total(), total
