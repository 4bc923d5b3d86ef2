"""Fail closed: a tender command refuses rows that disagree with the audit chain.

`require_consistent(uow, tender_id, stage)` runs `zhaocai.verification.require_consistent`: the
checks the stage depends on, over that tender's rows only (`audit.state_mismatch` on any
disagreement). Opening, the technical review and commercial opening, every evaluation step and
the award call it before they act.
"""

from __future__ import annotations

from zhaocai.store import UnitOfWork


def require_consistent(uow: UnitOfWork, tender_id: str, stage: str) -> None:
    """Refuse `stage` on a tender whose rows disagree with the chain (`audit.state_mismatch`)."""
    # Imported here: the registry imports every area's checker, the evaluation service among them,
    # which itself imports the commands that call this.
    from zhaocai.verification import require_consistent as check

    check(uow, tender_id, stage)
