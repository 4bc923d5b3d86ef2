"""Idempotency: a retried command with the same key returns the first result, changing nothing.

The key is bound to its actor, its action and its request: the sha256 of the canonical JSON of
(action, request) is stored with the first result, and a repeat whose request differs is refused
(`idempotency.request_mismatch`) instead of being answered with a receipt for another request.

Every command takes the key the same way: `@acting` (zhaocai.acting) takes `idempotency_key=`
off the call and hands it, with the command's arguments as its request, to the first transaction
the command runs (`pending`, `take_pending`); the runner looks the key up and stores it there.
Commands that build their own request (a registration hashes identity numbers first, a bid reads
its arrival first) take the key themselves and pass it to the runner.
"""

from __future__ import annotations

import hashlib
import importlib
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlmodel import Session

from zhaocai.actors import Actor
from zhaocai.errors import ConflictError, ValidationError
from zhaocai.store.schema import IdempotencyRow
from zhaocai.store.types import canonical_json


def encode_result(result: Any) -> Any:
    """A JSON form of a command result that `decode_result` turns back into the same value."""
    if isinstance(result, BaseModel):
        cls = type(result)
        return {"model": f"{cls.__module__}:{cls.__qualname__}", "data": result.model_dump(mode="json")}
    if isinstance(result, list):
        return {"list": [encode_result(item) for item in result]}
    if isinstance(result, tuple):
        return {"tuple": [encode_result(item) for item in result]}
    if isinstance(result, dict) and any(isinstance(v, (BaseModel, list, tuple)) for v in result.values()):
        return {"dict": {str(k): encode_result(v) for k, v in result.items()}}
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
    if "tuple" in stored:
        return tuple(decode_result(item) for item in stored["tuple"])
    if "dict" in stored:
        return {k: decode_result(v) for k, v in stored["dict"].items()}
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


KEY_MAX_LENGTH = 200
"""The longest idempotency key accepted (a UUID, an ERP's document number and a prefix fit)."""


def check_key(key: object) -> str:
    """`key` if it is a usable idempotency key: a non-blank string of at most `KEY_MAX_LENGTH`
    characters, none of them a control character (`idempotency.key_invalid`)."""
    if (not isinstance(key, str) or not key.strip() or len(key) > KEY_MAX_LENGTH
            or any(unicodedata.category(c) == "Cc" for c in key)):
        raise ValidationError(
            "idempotency.key_invalid",
            f"An idempotency key is a non-blank string of at most {KEY_MAX_LENGTH} characters, "
            "without control characters",
            f"幂等键须为非空字符串，长度不超过 {KEY_MAX_LENGTH} 个字符，且不含控制字符",
            {"max_length": KEY_MAX_LENGTH})
    return key


@dataclass
class Pending:
    """A key `@acting` took off a command's call, for the first transaction the command runs."""

    key: str
    request: Callable[[Session], Any]
    taken: bool = False


_PENDING: ContextVar[Pending | None] = ContextVar("zhaocai_idempotency_pending", default=None)


@contextmanager
def pending(key: str, request: Callable[[Session], Any]) -> Iterator[Pending]:
    """While a command runs, its key and request wait for the command's first transaction."""
    waiting = Pending(check_key(key), request)
    token = _PENDING.set(waiting)
    try:
        yield waiting
    finally:
        _PENDING.reset(token)


def take_pending() -> Pending | None:
    """The waiting key of the command being run, once: the first transaction takes it, a later
    one (none of the commands runs two) would not replay the first one's result."""
    waiting = _PENDING.get()
    if waiting is None or waiting.taken:
        return None
    waiting.taken = True
    return waiting


def keyed_request(arguments: dict[str, Any], hash_with: Callable[[bytes], bytes]) -> Callable[[Session], Any]:
    """A command's arguments as a request whose digest is keyed (`hash_with`, the identity key's
    HMAC): inputs may hold identity numbers, and a plain sha256 of one could be reversed by
    guessing."""
    text = canonical_json({name: _jsonable(value) for name, value in arguments.items()})

    def request(session: Session) -> Any:
        return {"hmac": hash_with(text.encode("utf-8")).hex()}

    return request


def _jsonable(value: Any) -> Any:
    """A value `canonical_json` writes; anything it cannot write stands as its repr."""
    try:
        canonical_json(value)
    except TypeError:
        if isinstance(value, dict):
            return {str(k): _jsonable(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [_jsonable(v) for v in value]
        return repr(value)
    return value
