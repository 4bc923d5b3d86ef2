"""Properties of the one recusal rule (`zhaocai.people.interests.rules.conflicts`): a pure
function of a person's declarations, the suppliers' register facts and the moment."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from zhaocai.people.interests.rules import (
    FORMER_EMPLOYER_YEARS,
    Declared,
    InterestKind,
    Relation,
    SupplierFacts,
    add_years,
    conflicts,
    normalise_name,
)

T0 = datetime(2026, 1, 1, tzinfo=UTC)
CODES = [f"91330782MA2{n:06d}X" for n in range(4)]
NAMES = ["义乌甲建材有限公司", "义乌乙机械有限公司", "Yiwu Steel Co., Ltd.", "（义乌）丙劳务有限公司"]
HASHES = [f"{n:064x}" for n in range(1, 6)]

moments = st.integers(min_value=0, max_value=6 * 365).map(lambda d: T0 + timedelta(days=d))


@st.composite
def suppliers(draw: st.DrawFn) -> list[SupplierFacts]:
    picked = draw(st.lists(st.integers(0, 3), min_size=0, max_size=4, unique=True))
    return [SupplierFacts(f"sup-{n}", CODES[n], NAMES[n],
                          frozenset(draw(st.lists(st.sampled_from(HASHES), max_size=2))))
            for n in picked]


@st.composite
def declarations(draw: st.DrawFn) -> list[Declared]:
    found = []
    for n in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(list(InterestKind)))
        company = draw(st.integers(0, 3))
        by_code = draw(st.booleans())
        found.append(Declared(
            id=f"int-{n}", kind=kind.value, relation=draw(st.sampled_from(list(Relation))).value,
            declared_at=draw(moments),
            credit_code=CODES[company] if by_code else None,
            name=None if by_code else draw(st.sampled_from([NAMES[company], f" {NAMES[company]} ",
                                                            NAMES[company].upper()])),
            person_hash=draw(st.sampled_from(HASHES)) if kind == InterestKind.RELATED_PERSON else None,
            ended_at=draw(st.none() | moments) if kind == InterestKind.FORMER_EMPLOYER else None))
    return found


def _binds(d: Declared, s: SupplierFacts, at: datetime) -> bool:
    """The rule, restated plainly: the oracle of the properties below."""
    if d.declared_at > at:
        return False
    if d.kind == InterestKind.FORMER_EMPLOYER.value and d.ended_at is not None \
            and at >= add_years(d.ended_at, FORMER_EMPLOYER_YEARS):
        return False
    if d.kind == InterestKind.RELATED_PERSON.value:
        return d.person_hash in s.person_hashes
    return d.credit_code == s.credit_code or (
        d.name is not None and normalise_name(d.name) == normalise_name(s.name))


@given(declarations(), suppliers(), moments)
def test_a_conflict_is_exactly_a_declaration_in_effect_that_names_the_supplier(
        declared: list[Declared], facts: list[SupplierFacts], at: datetime) -> None:
    found = {(c.declaration_id, c.supplier_id) for c in conflicts(declared, facts, at)}
    assert found == {(d.id, s.supplier_id) for d in declared for s in facts if _binds(d, s, at)}


@given(declarations(), suppliers(), moments, st.randoms(use_true_random=False))
def test_the_order_of_declarations_and_suppliers_does_not_matter(
        declared: list[Declared], facts: list[SupplierFacts], at: datetime, rnd: object) -> None:
    shuffled_d, shuffled_s = list(declared), list(facts)
    rnd.shuffle(shuffled_d)  # type: ignore[attr-defined]
    rnd.shuffle(shuffled_s)  # type: ignore[attr-defined]
    assert conflicts(shuffled_d, shuffled_s, at) == conflicts(declared, facts, at)


@given(declarations(), declarations(), suppliers(), moments)
def test_declaring_more_never_lifts_a_recusal(
        first: list[Declared], more: list[Declared], facts: list[SupplierFacts], at: datetime) -> None:
    renamed = [Declared(**{**d.__dict__, "id": f"more-{d.id}"}) for d in more]
    before = {(c.declaration_id, c.supplier_id) for c in conflicts(first, facts, at)}
    after = {(c.declaration_id, c.supplier_id) for c in conflicts(first + renamed, facts, at)}
    assert before <= after


@given(declarations(), suppliers(), moments)
def test_a_declaration_counts_from_its_moment_and_every_reason_is_in_both_languages(
        declared: list[Declared], facts: list[SupplierFacts], at: datetime) -> None:
    for conflict in conflicts(declared, facts, at):
        source = next(d for d in declared if d.id == conflict.declaration_id)
        assert source.declared_at <= at and conflict.kind == source.kind
        assert conflict.en and conflict.zh and conflict.en != conflict.zh
    assert conflicts(declared, facts, T0 - timedelta(seconds=1)) == []
