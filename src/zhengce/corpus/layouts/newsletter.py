"""Placeholder."""

from zhengce.corpus.assemble import ParsedSource
from zhengce.corpus.model import Line


def parse(lines: list[Line], file: str) -> ParsedSource:
    return ParsedSource([])
