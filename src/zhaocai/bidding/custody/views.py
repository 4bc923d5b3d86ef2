"""What custody's commands and reads return (pydantic; none of them carries a share in clear)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict


class CustodianKeyView(BaseModel):
    """A custodian's registered public key (public: anyone may seal to it)."""

    model_config = ConfigDict(frozen=True)

    id: str
    actor_id: str
    public_key: str
    registered_at: datetime
    replaced_at: datetime | None = None


class SealedSeat(BaseModel):
    """A custodian's seat as publication reports it: who, which key, which share (by fingerprint)."""

    model_config = ConfigDict(frozen=True)

    index: int
    custodian_id: str
    name: str
    key_id: str
    fingerprint: str


class SealedShareView(BaseModel):
    """A custodian's own share, sealed to their key: open it with `open_share` on one's own machine."""

    model_config = ConfigDict(frozen=True)

    tender_id: str
    index: int
    custodian_id: str
    key_id: str
    public_key: str
    sealed_share: str
    fingerprint: str


class Presentation(BaseModel):
    """A custodian's presentation of their share after the deadline."""

    model_config = ConfigDict(frozen=True)

    tender_id: str
    index: int
    custodian_id: str
    presented_at: datetime
    presented: int
    threshold: int
