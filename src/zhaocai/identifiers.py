"""Unified social credit codes (统一社会信用代码, GB 32100-2015)."""

from __future__ import annotations

from operator import mul

from zhaocai.errors import ValidationError

# The 31 characters of GB 32100-2015: digits and capitals without I, O, Z, S, V.
CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(CREDIT_CODE_CHARSET)}
_CHARSET = frozenset(CREDIT_CODE_CHARSET)
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_character(first17: str) -> str:
    """The 18th (check) character for the first 17 characters of a credit code."""
    if len(first17) != 17:
        raise ValueError(f"a check character needs exactly 17 characters, not {len(first17)}")
    # C-level loops: bulk imports check 100,000s of codes.
    total = sum(map(mul, map(_VALUE.__getitem__, first17), _WEIGHTS))
    return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def _invalid(code: str, problem_en: str, problem_zh: str, reason: str) -> ValidationError:
    return ValidationError(
        f"credit_code.{reason}",
        f"Unified social credit code {code!r}: {problem_en}",
        f"统一社会信用代码 {code!r}：{problem_zh}",
        {"credit_code": code, "reason": reason},
    )


def validate_credit_code(code: str) -> str:
    """Return the normalised code, or raise ValidationError saying exactly what is wrong."""
    if not isinstance(code, str):
        raise _invalid(str(code), "must be a string", "必须是字符串", "type")
    normal = code.strip().upper()
    if len(normal) != 18:
        raise _invalid(
            code, f"must have 18 characters, has {len(normal)}",
            f"应为 18 位，实际 {len(normal)} 位", "length",
        )
    if not _CHARSET.issuperset(normal):
        bad = [(i + 1, c) for i, c in enumerate(normal) if c not in _VALUE]
        where = ", ".join(f"position {i} {c!r}" for i, c in bad)
        where_zh = "，".join(f"第 {i} 位 {c!r}" for i, c in bad)
        raise _invalid(
            code, f"characters outside the GB 32100 set (no I, O, Z, S, V): {where}",
            f"含有 GB 32100 字符集以外的字符（不含 I、O、Z、S、V）：{where_zh}", "charset",
        )
    if not normal[2:8].isdigit():
        raise _invalid(
            code, "characters 3–8 must be the administrative division code (digits)",
            "第 3–8 位应为行政区划码（数字）", "division",
        )
    expected = credit_code_check_character(normal[:17])
    if normal[17] != expected:
        raise _invalid(
            code, f"check character is {normal[17]!r}, expected {expected!r}",
            f"校验码为 {normal[17]!r}，应为 {expected!r}", "check",
        )
    return normal


def is_valid_credit_code(code: str) -> bool:
    """True when `code` is a well-formed unified social credit code."""
    try:
        validate_credit_code(code)
    except ValidationError:
        return False
    return True
