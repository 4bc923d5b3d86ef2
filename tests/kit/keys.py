"""Keys for tests: one key file for the whole test run (mode 0600, outside every store), made
the platform's default through `ZHAOCAI_KEY_FILE`, and a scan of a store for private key bytes.

`use_kit_keys()` runs once per test session (tests/conftest.py), before any store is opened, so
every `Platform.open(url)` in the tests, in this process or in a worker process it starts, finds
the same keys. A test that wants another provider passes `keys=` (e.g. `LocalKeys.generate()`),
or clears the variable with monkeypatch to exercise the defaults.
"""

from __future__ import annotations

import base64
import os
import tempfile
from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from zhaocai.keys import KEY_FILE_ENV, LocalKeys, init_key_file, key_file
from zhaocai.store import normalise_url

_FOLDER = Path(tempfile.mkdtemp(prefix="zhaocai-kit-keys-"))
KIT_KEY_FILE = _FOLDER / "platform.keys"
"""The test run's key file (created by `use_kit_keys`)."""


def use_kit_keys() -> LocalKeys:
    """Create the test run's key file and make it the default for every platform opened."""
    keys = key_file(KIT_KEY_FILE) if KIT_KEY_FILE.exists() else init_key_file(KIT_KEY_FILE)
    os.environ[KEY_FILE_ENV] = str(KIT_KEY_FILE)
    return keys


def kit_keys() -> LocalKeys:
    """The test run's keys, as the platform reads them."""
    return key_file(KIT_KEY_FILE) if KIT_KEY_FILE.exists() else use_kit_keys()


def secret_forms(keys: LocalKeys) -> dict[str, str]:
    """Every form a private key could be written in: hex (both cases) and base64 (standard
    and URL-safe, with and without padding) of each secret, and of the Ed25519 secret key
    (seed + public key, as libsodium keeps it)."""
    forms: dict[str, str] = {}
    public = keys.receipt_public_key()
    for name, value in keys.secret_values().items():
        raw = bytes.fromhex(value)
        variants = [raw] + ([raw + public] if name == "receipt_signing_key" else [])
        for i, secret in enumerate(variants):
            label = f"{name}{'+public' if i else ''}"
            forms[f"{label} hex"] = secret.hex()
            forms[f"{label} HEX"] = secret.hex().upper()
            for kind, encode in (("base64", base64.b64encode), ("base64url", base64.urlsafe_b64encode)):
                encoded = encode(secret).decode("ascii")
                forms[f"{label} {kind}"] = encoded
                forms[f"{label} {kind} unpadded"] = encoded.rstrip("=")
    return forms


def private_keys_in(url: str, keys: LocalKeys) -> list[tuple[str, str, str]]:
    """(table, column, form) of every cell of the store holding one of `keys`' secrets, in
    any form of `secret_forms` (raw bytes too, for binary columns). Empty when the store
    holds no secret."""
    forms = secret_forms(keys)
    raw = {name: bytes.fromhex(value) for name, value in keys.secret_values().items()}
    found: list[tuple[str, str, str]] = []
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            for table in inspect(connection).get_table_names():
                for row in connection.execute(text(f'SELECT * FROM "{table}"')).mappings():
                    for column, value in row.items():
                        if value is None:
                            continue
                        if isinstance(value, (bytes, bytearray, memoryview)):
                            cell = bytes(value)
                            found += [(table, column, f"{name} raw") for name, secret in raw.items()
                                      if secret in cell]
                            cell_text = cell.decode("latin-1")
                        else:
                            cell_text = str(value)
                        found += [(table, column, form) for form, secret in forms.items() if secret in cell_text]
    finally:
        engine.dispose()
    return found
