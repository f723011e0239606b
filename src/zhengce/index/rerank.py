"""Fused scores adjusted by the corpus's relations and by what the question asks, not by
its words alone.

A reading of a document (解读, 答记者问) that matches about as well as a unit of the
document it reads, and holds no query word that unit lacks, follows that unit: both
answer, and the rule is cited before what was said about it. Measured on eval/ and
eval/fresh: unit recall@1 on the held-out fresh set .744 → .753 once the question of a
答记者问 joined its answers' context (which lets a reading outrank the rule it restates).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from zhengce.lexicon import lexicon

SOURCE_RATIO = 0.7  # a reading follows its document's best unit scoring at least this share of its own
_STEP = 1e-6


def sources_first(fused: dict[int, float], unit_doc: Sequence[str], sources: dict[str, set[str]],
                  words: Callable[[int], set[str]]) -> None:
    """Rank a reading's unit after the best unit of a document it reads that holds every query
    word the reading's unit holds (``words``) and scores at least SOURCE_RATIO of it: both
    answer, and the rule is what to cite."""
    readings = sorted((i for i in fused if unit_doc[i] in sources), key=lambda i: -fused[i])
    if not readings:
        return
    read = {doc for i in readings for doc in sources[unit_doc[i]]}
    candidates = sorted((i for i in fused if unit_doc[i] in read), key=lambda i: -fused[i])
    for index in readings:
        score, needed = fused[index], words(index)
        source = next((i for i in candidates if unit_doc[i] in sources[unit_doc[index]]
                       and SOURCE_RATIO * score <= fused[i] < score and needed <= words(i)), None)
        if source is not None:
            fused[index] = fused[source] - _STEP


# A question that asks for a figure or a date (lexicon.toml [question_kinds]) prefers, among
# units that match about as well, one that states a figure or a date: the answer, not the
# heading or the paragraph that names the measure. A bare year (2020年度) is no date: nearly
# every unit names one. Measured with `zhengce eval spans`: tuning R@1 .795 → .799, R@5 .969 →
# .974; held out R@5 .954 → .959 (real-style-2 .920 → .933), no held-out figure lower. 0.02
# and 0.03 gained as much R@5 but refused fewer questions outside the corpus.
ANSWER_TYPE_BOOST = 0.01
_ANSWER_TYPES = {name: (re.compile(asks), re.compile(answers))
                 for name, (asks, answers) in lexicon().question_kinds.items() if name in ("amount", "deadline")}
_YEAR = re.compile(r"(?:19|20)\d\d\s*年度?")  # nearly every unit names 2020年: no date by itself


def answer_types_first(fused: dict[int, float], states: Callable[[int, str], bool], question: str) -> None:
    """Add ANSWER_TYPE_BOOST to each unit that ``states`` the kind of answer (a figure, a
    date) that ``question`` asks for (see ``states_answer``)."""
    wanted = [kind for kind, (asks, _) in _ANSWER_TYPES.items() if asks.search(question)]
    if wanted:
        for index in fused:
            if any(states(index, kind) for kind in wanted):
                fused[index] += ANSWER_TYPE_BOOST


def states_answer(text: str, kind: str) -> bool:
    """Whether ``text`` holds an answer of ``kind`` ("amount", "deadline"), a bare year not counted."""
    return bool(_ANSWER_TYPES[kind][1].search(_YEAR.sub("", text)))


# A unit that is only a heading, a title or a lead-in line (units.bare_heading) answers nothing
# (the answer wing skips it), though its few words may match a question best: it falls below
# the units that say something. Measured with `zhengce eval spans`: tuning R@1 .803 → .821;
# held out R@1 and R@5 up on four sets, down on none (0.05 and 1.0 measured alike).
HEADING_PENALTY = 0.05


def headings_last(fused: dict[int, float], bare: Callable[[int], bool]) -> None:
    """Take HEADING_PENALTY from each unit that is a ``bare`` heading."""
    for index in fused:
        if bare(index):
            fused[index] -= HEADING_PENALTY


# The rows of one table share its column names (城市, 失业保险金网上申领平台), so a question
# about the table's subject matches many rows alike and they crowd out the article that
# answers. Below a table's best row, its other rows lose TABLE_ROW_PENALTY; a row the query
# names by a cell keeps its boost (hybrid.CELL_BOOST). Measured with `zhengce eval spans`:
# tuning R@5 .983 → .987; held out unchanged.
TABLE_ROW_PENALTY = 0.05


def one_row_per_table(fused: dict[int, float], table: Callable[[int], str | None]) -> None:
    """Take TABLE_ROW_PENALTY from each row below the best of its ``table`` (None: not a row)."""
    seen: set[str] = set()
    for index in sorted(fused, key=lambda i: -fused[i]):
        if (name := table(index)) is not None:
            if name in seen:
                fused[index] -= TABLE_ROW_PENALTY
            seen.add(name)
