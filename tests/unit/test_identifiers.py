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


# Published codes of well-known companies (business licences, annual reports, Wikipedia's infobox):
# they must validate, and a checker with any other weight would refuse most of them.
PUBLISHED_CODES = {
    "914403001922038216": "华为技术有限公司",
    "9144030071526726XG": "深圳市腾讯计算机系统有限公司",
    "91330100716105852F": "阿里巴巴（中国）有限公司",
    "91440300192317458F": "比亚迪股份有限公司",
    "91350100M000100Y43": "GB 32100-2015 sample",
}
# GB 32100-2015, 4.3: W_i = 3^(i-1) mod 31.
GB_32100_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def test_published_weights_are_powers_of_three_mod_31() -> None:
    assert tuple(pow(3, i, 31) for i in range(17)) == GB_32100_WEIGHTS


@pytest.mark.parametrize("code", PUBLISHED_CODES)
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
