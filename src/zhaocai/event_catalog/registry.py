"""All event types by name, and the checks an integrator's test (and ours) runs against them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError as PydanticError

from zhaocai.errors import ValidationError
from zhaocai.event_catalog.evaluation import EVALUATION_EVENTS
from zhaocai.event_catalog.governance import GOVERNANCE_EVENTS
from zhaocai.event_catalog.interests import INTEREST_EVENTS
from zhaocai.event_catalog.model import EventType, UnknownEventType, payload_model
from zhaocai.event_catalog.people import PEOPLE_EVENTS
from zhaocai.event_catalog.suppliers import SUPPLIER_EVENTS
from zhaocai.event_catalog.tenders import TENDER_EVENTS
from zhaocai.problems import problem_zh

CATALOG: Mapping[str, EventType] = {
    entry.name: entry
    for entry in (*PEOPLE_EVENTS, *SUPPLIER_EVENTS, *TENDER_EVENTS, *EVALUATION_EVENTS,
                  *GOVERNANCE_EVENTS, *INTEREST_EVENTS)
}
"""Every event type the outbox carries, by name."""


def schema_version(event_type: str) -> int:
    """The payload schema version of `event_type` (`events.unknown_type` if not catalogued)."""
    entry = CATALOG.get(event_type)
    if entry is None:
        raise UnknownEventType(event_type)
    return entry.version


def validate_event(event_type: str, subject_type: str, payload: Mapping[str, Any]) -> None:
    """Check one event against the catalog: known type, its subject type, its payload's fields and
    their types. Raises `events.unknown_type` or `events.payload_mismatch`."""
    entry = CATALOG.get(event_type)
    if entry is None:
        raise UnknownEventType(event_type)
    problems: list[str] = []
    problems_zh: list[str] = []
    if subject_type != entry.subject_type:
        problems.append(f"subject_type {subject_type!r} is not {entry.subject_type!r}")
        problems_zh.append(f"subject_type 应为 {entry.subject_type!r}，实为 {subject_type!r}")
    try:
        payload_model(entry).model_validate(dict(payload))
    except PydanticError as exc:
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"])
            problems.append(f"{where}: {error['msg']}")
            problems_zh.append(f"{where}：{problem_zh(error)}")
    if problems:
        raise ValidationError(
            "events.payload_mismatch",
            f"Event {event_type} does not match its catalog entry: " + "; ".join(problems),
            f"事件 {event_type!r} 与事件目录不符：" + "；".join(problems_zh),
            {"type": event_type, "problems": problems})
