"""The public "sunshine" database (阳光采购公开库): a SQLite file of what may be public.

Written from `TenderSnapshot`s (which hold public facts only; `tender_rows` gives each tender's
rows), the public part of blacklisting decisions and the red flags. `public_rows` turns them into
rows per table (`SCHEMAS`, with the foreign keys of `FOREIGN_KEYS` so that a browser links a
tender to its opening records, results and suppliers); `zhaocai.publish.refresh` brings the file
up to date in place, in one transaction. Full-text search (`zhaocai.publish.search`: jieba words
under FTS5 unicode61) covers tenders (title, buyer, item names and specifications, the names of
suppliers in public results), items and suppliers, with one- and two-character Chinese words and
codes such as HRB400E.

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
from pathlib import Path
from typing import Any

from zhaocai.integrity.model import FLAG_INFO, Flag
from zhaocai.integrity.report import flag_to_dict
from zhaocai.publish.ocds import ocds_date
from zhaocai.publish.search import document_terms
from zhaocai.publish.settings import PublishSettings
from zhaocai.publish.snapshot import Organisation, TenderSnapshot
from zhaocai.publish.tender_rows import moment_text, tender_rows
from zhaocai.publish.tender_rows import money_text as money_text

WITHHELD = "(withheld 不公开)"
PUBLIC_FIELDS = frozenset({"address"})
"""Evidence fields whose shared value may be shown (a company's registered address)."""
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
        found = tender_rows(snap, settings)
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
                                  "decided_at": moment_text(d.decided_at), "ban_days": d.ban_days,
                                  "ban_until": moment_text(d.ban_until)})
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
