"""The life of a grant: proposed → active | rejected; active → revocation proposed → revoked
(or back to active). Each decision is made by someone other than its proposer and the grantee."""

from __future__ import annotations

from typing import Any

from statemachine import Event, State, StateMachine

from zhaocai.actors import Actor
from zhaocai.machines import Noun
from zhaocai.people.rules import GrantState, require_not_party


def decider_not_party(model: Any, decider: Actor, **_: Any) -> None:
    """The supervisor who approves or rejects a grant neither proposed it nor receives it."""
    require_not_party(decider, model.proposed_by, model.person_id, "person.grant.decide")


def revoker_not_party(model: Any, decider: Actor, **_: Any) -> None:
    """The supervisor who decides a revocation neither proposed it nor holds the grant."""
    require_not_party(decider, model.revocation_proposed_by or "", model.person_id,
                      "person.grant.revoke")


class GrantMachine(StateMachine):
    """A grant counts from its approval (within its period) until its revocation is approved."""

    noun = Noun("person.grant", "grant", "授权")

    proposed = State("待审批", initial=True, value=GrantState.PROPOSED.value)
    active = State("已生效", value=GrantState.ACTIVE.value)
    rejected = State("已驳回", final=True, value=GrantState.REJECTED.value)
    revocation_proposed = State("撤销待审批", value=GrantState.REVOCATION_PROPOSED.value)
    revoked = State("已撤销", final=True, value=GrantState.REVOKED.value)

    approve = Event(proposed.to(active, validators=decider_not_party), name="批准")
    reject = Event(proposed.to(rejected, validators=decider_not_party), name="驳回")
    propose_revocation = Event(active.to(revocation_proposed), name="提请撤销")
    approve_revocation = Event(revocation_proposed.to(revoked, validators=revoker_not_party),
                               name="批准撤销")
    reject_revocation = Event(revocation_proposed.to(active, validators=revoker_not_party),
                              name="驳回撤销")
