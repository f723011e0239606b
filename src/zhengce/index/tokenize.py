"""Chinese tokenisation for keyword search: jieba with the corpus's own policy terms.

jieba splits policy terms badly (稳岗返还 -> 稳岗 / 返还 is fine, but 以工代训 ->
以工 / 代训 is not), so the terms users type are added to its dictionary.

Loading jieba's dictionary builds half a million Python strings (0.6-2 s); a
one-off `zhengce ask` or a fresh server worker cannot afford that. The dictionary,
with the policy terms and jieba's part-of-speech tags, is written once to a SQLite
file (``dictionary.py``) and jieba looks words up in it, remembering those it saw:
one tokenizer per process, ready in milliseconds, shared with the tagger.
"""

from __future__ import annotations

import importlib
import re
import sys
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from zhengce.index.dictionary import Words, dictionary_file

if TYPE_CHECKING:
    import jieba

# Terms of this corpus that users search for as one word.
POLICY_TERMS = (
    "以工代训", "稳岗返还", "稳岗补贴", "稳岗扩岗", "告知承诺制", "告知承诺", "阶段性减免", "社会保险费", "社保费",
    "失业保险金", "失业补助金", "临时生活补助", "一次性吸纳就业补贴", "一次性创业补贴", "职业技能提升行动",
    "职业培训补贴", "生活费补贴", "公益性岗位", "就业困难人员", "零就业家庭", "高校毕业生", "农民工", "贫困劳动力",
    "中小微企业", "小微企业", "大型企业", "个体工商户", "灵活就业人员", "三项社会保险", "基本养老金", "基本养老保险",
    "工伤保险", "失业保险", "医疗保险", "住房公积金", "缓缴", "滞纳金", "停工停产", "复工复产", "返岗复工",
    "点对点", "三支一扶", "互联网+职业技能培训", "技能人才评价", "职称评审", "专业技术人员", "事业单位",
    "公开招聘", "劳动合同", "电子劳动合同", "劳动关系", "劳务派遣", "人力资源服务机构", "工资保证金",
    "伤残津贴", "供养亲属抚恤金", "临时性工作补助", "卫生防疫津贴", "隔离治疗", "医学观察", "网上申领",
    "畅通领", "安全办", "打包一件事", "提速办", "公共服务事项", "规范性文件", "社保卡", "电子社保卡",
    "湖北省", "湖南省", "重庆市", "北京市", "新冠肺炎", "新型冠状病毒", "疫情防控", "人社部", "人力资源社会保障部",
    "人力资源和社会保障局", "人力资源和社会保障厅", "税务部门", "经办机构",
)
_TOKEN_RE = re.compile(r"[\w+]")
STOPWORDS = frozenset(
    "的 了 和 与 及 或 等 是 在 对 为 按 按照 由 将 把 被 其 该 这 那 有 要 可 可以 应 应当 之 以 于 并 从 到 向 "
    "中 上 下 个 吗 呢 吧 啊 么 什么 怎么 怎样 如何 哪些 哪个 多少 是否 能否 能不能 有没有 请问 我 我们 你 他 她 "
    "它 他们 公司 一下 情况 问题 规定".split()
)


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer, with the policy terms, over the dictionary file."""
    return _over_file(POLICY_TERMS)


def _jieba() -> Any:
    """jieba, imported without ``pkg_resources``: jieba 0.42 imports it (0.3-0.8 s, most
    of a one-off `zhengce ask`'s imports) only to open its own data files, and opens
    them by path when it is missing. Nothing else here uses pkg_resources."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        return importlib.import_module("jieba")
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # `import pkg_resources` raises ImportError
    try:
        return importlib.import_module("jieba")
    finally:
        del sys.modules["pkg_resources"]


def _over_file(terms: tuple[str, ...]) -> jieba.Tokenizer:
    jieba = _jieba()
    instance = jieba.Tokenizer()
    instance.FREQ = Words(dictionary_file(terms), "freq")
    instance.total = instance.FREQ.total
    instance.initialized = True
    return instance


@lru_cache(maxsize=1)
def pos_tagger() -> Any:
    """jieba's part-of-speech tagger over jieba's own dictionary, read from a file of its own.

    The tagger keeps jieba's dictionary, without the policy terms (with them, 人社部门
    would cut as 人社部/门). ``jieba.posseg`` reads dict.txt when imported (about 1 s) for
    a tagger of its own; it is pointed at an empty file for that import, then given the
    file's words and tags, so ``jieba.posseg.cut`` cuts and tags as before.
    """
    jieba = _jieba()

    default = jieba.dt.dictionary
    jieba.dt.dictionary = str(dictionary_file(()).with_name("empty.txt"))
    try:
        posseg = importlib.import_module("jieba.posseg")
    finally:
        jieba.dt.dictionary = default
    tagger = posseg.dt
    tagger.tokenizer, tagger.word_tag_tab = _over_file(()), Words(dictionary_file(()), "tag")
    return tagger


def tokens(text: str) -> list[str]:
    """Search tokens of ``text``: jieba's search-mode words, lowercased, without
    punctuation and stopwords. Full words and their parts are both kept, so that a
    query for 社会保险 finds 社会保险费 and the reverse.

    >>> tokens("以工代训补贴标准是多少？")
    ['以工代训', '补贴', '标准']
    """
    words = tokenizer().cut_for_search(text)
    return [w.lower() for w in words if _TOKEN_RE.search(w) and w.strip() and w not in STOPWORDS]


_RUN = re.compile(r"[\u4e00-\u9fff]+|[0-9a-zA-Z.%]+")


def char_bigrams(text: str) -> list[str]:
    """Overlapping pairs of Chinese characters, and latin or digit runs whole: a second
    keyword view that does not depend on where jieba cuts (户藉 for 户籍 still shares
    户, 两目录一系统 is found though jieba splits it into single characters).

    >>> char_bigrams("稳岗返还50%")
    ['稳岗', '岗返', '返还', '50%']
    """
    found: list[str] = []
    for run in _RUN.findall(text):
        if run[0].isascii():
            found.append(run.lower())
        else:
            found.extend([run[i:i + 2] for i in range(len(run) - 1)] or [run])
    return found
