"""Readable integrity reports (廉洁风险报告) per tender and per period, as text and JSON-ready dicts.

A report lists each flag with its names in English and Chinese, its source, what it names
(tenders, suppliers, bids, buyer) and its evidence. JSON-ready means: Decimal as a string (exact),
datetimes as ISO 8601 strings, sets as sorted lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from zhaocai.clock import SHANGHAI
from zhaocai.integrity.facts import TenderFacts
from zhaocai.integrity.model import Flag
from zhaocai.suppliers.models import RequestView


def jsonable(value: Any) -> Any:
    """`value` with Decimals as strings, datetimes as ISO strings and sets as sorted lists."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return [jsonable(v) for v in sorted(value)]
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def flag_to_dict(flag: Flag) -> dict[str, Any]:
    """A flag as a JSON-ready dict."""
    return {
        "code": flag.code,
        "name_en": flag.name_en,
        "name_zh": flag.name_zh,
        "source": flag.source,
        "subject": flag.subject,
        "tender_ids": list(flag.tender_ids),
        "supplier_ids": list(flag.supplier_ids),
        "bid_ids": list(flag.bid_ids),
        "buyer": flag.buyer,
        "evidence": jsonable(flag.evidence),
    }


def _shown(value: Any) -> str:
    if isinstance(value, datetime):
        return value.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if value is None:
        return "—"
    return str(value)


def flag_text(flag: Flag, indent: str = "  ") -> str:
    """A flag as a few readable lines."""
    lines = [f"{indent}[{flag.code}] {flag.name_en} / {flag.name_zh}  ({flag.source})"]
    named = []
    if flag.tender_ids:
        named.append("tenders " + ", ".join(flag.tender_ids))
    if flag.supplier_ids:
        named.append("suppliers " + ", ".join(flag.supplier_ids))
    if flag.bid_ids:
        named.append("bids " + ", ".join(flag.bid_ids))
    if flag.buyer:
        named.append("buyer " + flag.buyer)
    if named:
        lines.append(f"{indent}    " + "; ".join(named))
    for key, value in flag.evidence.items():
        lines.append(f"{indent}    {key}: {_shown(value)}")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class TenderReport:
    """The flags about one tender, and the flags about its bidders and its buyer; and every
    warning, suspension or blacklisting asked of a bidder while the tender was live
    (`live_bidder_standing`: each needs a supervisor other than the requester)."""

    tender: TenderFacts
    flags: tuple[Flag, ...]
    bidder_flags: tuple[Flag, ...]
    buyer_flags: tuple[Flag, ...]
    live_bidder_standing: tuple[RequestView, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        t = self.tender
        return {
            "tender": {"id": t.id, "title": t.title, "buyer": t.buyer, "category": t.category,
                       "method": t.method, "status": t.status,
                       "estimate": None if t.estimate is None else str(t.estimate),
                       "published_at": t.published_at.isoformat() if t.published_at else None,
                       "deadline": t.deadline.isoformat() if t.deadline else None, "bids": len(t.bids),
                       "winner_supplier_id": t.winner_supplier_id},
            "flags": [flag_to_dict(f) for f in self.flags],
            "bidder_flags": [flag_to_dict(f) for f in self.bidder_flags],
            "buyer_flags": [flag_to_dict(f) for f in self.buyer_flags],
            "live_bidder_standing": [r.model_dump(mode="json") for r in self.live_bidder_standing],
        }

    def to_text(self) -> str:
        """A readable report."""
        t = self.tender
        lines = [f"Integrity report 廉洁风险报告 — tender {t.id} {t.title}",
                 f"buyer {t.buyer} · category {t.category} · method {t.method} · status {t.status}"
                 f" · estimate {_shown(t.estimate) if t.estimate is None else f'{t.estimate:,.2f}'}"
                 f" · {len(t.bids)} bids",
                 f"published {_shown(t.published_at)} · deadline {_shown(t.deadline)}"]
        if not (self.flags or self.bidder_flags or self.buyer_flags):
            lines.append("No red flags. 未发现风险信号。")
        if self.flags:
            lines.append(f"Flags on this tender ({len(self.flags)}) 本项目风险信号:")
            lines.extend(flag_text(f) for f in self.flags)
        if self.bidder_flags:
            lines.append(f"Flags on its bidders ({len(self.bidder_flags)}) 投标人风险信号:")
            lines.extend(flag_text(f) for f in self.bidder_flags)
        if self.buyer_flags:
            lines.append(f"Flags on its buyer ({len(self.buyer_flags)}) 采购单位风险信号:")
            lines.extend(flag_text(f) for f in self.buyer_flags)
        if self.live_bidder_standing:
            lines.append(f"Standing changes asked of its bidders while it was live "
                         f"({len(self.live_bidder_standing)}) 在途投标人状态变更:")
            lines.extend(f"  {r.kind} {r.supplier_id} by {r.requested_by}: {r.state}"
                         f" (approvals {', '.join(a['actor_id'] for a in r.approvals) or '—'})"
                         f" — {r.reason}" for r in self.live_bidder_standing)
        return "\n".join(lines)


def tender_report(tender: TenderFacts, flags: Iterable[Flag]) -> TenderReport:
    """The report of one tender from the flags computed over its history."""
    bidders = {b.supplier_id for b in tender.bids}
    own, of_bidders, of_buyer = [], [], []
    for flag in flags:
        if tender.id in flag.tender_ids:
            own.append(flag)
        elif flag.subject == "supplier" and bidders.intersection(flag.supplier_ids):
            of_bidders.append(flag)
        elif flag.subject == "buyer" and flag.buyer == tender.buyer:
            of_buyer.append(flag)
    return TenderReport(tender, tuple(sorted(own, key=lambda f: f.sort_key)),
                        tuple(sorted(of_bidders, key=lambda f: f.sort_key)),
                        tuple(sorted(of_buyer, key=lambda f: f.sort_key)))


@dataclass(frozen=True, slots=True)
class PeriodReport:
    """The flags over the tenders published in [start, end)."""

    start: datetime
    end: datetime
    tenders: int
    flagged_tenders: tuple[str, ...]
    counts: Mapping[str, int]
    tender_flags: tuple[Flag, ...]
    other_flags: tuple[Flag, ...]
    feedback: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    """Per flag code, the cases opened, cleared (false positives) and referred so far."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "tenders": self.tenders,
            "flagged_tenders": list(self.flagged_tenders),
            "counts": dict(self.counts),
            "tender_flags": [flag_to_dict(f) for f in self.tender_flags],
            "supplier_and_buyer_flags": [flag_to_dict(f) for f in self.other_flags],
            "case_feedback": {code: dict(c) for code, c in self.feedback.items()},
        }

    def to_text(self) -> str:
        """A readable report: a summary per code, then every flag with its evidence."""
        share = len(self.flagged_tenders) / self.tenders if self.tenders else 0.0
        lines = [f"Integrity report 廉洁风险报告 — {_shown(self.start)} to {_shown(self.end)}",
                 f"{self.tenders} tenders, {len(self.flagged_tenders)} flagged ({share:.1%})",
                 "Flags by code 各类风险信号数量:"]
        lines.extend(f"  {code:<24} {count}" for code, count in self.counts.items())
        if self.feedback:
            lines.append("Cases by flag code (opened / cleared / referred) 线索核查反馈:")
            lines.extend(f"  {code:<24} {c['opened']} / {c['cleared']} / {c['referred']}"
                         for code, c in self.feedback.items())
        if self.tender_flags:
            lines.append("Tender flags 项目风险信号:")
            lines.extend(flag_text(f) for f in self.tender_flags)
        if self.other_flags:
            lines.append("Supplier and buyer flags 供应商与采购单位风险信号:")
            lines.extend(flag_text(f) for f in self.other_flags)
        return "\n".join(lines)


def period_report(tenders: Iterable[TenderFacts], flags: Iterable[Flag], start: datetime,
                  end: datetime, feedback: Mapping[str, Mapping[str, int]] | None = None) -> PeriodReport:
    """The report of the tenders published in [start, end).

    Tender flags are kept when they name a tender of the period; supplier and buyer flags,
    which describe the whole history the flags were computed over, are all listed.
    """
    chosen = {t.id for t in tenders if t.published_at is not None and start <= t.published_at < end}
    tender_flags, other = [], []
    for flag in flags:
        if flag.subject == "tender":
            if chosen.intersection(flag.tender_ids):
                tender_flags.append(flag)
        else:
            other.append(flag)
    tender_flags.sort(key=lambda f: f.sort_key)
    other.sort(key=lambda f: f.sort_key)
    counts = Counter(f.code for f in tender_flags) + Counter(f.code for f in other)
    flagged = sorted({t for f in tender_flags for t in f.tender_ids if t in chosen})
    return PeriodReport(start, end, len(chosen), tuple(flagged), dict(sorted(counts.items())),
                        tuple(tender_flags), tuple(other), dict(feedback or {}))
