"""Score sheets sealed by commitment: no points anywhere before every member has committed, every
counted sheet matches its commitment, the chain holds both digests, a member who never reveals is
recorded and noted, and the report ranks the same sheets exactly as before."""

from __future__ import annotations

import hashlib
import json
import re
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.kit import ACTORS, build_tender, commit, compliant_bids, reveal, score_all, sheet, supplier_actor
from zhaocai import SheetCommitment, commit_sheet
from zhaocai.bidding.rules.commitments import commitment_digest, sheet_digest
from zhaocai.clock import ManualClock
from zhaocai.errors import ValidationError
from zhaocai.platform import Platform
from zhaocai.store.engine import normalise_url

# Points no generated sheet uses (quarters and halves only), each in a form the store could keep:
# yuan-like text and integer hundredths.
MARKERS = {"T1": "23.17", "T2": "13.93", "C1": "17.29"}


def _needles() -> list[re.Pattern[str]]:
    """Each marker as text and as hundredths, not inside a longer number or hex digest."""
    forms = [*MARKERS.values(), *(str(int(Decimal(v) * 100)) for v in MARKERS.values())]
    return [re.compile(rf"(?<![0-9a-fA-F.]){re.escape(f)}(?![0-9a-fA-F])") for f in forms]


def _store_text(url: str) -> dict[str, str]:
    """Table → every value of every column of every row, as text."""
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as conn:
            return {name: "\n".join("\x1f".join(str(v) for v in row)
                                    for row in conn.execute(text(f'SELECT * FROM "{name}"')))
                    for name in inspect(engine).get_table_names()}
    finally:
        engine.dispose()


def _found(url: str) -> dict[str, list[str]]:
    return {name: [n.pattern for n in _needles() if n.search(body)]
            for name, body in _store_text(url).items() if any(n.search(body) for n in _needles())}


def test_no_table_holds_the_points_of_a_committed_sheet_before_its_reveal(platform: Platform,
                                                                          clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "checked")
    tid, members = tender.tender_id, tender.members
    bids = compliant_bids(platform, ACTORS, tid, "L1")
    marked = {bid: dict(MARKERS) for bid in bids}
    kept = {members[0].id: commit(platform, members[0], tid, "L1", marked)}
    assert _found(platform.url) == {}, "a committed sheet's points are in the store"
    for i, m in enumerate(members[1:], start=1):
        kept[m.id] = commit(platform, m, tid, "L1", sheet(bids, i))
    assert _found(platform.url) == {}, "points are in the store once every member committed"
    for m in members[1:]:
        reveal(platform, m, kept[m.id])
    assert _found(platform.url) == {}, "the marked sheet's points are in the store before its own reveal"
    reveal(platform, members[0], kept[members[0].id])
    assert set(_found(platform.url)) == {"evaluation_score"}  # the scan finds points once stored


def test_the_chain_holds_each_commitment_and_each_revealed_sheets_digest(platform: Platform,
                                                                         clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "checked")
    tid, members = tender.tender_id, tender.members
    bids = compliant_bids(platform, ACTORS, tid, "L1")
    score_all(platform, members, tid, "L1", {m.id: sheet(bids, i) for i, m in enumerate(members)})
    links = [e for e in platform.audit.events("tender", tid)
             if e.action in ("evaluation.score_commit", "evaluation.score_sheet")]
    with platform.internal.session() as session:
        rows = session.execute(text("SELECT member_id, bid_id, criterion_id, points_centi FROM evaluation_score "
                                    "WHERE tender_id = :t"), {"t": tid}).all()
        stored = {r[0]: r for r in session.execute(text(
            "SELECT member_id, digest, nonce, state FROM evaluation_commitment WHERE tender_id = :t"),
            {"t": tid}).all()}
    points: dict[str, dict[str, dict[str, int]]] = {}
    for member_id, bid, cid, value in rows:
        points.setdefault(member_id, {}).setdefault(bid, {})[cid] = int(value)
    assert [e.action for e in links] == ["evaluation.score_commit"] * 5 + ["evaluation.score_sheet"] * 5
    changes = [json.loads(e.change) for e in links]
    commits = {c["member_id"]: c["commitment"] for c in changes[:5]}
    for c in changes[5:]:
        member_id = c["member_id"]
        assert c["digest"] == sheet_digest(points[member_id]) == hashlib.sha256(json.dumps(
            points[member_id], sort_keys=True, separators=(",", ":")).encode()).hexdigest()
        assert c["commitment"] == commits[member_id] == stored[member_id][1]
        nonce = stored[member_id][2]
        assert stored[member_id][3] == "revealed"
        assert commitment_digest(tid, "L1", member_id, points[member_id], nonce) == commits[member_id]
    assert platform.audit.verify().ok


def _golden_points(member: int, supplier: int) -> dict[str, str]:
    """The sheets of the ranking recorded before commit and reveal (member 4 strays on supplier 0)."""
    base = {"T1": [20, 17, 23, 14, 19, 21], "T2": [11, 13, 9, 12, 10, 14], "C1": [15, 12, 18, 16, 13, 17]}
    top = {"T1": 25, "T2": 15, "C1": 20}
    out = {}
    for k, c in enumerate(top):
        value = Decimal(base[c][supplier]) + Decimal((member * 3 + k + supplier) % 5) / 4
        out[c] = "3.5" if (member, supplier, c) == (4, 0, "T1") else str(min(value, top[c]))
    return out


# The report of the same tender and sheets with the sheets submitted in clear, before commit and
# reveal (supplier by position: rank, price score, technical, commercial, total, decided by).
BEFORE = [(2, 1, "40.00", "33.00", "18.50", "91.50", "first"), (5, 2, "35.95", "36.00", "17.50", "89.45", "score"),
          (0, 3, "38.65", "31.83", "15.50", "85.98", "score"), (1, 4, "37.30", "31.00", "12.50", "80.80", "score"),
          (3, 5, "36.62", "27.00", "16.50", "80.12", "score"), (4, 6, "35.95", "30.00", "13.50", "79.45", "score")]
BEFORE_OUTLIERS = [("T1", "3.50", "20.50"), (None, "31.25", "47.31")]


def test_the_report_ranks_the_same_sheets_as_before(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "checked", bidders=6, committee=5)
    tid, ev = tender.tender_id, platform.evaluation
    entries = ev.compliance(ACTORS["purchasing"], tid).lots[0].entries
    pos = {s: i for i, s in enumerate(tender.suppliers)}
    sheets = {m.id: {e.bid_id: _golden_points(i, pos[e.supplier_id]) for e in entries if e.compliant}
              for i, m in enumerate(tender.members)}
    score_all(platform, tender.members, tid, "L1", sheets)
    lot = ev.compile_report(tender.members[0], tid).lots[0]
    ranked = sorted((e for e in lot.entries if e.rank), key=lambda e: e.rank or 0)
    assert [(pos[e.supplier_id], e.rank, str(e.price_score), str(e.technical), str(e.commercial), str(e.total),
             e.ranked_by) for e in ranked] == BEFORE
    assert [(o["criterion_id"], o["points"], o["others_mean"]) for o in lot.outliers] == BEFORE_OUTLIERS
    assert lot.unrevealed == []


def test_a_member_who_never_reveals_is_recorded_and_the_report_notes_it(platform: Platform,
                                                                        clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "checked")
    tid, members, ev = tender.tender_id, tender.members, platform.evaluation
    bids = compliant_bids(platform, ACTORS, tid, "L1")
    kept = {m.id: commit(platform, m, tid, "L1", sheet(bids, i)) for i, m in enumerate(members)}
    for m in members[:4]:
        reveal(platform, m, kept[m.id])
    silent = members[4]
    view = ev.record_unrevealed(ACTORS["supervisor"], tid, "L1", silent.id, "评委突发疾病离场，未揭示评分")
    assert (view.state, view.recorded_by, view.commitment) == ("unrevealed", ACTORS["supervisor"].id,
                                                               kept[silent.id].digest)
    sheets = ev.score_sheets(ACTORS["auditor"], tid, "L1")
    assert [s.member_id for s in sheets] == [m.id for m in members[:4]]
    report = ev.compile_report(members[0], tid)
    (note,) = report.lots[0].unrevealed
    assert (note["member_id"], note["reason"]) == (silent.id, "评委突发疾病离场，未揭示评分")
    with platform.internal.session() as session:
        assert session.execute(text("SELECT COUNT(*) FROM evaluation_score WHERE member_id = :m"),
                               {"m": silent.id}).scalar() == 0
    # the four revealed sheets decide: fewer than five members, so each criterion's plain mean
    for entry in (e for e in report.lots[0].entries if e.rank):
        means = [sum((s.scores[entry.bid_id][c] for s in sheets), Decimal(0)) / 4 for c in ("T1", "T2")]
        assert entry.technical == sum(m.quantize(Decimal("0.01"), ROUND_HALF_UP) for m in means)
    bidder = supplier_actor(tender.suppliers[0])
    public = ev.report(bidder, tid).lots[0].unrevealed
    assert public == [{"reason": "评委突发疾病离场，未揭示评分", "recorded_at": note["recorded_at"]}]
    assert "评委突发疾病离场" in json.loads(next(e for e in platform.audit.events("tender", tid)
                                                 if e.action == "evaluation.score_unrevealed").change)["reason"]


def test_commit_sheet_binds_the_sheet_the_seat_and_a_fresh_nonce() -> None:
    sheet_a = {"bid-2": {"T1": "20", "C1": Decimal("7.50")}, "bid-1": {"C1": 3, "T1": "19.25"}}
    same = {"bid-1": {"T1": Decimal("19.250"), "C1": "3.00"}, "bid-2": {"C1": "7.5", "T1": 20}}
    one = commit_sheet(sheet_a, tender_id="tdr-1", lot_id="L1", member_id="e-1")
    assert isinstance(one, SheetCommitment) and len(one.nonce) == 64 and one.nonce not in repr(one)
    again = commit_sheet(same, tender_id="tdr-1", lot_id="L1", member_id="e-1")
    assert one.nonce != again.nonce and one.digest != again.digest  # a fresh nonce hides equal sheets
    points = {"bid-1": {"T1": 1925, "C1": 300}, "bid-2": {"T1": 2000, "C1": 750}}
    assert commitment_digest("tdr-1", "L1", "e-1", points, again.nonce) == again.digest  # spelling, order
    for seat in (("tdr-2", "L1", "e-1"), ("tdr-1", "L2", "e-1"), ("tdr-1", "L1", "e-2")):
        assert commitment_digest(*seat, points, one.nonce) != one.digest
    with pytest.raises(ValidationError) as floats:
        commit_sheet({"bid-1": {"T1": 19.25}}, tender_id="tdr-1", lot_id="L1", member_id="e-1")
    assert floats.value.code == "evaluation.float"


@pytest.mark.parametrize(("scores", "code"), [
    ({"bid-1": {"T1": "20", "C1": "5"}}, "scoring.incomplete"),
    ({"bid-1": {"T1": "20", "C1": "5"}, "bid-2": {"T1": "26", "C1": "5"}}, "scoring.out_of_range"),
    ({"bid-1": {"T1": "20"}, "bid-2": {"T1": "20", "C1": "5"}}, "scoring.incomplete"),
])
def test_commit_sheet_checks_a_sheet_against_the_lots_form(scores: dict[str, Any], code: str) -> None:
    from zhaocai.bidding.evaluating.views import ScoringForm

    form = ScoringForm(tender_id="tdr-1", lot_id="L1", bids=["bid-1", "bid-2"],
                       criteria={"T1": Decimal(25), "C1": Decimal(20)})
    with pytest.raises(ValidationError) as refused:
        commit_sheet(scores, tender_id="tdr-1", lot_id="L1", member_id="e-1", form=form)
    assert refused.value.code == code


def test_the_scoring_form_is_what_a_reveal_accepts(platform: Platform, clock: ManualClock) -> None:
    tender = build_tender(platform, clock, "checked")
    tid, members, ev = tender.tender_id, tender.members, platform.evaluation
    form = ev.scoring_form(members[0], tid, "L1")
    assert form.bids == compliant_bids(platform, ACTORS, tid, "L1")
    assert form.criteria == {"T1": Decimal(25), "T2": Decimal(15), "C1": Decimal(20)}
    kept = {m.id: commit_sheet(sheet(form.bids, i), tender_id=tid, lot_id="L1", member_id=m.id, form=form)
            for i, m in enumerate(members)}
    for m in members:
        assert ev.commit_scores(m, tid, "L1", kept[m.id]).commitment == kept[m.id].digest
    assert ev.sheets_committed(tid) == {"L1": 5} and ev.sheets_submitted(tid) == {}
    receipts = [reveal(platform, m, kept[m.id]) for m in members]
    assert [r.submitted for r in receipts] == [1, 2, 3, 4, 5]
    assert ev.sheets_submitted(tid) == {"L1": 5}
