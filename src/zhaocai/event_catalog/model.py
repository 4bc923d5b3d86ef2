"""What one catalog entry says of an event type, and the payload model built from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, create_model
from pydantic import Field as PydanticField

from zhaocai.errors import ValidationError

Money = Annotated[str, PydanticField(pattern=r"^-?[0-9]+\.[0-9]{2}$", title="money")]
"""An amount in yuan as a decimal string with two places ("7350000.00"): JSON has no decimal."""
Moment = datetime
"""An ISO 8601 moment with its offset, as the feed carries it."""
Record = dict[str, Any]
"""A nested object; its keys are described by the event's notes."""


@dataclass(frozen=True, eq=False)
class EventType:
    """One event type of the outbox: its name, version, what emits it and its payload fields.

    `fields` are always present; `optional` may be absent (or null) depending on the path that
    emitted the event. The payload holds exactly these keys: a new key is a new schema version.
    """

    name: str
    subject_type: str
    actions: tuple[str, ...]
    when: str
    when_zh: str
    fields: dict[str, Any]
    optional: dict[str, Any] = field(default_factory=dict)
    version: int = 1


class UnknownEventType(ValidationError):
    """An event type the catalog does not know (`events.unknown_type`)."""

    def __init__(self, name: str) -> None:
        super().__init__("events.unknown_type", f"Event type {name!r} is not in the catalog",
                         f"事件类型 {name!r} 不在事件目录中", {"type": name})


_MODELS: dict[tuple[str, int], type[BaseModel]] = {}


def _model(entry: EventType) -> type[BaseModel]:
    """The pydantic model of `entry`'s payload: required fields, optional ones, nothing else."""
    spec: dict[str, Any] = {name: (kind, ...) for name, kind in entry.fields.items()}
    spec.update({name: (kind | None, None) for name, kind in entry.optional.items()})
    model: type[BaseModel] = create_model(
        f"{entry.name}Payload", __config__=ConfigDict(extra="forbid", strict=False), **spec)
    return model


def payload_model(entry: EventType) -> type[BaseModel]:
    """The payload model of one catalog entry (built once per name and version)."""
    key = (entry.name, entry.version)
    if key not in _MODELS:
        _MODELS[key] = _model(entry)
    return _MODELS[key]
