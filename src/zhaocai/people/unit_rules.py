"""The pure rules of organisational units (组织单位): a tree (a group, its subsidiaries, their
project departments), who belongs where, and whose acts reach which tender. No database here:
`zhaocai.people.units` loads the rows and asks.

A member of staff belongs to one unit (the root until assigned); a tender to one unit (its
drafter's). Officers act on their own unit's tenders only; supervisors and auditors on the
subtree of their own unit and of every unit they are granted (a grant of kind `unit`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from zhaocai.actors import Role
from zhaocai.errors import PermissionDenied

ROOT = "root"
"""The root unit's id: every register has it from its founding; whoever and whatever is not
placed elsewhere belongs to it, so a single-unit deployment needs no call of this module."""

ROOT_NAME = "本单位"
"""The root unit's name: the organisation itself."""

OVERSEERS = frozenset({Role.SUPERVISOR, Role.AUDITOR})
"""Roles that reach across units: their own unit's subtree and those of the units granted."""

Tree = Mapping[str, str | None]
"""Each unit's parent (None for the root)."""


def lineage(tree: Tree, unit: str) -> list[str]:
    """The unit and its ancestors up to the root, nearest first (a unit the tree does not know
    hangs under the root)."""
    chain, seen = [unit], {unit}
    parent = tree.get(unit, ROOT if unit != ROOT else None)
    while parent is not None and parent not in seen:
        chain.append(parent)
        seen.add(parent)
        parent = tree.get(parent, ROOT if parent != ROOT else None)
    return chain


def in_subtree(tree: Tree, unit: str, top: str) -> bool:
    """Whether `unit` is `top` or lies below it."""
    return top in lineage(tree, unit)


def reaches(tree: Tree, own_unit: str, roles: Iterable[Role], scopes: Iterable[str], target: str) -> bool:
    """Whether someone of `own_unit` holding `roles` and granted the units `scopes` may act on a
    tender of `target`: its own unit always; an overseer also the subtrees of its own unit and of
    each unit granted."""
    if target == own_unit:
        return True
    if not OVERSEERS & frozenset(roles):
        return False
    return any(in_subtree(tree, target, top) for top in {own_unit, *scopes})


def require_reach(tree: Tree, names: Mapping[str, str], actor_name: str, actor_id: str, own_unit: str,
                  roles: Iterable[Role], scopes: Iterable[str], target: str, tender_id: str) -> None:
    """Refuse an act on a tender of another unit (`unit.outside`)."""
    if reaches(tree, own_unit, roles, scopes, target):
        return
    own, theirs = names.get(own_unit, own_unit), names.get(target, target)
    raise PermissionDenied(
        "unit.outside",
        f"{actor_name} ({actor_id}) of unit {own} may not act on tender {tender_id} of unit {theirs}",
        f"{actor_name}（{actor_id}）属于“{own}”，无权办理“{theirs}”的招标项目（{tender_id}）",
        {"actor": actor_id, "unit_id": own_unit, "tender_id": tender_id, "tender_unit_id": target})
