"""Normalisation (`zhaocai.integrity.normalise`): idempotent, equivalent spellings map to one
value, and real differences stay apart."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zhaocai.integrity import FlagSettings, compute_flags
from zhaocai.integrity.collusion import (
    normalise_account,
    normalise_address,
    normalise_email,
    normalise_phone,
    normalise_text,
)
from zhaocai.integrity.default_authors import DEFAULT_DOCUMENT_AUTHORS
from zhaocai.integrity.normalise import PROVINCE_NAMES, PROVINCES, is_default_author

NORMALISERS: list[Callable[[str], str]] = [normalise_text, normalise_address, normalise_phone,
                                           normalise_email, normalise_account]
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
LATIN = st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def full_width(text: str) -> str:
    """ASCII letters and digits as their full-width forms, spaces as ideographic spaces."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


@pytest.mark.parametrize("normalise", NORMALISERS)
@given(st.text(max_size=30))
def test_normalisation_is_idempotent(normalise: Callable[[str], str], value: str) -> None:
    once = normalise(value)
    assert normalise(once) == once


@given(st.lists(st.one_of(CJK, LATIN), min_size=1, max_size=12), st.data())
def test_spellings_of_one_name_are_one_value(chars: list[str], data: st.DataObject) -> None:
    name = "".join(chars)
    # Spaces next to Chinese characters, full-width forms, case and surrounding blanks.
    spaced = "".join(c + (" " if "\u4e00" <= c <= "\u9fa5" and data.draw(st.booleans()) else "")
                     for c in name)
    for variant in (spaced, full_width(name), name.upper(), f"  {name}\t", full_width(spaced.lower())):
        assert normalise_text(variant) == normalise_text(name)


@given(st.sampled_from(PROVINCES), st.text(CJK, min_size=1, max_size=3), st.text(CJK, min_size=1, max_size=6),
       st.integers(1, 999))
def test_an_address_with_or_without_its_province_is_one_address(province: str, city: str, road: str,
                                                                 number: int) -> None:
    rest = f"{city}市{road}路{number}号"
    for prefix in (PROVINCE_NAMES[province], province, "中国" + PROVINCE_NAMES[province], "中国" + province):
        for spelled in (prefix + rest, f"{prefix} {rest}", full_width(prefix + rest)):
            assert normalise_address(spelled) == normalise_address(rest), spelled


@given(st.sampled_from("3456789"), st.text("0123456789", min_size=9, max_size=9), st.data())
def test_spellings_of_one_mobile_are_one_phone(second: str, tail: str, data: st.DataObject) -> None:
    mobile = f"1{second}{tail}"
    dashed = f"{mobile[:3]}-{mobile[3:7]}-{mobile[7:]}"
    for variant in (f"+86 {dashed}", f"0086{mobile}", f"86-{mobile}", full_width(mobile),
                    f"{mobile[:3]} {mobile[3:7]} {mobile[7:]}", f"(+86){mobile}", f"{mobile} 转 {tail[:3]}"):
        assert normalise_phone(variant) == mobile, variant


@given(st.sampled_from(["571", "579", "10", "21", "755"]), st.text("0123456789", min_size=8, max_size=8))
def test_a_landline_with_country_code_keeps_its_trunk_zero(area: str, number: str) -> None:
    local = f"0{area}-{number[:4]} {number[4:]}"
    assert normalise_phone(f"+86 {area} {number}") == normalise_phone(local) == f"0{area}{number}"


@given(st.text("abcdefghijklmnopqrstuvwxyz0123456789_", min_size=1, max_size=12))
def test_qq_and_foxmail_are_one_mailbox(local: str) -> None:
    for variant in (f"{local}@foxmail.com", f"{local.upper()}@QQ.COM", f" {local}@qq.com ",
                    f"张三 <{local}@qq.com>", f"mailto:{local}@qq.com", full_width(f"{local}@qq.com")):
        assert normalise_email(variant) == f"{local}@qq.com", variant


@pytest.mark.parametrize(("normalise", "a", "b"), [
    (normalise_text, "王工", "王宫"),
    (normalise_text, "Room 1A", "Room 11A"),
    (normalise_address, "浙江路88号", "88号"),
    (normalise_address, "中国石化路1号", "石化路1号"),
    (normalise_address, "义乌市同一路8号", "义乌市同一路9号"),
    (normalise_address, "杭州市西湖区1号", "浙江省西湖区1号"),
    (normalise_phone, "13800000000", "13800000001"),
    (normalise_phone, "0571-8512 3456", "0579-8512 3456"),
    (normalise_phone, "+86 571 8512 3456", "+86 579 8512 3456"),
    (normalise_email, "a.b@163.com", "ab@163.com"),
    (normalise_email, "1234@qq.com", "1234@163.com"),
    (normalise_email, "a+b@qq.com", "a@qq.com"),
    (normalise_account, "6222021001120001", "6222021001120002"),
])
def test_different_real_values_stay_apart(normalise: Callable[[str], str], a: str, b: str) -> None:
    assert normalise(a) != normalise(b)


@pytest.mark.parametrize("author", ["Windows 用户", "windows用户", "ＡＤＭＩＮＩＳＴＲＡＴＯＲ", "YLMF", " pc ",
                                    "Microsoft Office 用户", "番茄花园", "lenovo"])
def test_default_authors_are_recognised_after_normalisation(author: str) -> None:
    assert is_default_author(author, DEFAULT_DOCUMENT_AUTHORS)
    assert not is_default_author("王建国", DEFAULT_DOCUMENT_AUTHORS)


def test_a_default_author_shared_by_bidders_is_not_a_flag_but_a_real_one_is() -> None:
    from datetime import datetime, timedelta
    from decimal import Decimal

    from zhaocai.clock import SHANGHAI
    from zhaocai.integrity import BidFacts, TenderFacts

    t0 = datetime(2025, 3, 3, 9, tzinfo=SHANGHAI)

    def tender(id: str, authors: list[str]) -> TenderFacts:
        bids = tuple(BidFacts(f"{id}-{n}", f"S{n}", Decimal(100 + n * 7), t0, document_author=a)
                     for n, a in enumerate(authors))
        return TenderFacts(id=id, title="t", buyer="b", category="materials", method="open",
                           estimate=Decimal(1000), published_at=t0, deadline=t0 + timedelta(days=20), bids=bids)

    settings = FlagSettings(codes=frozenset({"REG40-SAME-AUTHOR"}))
    flags = compute_flags([tender("A", ["Windows 用户", "windows用户", "ＹｌｍＦ"]),
                           tender("B", ["王建国", "王 建国", "李四"])], None, settings)
    assert [f.tender_ids for f in flags] == [("B",)]
