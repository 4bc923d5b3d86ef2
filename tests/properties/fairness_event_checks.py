"""I80: every event the fairness machine makes the platform emit matches the event catalog —
the contract an ERP integration codes against (docs/events.md)."""

from __future__ import annotations

from hypothesis.stateful import invariant

from zhaocai.event_catalog import validate_event


class EventChecks:
    """I80, checked on the events written since the last check (the feed is append-only)."""

    _events_checked_to: int = 0

    @invariant()
    def i80_every_event_matches_the_catalog(self) -> None:
        feed = self.platform.events  # type: ignore[attr-defined]
        while batch := feed.read(after=self._events_checked_to, limit=1000):
            for event in batch:
                validate_event(event.type, event.subject_type, event.payload)
                assert event.schema_version is not None, f"I80: {event.type} has no schema version"
            self._events_checked_to = batch[-1].position
