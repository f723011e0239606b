"""Span selection: the smallest stretch of an article that answers the question.

An article is cut into clauses at the marks Chinese prose uses between them
(。；！？ and ，：, not inside brackets); a candidate span is one to three
consecutive clauses inside one sentence. Spans are scored by the rarer question
words they contain (idf; words found only in the article's title and headings
count a quarter), by what the question asks for (an amount wants figures, a
deadline dates, a papers question a list of papers, a definition 是指, none
given by the question itself), by the rank of the unit they come from, and lose
a little for every character, so that the answer is the clause, not the article.
The best span then runs on past a condition that ends it (……的，) and takes in
the cap after an amount; it sheds the leading condition or lead-up that only
restates the question, or, for who-qualifies questions, takes in the condition
before it. A question printed in a notice is never an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from zhengce.answer.question import QUESTION_TYPES, Concept
from zhengce.index.units import row_cells, without_marker

_SENTENCE_END = "。；！？"
MAX_CLAUSES = 3
# The document title and headings above an article already say part of what it is
# about: question words found only there count a quarter (measured: 0 and 1 both worse).
CONTEXT_WEIGHT = 0.25
LENGTH_PENALTY = 0.002
CUE_WEIGHT = 0.1
CONSEQUENCE_WEIGHT = 0.1
# A clause that states what follows (给予, 按, 不超过, a figure) rather than the
# condition (……的企业，) is what a person quotes as the answer.
CONSEQUENCE = re.compile(r"给予|予以|按|不超过|不得|应当|应|可以|可|享受|免|减|补贴|执行|顺延|认定为|\d")
CONDITION_END = re.compile(r"的[，,]?$")

# Kinds whose answer is a definite thing in the text (a figure, a date, a list of
# papers): a span that has it goes first, and the clauses leading up to it go.
MEASURED = ("amount", "deadline", "materials", "definition", "responsible")


@dataclass(frozen=True)
class Span:
    """A candidate answer: its text, where it sits, and how well it answers."""

    unit_index: int
    start: int
    end: int
    text: str
    score: float


_OPEN, _CLOSE = "（(《“", "）)》”"
_CLAUSE_MARKS = "，。；！？：,;:"


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``text``: cut after the marks between clauses,
    but not inside brackets or quotes (（含援鄂医疗队，下同）is one aside), line breaks
    counting as sentence ends.

    >>> [text[s:e] for text in ["湖北省（含援鄂医疗队，下同）一线人员，提高1倍。"] for s, e in clauses(text)]
    ['湖北省（含援鄂医疗队，下同）一线人员，', '提高1倍。']
    """
    found = []
    for line_match in re.finditer(r"[^\n]+", text):
        line, offset, start, depth = line_match.group(), line_match.start(), 0, 0
        for position, char in enumerate(line):
            depth += (char in _OPEN) - (char in _CLOSE and depth > 0)
            if char in _CLAUSE_MARKS and depth == 0:
                if line[start:position + 1].strip():
                    found.append((offset + start, offset + position + 1))
                start = position + 1
        if line[start:].strip():
            found.append((offset + start, offset + len(line)))
    return found


def candidate_spans(text: str) -> list[tuple[int, int]]:
    """Runs of 1-3 consecutive clauses that stay inside one sentence."""
    parts = clauses(text)
    spans = []
    for first in range(len(parts)):
        for last in range(first, min(first + MAX_CLAUSES, len(parts))):
            spans.append((parts[first][0], parts[last][1]))
            if text[parts[last][1] - 1] in _SENTENCE_END or "\n" in text[parts[last][1]:parts[last][1] + 1]:
                break
    return spans


def given_figures(question: str) -> frozenset[str]:
    """The figures and dates the question itself gives: they do not answer it."""
    return frozenset(match.group() for _, cue in QUESTION_TYPES.values() for match in cue.finditer(question))


def best_spans(concepts: list[Concept], kinds: list[str], texts: list[str],
               prior: Callable[[int], float], limit: int = 3, question: str = "",
               contexts: list[str] | None = None) -> list[Span]:
    """The best-scoring spans over the units' ``texts``, at most one per unit, best first.

    ``concepts`` are the question's words, each with the words the documents use
    for it and a weight (idf); ``contexts`` the units' document titles and headings;
    ``prior(i)`` is what the rank of unit ``i`` adds; figures the ``question``
    itself gives do not count as answering it.
    """
    total = sum(weight for _, weight in concepts) or 1.0
    given = given_figures(question)
    best_per_unit: list[Span] = []
    for index, text in enumerate(texts):
        scored = [(start, end, text[start:end].strip()) for start, end in candidate_spans(text)]
        context = contexts[index] if contexts else ""
        scored = [(start, end, span, rule_score(span, concepts, total, kinds, given, context) + prior(index))
                  for start, end, span in scored if len(span) >= 4 and not asks_itself(text, end)]
        if not scored:
            continue
        start, end, span, score = max(scored, key=lambda item: item[3])
        follow = _follow_up(text, scored, end, kinds, given) if kinds and not has_cue(span, kinds, given) else None
        if follow:
            start, end = follow[0], follow[1]
        start, end, span = shaped(text, start, end, concepts, kinds, question, given)
        best_per_unit.append(Span(index, start, end, without_marker(span.rstrip("，,；;：:")), score))
    measured = [kind for kind in kinds if kind in MEASURED]
    ranked = sorted(best_per_unit,
                    key=lambda s: -(s.score + (ANSWERS_TYPE if has_cue(s.text, measured, given) else 0.0)))
    return ranked[:limit]


def shaped(text: str, start: int, end: int, concepts: list[Concept], kinds: list[str], question: str,
           given: frozenset[str]) -> tuple[int, int, str]:
    """The best span made into an answer: run on to what it introduces (是指, 包括)
    and to what follows its condition, take in the cap after an amount, shed the
    lead-up (or take in the condition of who qualifies), keep the one item of an
    enumeration the question names."""
    if _INTRODUCES.search(text[start:end].strip().rstrip("，,：:")):
        end = _sentence_end(text, end)
    end = _with_consequence(text, start, end)
    if "amount" in kinds:
        end = _with_cap(text, end)
    if "eligibility" not in kinds:
        start, span = _without_condition(text, start, end, kinds, given)
    else:
        start, span = _with_condition(text, start, end)
    figures_asked = [kind for kind in kinds if kind in ("amount", "deadline")]
    item = "" if re.search(r"各|分别|哪些|都是", question) else _enumerated_item(span, concepts, figures_asked, given)
    if item:
        start = start + span.index(item)
        return start, start + len(item), item
    return start, end, span


FOLLOW_WINDOW = 40
WHOM_CHARS = 8  # 失业人员, 参保企业, 高校毕业生: who a 对……的 phrase names
# Between articles, a span that has the figure or date a question asks for goes
# before one that only names the subject.
ANSWERS_TYPE = 0.1


# A consequence shorter than this (一律认定为工伤) is quoted with its condition: bare,
# it does not say to whom it applies...
MIN_ANSWER_CHARS = 16
LONG_CONDITION = 30  # …but a condition longer than this (a list of counties) goes all the same
CONDITION_START = re.compile(r"^(?:对于?|符合|凡|经|在|凡是|因)")


def _without_condition(text: str, start: int, end: int, kinds: list[str],
                       given: frozenset[str]) -> tuple[int, str]:
    """Drop the leading clauses that only say to whom or when (对……的，), or that lead
    up to the figure or date asked for, while what remains still answers: a question
    about an amount is answered by the clause with the amount, not by the condition
    or subject that repeats the question."""
    parts = [(start + s, start + e) for s, e in clauses(text[start:end])]
    measured = [kind for kind in kinds if kind in MEASURED]
    in_condition = False
    while len(parts) > 1:
        first = text[parts[0][0]:parts[0][1]].strip()
        rest = text[parts[1][0]:end].strip()
        conditional = (CONDITION_START.search(first) or CONDITION_END.search(first.rstrip("，,"))
                       or (in_condition and not CONSEQUENCE.search(first))
                       or (measured and has_cue(rest, measured, given)))
        answers = (kinds and has_cue(rest, kinds)) or CONSEQUENCE.search(rest)
        if not (conditional and answers) or (kinds and has_cue(first, measured or kinds, given)) \
                or figures(first) - given or (len(rest) < MIN_ANSWER_CHARS and len(first) <= LONG_CONDITION):
            break
        parts, in_condition = parts[1:], True
    return parts[0][0], text[parts[0][0]:end].strip()


def _with_condition(text: str, start: int, end: int) -> tuple[int, str]:
    """Who qualifies is said in the condition (……的，) before the consequence: an
    eligibility answer takes it in when the span starts right after it."""
    def joined(left: tuple[int, int], right_start: int) -> bool:
        return text[left[1] - 1] not in _SENTENCE_END and "\n" not in text[left[1]:right_start]

    before = clauses(text[:start])
    if not before or not joined(before[-1], start) or not CONDITION_END.search(text[slice(*before[-1])].strip()):
        return start, text[start:end].strip()
    first = before.pop()[0]
    while before and joined(before[-1], first) and start - before[-1][0] < 80:
        first = before.pop()[0]
    return first, text[first:end].strip()


def _with_consequence(text: str, start: int, end: int) -> int:
    """Where a span ends once it says what follows from its condition: a span that
    stops at ……的， (致使医务人员感染新型冠状病毒的) or at a bare topic (对符合条件的农民工，)
    runs on, within its sentence, to the clause that says what follows.

    >>> text = "对符合创业担保贷款申请条件的农民工，按规定发放创业担保贷款并给予贴息。"
    >>> text[:_with_consequence(text, 0, 18)]
    '对符合创业担保贷款申请条件的农民工，按规定发放创业担保贷款并给予贴息。'
    """
    last = clauses(text[start:end])[-1]
    tail = text[start + last[0]:start + last[1]].strip()
    topic_only = tail.startswith("对") and not CONSEQUENCE.search(tail[1:])
    if not (CONDITION_END.search(tail) or topic_only or _names_whom(text[start:end].strip().rstrip("，,"))):
        return end
    for clause_start, clause_end in clauses(text[end:])[:MAX_CLAUSES - 1]:
        if text[end - 1] in _SENTENCE_END or "\n" in text[end:end + clause_start + 1]:
            break
        clause = text[end + clause_start:end + clause_end]
        end += clause_end
        if CONSEQUENCE.search(clause) and not CONDITION_END.search(clause.rstrip("，,")):
            break
    return end


def _names_whom(span: str) -> bool:
    """Whether the span only says whom it concerns, to its end (对……不足1年的失业人员):
    after its last 的, a short noun with nothing that follows from it."""
    head, _, whom = span.rpartition("的")
    return span.startswith("对") and bool(head) and len(whom) <= WHOM_CHARS and not CONSEQUENCE.search(whom)


_CAP = re.compile(r"^(?:但|且|其中)?(?:最高|最多|最低|上限|下限|每人每[天月年]|累计)[^，。；]*?\d")


def _with_cap(text: str, end: int) -> int:
    """Where an amount's span ends once the cap that follows it is in: 按200元/人·天的
    标准给予补贴，最高不超过6000元/人 is one answer to "补贴标准是多少"."""
    if text[end - 1:end] not in "，,":
        return end
    following = clauses(text[end:])
    if following and _CAP.search(text[end + following[0][0]:end + following[0][1]].strip()):
        return end + following[0][1]
    return end


ENUMERATION_ITEMS = 3


def _enumerated_item(span: str, concepts: list[Concept], kinds: list[str], given: frozenset[str]) -> str:
    """The one item of an enumeration of figures that the question names, or "":
    特等每年21600元、一等每年16900元、二等甲级每年8450元…… answers "特等……一年多少钱"
    with 特等每年21600元. Items without a figure belong to the figure after them
    (独立学院、高职专科学校、技师学院20元/人 is one item); those before the first
    figure are the enumeration's lead.

    >>> _enumerated_item("保健金标准：特等每年21600元、一等每年16900元、二等甲级每年8450元",
    ...                  [(frozenset({"特等"}), 5.0), (frozenset({"保健金"}), 3.0)], ["amount"], frozenset())
    '特等每年21600元'
    """
    if not kinds or "分别" in span:
        return ""
    pieces = span.split("、")
    pieces[0] = re.split(r"[：:，,（(]", pieces[0])[-1]
    pieces[-1] = re.split(r"[，,；;。）)]", pieces[-1])[0]
    items, pending = [], ""
    for piece in pieces:
        if has_cue(piece, kinds, given):
            items.append(pending + piece if pending and items else piece)
            pending = ""
        else:
            pending = f"{pending}{piece}、" if pending or items else ""
    if len(items) < ENUMERATION_ITEMS:
        return ""
    weights = [covered(concepts, item) for item in items]
    best = max(weights)
    if best == 0 or weights.count(best) > 1:
        return ""
    item = items[weights.index(best)]
    return item if item in span else ""


def asks_itself(text: str, end: int) -> bool:
    """Whether the sentence a span ends in is itself a question (the Q&A notices
    print the question before its answer): a question never answers one."""
    sentence_end = re.search(r"[。；！？?\n]", text[end - 1:])
    return bool(sentence_end) and sentence_end.group() in "？?"


_INTRODUCES = re.compile(r"(?:是指|指的是|包括|如下|分别为|具体为)$")


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence that ``position`` is in ends: a span that stops at 是指 or
    包括 has not said it yet."""
    found = re.search(r"[。；！？\n]", text[position:])
    return position + found.end() if found else len(text)


def has_cue(text: str, kinds: list[str], given: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` has what the question asks for; a figure the question itself
    gives (the 2020年 of "2020年暂缓的费最晚何时补缴") does not answer it."""
    return any(match.group() not in given for kind in kinds for match in QUESTION_TYPES[kind][1].finditer(text))


def _follow_up(text: str, scored: list[tuple[int, int, str, float]], anchor_end: int,
               kinds: list[str], given: frozenset[str]) -> tuple[int, int, str, float] | None:
    """When the best span names the subject but not what is asked (no figure for an
    amount, no date for a deadline), the answer is usually the clause right after
    it: the shortest nearby span that has it, in the same paragraph (the next one
    is another matter)."""
    paragraph_end = text.find("\n", anchor_end)
    reach = anchor_end + FOLLOW_WINDOW if paragraph_end < 0 else min(anchor_end + FOLLOW_WINDOW, paragraph_end)
    after = [item for item in scored if anchor_end <= item[0] <= reach and has_cue(item[2], kinds, given)]
    return min(after, key=lambda item: (item[0], len(item[2]))) if after else None


PART_GAP = 30


def quote(text: str, ranges: list[tuple[int, int]]) -> str:
    """The words of ``text`` in ``ranges``: ranges less than PART_GAP apart are quoted
    with what lies between them, others joined by an ellipsis.

    >>> quote("补贴期限最长不超过6个月。所需资金从专账列支。受理期限截止到12月31日。", [(23, 37), (0, 13)])
    '补贴期限最长不超过6个月。所需资金从专账列支。受理期限截止到12月31日。'
    """
    pieces: list[list[int]] = []
    for start, end in sorted(ranges):
        if pieces and start - pieces[-1][1] <= PART_GAP:
            pieces[-1][1] = max(pieces[-1][1], end)
        else:
            pieces.append([start, end])
    return "……".join(without_marker(text[start:end].strip().rstrip("，,；;：:")) for start, end in pieces)


def cell_answer(question: str, row: str, chosen: str) -> str:
    """The answer a table row gives: the cells of the columns the question names
    (基本编码 → 002014008001), else the chosen cell without its column name.

    >>> cell_answer("失业保险金申领的基本编码是什么", "序号：199；事项名称：失业保险金申领；基本编码：002014008001",
    ...             "事项名称：失业保险金申领")
    '002014008001'
    """
    cells = row_cells(row)
    asked = [value for column, value in cells if len(column) > 1 and column in question and value not in question]
    if asked:
        return "；".join(asked)
    column, _, value = chosen.partition("：")
    return value.strip() if value.strip() and any(column == name for name, _ in cells) else chosen


def covered(concepts: list[Concept], text: str) -> float:
    """The weight of the concepts ``text`` expresses, by any of their words."""
    return sum(weight for words, weight in concepts if any(word in text for word in words))


def rule_score(text: str, concepts: list[Concept], total: float, kinds: list[str],
           given: frozenset[str] = frozenset(), context: str = "") -> float:
    own = covered(concepts, text)
    covered_share = (own + CONTEXT_WEIGHT * (covered(concepts, f"{context}\n{text}") - own)) / total
    cue = sum(CUE_WEIGHT for kind in kinds if has_cue(text, [kind], given))
    last_clause = clauses(text)[-1]
    tail = text[last_clause[0]:last_clause[1]]
    consequence = CONSEQUENCE_WEIGHT if CONSEQUENCE.search(tail) and not CONDITION_END.search(tail) else 0.0
    return covered_share + cue + consequence - LENGTH_PENALTY * len(text)


_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|‰|元|万元|亿元|倍|个月|月|年|日|天|人|岁)?"
                     r"|[一二三四五六七八九十百千万]+(?:元|倍|个月)")


def figures(text: str) -> set[str]:
    """The key figures of a text (amounts, rates, periods, dates), spaces removed.

    >>> sorted(figures("按6个月计算，补贴50%，共三个月"))
    ['50%', '6个月', '三个月']
    """
    return {re.sub(r"\s", "", f) for f in _FIGURE.findall(text) if any(c.isdigit() for c in f) or len(f) > 1}
