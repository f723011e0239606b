"""效力级别: what kind of norm a document is, from its issuer, number and title.

The labels are those of the legal databases (法律, 行政法规, 部门规章, 地方性法规,
部门规范性文件, 部门工作文件, 地方规范性文件, 地方工作文件 …) plus 解读 for a
published interpretation. The rules are data, first match wins; each reads one
field of the document. Why these signs: a 主席令 promulgates a law; a 部令 a
department rule; normative documents carry 规 in their number (湘人社规, 人社部规),
or are issued as 发 by a ministry (人社部发), a people's government (湘政发, 渝府办发,
also jointly: 渝委办) or, in Chongqing and Beijing, a department (渝人社发); 函, 明电,
the 办公厅's 发 and Hunan's departmental 发 (its normative documents are numbered 规)
arrange work (人社厅发, 湘人社办发, 湘人社发).
"""

from __future__ import annotations

import re
from typing import Any

LEVELS = ("法律", "行政法规", "部门规章", "地方性法规", "地方政府规章", "司法解释性质文件", "国务院规范性文件",
          "部门规范性文件", "部门工作文件", "地方规范性文件", "地方工作文件", "解读")

# (level, scope, field, pattern): scope 全国 / 地方 / any (""); ``numbered_issuers`` is the
# issuers of a document that has a number (a people's government's numbered document).
RULES: tuple[tuple[str, str, str, str], ...] = (
    ("解读", "", "title", r"答记者问|解读|问答$|答问$"),
    ("法律", "", "doc_number", r"主席令"),
    ("行政法规", "", "doc_number", r"国务院令"),
    ("部门规章", "全国", "doc_number", r"部令|局令|委员会令|总署令"),
    ("地方政府规章", "地方", "doc_number", r"政府令"),
    ("地方性法规", "地方", "issuers", r"人民代表大会常务委员会"),
    ("司法解释性质文件", "全国", "doc_number", r"^法发|^法释|^高检发"),
    ("国务院规范性文件", "全国", "doc_number", r"^国发〔|^国办发〔|^国发明电|^国办发明电"),
    ("部门工作文件", "全国", "doc_number", r"^$|函〔|明电〔|办〔|厅发〔|办发〔|办[\u4e00-\u9fff]*〔"),
    ("部门规范性文件", "全国", "doc_number", r"."),
    ("地方规范性文件", "地方", "doc_number", r"规〔|^[湘渝京][政府]办?发〔|^[渝京](?![^〔]*办)[\u4e00-\u9fff]*发〔"),
    ("地方规范性文件", "地方", "numbered_issuers", r"人民政府"),
    ("地方工作文件", "地方", "doc_number", r""),
)


def level_of(document: dict[str, Any]) -> str:
    """The 效力级别 of a document summary (``title``, ``doc_number``, ``issuers``, ``region``).

    >>> level_of({"title": "网络招聘服务管理规定", "doc_number": "中华人民共和国人力资源和社会保障部令第44号",
    ...           "issuers": [], "region": "全国"})
    '部门规章'
    >>> level_of({"title": "关于阶段性减免企业社会保险费的通知", "doc_number": "人社部发〔2020〕11号",
    ...           "issuers": [], "region": "全国"})
    '部门规范性文件'
    >>> [level_of({"title": "…的通知", "doc_number": n, "issuers": [], "region": "湖南"})
    ...  for n in ("湘人社规〔2020〕4号", "湘人社发〔2020〕9号", "湘政办发〔2020〕20号")]
    ['地方规范性文件', '地方工作文件', '地方规范性文件']
    """
    scope = "全国" if document["region"] == "全国" else "地方"
    issuers = " ".join(document["issuers"])
    fields = {"title": document["title"], "doc_number": document["doc_number"] or "", "issuers": issuers,
              "numbered_issuers": issuers if document["doc_number"] else ""}
    for level, rule_scope, field, pattern in RULES:
        if rule_scope and rule_scope != scope:
            continue
        if re.search(pattern, fields[field]):
            return level
    return "地方工作文件" if scope == "地方" else "部门工作文件"
