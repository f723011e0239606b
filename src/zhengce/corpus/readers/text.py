"""Plain text: paragraphs are separated by blank lines when the file has them, else one per line."""

from __future__ import annotations

from pathlib import Path

from zhengce.corpus.readers.extract import Extract, ReadError, blocks_from_items

ENCODINGS = ("utf-8-sig", "gb18030")


def decode(path: Path) -> str:
    """The file's text in UTF-8 or GB18030 (what Chinese sites and editors still write)."""
    data = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReadError(f"{path.name}：不是 UTF-8 或 GB18030 编码的文本")


def read(path: Path) -> Extract:
    text = decode(path).replace("\r\n", "\n").replace("\r", "\n")
    chunks = text.split("\n\n") if "\n\n" in text.strip() else text.split("\n")
    return Extract(blocks_from_items([{"text": "".join(c.split("\n"))} for c in chunks]))
