"""Reg 34's pure rule (`related_bidders`), by property: the void pairs follow exactly from a shared
legal representative or a person controlling or managing both, whatever the order of the bids;
shared contacts, however written (full-width, spaces), are questions, never void by themselves."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from zhaocai.bidding.rules import BidderFacts, related_bidders
from zhaocai.bidding.rules.compliance import CONTROL_ROLES

HASHES = st.sampled_from([f"h{i:02d}" for i in range(6)])
ROLES = st.sampled_from(["legal_representative", "owner", "manager", "shareholder", "relative"])
CONTACTS = st.tuples(st.sampled_from(["phone", "email", "address", "bank_account"]),
                     st.sampled_from(["13905798888", "a@b.cn", "工业路1号", "6228000011112222"]))


def _widen(text: str) -> str:
    """The same text in full-width characters with spaces: the rule must not see a difference."""
    return " ".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


@st.composite
def bidders(draw: st.DrawFn) -> list[BidderFacts]:
    n = draw(st.integers(0, 6))
    out = []
    for i in range(n):
        legal = draw(HASHES)
        persons = [("legal_representative", legal), *draw(st.lists(st.tuples(ROLES, HASHES), max_size=2))]
        contacts = [(k, _widen(v) if draw(st.booleans()) else v) for k, v in draw(st.lists(CONTACTS, max_size=2))]
        name = draw(st.sampled_from(["张三", "张 三", "李四", f"法人{i}"]))
        out.append(BidderFacts(f"sup-{i}", name, tuple(persons), tuple(contacts)))
    return out


def _controls(a: BidderFacts, b: BidderFacts) -> bool:
    """The oracle: one identity in a controlling or managing role of both."""
    mine = {h for r, h in a.persons if r in CONTROL_ROLES}
    return bool(mine & {h for r, h in b.persons if r in CONTROL_ROLES})


@given(bidders(), st.randoms(use_true_random=False))
def test_void_pairs_are_exactly_the_controlled_pairs_in_any_order(facts: list[BidderFacts], rnd: object) -> None:
    result = related_bidders(facts)
    shuffled = list(facts)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert related_bidders(shuffled) == result
    by_id = {f.supplier_id: f for f in facts}
    void = {(p.supplier_a, p.supplier_b) for p in result.void}
    expected = {(a.supplier_id, b.supplier_id) for a in facts for b in facts
                if a.supplier_id < b.supplier_id and _controls(a, b)}
    assert void == expected
    for p in result.void:  # symmetric evidence: both sides named, each fact a shared identity
        assert p.supplier_a < p.supplier_b and p.facts
        assert all(f.kind in ("legal_representative", "control") for f in p.facts)
    for s in result.void_suppliers():
        assert any(_controls(by_id[s], o) for o in facts if o.supplier_id != s)
    grouped = set().union(*result.void_groups()) if result.void_groups() else set()
    assert grouped == set(result.void_suppliers())
    questions = {(p.supplier_a, p.supplier_b) for p in result.questions}
    assert not questions & void and all(p.facts for p in result.questions)


@given(st.sampled_from(["139 0579 8888", "+86 13905798888", "Sales@Example.CN", "义乌市 工业路1号"]))
def test_shared_contacts_are_compared_normalised(value: str) -> None:
    kind = "phone" if value[0] in "1+" else "email" if "@" in value else "address"
    a = BidderFacts("sup-a", "甲", (("legal_representative", "h1"),), ((kind, value),))
    b = BidderFacts("sup-b", "乙", (("legal_representative", "h2"),),
                    ((kind, unicodedata.normalize("NFKC", _widen(value)).lower()),))
    result = related_bidders([a, b])
    assert result.void == () and [f.kind for f in result.questions[0].facts] == [kind]
