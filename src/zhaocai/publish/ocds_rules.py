"""A tender's approved deviation from the organisation's policy, as published.

In OCDS the deviation is stated in words in `tender.procurementMethodRationale` and in full in
the extension field `tender.rulesDeviation` (each changed number with the policy's value, the
tender's value and its source); the public database has one `deviations` row per number.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from zhaocai.publish.snapshot import TenderSnapshot


def deviation_text(deviation: Mapping[str, Any]) -> str:
    """The deviation in words, English and Chinese."""
    numbers = "; ".join(
        f"{c['rule']} {c['asked_value']} instead of {c['policy_value']} ({c['source']})"
        for c in deviation["changes"])
    kind = "statutory tender (依法必须招标)" if deviation.get("statutory") else "non-statutory tender"
    version = deviation["policy_version"]
    return (f"Deviation from the organisation's policy (偏离本单位规则) version {version}, "
            f"{kind}, approved by a supervisor (纪检) other than the drafter: {numbers}. "
            f"Reason (理由): {deviation['reason']}")


def ocds_deviation(snap: TenderSnapshot) -> dict[str, Any]:
    """The tender fields that publish an approved deviation (empty without one)."""
    deviation = snap.deviation
    if not deviation:
        return {}
    return {
        "procurementMethodRationale": deviation_text(deviation),
        "rulesDeviation": {
            "id": deviation["id"], "reason": deviation["reason"],
            "statutory": bool(deviation.get("statutory")),
            "policyVersion": deviation["policy_version"], "approvedDate": deviation.get("approved_at"),
            "changes": [{"rule": c["rule"], "policyValue": c["policy_value"], "tenderValue": c["asked_value"],
                         "source": c["source"]} for c in deviation["changes"]],
        },
    }


def deviation_rows(snap: TenderSnapshot) -> list[dict[str, Any]]:
    """The public database's `deviations` rows of a tender: one per changed number."""
    deviation = snap.deviation
    if not deviation:
        return []
    return [{"tender_id": snap.id, "deviation_id": deviation["id"], "rule": c["rule"],
             "policy_value": c["policy_value"], "tender_value": c["asked_value"], "source": c["source"],
             "reason": deviation["reason"], "policy_version": deviation["policy_version"],
             "approved_at": deviation.get("approved_at")} for c in deviation["changes"]]
