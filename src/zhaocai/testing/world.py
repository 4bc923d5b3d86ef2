"""A platform made ready for an integrator's tests: the cast in its people register, with their
grants, and the custodians' public keys registered, so that a tender can be drafted, published
and opened at once."""

from __future__ import annotations

from zhaocai.platform import Platform
from zhaocai.testing.cast import register_cast
from zhaocai.testing.custody import register_custodian_keys


def ready(platform: Platform) -> Platform:
    """Register the cast (`zhaocai.testing.cast.ACTORS`: founders, staff, their roles and
    departments, approved by a second person) and the custodians' public keys; return the
    platform. A store whose register already holds the cast is left as it is."""
    register_cast(platform)
    register_custodian_keys(platform)
    return platform
