"""External references: the ERP's own number for a supplier, a tender, a contract or a
performance record (a requisition, a purchase order, a vendor number).

A reference is optional, short and plain (`EXTERNAL_REF_PATTERN`): it is stored beside the
record, shown in its view and echoed in the events the recording command emits, so that an ERP
reading the outbox finds its own document without a mapping table. zhaocai never interprets it
and never publishes it.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field

from zhaocai.errors import ValidationError

EXTERNAL_REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._/:#-]{0,63}$"
"""1 to 64 characters: ASCII letters and digits, then also `. _ / : # -`."""

ExternalRef = Annotated[str, Field(
    pattern=EXTERNAL_REF_PATTERN, max_length=64,
    description="the ERP's own reference (requisition, purchase order ...): 1–64 characters, "
                "ASCII letters and digits, then also . _ / : # -")]
"""The type of an `external_ref` field of an input model."""

_PATTERN = re.compile(EXTERNAL_REF_PATTERN)


def check_external_ref(value: object) -> str | None:
    """`value` if it is None or a valid external reference, else `input.external_ref`."""
    if value is None or (isinstance(value, str) and _PATTERN.fullmatch(value)):
        return value
    raise ValidationError(
        "input.external_ref",
        "An external reference is 1 to 64 characters: ASCII letters and digits, then also . _ / : # -",
        "外部参考号须为 1 至 64 个字符：以字母或数字开头，仅含字母、数字及 . _ / : # - 符号",
        {"external_ref": value if isinstance(value, str) else repr(value)})
