"""Publication settings: the OCDS ocid prefix, the publisher, and how organisations are identified."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zhaocai.errors import ValidationError, parse

OCID_PREFIX = re.compile(r"^ocds-[a-z0-9]{6}$")
BID_EXTENSION_URL = ("https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/"
                     "v1.1.5/extension.json")


def validate_ocid_prefix(prefix: str) -> str:
    """Return `prefix` if it is an OCDS ocid prefix (`ocds-` plus six lowercase letters or digits).

    Raises `ValidationError` with code `publish.ocid_prefix` otherwise.
    """
    if not isinstance(prefix, str) or not OCID_PREFIX.match(prefix):
        raise ValidationError(
            "publish.ocid_prefix",
            f"{prefix!r} is not an OCDS ocid prefix: it must be 'ocds-' followed by six lowercase "
            "letters or digits (e.g. 'ocds-zc2026'), as registered with the Open Contracting Partnership",
            f"{prefix!r} 不是有效的 OCDS `ocid` 前缀：须为 'ocds-' 加六位小写字母或数字（如 'ocds-zc2026'）",
            {"prefix": repr(prefix), "pattern": OCID_PREFIX.pattern},
        )
    return prefix


class PublishSettings(BaseModel):
    """How zhaocai publishes: the ocid prefix, the publisher block and organisation identifiers.

    `identifier_scheme` names the register of the unified social credit code (统一社会信用代码)
    in `parties[].identifier.scheme`; set it to the org-id.guide code your publication uses.
    `buyer_identifiers` maps a buyer's name (as written on tenders) to its credit code.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    ocid_prefix: str = "ocds-zc0000"
    publisher_name: str = Field(default="zhaocai", min_length=1, max_length=200)
    publisher_uri: str | None = None
    publisher_scheme: str | None = None
    publisher_uid: str | None = None
    license: str | None = Field(default=None, description="URL of the data licence")
    publication_policy: str | None = Field(default=None, description="URL of the publication policy")
    identifier_scheme: str = Field(default="CN-USCC", min_length=1, max_length=40)
    buyer_identifiers: dict[str, str] = Field(default_factory=dict)
    language: str = "zh"

    @field_validator("ocid_prefix")
    @classmethod
    def _prefix(cls, value: str) -> str:
        if not OCID_PREFIX.match(value):
            raise ValueError("the ocid prefix must be 'ocds-' followed by six lowercase letters or digits")
        return value

    @classmethod
    def of(cls, data: PublishSettings | Mapping[str, Any] | None = None) -> PublishSettings:
        """Settings from a mapping (typed errors: `publish.ocid_prefix` for a bad prefix)."""
        if data is None:
            return cls()
        if isinstance(data, PublishSettings):
            return data
        if "ocid_prefix" in data:
            validate_ocid_prefix(data["ocid_prefix"])
        return parse(cls, data)

    def ocid(self, tender_id: str) -> str:
        """The ocid of a tender's contracting process: the prefix and the tender id."""
        return f"{self.ocid_prefix}-{tender_id}"

    def publisher(self) -> dict[str, Any]:
        """The package's `publisher` block."""
        block: dict[str, Any] = {"name": self.publisher_name}
        for key, value in (("scheme", self.publisher_scheme), ("uid", self.publisher_uid),
                           ("uri", self.publisher_uri)):
            if value:
                block[key] = value
        return block
