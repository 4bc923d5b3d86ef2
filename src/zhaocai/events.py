"""The outbox feed: domain events for ERP integration, in commit order."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Engine
from sqlmodel import Session, col, select

from zhaocai.errors import ValidationError
from zhaocai.event_catalog import CATALOG
from zhaocai.store.schema import OutboxEventRow


class DomainEvent(BaseModel):
    """One event of the feed. `position` is the cursor; `event_id` is stable for de-duplication;
    `schema_version` is the version of the payload's schema in the event catalog (docs/events.md),
    None for a type the catalog does not know."""

    position: int
    event_id: str
    type: str
    subject_type: str
    subject_id: str
    occurred_at: datetime
    audit_seq: int
    payload: dict[str, Any]
    schema_version: int | None = None


class EventFeed:
    """Read domain events after a cursor. Commands serialise, so positions follow commit order."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def read(self, after: int = 0, limit: int = 100, types: list[str] | None = None) -> list[DomainEvent]:
        """Events with position greater than `after`, oldest first, at most `limit`."""
        if limit < 1 or limit > 10_000:
            raise ValidationError(
                "events.limit", "limit must be between 1 and 10000", "读取条数（limit）须在 1 到 10000 之间",
                {"limit": limit},
            )
        with Session(self._engine) as session:
            query = select(OutboxEventRow).where(col(OutboxEventRow.position) > after)
            if types:
                query = query.where(col(OutboxEventRow.type).in_(types))
            rows = session.exec(query.order_by(col(OutboxEventRow.position)).limit(limit)).all()
            return [_event(row) for row in rows]


def _event(row: OutboxEventRow) -> DomainEvent:
    event = DomainEvent.model_validate(row, from_attributes=True)
    entry = CATALOG.get(event.type)
    event.schema_version = entry.version if entry is not None else None
    return event
