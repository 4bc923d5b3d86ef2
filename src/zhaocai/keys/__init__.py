"""The platform's keys, kept out of the store: the provider interface, its sources (a key file,
the environment), and the public halves the store keeps (see docs/keys.md)."""

from zhaocai.keys.provider import KeyProvider, LocalKeys, MissingKeys
from zhaocai.keys.sources import (
    IDENTITY_KEY_ENV,
    KEY_FILE_ENV,
    SIGNING_KEY_ENV,
    default_keys,
    environment_keys,
    init_key_file,
    key_file,
    rotate_key_file,
)
from zhaocai.keys.tables import ReceiptKeyRow

__all__ = ["IDENTITY_KEY_ENV", "KEY_FILE_ENV", "SIGNING_KEY_ENV", "KeyProvider", "LocalKeys", "MissingKeys",
           "ReceiptKeyRow", "default_keys", "environment_keys", "init_key_file", "key_file",
           "rotate_key_file"]
