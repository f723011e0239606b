"""Metadata read off a document's own words: issuers, region, type.

The sources print no metadata fields; these rules read them the way a clerk
would: the issuing bodies from the title and signature, the region from the
document number's prefix or the issuers' names, the type from the title's end.
"""

from __future__ import annotations

import re

REGIONS = ("湖南", "重庆", "北京")
NATIONAL = "全国"
_NUMBER_PREFIX_REGION = {"湘": "湖南", "渝": "重庆", "京": "北京"}
_ORG_SUFFIX = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|领导小组办公室|领导小组|联防联控机制|"
    r"工作机制|总工会|联合会|残联|妇联|共青团中央|中心|管理局|总局|综合司|集团|有限公司|[部厅局委会署办行院])"
)
_ORG_RE = re.compile(rf"[\u4e00-\u9fff]{{2,30}}?{_ORG_SUFFIX}|共青团中央")
_BODY_STARTS = (
    "湖南省|重庆市|北京市|中共|中国|国家|国务院|全国|共青团|中央|财政部|教育部|民政部|司法部|公安部|商务部|"
    "审计署|税务总局|水利部|农业农村部|自然资源部|交通运输部|文化和旅游部|住房和城乡建设部|人力资源社会保障部|"
    "人力资源和社会保障部|退役军人事务部|工业和信息化部|生态环境部|应急管理部|科技部|卫生健康委|银保监会|"
    "医疗保障局|统计局|档案局|市场监管总局"
)
_BODY_BOUNDARY = re.compile(rf"(?<=[部厅局委会署办室组院])(?=(?:{_BODY_STARTS}))")
# The last match wins, so that 实施意见 is 意见 and 管理办法 is 办法.
DOC_TYPES = ("法", "条例", "规定", "决定", "办法", "细则", "意见", "通知", "通告", "公告", "函",
             "方案", "指南", "规划", "计划", "目录", "清单", "批复", "报告", "制度", "标准", "规则", "令")


def doc_type(title: str, doc_number: str | None = None) -> str:
    """The document type that a title ends with (法律 for a statute).

    >>> doc_type("中华人民共和国长江保护法"), doc_type("关于阶段性减免企业社会保险费的实施意见")
    ('法律', '意见')
    >>> doc_type("人力资源社会保障部关于进一步做好新型冠状病毒感染的肺炎疫情防控工作的通知")
    '通知'
    """
    title = re.sub(r"[（(][^（）()]*[）)]$", "", title.strip())
    if title.startswith("中华人民共和国") and title.endswith("法"):
        return "法律"
    for name in sorted(DOC_TYPES, key=len, reverse=True):
        if title.endswith(name):
            return name
    if doc_number and "令" in doc_number:
        return "规章"
    return "其他"


def region_of(doc_number: str | None, issuers: list[str], title: str, hint: str | None = None) -> str:
    """湖南, 重庆 or 北京 for local documents; 全国 for national ones.

    The number's prefix decides first, then the issuers' names, then ``hint``: what
    the compilation says about the group the document is printed in.

    >>> region_of("渝人社发〔2020〕6号", [], ""), region_of(None, ["北京市人力资源和社会保障局"], "")
    ('重庆', '北京')
    >>> region_of("人社部发〔2020〕11号", ["人力资源社会保障部"], "")
    '全国'
    """
    if doc_number and doc_number[0] in _NUMBER_PREFIX_REGION:
        return _NUMBER_PREFIX_REGION[doc_number[0]]
    head = "".join(issuers) or title.split("关于")[0]
    for region in REGIONS:
        if head.startswith(region) or f"中共{region}" in head or f"{region}市" in head \
                or f"{region}省" in head:
            return region
    return hint or NATIONAL


def issuers_from_title(title: str) -> list[str]:
    """Issuing bodies named before 关于 in a title, split at each body's suffix.

    >>> issuers_from_title("人力资源社会保障部 财政部 税务总局关于阶段性减免企业社会保险费的通知")
    ['人力资源社会保障部', '财政部', '税务总局']
    >>> issuers_from_title("湖南省人力资源和社会保障厅湖南省财政厅关于进一步做好失业保险稳岗返还工作的通知")
    ['湖南省人力资源和社会保障厅', '湖南省财政厅']
    >>> issuers_from_title("关于印发企事业单位复工复产疫情防控措施指南的通知")
    []
    >>> issuers_from_title("人力资源社会保障部职业能力司负责人就《关于实施职业技能提升行动的通知》答记者问")
    []
    """
    if "关于" not in title:
        return []
    head = title.split("关于")[0].strip()
    issuers = split_issuers(head)
    return issuers if all(_ORG_RE.fullmatch(issuer) for issuer in issuers) else []


_ADOPTED_BY = re.compile(
    r"第[一二三四五六七八九十]+届(?P<body>[\u4e00-\u9fff]{2,20}?人民代表大会(?:常务委员会)?)第[一二三四五六七八九十百]+次会议")


def issuers_from_adoption(text: str) -> list[str]:
    """The legislature that adopted a law, from its （…会议通过） line.

    >>> issuers_from_adoption("(2020年12月26日第十三届全国人民代表大会常务委员会第二十四次会议通过)")
    ['全国人民代表大会常务委员会']
    """
    match = _ADOPTED_BY.search(text)
    return [match["body"]] if match else []


def split_issuers(text: str) -> list[str]:
    """Split a run of issuing bodies, printed with or without spaces between them.

    Unspaced runs are cut only where a body's suffix meets the start of another
    body, so that 社会 inside 人力资源社会保障部 is not taken for a suffix.
    """
    issuers: list[str] = []
    for part in text.split():
        issuers.extend(_BODY_BOUNDARY.split(part))
    return [issuer for issuer in issuers if issuer]


def looks_like_issuer(line: str) -> bool:
    """True for a signature line naming issuing bodies (short, ends with a body's suffix)."""
    line = line.strip()
    if not line or len(line) > 60 or any(p in line for p in "，。；：、"):
        return False
    return all(_ORG_RE.fullmatch(part) for part in split_issuers(line))


# Compilations that print no sections (001) get the section their title's subject
# implies, so that filtering by section finds their documents too.
_TOPICS = (
    ("社会保险", ("社会保险", "社保", "养老", "失业保险", "工伤", "医疗保险", "医保", "缴费", "公积金", "退费")),
    ("劳动关系", ("劳动关系", "工资", "劳动合同", "劳务派遣", "用工", "劳动人事争议", "休假", "假期")),
    ("人才人事", ("职称", "人才", "技能", "培训", "事业单位", "考试", "技工", "职业资格")),
    ("就业", ("就业", "招聘", "毕业生", "农民工", "创业", "稳岗", "返岗", "复工", "岗位")),
)


def topic_of(title: str) -> str:
    """The section a title's subject belongs to: 综合 when no subject word is found.

    >>> topic_of("关于阶段性减征职工基本医疗保险费的指导意见"), topic_of("关于延长2020年春节假期的通知")
    ('社会保险', '劳动关系')
    """
    subject = title.split("关于", 1)[-1]
    for section, words in _TOPICS:
        if any(word in subject for word in words):
            return section
    return "综合"
