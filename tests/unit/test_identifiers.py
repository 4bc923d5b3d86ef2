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
