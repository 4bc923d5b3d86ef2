"""Identifiers for made-up parties: unified social credit codes and identity numbers."""

from __future__ import annotations

from zhaocai.identifiers import CREDIT_CODE_CHARSET, credit_code_check_character


def make_credit_code(seed: int) -> str:
    """A valid unified social credit code, distinct for each seed (0 ≤ seed < 31**9)."""
    body = ""
    n = seed
    for _ in range(9):
        n, r = divmod(n, 31)
        body = CREDIT_CODE_CHARSET[r] + body
    first17 = "91" + "330782" + body  # enterprise, Yiwu division code
    return first17 + credit_code_check_character(first17)


def make_identity_number(seed: int) -> str:
    """A made-up 18-character identity number (not validated by the library).

    Every generated application takes the next seed of one running sequence
    (`zhaocai.testing.suppliers.register_admitted_supplier`), so a literal seed here names whichever
    supplier the sequence later gives that seed: for a person two suppliers share on purpose use
    `shared_identity_number`.
    """
    area = "330784" if seed >= GENERATED_SEEDS else "330782"  # the running sequence's own area
    return f"{area}{19800101 + seed % 1000:08d}{seed % 10000:04d}"


GENERATED_SEEDS = 1_000_000
"""Where the running seed sequence of generated suppliers begins: far above any literal seed a
test passes, and with its own identity area and phone prefix, so a generated supplier never shares
a credit code, an identity number or a phone with one a test made by its seed."""


def shared_identity_number(tag: int) -> str:
    """An identity number that no generated application carries (another area code), for a person
    two suppliers share on purpose: `make_identity_number` of a literal seed would collide with the
    supplier that the running seed sequence later gives that seed."""
    return f"330783{19800101 + tag % 1000:08d}{tag % 10000:04d}"
