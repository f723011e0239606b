"""The corpus stage as a whole: raw files -> parsed, merged, linked documents.

``load_corpus`` is what ``zhengce build`` and the tests call; it touches no
database, so the whole corpus can be checked in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from zhengce.corpus.assemble import ParsedSource, assemble
from zhengce.corpus.layouts import chongqing, hunan, newsletter, single
from zhengce.corpus.merge import link_forwards, merge_duplicates
from zhengce.corpus.model import Document, Line
from zhengce.paths import DEFAULT_RAW_DIR

Parser = Callable[[list[Line], str], ParsedSource]
# Files are matched by their numeric prefix; the hash after it names one edition.
LAYOUTS: dict[str, Parser] = {
    "000": chongqing.parse,
    "001": newsletter.parse,
    "003": hunan.parse,
    "004": single.parse,
}


class CorpusError(Exception):
    """A raw file cannot be read or has no parser; the message names the file."""


@dataclass
class CorpusReport:
    """What a build found: per source, merges, links and lines no parser placed."""

    parsed_per_source: dict[str, int] = field(default_factory=dict)
    merged_duplicates: int = 0
    forward_links: int = 0
    unplaced: list[tuple[str, int, int]] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {"parsed_per_source": self.parsed_per_source, "merged_duplicates": self.merged_duplicates,
                "forward_links": self.forward_links,
                "unplaced": [{"file": f, "start_line": s, "end_line": e} for f, s, e in self.unplaced]}


def raw_files(raw_dir: Path) -> list[Path]:
    """The raw compilation files in ``raw_dir``, in name order."""
    if not raw_dir.is_dir():
        raise CorpusError(f"找不到原始资料文件夹：{raw_dir}")
    files = sorted(raw_dir.glob("*.txt"))
    if not files:
        raise CorpusError(f"{raw_dir} 中没有原始资料（.txt 文件）。")
    return files


def read_lines(path: Path) -> list[Line]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CorpusError(f"无法读取 {path}：{error}") from error
    return [Line(number, line.rstrip("\n")) for number, line in enumerate(text.split("\n"), 1)]


def parse_file(path: Path) -> ParsedSource:
    """Raw documents of one file, by the parser of its layout."""
    parser = LAYOUTS.get(path.name[:3])
    if parser is None:
        raise CorpusError(f"没有适用于 {path.name} 的解析器：已知的版式编号是 {'、'.join(sorted(LAYOUTS))}。")
    return parser(read_lines(path), path.name)


def load_corpus(raw_dir: Path = DEFAULT_RAW_DIR,
                progress: Callable[[str], None] | None = None) -> tuple[list[Document], CorpusReport]:
    """Parse every raw file, merge duplicates, link forwards; report what was found."""
    report = CorpusReport()
    documents: list[Document] = []
    for path in raw_files(raw_dir):
        parsed = parse_file(path)
        report.parsed_per_source[path.name] = len(parsed.documents)
        report.unplaced.extend(_unplaced(path, parsed))
        documents.extend(assemble(raw) for raw in parsed.documents)
        if progress:
            progress(path.name)
    documents, report.merged_duplicates = merge_duplicates(documents)
    _check_unique_ids(documents)
    report.forward_links = link_forwards(documents)
    return documents, report


def _unplaced(path: Path, parsed: ParsedSource) -> list[tuple[str, int, int]]:
    """Runs of non-blank lines that are neither in a document nor recognised furniture."""
    covered = {n for raw in parsed.documents for n in range(raw.start_line, raw.end_line + 1)}
    covered |= parsed.recognised
    runs: list[tuple[str, int, int]] = []
    for line in read_lines(path):
        if not line.text.strip() or line.number in covered:
            continue
        if runs and runs[-1][2] >= line.number - 3:
            runs[-1] = (path.name, runs[-1][1], line.number)
        else:
            runs.append((path.name, line.number, line.number))
    return runs


def _check_unique_ids(documents: list[Document]) -> None:
    """Two different documents must not share an id; suffix the later one."""
    counts: Counter[str] = Counter()
    for document in documents:
        counts[document.id] += 1
        if counts[document.id] > 1:
            document.rename(f"{document.id}-{counts[document.id]}")
