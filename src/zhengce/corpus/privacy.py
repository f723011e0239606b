"""Masking of personal contact data and credentials printed in the sources.

The compilations print officials' mobile numbers, office lines, mailboxes and a
login with its default password. None of it may be shown, searched or exported,
so masking runs on every paragraph before anything is stored. It runs on joined
paragraphs, not raw lines, because the sources wrap numbers and addresses
across lines. Public service hotlines (12333) and official web sites stay: users
need them and they identify no one.
"""

from __future__ import annotations

import re

PHONE_MASK = "［电话已隐去］"
EMAIL_MASK = "［邮箱已隐去］"
SECRET_MASK = "［登录信息已隐去］"

_DASH = r"[-－—–]"
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+\s*@\s*[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
# Registry codes such as 002014001001 or 432004101W00 are not phone numbers: a
# number must stand alone (no letter or digit on either side) and area codes
# start 01-09.
_ALONE_BEFORE, _ALONE_AFTER = r"(?<![0-9A-Za-z])", r"(?![0-9A-Za-z])"
_MOBILE_RE = re.compile(rf"{_ALONE_BEFORE}1[3-9]\d(?:[ -]?\d{{4}}){{2}}{_ALONE_AFTER}")
_LANDLINE_RE = re.compile(
    rf"{_ALONE_BEFORE}(?:[（(]0[1-9]\d{{1,2}}[）)]\s*|0[1-9]\d{{1,2}}\s*{_DASH}?\s*)\d{{7,8}}"
    rf"(?:\s*{_DASH}\s*\d{{1,4}})?{_ALONE_AFTER}"
)
# A bare 7-8 digit number is an office line only when the text says so nearby;
# elsewhere such a number can be an amount or a registry code.
_CONTACT_CUE_RE = re.compile(r"电话|传真|联系|值班|热线|咨询|手机|座机|QQ|微信")
_UNIT_AFTER = re.compile(r"\s*(?:[元万亿人个户次件项年月日号元%％名家台套]|平方|公里|米)")
_LOCAL_RE = re.compile(r"(?<![0-9A-Za-z.])\d{7,8}(?![0-9A-Za-z.])")
_QQ_RE = re.compile(r"(QQ(?:号|群)?\s*[:：]?\s*)\d{5,12}", re.IGNORECASE)
_SECRET_RE = re.compile(
    r"((?:初始|默认)?(?:密码|口令)\s*(?:为|是|[:：])\s*)([A-Za-z0-9!@#$%^&*_.\-]{3,})"
)
_LOGIN_URL_RE = re.compile(r"(登录(?:地址|网址)\s*[:：为]?\s*)(https?://\S+?)(?=[，,。；;\s]|$)", re.IGNORECASE)


def mask_private(text: str) -> str:
    """Replace phone numbers, e-mail addresses and credentials with visible masks.

    >>> mask_private("联系人：王心清；联系电话：67706367；电子邮箱：471377355@qq.com。")
    '联系人：王心清；联系电话：［电话已隐去］；电子邮箱：［邮箱已隐去］。'
    >>> mask_private("联系电话：010－64962031，13488809182")
    '联系电话：［电话已隐去］，［电话已隐去］'
    >>> mask_private("拨打12333咨询；金额12345678元")
    '拨打12333咨询；金额12345678元'
    >>> mask_private("联系人：何振宇（就业服务）88633885，孙晗（岗位信息）88633871。")
    '联系人：何振宇（就业服务）［电话已隐去］，孙晗（岗位信息）［电话已隐去］。'
    """
    text = _EMAIL_RE.sub(EMAIL_MASK, text)
    text = _LOGIN_URL_RE.sub(lambda m: m[1] + SECRET_MASK, text)
    text = _SECRET_RE.sub(lambda m: m[1] + SECRET_MASK, text)
    text = _QQ_RE.sub(lambda m: m[1] + PHONE_MASK, text)
    text = _MOBILE_RE.sub(PHONE_MASK, text)
    text = _LANDLINE_RE.sub(PHONE_MASK, text)
    return _mask_cued_local_numbers(text)


def _mask_cued_local_numbers(text: str) -> str:
    """Mask bare 7-8 digit numbers that follow a contact cue in the same sentence."""
    def replace(match: re.Match[str]) -> str:
        sentence_start = max(text.rfind(stop, 0, match.start()) for stop in "。；;\n") + 1
        window = text[max(sentence_start, match.start() - 40):match.start()]
        after = text[match.end():match.end() + 6]
        if _CONTACT_CUE_RE.search(window) or "传真" in after:
            return PHONE_MASK
        # Without a cue, an 8-digit number that no unit follows is an office line.
        if len(match[0]) == 8 and not _UNIT_AFTER.match(after):
            return PHONE_MASK
        return match[0]

    return _LOCAL_RE.sub(replace, text)


def find_private(text: str) -> list[str]:
    """Contact data still present in ``text``; the test of the whole corpus uses it."""
    patterns = (_EMAIL_RE, _MOBILE_RE, _LANDLINE_RE)
    return [m[0] for pattern in patterns for m in pattern.finditer(text)]
