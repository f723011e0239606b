"""The words by which documents state their own validity, as data.

The validity reader (``periods``) builds its patterns from these lists, so a new
way of writing a start, an end or a repeal is one entry here, not new code.
"""

from __future__ import annotations

# Subjects that name the whole document (or all its measures), longest first where
# one is a prefix of another.
WHOLE_DOCUMENT = (
    "本实施意见", "本实施办法", "本实施细则", "本实施方案", "本意见", "本办法", "本通知", "本措施", "本规定",
    "本制度", "本细则", "本方案", "本通告", "本公告", "本决定", "本条例", "本文件", "本指南", "本规则", "本法",
    "以上政策措施", "上述政策措施", "以上措施", "上述措施", "以上政策", "上述政策", "本政策措施", "本政策",
)
# A document comes into force on a date (自2020年9月1日起施行) or on a day it names.
IN_FORCE_VERBS = ("施行", "执行", "实施", "实行")
ISSUE_DAYS = ("公布之日", "印发之日", "发布之日", "发文之日", "下发之日", "颁布之日")
# The last day in force: 执行到2020年12月31日止, 有效期至2020年底, 至4月30日截止.
# A bare 至 counts only as 起至… or 至…止.
UNTIL_WORDS = ("有效期至", "有效期到", "执行到", "执行至", "实施到", "实施至", "截止到", "截止至")
# Ends that name an event rather than a date (至疫情解除之日止, 疫情结束后3个月内有效).
OPEN_END_EVENTS = ("疫情解除", "疫情结束", "一级响应解除", "应急响应结束", "响应解除")
# The document ends with its measures (具体政策实施期满失效).
WITH_MEASURES = ("期满失效", "期满后失效", "到期自动失效", "到期失效")
# An item's own period: its deadline (受理截止期限为2020年12月31日) or span (实施期限为…至…).
ITEM_PERIOD_WORDS = (
    "受理截止期限为", "受理期限截止到", "受理期限截止", "受理期限为", "申报截止时间为", "申请截止时间为",
    "执行时间截止到", "执行时间截止", "执行期限截止到", "实施期限延长至", "实施期限为", "执行期限为",
    "延长执行到", "延长执行至", "继续执行到", "继续执行至", "执行到", "执行至", "延长至", "延至",
)
# An item that runs for N months from a month: 自2020年2月起……期限不超过5个月.
MONTHS_LIMIT = ("期限不超过", "期限最长不超过", "期不超过", "最长不超过")
# Words of a later document about an earlier one.
REPEAL_WORDS = ("同时废止", "予以废止", "停止执行", "不再执行", "废止")
EXTEND_WORDS = ("延长", "延续", "继续执行", "继续缓缴")
AMEND_WORDS = ("修改", "修订")
