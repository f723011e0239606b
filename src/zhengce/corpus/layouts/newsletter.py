"""Placeholder."""

from zhengce.corpus.assemble import RawDocument
from zhengce.corpus.model import Line


def parse(lines: list[Line], file: str) -> list[RawDocument]:
    return []
