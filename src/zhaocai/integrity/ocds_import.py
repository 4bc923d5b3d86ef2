"""OCDS compiled releases → the red flags' facts: one pure function per release.

`release_facts` reads one compiled release (as published by any system, often partial) into a
`TenderFacts`, the organisations in its `parties` into `SupplierFacts`, and lists what it could not
read as `FieldIssue`s (typed codes, English and Chinese) instead of failing: a date that is not
RFC 3339, an amount that is not a number, a status outside the codelist. Only a release without
an `ocid` is refused (`integrity.ocds.no_ocid`). Reading files and packages is `ocds_read`.

The mapping (OCDS → facts): ocid → id; tender.title; buyer.id; tender.procuringEntity.id;
tender.mainProcurementCategory → category; tender.procurementMethod (and, for zhaocai's own
data, procurementMethodDetails 邀请招标 / 询价 / 单一来源) → method; tender.value.amount →
estimate; tender.tenderPeriod start and end → published_at and deadline; numberOfTenderers;
bids.details[] → bids (status, tenderers, value, date); awards[] → awards (status, suppliers,
value, items' classification ids); tender.items' classification ids; tender.status and the
awards → status. Amendments, bid securities and publicity periods are not in OCDS's structure
and are not read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from decimal import Decimal
from typing import Any

from zhaocai.errors import ValidationError
from zhaocai.integrity.facts import (
    AwardFacts,
    AwardStatusName,
    BidFacts,
    BidStatusName,
    SupplierFacts,
    TenderFacts,
    TenderMethodName,
)

LOCAL_METHODS: dict[str, TenderMethodName] = {
    "邀请招标": "invited", "询价": "inquiry", "询价采购": "inquiry",
}
"""procurementMethodDetails that, with procurementMethod selective or limited, name zhaocai's
invited tender or price inquiry (as zhaocai publishes them)."""
OCDS_METHODS: dict[str, TenderMethodName] = {
    "open": "open", "selective": "selective", "limited": "limited", "direct": "direct",
}
BID_STATUSES: frozenset[str] = frozenset({"valid", "disqualified", "pending", "invited", "withdrawn"})
AWARD_STATUSES: frozenset[str] = frozenset({"active", "pending", "cancelled", "unsuccessful"})
UNOPENED_TENDER_STATUSES = {"planning": "draft", "planned": "draft"}


@dataclass(frozen=True, slots=True)
class FieldIssue:
    """Something in a release that could not be read; the rest of the release still counts."""

    code: str
    field: str
    message_en: str
    message_zh: str


class _Reader:
    """Reads the fields of one release, collecting issues."""

    def __init__(self, ocid: str, zone: tzinfo | None) -> None:
        self.ocid, self.zone = ocid, zone
        self.issues: list[FieldIssue] = []

    def issue(self, code: str, field: str, en: str, zh: str) -> None:
        self.issues.append(FieldIssue(code, field, en, zh))

    def date(self, value: Any, field: str) -> datetime | None:
        if value is None:
            return None
        try:
            moment = datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            moment = None
        if moment is not None and moment.tzinfo is None and self.zone is not None:
            moment = moment.replace(tzinfo=self.zone)
        if moment is None or moment.utcoffset() is None:
            self.issue("integrity.ocds.date", field, f"{field}: {value!r} is not an RFC 3339 date-time "
                       "with an offset; left out", f"{field}：{value!r} 不是带时区的 RFC 3339 时间，已忽略")
            return None
        return moment

    def amount(self, value: Any, field: str) -> tuple[Decimal | None, str | None]:
        if not isinstance(value, dict):
            return None, None
        raw, currency = value.get("amount"), value.get("currency")
        currency = currency if isinstance(currency, str) else None
        if raw is None:
            return None, currency
        if isinstance(raw, bool) or not isinstance(raw, (int, Decimal)) \
                or (isinstance(raw, Decimal) and not raw.is_finite()):
            self.issue("integrity.ocds.amount", field, f"{field}: {raw!r} is not a number; left out",
                       f"{field}：{raw!r} 不是数值，已忽略")
            return None, currency
        return Decimal(raw), currency

    def status(self, value: Any, allowed: frozenset[str], field: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, str) and value in allowed:
            return value
        self.issue("integrity.ocds.status", field, f"{field}: {value!r} is not in the codelist",
                   f"{field}：{value!r} 不在代码表中")
        return "other"


def _text(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return str(value)
    return value.strip() or None if isinstance(value, str) else None


def _ids(value: Any) -> tuple[str, ...]:
    """The ids of an organisation reference or a list of them (an object counts as a list of one)."""
    items = [value] if isinstance(value, dict) else value if isinstance(value, list) else []
    return tuple(i for i in (_text(o.get("id")) for o in items if isinstance(o, dict)) if i)


def _classifications(items: Any) -> tuple[str, ...]:
    if not isinstance(items, list):
        return ()
    codes = (_text(i.get("classification", {}).get("id")) for i in items
             if isinstance(i, dict) and isinstance(i.get("classification"), dict))
    return tuple(c for c in codes if c)


def _method(tender: Mapping[str, Any], details: str | None, read: _Reader) -> TenderMethodName:
    raw = tender.get("procurementMethod")
    if raw is None:
        return "unknown"
    method = OCDS_METHODS.get(raw) if isinstance(raw, str) else None
    if method is None:
        read.issue("integrity.ocds.method", "tender/procurementMethod",
                   f"procurementMethod {raw!r} is not in the codelist", f"采购方式 {raw!r} 不在代码表中")
        return "unknown"
    local = LOCAL_METHODS.get(details or "")
    # zhaocai publishes invited tenders as selective and inquiries as limited.
    if local is not None and (method, local) in (("selective", "invited"), ("limited", "inquiry")):
        return local
    return method


def _bids(ocid: str, release: Mapping[str, Any], read: _Reader) -> list[BidFacts]:
    section = release.get("bids")
    details = section.get("details") if isinstance(section, dict) else None
    bids = []
    for n, bid in enumerate(details if isinstance(details, list) else [], start=1):
        if not isinstance(bid, dict):
            continue
        where = f"bids/details/{n}"
        tenderers = _ids(bid.get("tenderers"))
        status = read.status(bid.get("status"), BID_STATUSES, f"{where}/status")
        price, currency = read.amount(bid.get("value"), f"{where}/value/amount")
        status_name: BidStatusName = "unknown" if status is None else \
            "pending" if status == "other" else status  # type: ignore[assignment]
        bids.append(BidFacts(
            id=_text(bid.get("id")) or f"{ocid}/bids/{n}", supplier_id=tenderers[0] if tenderers else "",
            price=price, received_at=read.date(bid.get("date"), f"{where}/date"), status=status_name,
            tenderer_ids=None if len(tenderers) == 1 else tenderers, currency=currency))
    return bids


def _awards(ocid: str, release: Mapping[str, Any], read: _Reader) -> list[AwardFacts]:
    found = release.get("awards")
    awards = []
    for n, award in enumerate(found if isinstance(found, list) else [], start=1):
        if not isinstance(award, dict):
            continue
        status = read.status(award.get("status"), AWARD_STATUSES, f"awards/{n}/status")
        amount, currency = read.amount(award.get("value"), f"awards/{n}/value/amount")
        status_name: AwardStatusName = "unknown" if status is None else status  # type: ignore[assignment]
        awards.append(AwardFacts(id=_text(award.get("id")) or f"{ocid}/awards/{n}", status=status_name,
                                 supplier_ids=_ids(award.get("suppliers")), amount=amount,
                                 currency=currency, classifications=_classifications(award.get("items"))))
    return awards


def _status(tender: Mapping[str, Any], bids: list[BidFacts], awards: list[AwardFacts]) -> str:
    """zhaocai's status name for the process: cancelled, awarded, failed, opened, published, …"""
    raw = tender.get("status")
    if raw == "cancelled":
        return "cancelled"
    if any(a.status == "active" for a in awards):
        return "awarded"
    if raw == "unsuccessful":
        return "failed"
    if isinstance(raw, str) and raw in UNOPENED_TENDER_STATUSES:
        return UNOPENED_TENDER_STATUSES[raw]
    if any(b.submitted for b in bids):
        return "opened"
    return "published" if raw == "active" else raw if raw == "withdrawn" else "unknown"


def _sole_winner(status: str, awards: list[AwardFacts]) -> str | None:
    """The one supplier of the one active award, when every award is final (Cardinal's winner)."""
    if status == "cancelled" or any(a.status in ("pending", "other") for a in awards):
        return None
    active = [a for a in awards if a.status == "active"]
    if len(active) == 1 and len(active[0].supplier_ids) == 1:
        return active[0].supplier_ids[0]
    return None


def release_facts(release: Mapping[str, Any], zone: tzinfo | None = None
                  ) -> tuple[TenderFacts, list[FieldIssue]]:
    """One compiled release as `TenderFacts`, with the issues met while reading it.

    Amounts must already be Decimal or int (read JSON with `parse_float=Decimal`). Dates without
    an offset are read in `zone` when given, else left out. Refused (ValidationError
    `integrity.ocds.no_ocid`) when the release has no ocid.
    """
    ocid = _text(release.get("ocid"))
    if ocid is None:
        raise ValidationError("integrity.ocds.no_ocid", "The release has no ocid",
                              "该发布记录没有 `ocid`（开放合同编号）", {"ocid": repr(release.get("ocid"))})
    read = _Reader(ocid, zone)
    tender = release.get("tender")
    tender = tender if isinstance(tender, dict) else {}
    period = tender.get("tenderPeriod")
    period = period if isinstance(period, dict) else {}
    details = _text(tender.get("procurementMethodDetails"))
    bids, awards = _bids(ocid, release, read), _awards(ocid, release, read)
    status = _status(tender, bids, awards)
    count = _number_of_tenderers(tender, read)
    buyer = release.get("buyer")
    entity = tender.get("procuringEntity")
    facts = TenderFacts(
        id=ocid, title=_text(tender.get("title")) or "",
        buyer=(_ids(buyer) or ("",))[0] if isinstance(buyer, dict) else "",
        category=_text(tender.get("mainProcurementCategory")) or "",
        method=_method(tender, details, read),
        estimate=read.amount(tender.get("value"), "tender/value/amount")[0],
        published_at=read.date(period.get("startDate"), "tender/tenderPeriod/startDate"),
        deadline=read.date(period.get("endDate"), "tender/tenderPeriod/endDate"),
        bids=tuple(bids), status=status, winner_supplier_id=_sole_winner(status, awards),
        award_amount=_award_amount(awards), procurement_method_details=details,
        number_of_tenderers=count, awards=tuple(awards),
        procuring_entity=(_ids(entity) or (None,))[0] if isinstance(entity, dict) else None,
        classifications=_classifications(tender.get("items")),
        region=_region(release, tender, buyer))
    return facts, read.issues


def _region(release: Mapping[str, Any], tender: Mapping[str, Any], buyer: Any) -> str | None:
    """Where the work is delivered: the first item's deliveryAddress region, else the region in
    the buyer party's address (None when neither says)."""
    items = tender.get("items")
    for item in items if isinstance(items, list) else []:
        address = item.get("deliveryAddress") if isinstance(item, dict) else None
        if isinstance(address, dict) and (found := _text(address.get("region"))):
            return found
    buyer_ids = set(_ids(buyer)) if isinstance(buyer, dict) else set()
    parties = release.get("parties")
    for party in parties if isinstance(parties, list) else []:
        if isinstance(party, dict) and _text(party.get("id")) in buyer_ids:
            address = party.get("address")
            if isinstance(address, dict) and (found := _text(address.get("region"))):
                return found
    return None


def _number_of_tenderers(tender: Mapping[str, Any], read: _Reader) -> int | None:
    """numberOfTenderers when it is a natural number; otherwise an issue and None."""
    count = tender.get("numberOfTenderers")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 0):
        read.issue("integrity.ocds.number", "tender/numberOfTenderers",
                   f"numberOfTenderers {count!r} is not a natural number", f"投标人数量 {count!r} 不是自然数")
        return None
    return count


def _award_amount(awards: list[AwardFacts]) -> Decimal | None:
    """The sum of the active awards' amounts, when every one of them states its amount."""
    amounts = [a.amount for a in awards if a.status == "active"]
    if not amounts or None in amounts:
        return None
    return sum((a for a in amounts if a is not None), Decimal(0))


def _address(party: Mapping[str, Any]) -> str | None:
    address = party.get("address")
    if not isinstance(address, dict):
        return None
    parts = [_text(address.get(k)) for k in ("region", "locality", "streetAddress")]
    return "".join(p for p in parts if p) or None


def party_facts(release: Mapping[str, Any]) -> list[SupplierFacts]:
    """The tenderers and suppliers among a release's parties, with their address and contacts."""
    parties = release.get("parties")
    out = []
    for party in parties if isinstance(parties, list) else []:
        if not isinstance(party, dict) or not _text(party.get("id")):
            continue
        roles = party.get("roles") if isinstance(party.get("roles"), list) else []
        if roles and not {"tenderer", "supplier"} & set(roles):
            continue
        found = party.get("contactPoint")
        contact: Mapping[str, Any] = found if isinstance(found, dict) else {}
        phones = {p for p in (_text(contact.get("telephone")), _text(contact.get("faxNumber"))) if p}
        email = _text(contact.get("email"))
        out.append(SupplierFacts(id=_text(party.get("id")) or "", name=_text(party.get("name")) or "",
                                 address=_address(party), phones=frozenset(phones),
                                 emails=frozenset({email} if email else ())))
    return out


def merge_suppliers(known: dict[str, SupplierFacts], found: list[SupplierFacts]) -> None:
    """Fold the parties of one release into `known` (names and addresses: the first seen;
    phones and emails: all)."""
    for s in found:
        old = known.get(s.id)
        if old is None:
            known[s.id] = s
        elif not (s.phones <= old.phones and s.emails <= old.emails and (old.address or not s.address)):
            known[s.id] = SupplierFacts(id=s.id, name=old.name or s.name, address=old.address or s.address,
                                        phones=old.phones | s.phones, emails=old.emails | s.emails)
