"""Where `LocalKeys` come from: a key file with restricted permissions, or environment variables,
and which of them `Platform.open` takes when it is given no provider (`default_keys`).

A key file is JSON, readable by its owner only (mode 0600); one readable or writable by group
or others is refused (`keys.file_permissions`), as OpenSSH refuses a private key anyone else can
read. It is created with 0600 (`init_key_file`), atomically replaced on a rotation
(`rotate_key_file`), and never overwritten otherwise (`keys.file_exists`).
"""

from __future__ import annotations

import json
import os
import secrets
import stat
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.engine import make_url

from zhaocai.errors import ConflictError, NotFoundError, PermissionDenied, ValidationError
from zhaocai.keys.provider import KeyProvider, LocalKeys, MissingKeys
from zhaocai.store.engine import normalise_url

KEY_FILE_FORMAT = "zhaocai-keys/1"
KEY_FILE_ENV = "ZHAOCAI_KEY_FILE"
"""Environment variable: the path of the key file."""
SIGNING_KEY_ENV = "ZHAOCAI_SIGNING_KEY"
"""Environment variable: the receipt-signing key's 32-byte Ed25519 seed, hex."""
IDENTITY_KEY_ENV = "ZHAOCAI_IDENTITY_KEY"
"""Environment variable: the identity-hash HMAC key (32 bytes), hex."""
KEY_FILE_SUFFIX = ".keys"
"""A SQLite store's default key file is its path with this suffix (`zhaocai.db.keys`)."""


def _invalid(path: Path, reason: str) -> ValidationError:
    return ValidationError("keys.file_invalid", f"The key file {path} is not a zhaocai key file: {reason}",
                           "密钥文件格式无效，无法读取平台密钥。", {"path": str(path), "reason": reason})


def _hex_key(value: object, name: str) -> bytes:
    """32 bytes from 64 hex digits; anything else is the caller's error."""
    if not isinstance(value, str) or len(value) != 64:
        raise ValueError(f"{name} must be 64 hex digits")
    try:
        return bytes.fromhex(value)
    except ValueError as exc:
        raise ValueError(f"{name} must be 64 hex digits") from exc


def require_private(path: Path) -> None:
    """Refuse a key file that its group or others may read or write (`keys.file_permissions`)."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if os.name == "posix" and mode & 0o077:
        raise PermissionDenied(
            "keys.file_permissions",
            f"The key file {path} has mode {mode:04o}: its group or others may read or write it. "
            f"Run `chmod 600 {path}` (and check who could have copied it).",
            f"密钥文件权限过宽（{mode:04o}），同组或其他用户可读取。请将其权限改为仅所有者可读写"
            f"（600），并核查密钥是否已被他人复制。",
            {"path": str(path), "mode": f"{mode:04o}"})


def key_file(path: str | Path) -> LocalKeys:
    """The keys in the key file at `path`: `keys.missing` if there is none,
    `keys.file_permissions` if group or others may read it, `keys.file_invalid` if it is not one."""
    path = Path(path)
    if not path.is_file():
        raise NotFoundError("keys.missing", f"No key file at {path}",
                            "未找到密钥文件，平台无法签署回执或计算身份哈希。",
                            {"looked": [f"key file {path}"], "path": str(path)})
    require_private(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _invalid(path, str(exc)) from exc
    if not isinstance(data, dict) or data.get("format") != KEY_FILE_FORMAT:
        raise _invalid(path, f"its format is not {KEY_FILE_FORMAT}")
    try:
        seed = _hex_key(data.get("receipt_signing_key"), "receipt_signing_key")
        identity = _hex_key(data.get("identity_hmac_key"), "identity_hmac_key")
    except ValueError as exc:
        raise _invalid(path, str(exc)) from exc
    return LocalKeys(seed, identity, f"key file {path}")


def _write_private(path: Path, keys: LocalKeys, *, replace: bool) -> None:
    """Write the key file with mode 0600 from its creation (never a moment readable by others),
    whole before it appears under its name: written aside, then linked (a new file, which fails
    if one exists) or renamed over the old one (a rotation)."""
    body = json.dumps({"format": KEY_FILE_FORMAT, **keys.secret_values()}, indent=2) + "\n"
    aside = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            os.write(descriptor, body.encode("utf-8"))
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        if replace:
            os.replace(aside, path)
        else:
            os.link(aside, path)  # FileExistsError if another process was first
    finally:
        aside.unlink(missing_ok=True)


def init_key_file(path: str | Path, keys: LocalKeys | None = None) -> LocalKeys:
    """Create the key file at `path` (mode 0600) with `keys`, or fresh ones; an existing file is
    never overwritten (`keys.file_exists`). Returns the keys, as read back from the file."""
    path = Path(path)
    if path.exists():
        raise ConflictError("keys.file_exists", f"A key file already exists at {path}: it is not overwritten",
                            "该位置已有密钥文件，不予覆盖。", {"path": str(path)})
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        _write_private(path, keys or LocalKeys.generate(), replace=False)
    except FileExistsError as exc:  # another process created it first: theirs stands
        raise ConflictError("keys.file_exists", f"A key file already exists at {path}: it is not overwritten",
                            "该位置已有密钥文件，不予覆盖。", {"path": str(path)}) from exc
    return key_file(path)


def rotate_key_file(path: str | Path) -> LocalKeys:
    """Replace the receipt-signing key in the key file at `path` by a fresh one, keeping the
    identity key; the file is replaced atomically. The old private key is not kept: receipts it
    signed verify with its public half, which the store keeps."""
    path = Path(path)
    rotated = key_file(path).with_new_receipt_key()
    _write_private(path, rotated, replace=True)
    return key_file(path)


def environment_keys(environ: Mapping[str, str] | None = None) -> LocalKeys:
    """The keys in `ZHAOCAI_SIGNING_KEY` and `ZHAOCAI_IDENTITY_KEY` (64 hex digits each)."""
    env = os.environ if environ is None else environ
    missing = [name for name in (SIGNING_KEY_ENV, IDENTITY_KEY_ENV) if not env.get(name)]
    if missing:
        raise NotFoundError("keys.missing", f"Environment variable(s) {', '.join(missing)} not set",
                            "环境变量中的平台密钥不完整，缺少签收回执密钥或身份哈希密钥。",
                            {"looked": [f"environment {name}" for name in missing]})
    try:
        seed = _hex_key(env[SIGNING_KEY_ENV].strip(), SIGNING_KEY_ENV)
        identity = _hex_key(env[IDENTITY_KEY_ENV].strip(), IDENTITY_KEY_ENV)
    except ValueError as exc:
        raise ValidationError("keys.env_invalid", f"A key in the environment is malformed: {exc}",
                              "环境变量中的平台密钥格式无效，应为六十四位十六进制数字。",
                              {"reason": str(exc)}) from exc
    return LocalKeys(seed, identity, f"environment {SIGNING_KEY_ENV}, {IDENTITY_KEY_ENV}")


def sqlite_key_file(url: str) -> Path | None:
    """The default key file of a SQLite file store (its path + `.keys`); None for another store."""
    parsed = make_url(normalise_url(url))
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:" \
            or parsed.database.startswith("file:"):
        return None
    return Path(parsed.database + KEY_FILE_SUFFIX).resolve()


def default_keys(url: str, *, may_create: bool, environ: Mapping[str, str] | None = None) -> KeyProvider:
    """The provider `Platform.open` takes when given none, the first that applies:

    1. `ZHAOCAI_KEY_FILE`: that key file;
    2. `ZHAOCAI_SIGNING_KEY` / `ZHAOCAI_IDENTITY_KEY`: the keys in the environment;
    3. a SQLite file store: the key file beside it (`zhaocai.db` → `zhaocai.db.keys`).

    A key file that does not exist is created (0600, fresh keys) only when `may_create`, i.e.
    for a store that has never used a key; otherwise, and for a store with no default place (a
    PostgreSQL store, an in-memory SQLite), the provider is `MissingKeys`: the platform opens
    and every use of a key is refused with `keys.missing`.
    """
    env = os.environ if environ is None else environ
    named = env.get(KEY_FILE_ENV)
    if not named and (env.get(SIGNING_KEY_ENV) or env.get(IDENTITY_KEY_ENV)):
        return environment_keys(env)
    path = Path(named) if named else sqlite_key_file(url)
    if path is None:
        return MissingKeys([f"environment {KEY_FILE_ENV}", f"environment {SIGNING_KEY_ENV}"],
                           f"Set {KEY_FILE_ENV} (create one with `zhaocai keys init --key-file PATH`) or "
                           f"{SIGNING_KEY_ENV} and {IDENTITY_KEY_ENV}, or pass keys= to Platform.open.")
    if path.exists():
        return key_file(path)
    if may_create:
        try:
            return init_key_file(path)
        except ConflictError:  # created by another process opening the same new store
            return key_file(path)
    return MissingKeys([f"key file {path}"],
                       "This store has used keys before: restore its key file from the backup (a new "
                       "key would not match the identity hashes already kept), or set "
                       f"{KEY_FILE_ENV} to where it is.")
