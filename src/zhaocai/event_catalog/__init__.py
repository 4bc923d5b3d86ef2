"""The event catalog: every event type the outbox carries, when it is emitted, its payload schema
and its schema version — the contract an ERP integration reads.

Each area declares its events beside the others in this package (`suppliers`, `tenders`,
`evaluation`, `governance`); `CATALOG` gathers them. `payload_model(name)` is the pydantic model a
payload must satisfy (unknown fields refused), `validate_event` checks one event read from the feed,
and `python -m zhaocai.event_catalog` writes docs/events.md from the catalog, so the reference
cannot drift from the code.
"""

from __future__ import annotations

from zhaocai.event_catalog.model import (
    EventType,
    UnknownEventType,
    payload_model,
)
from zhaocai.event_catalog.registry import CATALOG, schema_version, validate_event

__all__ = ["CATALOG", "EventType", "UnknownEventType", "payload_model", "schema_version",
           "validate_event"]
