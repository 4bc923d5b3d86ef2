"""Normalisation of the values bidders share without meaning to: names, addresses, phones, mails.

Reg 40 and related-party detection (Law 32, Reg 34) compare values typed by different people in
different systems. The same phone is written "+86 138-0000-0000", "13800000000" and "１３８ ００００
００００"; the same address "浙江省义乌市稠城街道 8 号" and "义乌市稠城街道8号". Every function here
maps such spellings to one value, is idempotent, and keeps real differences apart (the tests
check all three with Hypothesis and examples). `collusion` re-exports them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_CJK = "\u2e80-\u9fff\uf900-\ufaff"
_SPACES = re.compile(r"\s+")
# A space next to a Chinese character or punctuation carries no meaning ("王 工", "8 号", "No. 5").
_LOOSE_SPACE = re.compile(rf" (?=[{_CJK}\W])|(?<=[{_CJK}\W]) ")
_NON_DIGITS = re.compile(r"[^0-9]")
_NON_ALNUM = re.compile(r"[^0-9a-z]")
_EXTENSION = re.compile(r"(转|分机|ext\.?|x)\s*\d+\s*$", re.IGNORECASE)

PROVINCES: tuple[str, ...] = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃",
    "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门")
"""China's provincial-level divisions by their short names."""
_PROVINCE_SUFFIXES = {"北京": "市", "天津": "市", "上海": "市", "重庆": "市", "内蒙古": "自治区",
                      "广西": "壮族自治区", "西藏": "自治区", "宁夏": "回族自治区", "新疆": "维吾尔自治区",
                      "香港": "特别行政区", "澳门": "特别行政区"}
PROVINCE_NAMES: dict[str, str] = {p: p + _PROVINCE_SUFFIXES.get(p, "省") for p in PROVINCES}
"""Short name → full name (浙江 → 浙江省, 广西 → 广西壮族自治区)."""
_FULL = "|".join(sorted(PROVINCE_NAMES.values(), key=len, reverse=True))
_SHORT = "|".join(sorted(PROVINCES, key=len, reverse=True))
# The country goes before a province; a province's full name always goes; its short name only
# when a city, prefecture, county or district follows within a few characters ("浙江义乌市…"),
# never before a road ("浙江路8号").
_PROVINCE = re.compile(rf"^(?:中华人民共和国|中国)(?={_SHORT})|^(?:{_FULL})"
                       rf"|^(?:{_SHORT})(?=[{_CJK}]{{1,6}}?(?:市|州|盟|县|区))")
MAIL_DOMAINS: dict[str, str] = {"foxmail.com": "qq.com", "googlemail.com": "gmail.com"}
"""Mail domains that deliver to the same mailbox as another domain for the same local part."""
DOTLESS_DOMAINS: frozenset[str] = frozenset({"gmail.com"})
"""Domains that ignore dots and a "+tag" in the local part (elsewhere they are significant)."""


def _stable(step: Callable[[str], str]) -> Callable[[str], str]:
    """`step` repeated until its result no longer changes (a few rounds at most): folding can
    uncover spaces and spaces can uncover folds (NFKC turns "´" into a space and an accent)."""
    def stable(value: str) -> str:
        after = step(value)
        # Unchanged (most values come normalised) or already folded: a repeat changes nothing.
        if after == value or _folded(after):
            return after
        value = after

        for _ in range(6):
            after = step(value)
            if after == value:
                break
            value = after
        return value
    stable.__doc__ = step.__doc__
    stable.__name__ = step.__name__
    return stable


def _folded(value: str) -> bool:
    """Whether NFKC and case folding leave `value` as it is (cheap C-level checks)."""
    if value.isascii():
        return value.lower() == value
    return unicodedata.is_normalized("NFKC", value) and value.casefold() == value


def _fold(value: str) -> str:
    """NFKC and case folding until stable (full-width → half-width, upper → lower)."""
    if value.isascii():
        return value.lower()
    if _folded(value):
        return value
    for _ in range(4):
        folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", value).casefold())
        if folded == value:
            break
        value = folded
    return value


@_stable
def normalise_text(value: str) -> str:
    """Half-width, case-folded, spaces collapsed and dropped next to Chinese characters or
    punctuation: "王 工", "王工 " and "王工" are one value; so are "Room 1  A" and "ROOM 1 A"."""
    folded = _fold(value)
    if folded.split() == [folded]:
        return folded  # no whitespace at all (most values): nothing to collapse or drop
    text = _SPACES.sub(" ", folded).strip()
    return _LOOSE_SPACE.sub("", text)


@_stable
def normalise_address(value: str) -> str:
    """`normalise_text` without the country and province in front: "浙江省义乌市同一路8号",
    "浙江 义乌市同一路 8 号" and "义乌市同一路８号" are one address."""
    text = normalise_text(value)
    while True:
        shorter = _PROVINCE.sub("", text, count=1)
        if shorter == text or not shorter:
            return text
        text = shorter


@_stable
def normalise_phone(value: str) -> str:
    """Digits only, in China's national form: "+86 138-0000-0000", "0086 13800000000" and
    "１３８００００００００" are "13800000000"; "+86 579 8512 3456" is "057985123456" (the trunk 0
    a country code drops is put back). An extension ("转 801", "ext. 801") is left out."""
    if value.isascii() and value.isdigit():
        digits = value  # digits only (a mobile as most write it): no extension, nothing to drop
    else:
        digits = _NON_DIGITS.sub("", _EXTENSION.sub("", _fold(value).strip()))
    international = False
    while digits.startswith("0086") or (digits.startswith("86") and len(digits) >= 12):
        digits = digits[4:] if digits.startswith("0086") else digits[2:]
        international = True
    mobile = len(digits) == 11 and digits.startswith("1")
    if international and digits and not mobile and not digits.startswith("0"):
        digits = "0" + digits  # a landline: Beijing's area code 10 starts with 1 too
    return digits


@_stable
def normalise_email(value: str) -> str:
    """Case-folded, half-width, without "mailto:" or a display name, with aliases folded:
    "A@QQ.com", "a@foxmail.com" and "张三 <a@qq.com>" are "a@qq.com"; Gmail ignores dots and
    "+tags" ("j.doe+bids@gmail.com" is "jdoe@gmail.com"). Dots elsewhere are kept: at 163.com or
    a company's domain "a.b" and "ab" are different people."""
    text = _fold(value).strip()
    if "<" in text and ">" in text:
        text = text[text.rindex("<") + 1:text.rindex(">")]
    while text.startswith("mailto:"):
        text = text.removeprefix("mailto:")
    text = _SPACES.sub("", text)
    local, at, domain = text.rpartition("@")
    if not at:
        return text
    domain = MAIL_DOMAINS.get(domain, domain)
    if domain in DOTLESS_DOMAINS:
        local = local.split("+", 1)[0].replace(".", "")
    return f"{local}@{domain}"


@_stable
def normalise_account(value: str) -> str:
    """Letters and digits only, half-width and case-folded: bank account numbers as people write
    them ("6222 0210-0112", "６２２２０２１００１１２")."""
    return _NON_ALNUM.sub("", _fold(value))


def is_default_author(value: str, ignored: frozenset[str]) -> bool:
    """Whether a document author is one of the names office software writes by itself
    (`default_authors`), compared after `normalise_text`."""
    return normalise_text(value) in _normalised(ignored)


@lru_cache(maxsize=8)
def _normalised(names: frozenset[str]) -> frozenset[str]:
    return frozenset(normalise_text(n) for n in names)
