"""Idempotency: a retried command with the same key returns the first result, changing nothing."""

from __future__ import annotations

import importlib
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session

from zhaocai.actors import Actor
from zhaocai.errors import ConflictError
from zhaocai.store.schema import IdempotencyRow


def encode_result(result: Any) -> Any:
    """A JSON form of a command result that `decode_result` turns back into the same value."""
    if isinstance(result, BaseModel):
        cls = type(result)
        return {"model": f"{cls.__module__}:{cls.__qualname__}", "data": result.model_dump(mode="json")}
    if isinstance(result, list):
        return {"list": [encode_result(item) for item in result]}
    return {"value": result}


def decode_result(stored: Any) -> Any:
    """Rebuild a result stored by `encode_result`."""
    if "model" in stored:
        module, _, qualname = stored["model"].partition(":")
        cls: Any = importlib.import_module(module)
        for part in qualname.split("."):
            cls = getattr(cls, part)
        return cls.model_validate(stored["data"])
    if "list" in stored:
        return [decode_result(item) for item in stored["list"]]
    return stored["value"]


def lookup(session: Session, key: str, actor: Actor, action: str) -> tuple[bool, Any]:
    """(found, result) for `key`; the same key for another command or actor is a conflict."""
    row = session.get(IdempotencyRow, key)
    if row is None:
        return False, None
    if row.action != action or row.actor_id != actor.id:
        raise ConflictError(
            "idempotency.mismatch",
            f"Idempotency key {key!r} was used for {row.action} by {row.actor_id}",
            f"幂等键 {key!r} 已被 {row.actor_id} 用于 {row.action}",
            {"key": key, "action": row.action},
        )
    return True, decode_result(row.result)
