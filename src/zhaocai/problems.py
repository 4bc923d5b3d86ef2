"""Field problems of a refused input, in Chinese.

pydantic describes each problem in English; `validation.input` carries that English in its
English message and in its details, and this module's Chinese in its Chinese message, so that a
Chinese reader never meets an English sentence. Problems are translated by pydantic's stable
error type (with its context: lengths, bounds, choices) and, for the project's own validators,
by their message; anything unknown reads 取值无效 (the English details still say exactly why).
"""

from __future__ import annotations

import re
from typing import Any

_BY_TYPE = {
    "missing": "必须填写",
    "blank": "不得为空白",
    "extra_forbidden": "不是可接受的字段",
    "string_too_short": "至少 {min_length} 个字符",
    "string_too_long": "至多 {max_length} 个字符",
    "too_short": "至少 {min_length} 项",
    "too_long": "至多 {max_length} 项",
    "greater_than": "须大于 {gt}",
    "greater_than_equal": "须不小于 {ge}",
    "less_than": "须小于 {lt}",
    "less_than_equal": "须不大于 {le}",
    "multiple_of": "须为 {multiple_of} 的整数倍",
    "int_parsing": "须为整数",
    "int_type": "须为整数",
    "int_from_float": "须为整数",
    "float_parsing": "须为数值",
    "float_type": "须为数值",
    "decimal_parsing": "须为数值",
    "decimal_type": "须为数值",
    "decimal_max_places": "小数不得超过 {decimal_places} 位",
    "decimal_max_digits": "数字不得超过 {max_digits} 位",
    "decimal_whole_digits": "整数部分不得超过 {whole_digits} 位",
    "finite_number": "须为有限数值",
    "string_type": "须为文本",
    "string_pattern_mismatch": "格式不符合要求",
    "bool_parsing": "须为是或否",
    "bool_type": "须为是或否",
    "enum": "须为以下之一：{expected}",
    "literal_error": "须为以下之一：{expected}",
    "date_parsing": "须为日期",
    "date_type": "须为日期",
    "date_from_datetime_parsing": "须为日期",
    "date_from_datetime_inexact": "须为整日日期",
    "datetime_parsing": "须为日期时间",
    "datetime_type": "须为日期时间",
    "datetime_from_date_parsing": "须为日期时间",
    "timezone_aware": "须带时区",
    "list_type": "须为列表",
    "tuple_type": "须为列表",
    "set_type": "须为集合",
    "frozen_set_type": "须为集合",
    "dict_type": "须为键值对象",
    "model_type": "须为对象",
    "model_attributes_type": "须为对象",
    "dataclass_type": "须为对象",
    "json_invalid": "不是有效的 JSON",
    "json_type": "须为 JSON 文本",
    "is_instance_of": "类型不符",
    "frozen_instance": "不可修改",
    "union_tag_invalid": "类型标记无效",
    "url_parsing": "不是有效的网址",
    "uuid_parsing": "不是有效的 UUID",
}

# The project's own validators (`raise ValueError(...)`), by their English message.
_BY_MESSAGE: list[tuple[re.Pattern[str], str]] = [(re.compile(p), zh) for p, zh in [
    (r"a contact needs a phone or an email", "联系人须留电话或电子邮箱"),
    (r"categories repeat", "品类重复"),
    (r"(the )?ceiling( price)? must be positive", "最高限价须大于零"),
    (r"comprehensive scoring needs technical or commercial weight", "综合评分法须设技术或商务权重"),
    (r"deductions must name every event kind, none negative", "扣分表须列明每类事件，且不得为负"),
    (r"each lot may be priced once", "每个标段只能报价一次"),
    (r"give one of a role, a department or a unit", "角色、部门、组织单位三者须且只须给出其一"),
    (r"grade bands must satisfy A ≥ B ≥ C", "等级分数线须满足 A ≥ B ≥ C"),
    (r"invitees must be distinct", "受邀供应商不得重复"),
    (r"lot ids must be distinct", "标段编号不得重复"),
    (r"officers must be distinct", "经办人员不得重复"),
    (r"price must be positive", "报价须大于零"),
    (r"price, technical and commercial weights must add up to 100", "价格、技术、商务权重之和须为 100"),
    (r"quantity must be given as str, int or Decimal, not float",
     "数量须以字符串、整数或 Decimal 给出，不能用浮点数"),
    (r"the ocid prefix must be .*", "公开编号前缀须以 ocds- 开头，后接六位小写字母或数字"),
    (r"the source must name the notice", "须注明所依据的通知"),
    (r"valid_until must be after valid_from", "有效期截止日须晚于起始日"),
    (r"weights must name every criterion with a non-negative weight", "权重须列明每项指标，且不得为负"),
    (r"month period must look like .*", "月度期间格式应为 2026-03"),
    (r"quarter period must look like .*", "季度期间格式应为 2026-Q1"),
    (r"unknown grade .*", "未知的资质等级"),
    (r"weights must sum to 100.*", "权重之和须为 100"),
    (r"the bid is longer than the .* characters allowed", "投标文件超过允许的长度"),
    (r".* must be positive", "须大于零"),
    (r".* must not be negative", "不得为负"),
    (r".* is not a JSON number", "不是有效的 JSON 数值"),
    (r".* criteria weigh .*", "各项指标权重之和须等于该部分的权重"),
    (r".* is not an email address", "不是有效的电子邮箱地址"),
]]


def problem_zh(error: Any) -> str:
    """The Chinese wording of one pydantic error (a dict from `ValidationError.errors()`)."""
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "value_error":
        text = str(context.get("error", error.get("msg", "")))
        for pattern, zh in _BY_MESSAGE:
            if pattern.fullmatch(text):
                return zh
        return "取值无效"
    template = _BY_TYPE.get(kind)
    if template is None:
        return "取值无效"
    if "expected" in context:  # "'a', 'b' or 'c'": the codes stay, the English joins go
        context = {**context, "expected": re.sub(r"',? or '|', '", "'、'", str(context["expected"]))}
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return template.split("{")[0].rstrip("：") or "取值无效"


# What a message names in English (a field, a thing, "price of b1"), in Chinese.
_LABELS_ZH = {
    "amount": "金额", "price": "价格", "quote": "报价", "weight": "权重", "max points": "满分",
    "price score": "价格分", "security": "投标保证金", "evaluated price": "评标价",
    "technical score": "技术分", "total score": "总分", "adjustment": "价格调整",
    "ceiling": "最高限价", "estimate": "预算金额", "bid content hash": "投标内容摘要",
    "bid id": "投标编号", "bidder id": "投标人编号", "bidder": "投标人", "candidate": "中标候选人",
    "criterion id": "评分因素编号", "expert id": "专家编号", "member score sheet": "评委评分表",
    "quoting supplier": "报价供应商", "representative id": "招标人代表编号", "status": "状态",
    "received_at": "递交时间", "issued_at": "发布时间", "deadline_before": "原截止时间",
    "deadline_after": "新截止时间", "method": "采购方式", "start": "开始时间", "end": "结束时间",
    "now": "当前时间", "deadline": "截止时间", "datetime": "时间",
    "supplier admission": "供应商准入", "supplier admission review": "供应商准入审核",
    "site inspection": "现场考察",
}
_SUBJECTS_ZH = {"bid": "投标", "tender": "招标项目", "award": "中标", "lot": "标段",
                "contract": "合同", "supplier": "供应商"}


def label_zh(name: str) -> str:
    """The Chinese name of something a message names in English: 'quote of S2' → '报价（S2）',
    'bid b1 price' → '投标 b1 的价格'. A name without a translation stays as given: it is the
    caller's own key (a field of its input), which the reader must recognise; a translated key
    keeps its name beside the Chinese: 'price' → '价格（price）'."""
    if name in _LABELS_ZH:  # a key of the caller's input keeps its name beside the Chinese
        return _LABELS_ZH[name] if " " in name else f"{_LABELS_ZH[name]}（{name}）"
    of = re.fullmatch(r"(.+?) of (\S+)", name)
    if of:
        return f"{label_zh(of.group(1))}（{of.group(2)}）"
    owned = re.fullmatch(r"(\w+) (\S+) (.+)", name)
    if owned and owned.group(1) in _SUBJECTS_ZH:
        return f"{_SUBJECTS_ZH[owned.group(1)]} {owned.group(2)} 的{label_zh(owned.group(3))}"
    adjustment = re.fullmatch(r"adjustment (\S+)", name)
    if adjustment:
        return f"价格调整（{adjustment.group(1)}）"
    # A key of several words is the caller's own text: quoted, so it does not read as the message's.
    return value_zh(name) if any(c.isspace() for c in name) else name


def value_zh(value: object) -> str:
    """A value the caller gave, quoted so that it reads as theirs, not as the message's words."""
    return repr(value) if isinstance(value, str) else repr(str(value))
