"""The unit rules, by property: over any tree, a unit lies in a subtree exactly when walking up
its parents meets the subtree's top; an officer reaches its own unit only; an overseer also
every unit below its own and below each unit granted, and nothing else."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from zhaocai.actors import Role
from zhaocai.people.unit_rules import ROOT, in_subtree, lineage, reaches


@st.composite
def trees(draw: st.DrawFn) -> dict[str, str | None]:
    """A tree built as units are added: each new unit under one that exists."""
    tree: dict[str, str | None] = {ROOT: None}
    for n in range(draw(st.integers(0, 12))):
        tree[f"u{n}"] = draw(st.sampled_from(sorted(tree)))
    return tree


def _below(tree: dict[str, str | None], top: str) -> set[str]:
    """The subtree of `top`, grown downwards (the opposite walk to the rule's)."""
    found, frontier = {top}, [top]
    while frontier:
        parent = frontier.pop()
        children = [u for u, p in tree.items() if p == parent and u not in found]
        found.update(children)
        frontier += children
    return found


@given(trees(), st.data())
def test_subtree_coverage(tree: dict[str, str | None], data: st.DataObject) -> None:
    units = sorted(tree)
    unit, top, own = (data.draw(st.sampled_from(units)) for _ in range(3))
    scopes = data.draw(st.sets(st.sampled_from(units), max_size=3))
    assert in_subtree(tree, unit, top) == (unit in _below(tree, top))
    assert lineage(tree, unit)[-1] == ROOT and in_subtree(tree, unit, ROOT)
    assert reaches(tree, own, {Role.PURCHASING, Role.FINANCE}, scopes, unit) == (unit == own)
    overseen = set().union(*(_below(tree, s) for s in {own, *scopes}))
    for role in (Role.SUPERVISOR, Role.AUDITOR):
        assert reaches(tree, own, {role}, scopes, unit) == (unit in overseen)
