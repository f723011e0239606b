"""Readers of the files users add, one per format, each returning an ``Extract``.

Which reader runs is decided by the file's suffix; each turns what the format
breaks (wrapped PDF lines, Word's automatic numbers, a site's navigation) back
into paragraphs and tables, and raises ``ReadError`` with a Chinese message that
names the file when it cannot.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from zhengce.corpus.readers import docx, html, ocr, pdf, text
from zhengce.corpus.readers.extract import Extract, ReadError

READERS: dict[str, Callable[[Path], Extract]] = {
    ".pdf": pdf.read, ".docx": docx.read, ".html": html.read, ".htm": html.read, ".shtml": html.read,
    ".txt": text.read, **dict.fromkeys(ocr.IMAGE_SUFFIXES, ocr.read_image),
}
SUFFIXES = tuple(READERS)

__all__ = ["READERS", "SUFFIXES", "Extract", "ReadError", "read_file"]


def read_file(path: Path) -> Extract:
    """The blocks of one file, by the reader of its suffix."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"{path.name}：不支持的文件类型 {path.suffix or '（无扩展名）'}，"
                        f"可添加 {' '.join(sorted(set(SUFFIXES)))}")
    if not path.is_file():
        raise ReadError(f"{path}：文件不存在")
    if path.stat().st_size == 0:
        raise ReadError(f"{path.name}：文件是空的")
    try:
        return reader(path)
    except ReadError:
        raise
    except Exception as error:  # a damaged file can break a library anywhere: one line, never a traceback
        raise ReadError(f"{path.name}：无法读取（{type(error).__name__}）") from error
