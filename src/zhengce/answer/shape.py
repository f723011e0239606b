"""An answer at the length asked: the figure for 多少, the date for 何时.

The chosen span is the quote; the answer itself is what the question asks for.
A question asking how much or when is answered by the phrase that states the
figure or date: from the first word that is neither the question's own word nor
a word leading up to the figure (为, 按, 提高到), to the last figure of its clause
with the unit that follows it (元/人, 底, 以内). 保留2年或转入…… answers 几年 with
2年; 由现行460元调整为750元 keeps both figures, since both are the answer.
"""

from __future__ import annotations

import re

from zhengce.answer.question import QUESTION_TYPES, Question
from zhengce.index.tokenize import tokenizer
from zhengce.lexicon import lexicon

FIGURE_KINDS = ("amount", "deadline")
# A span this short is already the figure with what it is of (一等每年16900元): it stays whole.
SHORT_SPAN = 12
_CLAUSE = re.compile(r"[^，,；;。：:！？]+")
_YEAR_ONLY = re.compile(r"\d{4}年")  # a bare year is when a rule applies, rarely the date asked
# The cap after an amount is part of it: 每人每课时3元……，但每人每天不超过20元.
_CAP = re.compile(r"^[，,]\s*(?:但|且|其中)?(?:最高|最多|最低|最长|上限|每人每[天月年]|累计)?不?超过"
                  r"[^，,；;。]*?\d[^，,；;。]*")
# 视同为什么, 按照什么原则: the verb before the question word and the word after it.
_ASKED_OBJECT = re.compile(r"([\u4e00-\u9fff]{2,4})(?:什么|哪种|何种)([\u4e00-\u9fff]{0,4})")
MAX_OBJECT = 40
_UNIT_AFTER = re.compile(r"^(?:/[人月天日年次户件个]|·天|底|以内|以上|以下|之内|内|前|后|止|左右|整)*")


def asks_for_figure(question: Question) -> bool:
    """Whether the question asks for a figure or date in so many words (多少, 何时)."""
    words = lexicon().figure_asks
    return any(kind in question.kinds for kind in FIGURE_KINDS) and any(w in question.asking for w in words) \
        and len(question.parts) < 2


def figure_kinds(question: Question) -> list[str]:
    """The cues a figure answer looks for. A period asked for (几年, 多久) is stated like an
    amount (2年, 6个月); an amount is not a date."""
    return ["amount", "deadline"] if "deadline" in question.kinds else ["amount"]


def figure_phrase(span: str, question: Question) -> str:
    """The phrase of ``span`` that states the figure or date asked, or "" when it has none.

    >>> from zhengce.answer.question import Question
    >>> q = Question("户口档案可以在学校保留几年？", "户口档案可以在学校保留几年？", ["deadline"], [], [], [], [], [])
    >>> figure_phrase("将户口、档案在学校保留2年或转入生源地公共就业人才服务机构", q)
    '2年'
    """
    kinds = figure_kinds(question)
    if len(span) <= SHORT_SPAN:
        return ""
    given = {m.group() for kind in kinds for m in QUESTION_TYPES[kind][1].finditer(question.text)}
    candidates = []
    for clause in _CLAUSE.finditer(span):
        text = clause.group()
        cues = [m for kind in kinds for m in QUESTION_TYPES[kind][1].finditer(text)
                if m.group() not in given and not _YEAR_ONLY.fullmatch(m.group())]
        if cues:
            first, last = min(m.start() for m in cues), max(m.end() for m in cues)
            end = last + _UNIT_AFTER.match(text[last:]).end()
            phrase = text[_phrase_start(text, first, question.text):end].strip()
            following = span[clause.end():]
            cap = _CAP.match(following)
            candidates.append((_shared_pairs(text, question.text), -clause.start(),
                               phrase + (following[:cap.end()] if cap else "")))
    return max(candidates)[2] if candidates else ""


def asked_object(span: str, question: Question) -> str:
    """What the question's verb takes, where the span has that verb: the words between the
    verb before 什么 and the word after it (按照什么原则 → 一车一方案), or to the clause's end.

    >>> from zhengce.answer.question import Question
    >>> q = Question("经历可视同为什么？", "经历可视同为什么？", [], [], [], [], [], [])
    >>> asked_object("医务人员参加疫情防治经历可视同为一年基层工作经历。", q)
    '一年基层工作经历'
    """
    asked = _ASKED_OBJECT.search(question.asking)
    if not asked:
        return ""
    verb, after = asked.groups()
    anchor = next((verb[-size:] for size in range(len(verb), 1, -1) if verb[-size:] in span), "")
    if not anchor:
        return ""
    rest = _CLAUSE.match(span[span.index(anchor) + len(anchor):] or "，")
    found = rest.group() if rest else ""
    if len(after) >= 2 and after[:2] in found:
        found = found[:found.index(after[:2])]
    found = found.strip(" “”\"'「」")
    return found if 2 <= len(found) <= MAX_OBJECT and found not in question.text else ""


def _shared_pairs(clause: str, question: str) -> int:
    """How many character pairs of the clause the question has: which clause it asks about."""
    return sum(clause[i:i + 2] in question for i in range(len(clause) - 1))


def _phrase_start(clause: str, figure_start: int, question: str) -> int:
    """Where the phrase starts: after the leading words the question already says or
    that only lead up to the figure, never after the figure itself."""
    lead_up = lexicon().figure_lead_up
    position = 0
    for word in tokenizer().lcut(clause[:figure_start]):
        if word.strip() and word not in lead_up and word not in question and not re.fullmatch(r"[、\s]", word):
            break
        position += len(word)
    return position
