"""The public "sunshine" database (阳光采购公开库): a SQLite file of what may be public.

Written from `TenderSnapshot`s (which hold public facts only), the public part of blacklisting
decisions and the red flags. `public_rows` turns them into rows per table (`SCHEMAS`, with the
foreign keys of `FOREIGN_KEYS` so that a browser links a tender to its opening records, results
and suppliers); `zhaocai.publish.refresh` brings the file up to date in place, in one transaction.
Full-text search (`zhaocai.publish.search`: jieba words under FTS5 unicode61) covers tenders
(title, buyer, item names and specifications, the names of suppliers in public results), items
and suppliers, with one- and two-character Chinese words and codes such as HRB400E.

Never written: identity numbers or their hashes, bank accounts, contacts, anything of a bid before
its opening, committee members before the result, any member's individual scores, the free text
of performance events, and the private values in red-flag evidence (shared person, account,
phone, email, document author, agent and project manager are shown as withheld).

Red flags published (`publishable`): only tender-level flags that state a fact of the record,
never a statistical suspicion about a supplier. A procedural breach (kind ``procedure``: R003,
ZC-FEW-BIDDERS, ZC-LATE-AMENDMENT, ZC-BID-SECURITY, ZC-SHORT-PUBLICITY) is the buyer's act; hard
evidence (`PUBLIC_EVIDENCE_CODES`: equal prices, a late bid that won, the Reg 40 traces, shared
register details) is read off the tender's own documents and register. Screens (kind
``screen``), the price patterns that rest on a tolerance or a test (near-equal prices, constant
ratios, the insider test) and everything the supplier network derives (cartel candidates,
suppression, allocation, loyal losers) stay with auditors: naming a firm in public on
statistical grounds before a case is concluded would be unfair to it and a defamation risk.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from zhaocai.bidding.rules.tender import TenderMethod
from zhaocai.categories import Category
from zhaocai.integrity.model import FLAG_INFO, Flag
from zhaocai.integrity.report import flag_to_dict
from zhaocai.money import Money, amount_in_words
from zhaocai.publish.ocds import METHODS, ocds_date
from zhaocai.publish.ocds_rules import deviation_rows
from zhaocai.publish.search import document_terms
from zhaocai.publish.settings import PublishSettings
from zhaocai.publish.snapshot import Organisation, TenderSnapshot

WITHHELD = "(withheld 不公开)"
PUBLIC_FIELDS = frozenset({"address"})
"""Evidence fields whose shared value may be shown (a company's registered address)."""
STATE_ZH = {"published": "招标中", "closed": "已截标", "opened": "已开标", "evaluating": "评标中",
            "publicising": "候选人公示", "awarded": "已定标", "contracted": "已签约", "failed": "流标",
            "cancelled": "已终止"}
FTS_TABLES: dict[str, tuple[str, tuple[str, ...], tuple[float, ...]]] = {
    "tenders_fts": ("tenders", ("title", "buyer", "items", "suppliers"), (10.0, 3.0, 4.0, 2.0)),
    "items_fts": ("items", ("name", "specification"), (3.0, 1.0)),
    "suppliers_fts": ("suppliers", ("name",), (1.0,)),
}
"""Search tables: name -> (table searched, columns of segmented words, bm25 weights per column).
Each row's rowid is the rowid of the row it indexes."""


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


def money_text(amount: Decimal | None) -> str | None:
    """An amount as people read it on a notice: ¥1,900,000.00."""
    return None if amount is None else f"¥{Money.of(amount).amount:,.2f}"


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
    """Every public row one tender gives, per table."""
    lots, items = _lot_rows(snap)
    records, entries = _opening_rows(snap)
    contracts, performance = _contract_rows(snap)
    return {
        "tenders": [_tender_row(snap, settings)], "lots": lots, "items": items,
        "amendments": _amendment_rows(snap), "opening_records": records, "opening_entries": entries,
        "candidates": _candidate_rows(snap), "evaluation_results": _result_rows(snap),
        "committee": [{"tender_id": snap.id, "seat": n, "name": m.name, "role": m.role}
                      for n, m in enumerate(snap.committee, start=1)],
        "awards": _award_rows(snap), "contracts": contracts, "contract_performance": performance,
        "deviations": deviation_rows(snap),
    }


def _tender_row(snap: TenderSnapshot, settings: PublishSettings) -> dict[str, Any]:
    ceiling, ceiling_fen = _money(snap.ceiling)
    security, security_fen = _money(snap.bid_security)
    weights = snap.evaluation.weights
    last = snap.openings[-1] if snap.openings else None
    return {
        "id": snap.id, "ocid": settings.ocid(snap.id), "title": snap.title, "buyer": snap.buyer,
        "category": snap.category, "category_zh": Category(snap.category).label_zh,
        "method": snap.method, "method_zh": TenderMethod(snap.method).label_zh,
        "ocds_method": METHODS[snap.method][0], "state": snap.state,
        "state_zh": STATE_ZH.get(snap.state, snap.state), "year": int(ocds_date(snap.published_at)[:4]),
        "ceiling_price": ceiling, "ceiling_price_fen": ceiling_fen,
        "ceiling_price_text": money_text(snap.ceiling),
        "bid_security": security, "bid_security_fen": security_fen,
        "published_at": _time(snap.published_at), "deadline": _time(snap.deadline),
        "original_deadline": _time(snap.original_deadline), "two_envelopes": int(snap.two_envelopes),
        "evaluation_method": snap.evaluation.method.value, "price_weight": str(weights.price),
        "technical_weight": str(weights.technical), "commercial_weight": str(weights.commercial),
        "outcome_reason": snap.outcome_reason, "retender_of": snap.retender_of,
        "opened_at": _time(snap.openings[0].opened_at) if snap.openings else None,
        "valid_bids": last.valid_bids if last else None, "statutory": int(snap.statutory),
        "policy_version": snap.policy_version, "deviation_id": (snap.deviation or {}).get("id"),
    }


def _lot_rows(snap: TenderSnapshot) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    lots = [{"tender_id": snap.id, "lot_id": lot.id, "title": lot.title} for lot in snap.lots]
    items = [{"tender_id": snap.id, "lot_id": lot.id, "item_no": n, "name": item.name,
              "quantity": str(item.quantity), "unit": item.unit, "specification": item.specification}
             for lot in snap.lots for n, item in enumerate(lot.items, start=1)]
    return lots, items


def _amendment_rows(snap: TenderSnapshot) -> list[dict[str, Any]]:
    return [{"tender_id": snap.id, "seq": a.seq, "kind": a.kind, "text": a.text,
             "issued_at": _time(a.issued_at), "deadline_before": _time(a.deadline_before),
             "deadline_after": _time(a.deadline_after)} for a in snap.amendments]


def _opening_rows(snap: TenderSnapshot) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    records: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    for record in snap.openings:
        records.append({
            "tender_id": snap.id, "stage": record.stage, "opened_at": _time(record.opened_at),
            "bids": len(record.entries), "valid_bids": record.valid_bids, "outcome": record.outcome.value,
            "failure_reason": record.failure_reason, "digest": record.digest})
        for e in record.entries:
            price, fen = _money(e.total_price)
            entries.append({
                "tender_id": snap.id, "stage": record.stage, "bid_id": e.bid_id, "supplier_id": e.supplier_id,
                "supplier_name": e.supplier_name or _name(snap, e.supplier_id), "version": e.version,
                "received_at": _time(e.received_at), "envelope_hash": e.envelope_hash, "status": e.status,
                "reason": e.reason, "total_price": price, "total_price_fen": fen,
                "total_price_text": money_text(e.total_price)})
    return records, entries


def _candidate_rows(snap: TenderSnapshot) -> list[dict[str, Any]]:
    publicity = snap.publicity
    if not publicity:
        return []
    rows = []
    for c in publicity.candidates:
        price, fen = _money(c.price)
        rows.append({
            "tender_id": snap.id, "lot_id": c.lot, "rank": c.rank, "supplier_id": c.supplier_id,
            "supplier_name": _name(snap, c.supplier_id), "price": price, "price_fen": fen,
            "price_text": money_text(c.price), "total_score": None if c.score is None else str(c.score),
            "publicity_starts": _time(publicity.starts_at), "publicity_ends": _time(publicity.ends_at)})
    return rows


def _result_rows(snap: TenderSnapshot) -> list[dict[str, Any]]:
    rows = []
    for r in snap.results:
        price, fen = _money(r.evaluated_price)
        rows.append({
            "tender_id": snap.id, "lot_id": r.lot, "supplier_id": r.supplier_id,
            "supplier_name": _name(snap, r.supplier_id), "status": r.status, "reason": r.reason,
            "evaluated_price": price, "evaluated_price_fen": fen,
            "total_score": None if r.total is None else str(r.total), "rank": r.rank})
    return rows


def _award_rows(snap: TenderSnapshot) -> list[dict[str, Any]]:
    rows = []
    for award in snap.awards:
        amount, fen = _money(award.amount)
        rows.append({
            "id": award.id, "tender_id": snap.id, "lot_id": award.lot, "supplier_id": award.supplier_id,
            "supplier_name": _name(snap, award.supplier_id), "amount": amount, "amount_fen": fen,
            "amount_text": money_text(award.amount), "amount_in_words": amount_in_words(award.amount),
            "awarded_at": _time(award.decided_at), "status": award.status})
    return rows


def _contract_rows(snap: TenderSnapshot) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    contracts: list[dict[str, Any]] = []
    performance: list[dict[str, Any]] = []
    for contract in snap.contracts:
        amount, fen = _money(contract.amount)
        contracts.append({
            "id": contract.id, "tender_id": snap.id, "award_id": contract.award_id,
            "supplier_id": contract.supplier_id, "supplier_name": _name(snap, contract.supplier_id),
            "amount": amount, "amount_fen": fen, "amount_text": money_text(contract.amount),
            "signed_at": _time(contract.signed_at), "status": contract.status})
        performance.extend({"contract_id": contract.id, "event_id": event.id, "kind": event.kind,
                            "severity": event.severity, "occurred_at": _time(event.occurred_at)}
                           for event in contract.performance)
    return contracts, performance


SCHEMAS: dict[str, tuple[dict[str, type], str | tuple[str, ...] | None]] = {
    # the columns a reader looks at first come first (a browser shows them in this order)
    "tenders": ({"id": str, "title": str, "buyer": str, "category_zh": str, "method_zh": str, "state_zh": str,
                 "deadline": str, "ceiling_price_text": str, "published_at": str, "opened_at": str,
                 "valid_bids": int, "year": int, "outcome_reason": str, "retender_of": str,
                 "original_deadline": str, "bid_security": str, "ocid": str, "category": str, "method": str,
                 "ocds_method": str, "state": str, "ceiling_price": str, "ceiling_price_fen": int,
                 "bid_security_fen": int, "two_envelopes": int, "evaluation_method": str, "price_weight": str,
                 "technical_weight": str, "commercial_weight": str,
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
    "opening_entries": ({"tender_id": str, "stage": str, "supplier_name": str, "supplier_id": str,
                         "total_price_text": str, "status": str, "reason": str, "received_at": str,
                         "bid_id": str, "version": int, "envelope_hash": str, "total_price": str,
                         "total_price_fen": int},
                        ("tender_id", "stage", "bid_id")),
    "candidates": ({"tender_id": str, "lot_id": str, "rank": int, "supplier_name": str, "supplier_id": str,
                    "price_text": str, "total_score": str, "publicity_starts": str, "publicity_ends": str,
                    "price": str, "price_fen": int}, ("tender_id", "lot_id", "rank")),
    "evaluation_results": ({"tender_id": str, "lot_id": str, "supplier_id": str, "supplier_name": str,
                            "status": str, "reason": str, "evaluated_price": str, "evaluated_price_fen": int,
                            "total_score": str, "rank": int}, ("tender_id", "lot_id", "supplier_id")),
    "committee": ({"tender_id": str, "seat": int, "name": str, "role": str}, ("tender_id", "seat")),
    "awards": ({"tender_id": str, "lot_id": str, "supplier_name": str, "supplier_id": str, "amount_text": str,
                "amount_in_words": str, "awarded_at": str, "status": str, "id": str, "amount": str,
                "amount_fen": int}, "id"),
    "contracts": ({"id": str, "tender_id": str, "supplier_name": str, "supplier_id": str, "amount_text": str,
                   "signed_at": str, "status": str, "award_id": str, "amount": str, "amount_fen": int}, "id"),
    "contract_performance": ({"contract_id": str, "event_id": str, "kind": str, "severity": int,
                              "occurred_at": str}, ("contract_id", "event_id")),
    "blacklist": ({"supplier_id": str, "supplier_name": str, "credit_code": str, "reason": str,
                   "decided_at": str, "ban_days": int, "ban_until": str}, ("supplier_id", "decided_at")),
    "suppliers": ({"id": str, "name": str, "credit_code": str}, "id"),
    "red_flags": ({"id": str, "code": str, "name_en": str, "name_zh": str, "subject": str, "source": str,
                   "tender_ids": str, "supplier_ids": str, "bid_ids": str, "buyer": str,
                   "evidence": str}, "id"),
    "meta": ({"key": str, "value": str}, "key"),
}


FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    **{name: [("tender_id", "tenders", "id")] for name in (
        "lots", "items", "amendments", "opening_records", "committee", "deviations")},
    **{name: [("tender_id", "tenders", "id"), ("supplier_id", "suppliers", "id")] for name in (
        "opening_entries", "candidates", "evaluation_results", "awards")},
    "contracts": [("tender_id", "tenders", "id"), ("award_id", "awards", "id"),
                  ("supplier_id", "suppliers", "id")],
    "contract_performance": [("contract_id", "contracts", "id")],
    "blacklist": [("supplier_id", "suppliers", "id")],
}
"""Links between the tables (column, other table, other column), shown as links by Datasette."""


def flag_id(data: Mapping[str, Any]) -> str:
    """A red flag's stable id: its code and a digest of what it is about (not of its evidence)."""
    import hashlib

    about = json.dumps([data["code"], data["subject"], data["tender_ids"], data["supplier_ids"],
                        data["bid_ids"], data["buyer"]], ensure_ascii=False, sort_keys=True)
    return f"{data['code']}:{hashlib.sha256(about.encode('utf-8')).hexdigest()[:16]}"


PUBLIC_EVIDENCE_CODES: frozenset[str] = frozenset({
    "R028", "R030", "R044", "REG40-SAME-AUTHOR", "REG40-SAME-AGENT", "REG40-SAME-PM",
    "REG40-SAME-ACCOUNT", "REG40-PRICE-PROGRESSION", "REG40-RELATED-PARTIES"})
"""Hard-evidence flags: each states a fact of one tender's record (identical prices, a late bid
that won, Reg 40's traces, shared register details), not a statistical inference."""


def publishable(flag: Flag) -> bool:
    """Whether a red flag goes into the public database: a tender flag of a procedural breach
    (kind ``procedure``) or of hard evidence (`PUBLIC_EVIDENCE_CODES`); a code not listed, a
    supplier or buyer flag and every screen or network signal are withheld (module doc)."""
    info = FLAG_INFO.get(flag.code)
    if flag.subject != "tender" or info is None:
        return False
    return info.kind == "procedure" or flag.code in PUBLIC_EVIDENCE_CODES


def public_rows(snapshots: Sequence[TenderSnapshot], blacklist: Iterable[BlacklistDecision],
                flags: Iterable[Flag], settings: PublishSettings,
                generated_at: datetime) -> dict[str, list[dict[str, Any]]]:
    """Every row of the public database, per table of `SCHEMAS`, keyed by stable ids."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    suppliers: dict[str, Organisation] = {}
    for snap in snapshots:
        found = _tender_rows(snap, settings)
        for table, table_rows in found.items():
            rows[table].extend(table_rows)
        for table in _NAMING_TABLES:
            for row in found[table]:
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
    rows["red_flags"] = _flag_rows(flags)
    rows["meta"] = _meta_rows(settings, generated_at)
    return rows


_NAMING_TABLES = ("opening_entries", "candidates", "evaluation_results", "awards", "contracts")
"""The tables whose rows name a supplier (each named supplier gets a row in `suppliers`)."""


def _flag_rows(flags: Iterable[Flag]) -> list[dict[str, Any]]:
    """The publishable flags' rows, with private evidence withheld; ids stable and unique."""
    rows = []
    seen: dict[str, int] = {}
    for flag in flags:
        if not publishable(flag):
            continue
        data = flag_to_dict(flag)
        key = flag_id(data)
        seen[key] = seen.get(key, 0) + 1  # two flags about the same things keep both rows
        rows.append({
            "id": key if seen[key] == 1 else f"{key}-{seen[key]}", "code": data["code"],
            "name_en": data["name_en"], "name_zh": data["name_zh"],
            "subject": data["subject"], "source": data["source"],
            "tender_ids": json.dumps(data["tender_ids"]), "supplier_ids": json.dumps(data["supplier_ids"]),
            "bid_ids": json.dumps(data["bid_ids"]), "buyer": data["buyer"],
            "evidence": json.dumps(redact_evidence(data["evidence"]), ensure_ascii=False, sort_keys=True)})
    return rows


def _meta_rows(settings: PublishSettings, generated_at: datetime) -> list[dict[str, Any]]:
    return [{"key": "generated_at", "value": ocds_date(generated_at)},
            {"key": "ocid_prefix", "value": settings.ocid_prefix},
            {"key": "publisher", "value": settings.publisher_name},
            {"key": "fts", "value": "FTS5 unicode61 over jieba words (prefix terms): "
                                    "tenders_fts(title, buyer, items, suppliers), "
                                    "items_fts(name, specification), suppliers_fts(name)"}]


Documents = dict[str, dict[tuple[Any, ...], tuple[str, ...]]]
"""Per search table, the segmented words of each searched row keyed by the row's primary key."""


def search_documents(rows: Mapping[str, list[dict[str, Any]]]) -> Documents:
    """The segmented words of each searched row, per search table, keyed by the row's primary key."""
    items: dict[str, list[str]] = {}
    names: dict[str, list[str]] = {}
    for item in rows["items"]:
        items.setdefault(item["tender_id"], []).append(f"{item['name']} {item['specification'] or ''}")
    for table in ("opening_entries", "awards", "contracts"):
        for row in rows[table]:
            found = names.setdefault(row["tender_id"], [])
            if row["supplier_name"] not in found:
                found.append(row["supplier_name"])
    return {
        "tenders_fts": {(t["id"],): (document_terms(t["title"]), document_terms(t["buyer"]),
                                     document_terms(*items.get(t["id"], [])),
                                     document_terms(*names.get(t["id"], [])))
                        for t in rows["tenders"]},
        "items_fts": {(i["tender_id"], i["lot_id"], i["item_no"]): (
            document_terms(i["name"]), document_terms(i["specification"])) for i in rows["items"]},
        "suppliers_fts": {(s["id"],): (document_terms(s["name"]),) for s in rows["suppliers"]},
    }


def write_public_database(path: str | Path, snapshots: Sequence[TenderSnapshot],
                          blacklist: Iterable[BlacklistDecision], flags: Iterable[Flag],
                          settings: PublishSettings, generated_at: datetime) -> Path:
    """Bring the public database at `path` up to date in place (created if missing); return the path.

    One write transaction in WAL mode: rows are upserted by their keys, rows no longer public are
    deleted, unchanged rows are left alone, so a reader sees the old or the new content, never a mix.
    """
    from zhaocai.publish.refresh import refresh

    rows = public_rows(snapshots, blacklist, flags, settings, generated_at)
    refresh(Path(path), rows, search_documents(rows))
    return Path(path)
