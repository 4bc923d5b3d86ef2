"""The test kit: the cast of actors, identifiers, the store helpers, suppliers admitted through the
real path, the pieces of a tender and ONE tender builder that takes a tender to any state.

    from tests.kit import ACTORS, build_tender, refused

Modules: `cast` (who acts), `ids` (credit codes, identity numbers), `store` (fresh stores,
snapshots, refusals), `keys` (the test run's key file, a scan of a store for private keys),
`suppliers` (applications, admitted suppliers), `tender` (drafts, payloads, publication),
`custody` (custodians' keys, presenting their shares), `evaluation` (score sheets, commitments,
compliant bids), `builder` (the tender builder), and for their own tests `ocds`, `portal` and
`single_source`.
"""

from tests.kit.builder import ENDS, ROAD, STATE_OF, TARGETS, TenderBuilder, build_tender
from tests.kit.calendar import adopt_schedules, fixed_date_schedule
from tests.kit.cast import (
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
    sign_pledges,
    supplier_actor,
)
from tests.kit.custody import own_share, present, register_custodian_keys
from tests.kit.evaluation import (
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
from tests.kit.ids import make_credit_code, make_identity_number, shared_identity_number
from tests.kit.keys import KIT_KEY_FILE, kit_keys, private_keys_in, use_kit_keys
from tests.kit.store import RefusalCases, append_notes, fresh_store, refused, row_counts, snapshot
from tests.kit.suppliers import (
    FAR_AHEAD,
    LONG_AGO,
    admitted,
    application,
    bidders,
    qualifications_for,
    register_admitted_supplier,
)
from tests.kit.tender import LOTS, ONE_LOT, draft, payload, published

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
    "KIT_KEY_FILE",
    "LONG_AGO",
    "LOTS",
    "LOWEST",
    "ONE_LOT",
    "ROAD",
    "STATE_OF",
    "TARGETS",
    "RefusalCases",
    "TenderBuilder",
    "add_experts",
    "add_pool",
    "admitted",
    "adopt_schedules",
    "append_notes",
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
    "fresh_store",
    "kit_keys",
    "make_credit_code",
    "make_identity_number",
    "own_share",
    "payload",
    "present",
    "private_keys_in",
    "published",
    "qualifications_for",
    "refused",
    "register_actor",
    "register_admitted_supplier",
    "register_cast",
    "register_custodian_keys",
    "reveal",
    "row_counts",
    "score_all",
    "seated",
    "shared_identity_number",
    "sheet",
    "sign_pledges",
    "snapshot",
    "supplier_actor",
    "use_kit_keys",
]
