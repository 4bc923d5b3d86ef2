"""Idempotency: a retried command with the same key returns the first result, changing nothing.

The key is bound to its actor, its action and its request: the sha256 of the canonical JSON of
(action, request) is stored with the first result, and a repeat whose request differs is refused
(`idempotency.request_mismatch`) instead of being answered with a receipt for another request.
"""

from __future__ import annotations

import hashlib
import importlib
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session

from zhaocai.actors import Actor
from zhaocai.errors import ConflictError
from zhaocai.store.schema import IdempotencyRow
from zhaocai.store.types import canonical_json


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


def request_digest(session: Session, action: str, request: Any) -> str | None:
    """sha256 of the canonical JSON of (action, request); None when there is no request.

    `request` is a JSON-able value (Decimals, aware datetimes, enums and models as
    `canonical_json` writes them), or a callable of the session returning one: for an input
    whose digest needs a key held in the store (identity numbers go in as their keyed hashes).
    """
    if callable(request):
        request = request(session)
    if request is None:
        return None
    return hashlib.sha256(canonical_json([action, request]).encode("utf-8")).hexdigest()


def lookup(session: Session, key: str, actor: Actor | str, action: str,
           request: Any = None) -> tuple[bool, Any]:
    """(found, result) for `key`; the same key for another command, actor or request conflicts.

    A repeat is a replay only if its request digest equals the stored one (both None when the
    command was sent without a request).
    """
    row = session.get(IdempotencyRow, key)
    if row is None:
        return False, None
    actor_id = actor if isinstance(actor, str) else actor.id
    if row.action != action or row.actor_id != actor_id:
        raise ConflictError(
            "idempotency.mismatch",
            f"Idempotency key {key!r} was used for {row.action} by {row.actor_id}",
            f"幂等键 {key!r} 已被 {row.actor_id} 用于 {row.action}",
            {"key": key, "action": row.action},
        )
    if request_digest(session, action, request) != row.request_digest:
        raise ConflictError(
            "idempotency.request_mismatch",
            f"Idempotency key {key!r} was used for {action} with a different request",
            f"幂等键 {key!r} 已用于内容不同的 {action} 请求",
            {"key": key, "action": action},
        )
    return True, decode_result(row.result)
