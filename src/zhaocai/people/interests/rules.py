"""Declared interests and recusal (利益申报与回避): the pure rules.

A person declares, over time, the interests that may bind them to a supplier: the employer of a
relative, a former employer (an interest for three years after leaving), a shareholding, or
another related person (known only by the keyed hash of their identity number). Whether a person
must step aside from a duty towards a supplier is decided here, from the person's declarations
and the supplier register's facts of that supplier (its id, credit code, name, and the identity
hashes of its related persons): one function, `conflicts`, used by every duty. No database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from zhaocai.errors import PermissionDenied

FORMER_EMPLOYER_YEARS = 3
"""A former employer remains an interest for this many years after the person left it."""


class InterestKind(StrEnum):
    """What binds a person to a supplier."""

    RELATIVE_EMPLOYER = "relative_employer"  # a relative works there
    FORMER_EMPLOYER = "former_employer"  # the person worked there (three years after leaving)
    SHAREHOLDING = "shareholding"  # the person holds shares in it
    RELATED_PERSON = "related_person"  # a person close to the declarant (by identity hash)


class Relation(StrEnum):
    """Who the related person or relative is to the declarant."""

    SPOUSE = "spouse"
    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    OTHER_RELATIVE = "other_relative"
    SELF = "self"
    OTHER = "other"


RELATION_ZH = {"spouse": "配偶", "parent": "父母", "child": "子女", "sibling": "兄弟姐妹",
               "other_relative": "其他近亲属", "self": "本人", "other": "其他关系人"}


class Duty(StrEnum):
    """The duties towards a supplier from which an interest makes a person step aside."""

    ADMISSION_REVIEWER = "admission_reviewer"
    SITE_INSPECTOR = "site_inspector"
    DRAFTER = "drafter"
    INQUIRY_OFFICER = "inquiry_officer"
    CUSTODIAN = "custodian"
    COMMITTEE_REPRESENTATIVE = "committee_representative"
    COMMITTEE_EXPERT = "committee_expert"
    AWARD_APPROVER = "award_approver"
    CONTRACT_SIGNATORY = "contract_signatory"
    TENDER = "tender"  # any other act on a tender whose bidders are known


DUTY_ZH = {"admission_reviewer": "准入审核", "site_inspector": "现场考察", "drafter": "招标文件编制",
           "inquiry_officer": "询价", "custodian": "开标密钥保管", "committee_representative": "招标人代表",
           "committee_expert": "评标专家", "award_approver": "定标审批", "contract_signatory": "合同签订",
           "tender": "项目办理"}


@dataclass(frozen=True)
class Declared:
    """One declaration as the rules see it. `credit_code` and `name` name a company (the
    relative's or former employer, the company held); `person_hash` a related person;
    `ended_at` when a former employment ended."""

    id: str
    kind: str
    relation: str
    declared_at: datetime
    credit_code: str | None = None
    name: str | None = None
    person_hash: str | None = None
    ended_at: datetime | None = None


@dataclass(frozen=True)
class SupplierFacts:
    """What the supplier register records of a supplier that an interest may touch."""

    supplier_id: str
    credit_code: str
    name: str
    person_hashes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Conflict:
    """A declaration that binds a person to a supplier, with the reason in both languages."""

    declaration_id: str
    supplier_id: str
    kind: str
    en: str
    zh: str


def normalise_name(name: str) -> str:
    """A company name as compared: width-folded, without spaces, brackets alike (（） = ())."""
    folded = unicodedata.normalize("NFKC", name)
    return re.sub(r"\s+", "", folded).casefold()


def add_years(moment: datetime, years: int) -> datetime:
    """`moment` moved by whole calendar years (29 February becomes 28 February)."""
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:
        return moment.replace(year=moment.year + years, day=28)


def in_effect(declared: Declared, at: datetime) -> bool:
    """Whether a declaration counts at `at`: made by then, and a former employment left less
    than `FORMER_EMPLOYER_YEARS` years before."""
    if declared.declared_at > at:
        return False
    if declared.kind == InterestKind.FORMER_EMPLOYER.value and declared.ended_at is not None:
        return at < add_years(declared.ended_at, FORMER_EMPLOYER_YEARS)
    return True


def _names_company(declared: Declared, supplier: SupplierFacts) -> bool:
    if declared.credit_code and declared.credit_code.strip().upper() == supplier.credit_code.upper():
        return True
    return bool(declared.name) and normalise_name(declared.name or "") == normalise_name(supplier.name)


def _reason(declared: Declared, supplier: SupplierFacts) -> tuple[str, str]:
    who, who_zh = declared.relation.replace("_", " "), RELATION_ZH.get(declared.relation, "关系人")
    name = supplier.name
    return {
        InterestKind.RELATIVE_EMPLOYER.value: (
            f"a declared relative ({who}) works at {name}", f"本人申报的近亲属（{who_zh}）在{name}任职"),
        InterestKind.FORMER_EMPLOYER.value: (
            f"worked at {name} within the last {FORMER_EMPLOYER_YEARS} years",
            f"近{FORMER_EMPLOYER_YEARS}年内曾在{name}任职"),
        InterestKind.SHAREHOLDING.value: (f"holds shares in {name}", f"持有{name}的股份"),
        InterestKind.RELATED_PERSON.value: (
            f"a declared related person ({who}) is a related person of {name}",
            f"本人申报的关系人（{who_zh}）系{name}的关联人"),
    }[declared.kind]


def touches(declared: Declared, supplier: SupplierFacts) -> bool:
    """Whether the declaration names this supplier (whatever the moment)."""
    if declared.kind == InterestKind.RELATED_PERSON.value:
        return declared.person_hash is not None and declared.person_hash in supplier.person_hashes
    return _names_company(declared, supplier)


def conflicts(declarations: Iterable[Declared], suppliers: Sequence[SupplierFacts],
              at: datetime) -> list[Conflict]:
    """Every declaration in effect at `at` that binds the person to one of `suppliers`, by
    supplier id then declaration id. Empty: the person may act towards all of them."""
    decls = [d for d in declarations if in_effect(d, at)]
    found = []
    for supplier in sorted(suppliers, key=lambda s: s.supplier_id):
        for declared in sorted(decls, key=lambda d: d.id):
            if touches(declared, supplier):
                en, zh = _reason(declared, supplier)
                found.append(Conflict(declared.id, supplier.supplier_id, declared.kind, en, zh))
    return found


def recused(person_id: str, person_name: str, duty: Duty | str, conflict: Conflict,
            tender_id: str | None = None) -> PermissionDenied:
    """The refusal of an act by a person who must step aside (`person.recused`)."""
    duty = Duty(duty)
    where_en = f" on tender {tender_id}" if tender_id else ""
    where_zh = f"（项目 {tender_id}）" if tender_id else ""
    return PermissionDenied(
        "person.recused",
        f"{person_name} ({person_id}) must step aside as {duty.value.replace('_', ' ')}{where_en} "
        f"for supplier {conflict.supplier_id}: {conflict.en}",
        f"{person_name}（{person_id}）须回避对供应商 {conflict.supplier_id} 的{DUTY_ZH[duty.value]}"
        f"{where_zh}：{conflict.zh}",
        {"person_id": person_id, "duty": duty.value, "supplier_id": conflict.supplier_id,
         "tender_id": tender_id, "reason": conflict.kind, "declaration_id": conflict.declaration_id})


def per_supplier(found: Iterable[Conflict]) -> list[Conflict]:
    """The first conflict with each supplier, in order (one recusal record per supplier)."""
    first: dict[str, Conflict] = {}
    for conflict in found:
        first.setdefault(conflict.supplier_id, conflict)
    return list(first.values())
