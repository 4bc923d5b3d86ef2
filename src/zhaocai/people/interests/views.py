"""What a person gives to declare an interest (`NewInterest`) and what the register answers
(`InterestView`, `RecusalView`)."""

from __future__ import annotations

from datetime import datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from zhaocai.people.interests.rules import InterestKind, Relation
from zhaocai.people.interests.tables import InterestRow, RecusalRow

_COMPANY = {InterestKind.RELATIVE_EMPLOYER, InterestKind.FORMER_EMPLOYER, InterestKind.SHAREHOLDING}


class NewInterest(BaseModel):
    """An interest the person declares for themself. A company (the relative's employer, a
    former employer, a company held) is named by its unified social credit code, its name, or
    both; a related person by their identity number, which the register keeps only as a keyed
    hash. `ended_at`: when a former employment ended (the interest lasts three years after)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: InterestKind
    relation: Relation = Relation.SELF
    credit_code: str | None = Field(default=None, min_length=18, max_length=18)
    company_name: str | None = Field(default=None, min_length=1, max_length=200)
    identity_number: str | None = Field(default=None, min_length=1, max_length=64)
    ended_at: AwareDatetime | None = None
    note: str = Field(default="", max_length=2000)

    @model_validator(mode="after")
    def _complete(self) -> NewInterest:
        if self.kind in _COMPANY and not (self.credit_code or self.company_name):
            raise ValueError("name the company by its credit code or its name")
        if self.kind == InterestKind.RELATED_PERSON and not self.identity_number:
            raise ValueError("a related person is declared with their identity number")
        if self.kind == InterestKind.RELATIVE_EMPLOYER and self.relation in (Relation.SELF, Relation.OTHER):
            raise ValueError("a relative's employer names the relative (spouse, parent, child, ...)")
        if self.ended_at is not None and self.kind != InterestKind.FORMER_EMPLOYER:
            raise ValueError("ended_at is for a former employer only")
        return self


class InterestView(BaseModel):
    """A declaration as the register keeps it (a related person only as a hash prefix)."""

    model_config = ConfigDict(frozen=True)

    id: str
    person_id: str
    kind: str
    relation: str
    credit_code: str | None
    company_name: str | None
    person_hash: str | None
    ended_at: datetime | None
    note: str
    declared_at: datetime


class RecusalView(BaseModel):
    """A recorded recusal: who stepped aside from which duty, on which tender, towards which
    supplier, why and when."""

    model_config = ConfigDict(frozen=True)

    person_id: str
    duty: str
    tender_id: str
    supplier_id: str
    declaration_id: str
    reason: str
    reason_en: str
    reason_zh: str
    recorded_by: str
    recorded_at: datetime


def interest_view(row: InterestRow) -> InterestView:
    """The row as a view."""
    return InterestView(id=row.id, person_id=row.person_id, kind=row.kind, relation=row.relation,
                        credit_code=row.credit_code, company_name=row.company_name,
                        person_hash=f"hmac:{row.person_hash[:16]}" if row.person_hash else None,
                        ended_at=row.ended_at, note=row.note, declared_at=row.declared_at)


def recusal_view(row: RecusalRow) -> RecusalView:
    """The row as a view."""
    return RecusalView(person_id=row.person_id, duty=row.duty, tender_id=row.tender_id,
                       supplier_id=row.supplier_id, declaration_id=row.declaration_id,
                       reason=row.reason, reason_en=row.reason_en, reason_zh=row.reason_zh,
                       recorded_by=row.recorded_by, recorded_at=row.recorded_at)
