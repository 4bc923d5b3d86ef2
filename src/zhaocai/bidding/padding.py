"""Padding a bid before it is sealed, so that an envelope's length tells nothing inside a bucket.

A sealed box is exactly 48 bytes longer than what it seals, so without padding the length of a
stored envelope follows the length of its JSON: a price of 7,654,321.09 seals 8 characters
longer than 100.00, and a long technical response shows its size. Before sealing, the canonical
JSON is padded with trailing spaces (which every JSON parser ignores, so opening is unchanged) to
the smallest bucket that holds it:

- 4 KiB for anything up to 4 KiB (every ordinary priced bid: all look the same);
- the next power of two up to 1 MiB (8, 16, 32 … 1024 KiB);
- whole MiB above that (a large technical response reveals its size to the MiB at most).

The platform refuses an envelope whose sealed length is not a bucket plus the box overhead, so a
client that seals with its own tools must pad the same way (`pad`, or `seal_bid`, which pads).
"""

from __future__ import annotations

import nacl.bindings

SMALLEST_BUCKET = 4 * 1024
POWER_OF_TWO_UP_TO = 1024 * 1024
LARGE_STEP = 1024 * 1024
BOX_OVERHEAD = nacl.bindings.crypto_box_SEALBYTES  # ephemeral public key + MAC: 48 bytes


def bucket_for(length: int) -> int:
    """The padded length for a plaintext of `length` bytes."""
    if length <= SMALLEST_BUCKET:
        return SMALLEST_BUCKET
    if length <= POWER_OF_TWO_UP_TO:
        return 1 << (length - 1).bit_length()
    return -(-length // LARGE_STEP) * LARGE_STEP


def is_bucket(length: int) -> bool:
    """Whether `length` is one of the bucket sizes."""
    return length >= SMALLEST_BUCKET and bucket_for(length) == length


def pad(plaintext: bytes) -> bytes:
    """`plaintext` (JSON) followed by spaces up to its bucket."""
    return plaintext + b" " * (bucket_for(len(plaintext)) - len(plaintext))


def unpad(padded: bytes) -> bytes:
    """The JSON that `pad` padded: its trailing whitespace removed (a JSON text ends in a bracket,
    a quote or a digit, never in whitespace, so nothing of it is lost)."""
    return padded.rstrip()  # every ASCII space kind: JSON's own whitespace, several times faster


def is_padded_ciphertext(ciphertext_length: int) -> bool:
    """Whether a sealed box of this many bytes holds a padded plaintext."""
    return is_bucket(ciphertext_length - BOX_OVERHEAD)
