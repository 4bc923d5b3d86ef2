"""The public "sunshine" database (阳光采购公开库): a SQLite file of what may be public.

Written from `TenderSnapshot`s (which hold public facts only), the public part of blacklisting
decisions and the red flags, with sqlite-utils. Full-text search (FTS5, trigram tokenizer, so
Chinese text matches by substring: queries of three characters or more) covers tender titles and
buyers, item names and specifications, and supplier names.

Never written: identity numbers or their hashes, bank accounts, contacts, anything of a bid before
its opening, committee members before the result, any member's individual scores, the free text
of performance events, and the private values in red-flag evidence (shared person, account,
phone, email, document author, agent and project manager are shown as withheld).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from zhaocai.bidding.rules import TenderMethod
from zhaocai.integrity.model import Flag
from zhaocai.integrity.report import flag_to_dict
from zhaocai.money import Money, amount_in_words
from zhaocai.publish.ocds import METHODS, ocds_date
from zhaocai.publish.ocds_rules import deviation_rows
from zhaocai.publish.settings import PublishSettings
from zhaocai.publish.snapshot import Organisation, TenderSnapshot

WITHHELD = "(withheld 不公开)"
PUBLIC_FIELDS = frozenset({"address"})
"""Evidence fields whose shared value may be shown (a company's registered address)."""
FTS_COLUMNS: dict[str, list[str]] = {
    "tenders": ["title", "buyer"],
    "items": ["name", "specification"],
    "suppliers": ["name"],
}


@dataclass(frozen=True, slots=True)
class BlacklistDecision:
    """The public part of a blacklisting (清退): who, why, when, for how long."""

    supplier_id: str
    supplier_name: str
    credit_code: str
    reason: str
    decided_at: datetime
    ban_days: int | None
    ban_until: datetime | None


def _money(amount: Decimal | None) -> tuple[str | None, int | None]:
    if amount is None:
        return None, None
    return f"{amount:.2f}", Money.of(amount).fen


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else ocds_date(moment)


def redact_evidence(value: Any, field: str | None = None) -> Any:
    """Flag evidence with private shared values replaced by a marker (addresses stay)."""
    if isinstance(value, Mapping):
        own = value.get("field")
        current = own if isinstance(own, str) else field
        out = {}
        for key, item in value.items():
            if key == "value" and current not in PUBLIC_FIELDS:
                out[key] = WITHHELD
            else:
                out[key] = redact_evidence(item, current)
        return out
    if isinstance(value, list):
        return [redact_evidence(v, field) for v in value]
    return value


def _name(snap: TenderSnapshot, supplier_id: str) -> str:
    org = snap.suppliers.get(supplier_id)
    return org.name if org else supplier_id


def _tender_rows(snap: TenderSnapshot, settings: PublishSettings) -> dict[str, list[dict[str, Any]]]:
    ceiling, ceiling_fen = _money(snap.ceiling)
    security, security_fen = _money(snap.bid_security)
    weights = snap.evaluation.weights
    last = snap.openings[-1] if snap.openings else None
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "tenders", "lots", "items", "amendments", "opening_records", "opening_entries", "candidates",
        "evaluation_results", "committee", "awards", "contracts", "contract_performance", "deviations")}
    rows["tenders"].append({
        "id": snap.id, "ocid": settings.ocid(snap.id), "title": snap.title, "buyer": snap.buyer,
        "category": snap.category, "method": snap.method, "method_zh": TenderMethod(snap.method).label_zh,
        "ocds_method": METHODS[snap.method][0], "state": snap.state,
        "ceiling_price": ceiling, "ceiling_price_fen": ceiling_fen,
        "bid_security": security, "bid_security_fen": security_fen,
        "published_at": _time(snap.published_at), "deadline": _time(snap.deadline),
        "original_deadline": _time(snap.original_deadline), "two_envelopes": int(snap.two_envelopes),
        "evaluation_method": snap.evaluation.method.value, "price_weight": str(weights.price),
        "technical_weight": str(weights.technical), "commercial_weight": str(weights.commercial),
        "outcome_reason": snap.outcome_reason, "retender_of": snap.retender_of,
        "opened_at": _time(snap.openings[0].opened_at) if snap.openings else None,
        "valid_bids": last.valid_bids if last else None, "statutory": int(snap.statutory),
        "policy_version": snap.policy_version, "deviation_id": (snap.deviation or {}).get("id"),
    })
    rows["deviations"] = deviation_rows(snap)
    for lot in snap.lots:
        rows["lots"].append({"tender_id": snap.id, "lot_id": lot.id, "title": lot.title})
        for n, item in enumerate(lot.items, start=1):
            rows["items"].append({"tender_id": snap.id, "lot_id": lot.id, "item_no": n, "name": item.name,
                                  "quantity": str(item.quantity), "unit": item.unit,
                                  "specification": item.specification})
    for a in snap.amendments:
        rows["amendments"].append({"tender_id": snap.id, "seq": a.seq, "kind": a.kind, "text": a.text,
                                   "issued_at": _time(a.issued_at),
                                   "deadline_before": _time(a.deadline_before),
                                   "deadline_after": _time(a.deadline_after)})
    for record in snap.openings:
        rows["opening_records"].append({
            "tender_id": snap.id, "stage": record.stage, "opened_at": _time(record.opened_at),
            "bids": len(record.entries), "valid_bids": record.valid_bids, "outcome": record.outcome.value,
            "failure_reason": record.failure_reason, "digest": record.digest})
        for e in record.entries:
            price, fen = _money(e.total_price)
            rows["opening_entries"].append({
                "tender_id": snap.id, "stage": record.stage, "bid_id": e.bid_id, "supplier_id": e.supplier_id,
                "supplier_name": e.supplier_name or _name(snap, e.supplier_id), "version": e.version,
                "received_at": _time(e.received_at), "envelope_hash": e.envelope_hash, "status": e.status,
                "reason": e.reason, "total_price": price, "total_price_fen": fen})
    if snap.publicity:
        for c in snap.publicity.candidates:
            price, fen = _money(c.price)
            rows["candidates"].append({
                "tender_id": snap.id, "lot_id": c.lot, "rank": c.rank, "supplier_id": c.supplier_id,
                "supplier_name": _name(snap, c.supplier_id), "price": price, "price_fen": fen,
                "total_score": None if c.score is None else str(c.score),
                "publicity_starts": _time(snap.publicity.starts_at),
                "publicity_ends": _time(snap.publicity.ends_at)})
    for r in snap.results:
        price, fen = _money(r.evaluated_price)
        rows["evaluation_results"].append({
            "tender_id": snap.id, "lot_id": r.lot, "supplier_id": r.supplier_id,
            "supplier_name": _name(snap, r.supplier_id), "status": r.status, "reason": r.reason,
            "evaluated_price": price, "evaluated_price_fen": fen,
            "total_score": None if r.total is None else str(r.total), "rank": r.rank})
    for n, m in enumerate(snap.committee, start=1):
        rows["committee"].append({"tender_id": snap.id, "seat": n, "name": m.name, "role": m.role})
    for award in snap.awards:
        amount, fen = _money(award.amount)
        rows["awards"].append({
            "id": award.id, "tender_id": snap.id, "lot_id": award.lot, "supplier_id": award.supplier_id,
            "supplier_name": _name(snap, award.supplier_id), "amount": amount, "amount_fen": fen,
            "amount_in_words": amount_in_words(award.amount), "awarded_at": _time(award.decided_at),
            "status": award.status})
    for contract in snap.contracts:
        amount, fen = _money(contract.amount)
        rows["contracts"].append({
            "id": contract.id, "tender_id": snap.id, "award_id": contract.award_id,
            "supplier_id": contract.supplier_id, "supplier_name": _name(snap, contract.supplier_id),
            "amount": amount, "amount_fen": fen, "signed_at": _time(contract.signed_at),
            "status": contract.status})
        for event in contract.performance:
            rows["contract_performance"].append({
                "contract_id": contract.id, "event_id": event.id, "kind": event.kind,
                "severity": event.severity, "occurred_at": _time(event.occurred_at)})
    return rows


SCHEMAS: dict[str, tuple[dict[str, type], str | tuple[str, ...] | None]] = {
    "tenders": ({"id": str, "ocid": str, "title": str, "buyer": str, "category": str, "method": str,
                 "method_zh": str, "ocds_method": str, "state": str, "ceiling_price": str,
                 "ceiling_price_fen": int, "bid_security": str, "bid_security_fen": int, "published_at": str,
                 "deadline": str, "original_deadline": str, "two_envelopes": int, "evaluation_method": str,
                 "price_weight": str, "technical_weight": str, "commercial_weight": str,
                 "outcome_reason": str, "retender_of": str, "opened_at": str, "valid_bids": int,
                 "statutory": int, "policy_version": int, "deviation_id": str}, "id"),
    "deviations": ({"tender_id": str, "deviation_id": str, "rule": str, "policy_value": str,
                    "tender_value": str, "source": str, "reason": str, "policy_version": int,
                    "approved_at": str},
                   ("tender_id", "rule")),
    "lots": ({"tender_id": str, "lot_id": str, "title": str}, ("tender_id", "lot_id")),
    "items": ({"tender_id": str, "lot_id": str, "item_no": int, "name": str, "quantity": str, "unit": str,
               "specification": str}, ("tender_id", "lot_id", "item_no")),
    "amendments": ({"tender_id": str, "seq": int, "kind": str, "text": str, "issued_at": str,
                    "deadline_before": str, "deadline_after": str}, ("tender_id", "seq")),
    "opening_records": ({"tender_id": str, "stage": str, "opened_at": str, "bids": int, "valid_bids": int,
                         "outcome": str, "failure_reason": str, "digest": str}, ("tender_id", "stage")),
    "opening_entries": ({"tender_id": str, "stage": str, "bid_id": str, "supplier_id": str,
                         "supplier_name": str, "version": int, "received_at": str, "envelope_hash": str,
                         "status": str, "reason": str, "total_price": str, "total_price_fen": int},
                        ("tender_id", "stage", "bid_id")),
    "candidates": ({"tender_id": str, "lot_id": str, "rank": int, "supplier_id": str, "supplier_name": str,
                    "price": str, "price_fen": int, "total_score": str, "publicity_starts": str,
                    "publicity_ends": str}, ("tender_id", "lot_id", "rank")),
    "evaluation_results": ({"tender_id": str, "lot_id": str, "supplier_id": str, "supplier_name": str,
                            "status": str, "reason": str, "evaluated_price": str, "evaluated_price_fen": int,
                            "total_score": str, "rank": int}, ("tender_id", "lot_id", "supplier_id")),
    "committee": ({"tender_id": str, "seat": int, "name": str, "role": str}, ("tender_id", "seat")),
    "awards": ({"id": str, "tender_id": str, "lot_id": str, "supplier_id": str, "supplier_name": str,
                "amount": str, "amount_fen": int, "amount_in_words": str, "awarded_at": str,
                "status": str}, "id"),
    "contracts": ({"id": str, "tender_id": str, "award_id": str, "supplier_id": str, "supplier_name": str,
                   "amount": str, "amount_fen": int, "signed_at": str, "status": str}, "id"),
    "contract_performance": ({"contract_id": str, "event_id": str, "kind": str, "severity": int,
                              "occurred_at": str}, ("contract_id", "event_id")),
    "blacklist": ({"supplier_id": str, "supplier_name": str, "credit_code": str, "reason": str,
                   "decided_at": str, "ban_days": int, "ban_until": str}, None),
    "suppliers": ({"id": str, "name": str, "credit_code": str}, "id"),
    "red_flags": ({"id": int, "code": str, "name_en": str, "name_zh": str, "subject": str, "source": str,
                   "tender_ids": str, "supplier_ids": str, "bid_ids": str, "buyer": str,
                   "evidence": str}, "id"),
    "meta": ({"key": str, "value": str}, "key"),
}


def write_public_database(path: str | Path, snapshots: Sequence[TenderSnapshot],
                          blacklist: Iterable[BlacklistDecision], flags: Iterable[Flag],
                          settings: PublishSettings, generated_at: datetime) -> Path:
    """Write the public database at `path` (replacing any file there); return the path."""
    target = Path(path)
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    suppliers: dict[str, Organisation] = {}
    for snap in snapshots:
        for table, found in _tender_rows(snap, settings).items():
            rows[table].extend(found)
        for table in ("opening_entries", "candidates", "evaluation_results", "awards", "contracts"):
            for row in rows[table]:
                sid = row["supplier_id"]
                if sid not in suppliers:
                    suppliers[sid] = snap.suppliers.get(sid) or Organisation(sid, row["supplier_name"])
    for d in blacklist:
        rows["blacklist"].append({"supplier_id": d.supplier_id, "supplier_name": d.supplier_name,
                                  "credit_code": d.credit_code, "reason": d.reason,
                                  "decided_at": _time(d.decided_at), "ban_days": d.ban_days,
                                  "ban_until": _time(d.ban_until)})
        suppliers.setdefault(d.supplier_id, Organisation(d.supplier_id, d.supplier_name, d.credit_code))
    rows["suppliers"] = [{"id": o.id, "name": o.name, "credit_code": o.credit_code}
                         for o in sorted(suppliers.values(), key=lambda o: o.id)]
    for n, flag in enumerate(flags, start=1):
        data = flag_to_dict(flag)
        rows["red_flags"].append({
            "id": n, "code": data["code"], "name_en": data["name_en"], "name_zh": data["name_zh"],
            "subject": data["subject"], "source": data["source"],
            "tender_ids": json.dumps(data["tender_ids"]), "supplier_ids": json.dumps(data["supplier_ids"]),
            "bid_ids": json.dumps(data["bid_ids"]), "buyer": data["buyer"],
            "evidence": json.dumps(redact_evidence(data["evidence"]), ensure_ascii=False, sort_keys=True)})
    rows["meta"] = [{"key": "generated_at", "value": ocds_date(generated_at)},
                    {"key": "ocid_prefix", "value": settings.ocid_prefix},
                    {"key": "publisher", "value": settings.publisher_name},
                    {"key": "fts", "value": "FTS5 trigram: tenders(title, buyer), "
                                            "items(name, specification), "
                                            "suppliers(name); search terms of 3 characters or more"}]
    import sqlite_utils  # only when writing: keeps `Platform` start-up light

    db = sqlite_utils.Database(target)
    try:
        for name, (schema, pk) in SCHEMAS.items():
            created = db.table(name)
            if pk:
                created.create(schema, pk=pk)
            else:
                created.create(schema)
            if rows[name]:
                created.insert_all(rows[name])
        for name, searched in FTS_COLUMNS.items():
            db.table(name).enable_fts(searched, tokenize="trigram", create_triggers=False)
        db.execute("VACUUM")
    finally:
        db.close()
    return target
