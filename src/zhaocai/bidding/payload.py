"""What a bidder offers: the bid payload (sealed before it is stored) and its two halves."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from zhaocai.limits import MAX_DOCUMENT_CHARS, MAX_LIST
from zhaocai.money import CENT, to_decimal
from zhaocai.store.types import canonical_json

# A plain positive-looking amount of at most two decimals: exactly what `to_decimal` would accept
# and return as `Decimal(value).quantize(CENT)`; anything else goes through `to_decimal` itself.
_PLAIN_AMOUNT = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,2})?")  # 15 digits: within MAX_AMOUNT


class LotBid(BaseModel):
    """The offer for one lot: its price (a string of yuan, two decimals at most) and responses."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lot: str = Field(min_length=1, max_length=64)
    price: Decimal = Field(description="Total price offered for the lot, in yuan")
    technical: dict[str, str] = Field(default_factory=dict, description="technical responses")
    commercial: dict[str, str] = Field(default_factory=dict, description="commercial responses")

    @field_validator("price", mode="before")
    @classmethod
    def _exact(cls, value: Any) -> Decimal:
        if type(value) is str and _PLAIN_AMOUNT.fullmatch(value):
            amount = Decimal(value).quantize(CENT)  # the fast path for the usual input
        else:
            amount = to_decimal(value, field="price")
        if amount <= 0:
            raise ValueError("price must be positive")
        return amount


class DocumentMetadata(BaseModel):
    """Who made the bid documents: the signals Reg 40 uses to flag deemed collusion."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    author: str | None = Field(default=None, max_length=200)
    agent: str | None = Field(default=None, max_length=200)
    project_manager: str | None = Field(default=None, max_length=200)


class BidPayload(BaseModel):
    """A complete bid in clear: what the sealed envelope contains."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    lots: list[LotBid] = Field(min_length=1, max_length=MAX_LIST)
    documents: DocumentMetadata = Field(default_factory=DocumentMetadata)
    bid_security_account: str | None = Field(default=None, max_length=64,
                                             description="account the bid security came from")

    @field_validator("lots")
    @classmethod
    def _distinct_lots(cls, lots: list[LotBid]) -> list[LotBid]:
        if len(lots) == 1:
            return lots
        names = [lot.lot for lot in lots]
        if len(set(names)) != len(names):
            raise ValueError("each lot may be priced once")
        return lots

    @model_validator(mode="after")
    def _bounded(self) -> BidPayload:
        # The whole document, as it is sealed and stored, is bounded (`zhaocai.limits`).
        if len(canonical_json(self.model_dump(mode="json"))) > MAX_DOCUMENT_CHARS:
            raise ValueError(f"the bid is longer than the {MAX_DOCUMENT_CHARS:,} characters allowed")
        return self

    @property
    def total(self) -> Decimal:
        """The sum of the lot prices."""
        return sum((lot.price for lot in self.lots), Decimal("0.00"))

    def split(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(technical part, commercial part) for two envelopes (双信封); prices go commercial."""
        technical = {
            "lots": [{"lot": lot.lot, "technical": lot.technical} for lot in self.lots],
            "documents": self.documents.model_dump(mode="json"),
        }
        commercial = {
            "lots": [{"lot": lot.lot, "price": str(lot.price), "commercial": lot.commercial}
                     for lot in self.lots],
            "bid_security_account": self.bid_security_account,
        }
        return technical, commercial

    @classmethod
    def join(cls, technical: dict[str, Any], commercial: dict[str, Any]) -> BidPayload:
        """Rebuild the payload from its two opened halves."""
        tech = {lot["lot"]: lot.get("technical", {}) for lot in technical.get("lots", [])}
        return cls.model_validate({
            "lots": [{**lot, "technical": tech.get(lot["lot"], {})} for lot in commercial["lots"]],
            "documents": technical.get("documents") or {},
            "bid_security_account": commercial.get("bid_security_account"),
        })
