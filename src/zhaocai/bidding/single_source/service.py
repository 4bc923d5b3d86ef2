"""SingleSourceService (`platform.single_source`): single-source procurement (单一来源采购) as
its own method, never a price inquiry with its minimum lowered.

draft (purchasing) → approve (a supervisor other than the drafter; the justification's references
and the supplier's eligibility checked against the store) → public notice of at least 5 working
days, during which anyone may object and a supervisor decides each objection → negotiation record
(price within the estimate) → signatures of at least two officers, one command each → conclude
(supplier eligible again; contract created in the contract table, signed and performed through
`platform.evaluation`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from zhaocai.acting import acting
from zhaocai.actors import Actor, Role
from zhaocai.bidding.lifecycle import require_buyer
from zhaocai.bidding.single_source import commands, store
from zhaocai.bidding.single_source.models import (
    NegotiationInput,
    SingleSourceDraft,
    SingleSourceObjectionView,
    SingleSourceView,
)
from zhaocai.bidding.single_source.rules import DEFAULT_POLICY, SingleSourcePolicy
from zhaocai.errors import ValidationError, parse
from zhaocai.guards import guarded
from zhaocai.publish.settings import PublishSettings
from zhaocai.store import UnitOfWork
from zhaocai.workdays import WorkingCalendar

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner

OFFICERS = (Role.PURCHASING,)
SUPERVISORS = (Role.SUPERVISOR,)
R = TypeVar("R")


def _text(value: str, field: str) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise ValidationError("single_source.text_required", f"{field} must not be empty",
                              "须填写文字说明", {"field": field})
    return text


class SingleSourceService:
    """Commands and reads of single-source procurement (see the module docstring)."""

    def __init__(self, runner: CommandRunner, calendar: WorkingCalendar, *,
                 policy: SingleSourcePolicy = DEFAULT_POLICY,
                 publish_settings: PublishSettings | None = None) -> None:
        self._runner = runner
        self._calendar = calendar
        self._policy = policy
        self._publish = publish_settings or PublishSettings()

    def _run(self, actor: Actor, action: str, handler: Callable[[UnitOfWork], R], *,
             roles: Sequence[Role] | None, idempotency_key: str | None = None, request: Any = None) -> R:
        return self._runner.run(actor, action, handler, roles=roles, idempotency_key=idempotency_key,
                                request=request)

    @property
    def policy(self) -> SingleSourcePolicy:
        """The organisation's single-source policy, frozen on each procurement when drafted
        (`Platform.open(..., single_source_policy=...)`)."""
        return self._policy

    @acting
    def draft(self, actor: Actor, data: SingleSourceDraft | Mapping[str, Any], *,
              idempotency_key: str | None = None) -> SingleSourceView:
        """A purchasing officer drafts a single-source procurement."""
        require_buyer(actor, "single_source.draft")
        parsed = parse(SingleSourceDraft, data)
        policy = self._policy
        return self._run(actor, "single_source.draft", lambda uow: commands.draft(uow, parsed, policy),
                         roles=OFFICERS, idempotency_key=idempotency_key,
                         request=parsed.model_dump(mode="json"))

    @acting
    def approve(self, actor: Actor, procurement_id: str) -> SingleSourceView:
        """A supervisor who is not the drafter approves; the public notice starts."""
        require_buyer(actor, "single_source.approve")
        calendar = self._calendar
        return self._run(actor, "single_source.approve",
                         lambda uow: commands.approve(uow, procurement_id, calendar), roles=SUPERVISORS)

    @acting
    def lodge_objection(self, actor: Actor, procurement_id: str, text: str) -> SingleSourceObjectionView:
        """Anyone, another supplier's user included, objects during the notice."""
        body = _text(text, "text")

        def handler(uow: UnitOfWork) -> SingleSourceObjectionView:
            objection_id = commands.lodge_objection(uow, procurement_id, body)
            return store.objection_view(store.load_objection(uow.session, objection_id))

        return self._run(actor, "single_source.objection", handler, roles=None)

    @acting
    def decide_objection(self, actor: Actor, objection_id: str, *, upheld: bool,
                         answer: str) -> SingleSourceView:
        """A supervisor (not the drafter, the approver or the objector) upholds or dismisses an objection."""
        require_buyer(actor, "single_source.objection_decide")
        body = _text(answer, "answer")
        return self._run(actor, "single_source.objection_decide",
                         lambda uow: commands.decide_objection(uow, objection_id, bool(upheld), body),
                         roles=SUPERVISORS)

    @acting
    def record_negotiation(self, actor: Actor, procurement_id: str,
                           data: NegotiationInput | Mapping[str, Any]) -> SingleSourceView:
        """An officer records the negotiation (price within the estimate) after the notice."""
        require_buyer(actor, "single_source.negotiate")
        parsed = parse(NegotiationInput, data)
        return self._run(actor, "single_source.negotiate",
                         lambda uow: commands.negotiate(uow, procurement_id, parsed), roles=OFFICERS)

    @acting
    def sign(self, actor: Actor, procurement_id: str) -> SingleSourceView:
        """One officer signs the negotiation record."""
        require_buyer(actor, "single_source.sign")
        return self._run(actor, "single_source.sign",
                         lambda uow: commands.sign(uow, procurement_id), roles=OFFICERS)

    @acting
    def conclude(self, actor: Actor, procurement_id: str) -> SingleSourceView:
        """Conclude: the contract is created at the negotiated price."""
        require_buyer(actor, "single_source.conclude")
        return self._run(actor, "single_source.conclude",
                         lambda uow: commands.conclude(uow, procurement_id), roles=OFFICERS)

    @acting
    def cancel(self, actor: Actor, procurement_id: str, reason: str) -> SingleSourceView:
        """The drafter or a supervisor cancels, with a reason."""
        require_buyer(actor, "single_source.cancel")
        body = _text(reason, "reason")
        return self._run(actor, "single_source.cancel",
                         lambda uow: commands.cancel(uow, procurement_id, body),
                         roles=(Role.PURCHASING, Role.SUPERVISOR))

    @guarded
    def releases(self, *, procurement_id: str | None = None) -> list[dict[str, Any]]:
        """OCDS 1.1 releases of every approved single source (or of one), under the platform's
        publication settings (`Platform.open(..., publish_settings=...)`); drafts are not published."""
        from zhaocai.publish.ocds_single_source import releases_in
        with self._runner.session() as session:
            rows = [store.load(session, procurement_id)] if procurement_id else store.rows(session, None)
            views = [store.view(session, r) for r in rows]
            return releases_in(session, views, self._publish)

    @guarded
    def release_package(self, *, procurement_id: str | None = None) -> dict[str, Any]:
        """An OCDS 1.1 release package of the single sources (`platform.publish.to_json` writes it)."""
        from zhaocai.publish.ocds import release_package
        return release_package(self.releases(procurement_id=procurement_id), self._publish,
                               self._runner.now())

    @guarded
    def get(self, procurement_id: str) -> SingleSourceView:
        """One procurement, with its objections and signatures."""
        with self._runner.session() as session:
            return store.view(session, store.load(session, procurement_id))

    @guarded
    def list(self, *, state: str | None = None) -> list[SingleSourceView]:
        """Every procurement (optionally in one state), oldest first."""
        with self._runner.session() as session:
            return [store.view(session, r) for r in store.rows(session, state)]
