"""The test kit for integrators: a ready cast, valid identifiers, admitted suppliers and ONE
tender builder that takes a tender through the real commands to any state of its life.

    from zhaocai.testing import ACTORS, build_tender, ready

    platform = ready(Platform.open("sqlite:///erp-test.db", clock))
    tender = build_tender(platform, clock, "awarded", evaluation=LOWEST)

It needs only zhaocai's runtime install (no test framework). Everything acts through the
platform's own commands, so the store it leaves is one a real platform could have made. The
cast's private keys (`CUSTODIAN_KEYS`) are fixed test keys: never use them outside tests.

Modules: `cast` (who acts), `ids` (credit codes, identity numbers), `suppliers` (applications,
admitted suppliers), `tender` (drafts, payloads, publication), `custody` (custodians' keys,
presenting their shares), `evaluation` (score sheets, commitments, compliant bids), `builder`
(the tender builder), `calendar` (holiday schedules for far years), `world` (`ready`).
"""

from zhaocai.testing.builder import ENDS, ROAD, STATE_OF, TARGETS, TenderBuilder, build_tender
from zhaocai.testing.calendar import adopt_schedules, fixed_date_schedule
from zhaocai.testing.cast import (
    ACTORS,
    BUYER,
    CUSTODIAN_KEYS,
    CUSTODIANS,
    DEPARTMENTS,
    EXPERT_IDS,
    EXPERT_NAMES,
    add_experts,
    add_pool,
    approve_experts,
    expert_actor,
    register_actor,
    register_cast,
    seated,
    supplier_actor,
)
from zhaocai.testing.custody import own_share, present, register_custodian_keys
from zhaocai.testing.evaluation import (
    COMPREHENSIVE,
    CRITERIA,
    LOWEST,
    commit,
    compliant_bids,
    declare_all,
    draw_order,
    reveal,
    score_all,
    sheet,
)
from zhaocai.testing.ids import make_credit_code, make_identity_number, shared_identity_number
from zhaocai.testing.suppliers import (
    FAR_AHEAD,
    LONG_AGO,
    admitted,
    application,
    bidders,
    qualifications_for,
    register_admitted_supplier,
)
from zhaocai.testing.tender import LOTS, ONE_LOT, draft, payload, published
from zhaocai.testing.world import ready

__all__ = [
    "ACTORS",
    "BUYER",
    "COMPREHENSIVE",
    "CRITERIA",
    "CUSTODIANS",
    "CUSTODIAN_KEYS",
    "DEPARTMENTS",
    "ENDS",
    "EXPERT_IDS",
    "EXPERT_NAMES",
    "FAR_AHEAD",
    "LONG_AGO",
    "LOTS",
    "LOWEST",
    "ONE_LOT",
    "ROAD",
    "STATE_OF",
    "TARGETS",
    "TenderBuilder",
    "add_experts",
    "add_pool",
    "admitted",
    "adopt_schedules",
    "application",
    "approve_experts",
    "bidders",
    "build_tender",
    "commit",
    "compliant_bids",
    "declare_all",
    "draft",
    "draw_order",
    "expert_actor",
    "fixed_date_schedule",
    "make_credit_code",
    "make_identity_number",
    "own_share",
    "payload",
    "present",
    "published",
    "qualifications_for",
    "ready",
    "register_actor",
    "register_admitted_supplier",
    "register_cast",
    "register_custodian_keys",
    "reveal",
    "score_all",
    "seated",
    "shared_identity_number",
    "sheet",
    "supplier_actor",
]
