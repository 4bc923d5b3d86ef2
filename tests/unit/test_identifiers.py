import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhaocai.errors import ValidationError
from zhaocai.identifiers import (
    CREDIT_CODE_CHARSET,
    credit_code_check_character,
    is_valid_credit_code,
    validate_credit_code,
)

charset = st.sampled_from(CREDIT_CODE_CHARSET)
digits = st.sampled_from("0123456789")


@st.composite
def credit_codes(draw: st.DrawFn) -> str:
    head = draw(charset) + draw(charset) + "".join(draw(st.lists(digits, min_size=6, max_size=6)))
    tail = "".join(draw(st.lists(charset, min_size=9, max_size=9)))
    body = head + tail
    return body + credit_code_check_character(body)


@given(credit_codes())
def test_generated_codes_are_valid(code: str) -> None:
    assert validate_credit_code(code) == code
    assert validate_credit_code(code.lower()) == code


@given(credit_codes(), st.integers(0, 17), st.characters(codec="ascii"))
def test_every_single_character_change_fails(code: str, position: int, replacement: str) -> None:
    changed = code[:position] + replacement + code[position + 1:]
    if changed.upper() == code:
        return
    assert not is_valid_credit_code(changed)


def test_known_code() -> None:
    assert is_valid_credit_code("91350100M000100Y43")


@pytest.mark.parametrize("code,reason", [
    ("91350100M000100Y4", "length"),
    ("91350100M000100Y4I", "charset"),
    ("913501A0M000100Y43", "division"),
    ("91350100M000100Y44", "check"),
])
def test_errors_say_what_is_wrong(code: str, reason: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code)
    assert info.value.code == f"credit_code.{reason}"
    assert info.value.message_zh


# Real codes, each as found in a public source (only codes actually found are listed):
PUBLISHED_CODES = {
    # zh.wikipedia.org, 华为 infobox (机构代码).
    "914403001922038216": "华为技术有限公司",
    # docs.kausate.com/jurisdictions/china: the search for 中国石油化工 matches this code; also in
    # python-stdnum's tests/test_cn_uscc.doctest ("found online and should all be valid").
    "91110000710926094P": "中国石油化工股份有限公司",
    # blog.csdn.net/ellasun_web/article/details/130267762 (测试全聚德信用码, 北京长峰医院信用码).
    "91110000101623741K": "中国全聚德（集团）股份有限公司",
    "911101066976941872": "北京长峰医院",
    # python-stdnum tests/test_cn_uscc.doctest, codes "found online": registered in Shanghai
    # (310115, 310112), Shenzhen (440300), Zhongshan (442000), Yantai (371082), Hubei (420684).
    "9144030071526726XG": "python-stdnum, found online",
    "91310115MA1K3BTP2B": "python-stdnum, found online",
    "913101127033980359": "python-stdnum, found online",
    "91442000696462712R": "python-stdnum, found online",
    "91371082775260043P": "python-stdnum, found online",
    "91420684MA4927PJ7B": "python-stdnum, found online",
    "121200004013590816": "python-stdnum, found online (机构编制 12: 事业单位)",
}
# The worked example of many published checkers (e.g. blog.csdn.net/hookee/article/details/50610168).
WORKED_EXAMPLE = "91350100M000100Y43"
# GB 32100-2015, 4.3: W_i = 3^(i-1) mod 31.
GB_32100_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def test_published_codes_pin_every_weight() -> None:
    # Changing weight W_i by d (0 < |d| < 31) changes the sum by C_i × d, which 31 (a prime) divides
    # only when C_i = 0: a real code with a non-zero character at position i pins W_i.
    for i in range(17):
        assert any(code[i] != "0" for code in PUBLISHED_CODES), f"no real code pins weight {i + 1}"


def test_published_weights_are_powers_of_three_mod_31() -> None:
    assert tuple(pow(3, i, 31) for i in range(17)) == GB_32100_WEIGHTS


@pytest.mark.parametrize("code", [*PUBLISHED_CODES, WORKED_EXAMPLE])
def test_real_published_codes_validate(code: str) -> None:
    assert validate_credit_code(code) == code
    assert credit_code_check_character(code[:17]) == code[17]


@given(credit_codes())
def test_check_character_matches_the_standard_formula(code: str) -> None:
    total = sum(CREDIT_CODE_CHARSET.index(c) * w for c, w in zip(code[:17], GB_32100_WEIGHTS, strict=True))
    assert credit_code_check_character(code[:17]) == CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def test_check_character_of_a_short_prefix_is_refused() -> None:
    with pytest.raises(ValueError):
        credit_code_check_character("9144030019220382")


@pytest.mark.parametrize("code,reason,details", [
    ("  914403001922038216 ", None, None),
    (123, "type", "must be a string"),
    ("9144030019220382167", "length", "has 19"),
    ("91440300192203821I", "charset", "position 18 'I'"),
    ("91440A001922038216", "division", "administrative division"),
    ("914403001922038217", "check", "expected '6'"),
])
def test_each_problem_is_named(code: object, reason: str | None, details: str | None) -> None:
    if reason is None:
        assert validate_credit_code(code) == code.strip()  # type: ignore[union-attr]
        return
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code)  # type: ignore[arg-type]
    assert info.value.code == f"credit_code.{reason}"
    assert info.value.details["reason"] == reason
    assert details in info.value.message_en


@pytest.mark.parametrize("code,reason,message", [
    (123, "type", "must be a string"),
    ("91440300192203821", "length", "must have 18 characters, has 17"),
    ("91440300192203821O", "charset",
     "characters outside the GB 32100 set (no I, O, Z, S, V): position 18 'O'"),
    ("9I4403001922038S16", "charset",
     "characters outside the GB 32100 set (no I, O, Z, S, V): position 2 'I', position 16 'S'"),
    ("91A403001922038216", "division", "characters 3–8 must be the administrative division code (digits)"),
    ("914403001922038217", "check", "check character is '7', expected '6'"),
])
def test_each_refusal_names_the_code_as_given(code: object, reason: str, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        validate_credit_code(code)  # type: ignore[arg-type]
    assert info.value.details == {"credit_code": str(code), "reason": reason}
    assert info.value.message_en == f"Unified social credit code {str(code)!r}: {message}"
    assert info.value.message_zh.startswith(f"统一社会信用代码 {str(code)!r}：")


def test_the_chinese_refusal_lists_every_bad_position() -> None:
    with pytest.raises(ValidationError) as info:
        validate_credit_code("9I4403001922038S16")
    assert info.value.message_zh.endswith("：第 2 位 'I'，第 16 位 'S'")
    with pytest.raises(ValidationError) as info:
        validate_credit_code(123)  # type: ignore[arg-type]
    assert info.value.message_zh == "统一社会信用代码 '123'：必须是字符串"


def test_a_check_character_needs_seventeen_characters() -> None:
    with pytest.raises(ValueError, match="exactly 17 characters, not 16"):
        credit_code_check_character("9144030019220382")
