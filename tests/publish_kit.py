"""Shared helpers of the publication tests (no tests here): tenders of every kind, and the
offline OCDS validation with libcoveocds and with the bids extension merged into the schema."""

from __future__ import annotations

import json
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from test_tender_kit import bidders, draft, payload, published, shares
from zhaocai.actors import Actor
from zhaocai.bidding.views import Publication
from zhaocai.categories import Category
from zhaocai.clock import ManualClock
from zhaocai.platform import Platform
from zhaocai.publish import exactjson

REPO = Path(__file__).resolve().parents[1]
SHARED_OCDS = REPO.parent / "shared" / "ocds"
STANDARD_ZIP = SHARED_OCDS / "standard-1__1__5.zip"
BID_EXTENSION = SHARED_OCDS / "bid_extension-v1.1.5"


def require_shared() -> Path:
    """The offline OCDS folder beside the repository, or skip with the reason."""
    if not STANDARD_ZIP.exists() or not (BID_EXTENSION / "release-schema.json").exists():
        pytest.skip(f"offline OCDS schema not found at {SHARED_OCDS} (the shared/ folder must sit beside "
                    "the repository: ../shared/ocds/standard-1__1__5.zip and bid_extension-v1.1.5/)")
    return SHARED_OCDS


def open_tender_opened(platform: Platform, actors: dict[str, Actor], clock: ManualClock,
                       prices: tuple[str, ...] = ("1900000.00", "1950000.00", "2000000.00"),
                       **overrides: Any) -> tuple[Publication, list[Actor]]:
    """An open tender with one bid per price, opened after the deadline."""
    users = bidders(platform, actors, len(prices))
    pub = published(platform, actors, clock, **overrides)
    for user, price in zip(users, prices, strict=True):
        clock.advance(hours=1)
        platform.tenders.submit_bid(user, pub.tender.id, payload(price))
    clock.set(pub.tender.deadline + timedelta(minutes=30))
    platform.tenders.open_bids(actors["supervisor"], pub.tender.id, shares(pub, 1, 2))
    return pub, users


def invited_tender_opened(platform: Platform, actors: dict[str, Actor],
                          clock: ManualClock) -> Publication:
    """An invited tender (邀请招标) with three invitees, opened."""
    users = bidders(platform, actors, 3)
    view = platform.tenders.create_draft(actors["purchasing"], draft(
        clock, method="invited_tender", invitees=[u.supplier_id for u in users],
        title="Invited: formwork timber"))
    pub = platform.tenders.publish(actors["purchasing"], view.id)
    for n, user in enumerate(users):
        clock.advance(hours=1)
        platform.tenders.submit_bid(user, pub.tender.id, payload(f"{1_800_000 + n * 10_000}.00"))
    clock.set(pub.tender.deadline + timedelta(minutes=10))
    platform.tenders.open_bids(actors["supervisor"], pub.tender.id, shares(pub, 2, 3))
    return pub


def inquiry_opened(platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> Publication:
    """A price inquiry (询价) to three labour suppliers by two officers, opened."""
    users = bidders(platform, actors, 3, category=Category.LABOUR)
    view = platform.tenders.create_draft(actors["purchasing"], {
        "title": "Formwork labour, building 3", "buyer": "浙江津义建设", "category": "labour",
        "method": "price_inquiry", "invitees": [u.supplier_id for u in users], "officers": ["p-wang", "p-li"],
        "lots": [{"id": "L1", "title": "formwork", "items": [{"name": "formwork labour", "quantity": "6800",
                                                             "unit": "m²"}]}],
        "estimate": "360000", "ceiling_price": "380000", "deadline": clock.now() + timedelta(days=5),
        "custodians": [{"actor_id": "p-wang", "name": "王采购", "supervisor": False},
                       {"actor_id": "s-zhou", "name": "周纪检", "supervisor": True}], "threshold": 2})
    pub = platform.tenders.publish(actors["purchasing"], view.id)
    for n, user in enumerate(users):
        clock.advance(hours=2)
        platform.tenders.submit_bid(user, pub.tender.id, {"lots": [{"lot": "L1", "price": f"{352_000 + n * 6_400}.10"}]})
    clock.set(pub.tender.deadline + timedelta(minutes=5))
    platform.tenders.open_bids(actors["supervisor"], pub.tender.id, shares(pub, 1, 2))
    return pub


def failed_tender(platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> Publication:
    """An open tender with two bids only: opening fails it (流标, Law 28)."""
    users = bidders(platform, actors, 2)
    pub = published(platform, actors, clock, title="Failed: cement")
    for user in users:
        clock.advance(hours=1)
        platform.tenders.submit_bid(user, pub.tender.id, payload("1500000.00"))
    clock.set(pub.tender.deadline + timedelta(minutes=10))
    platform.tenders.open_bids(actors["supervisor"], pub.tender.id, shares(pub, 1, 2))
    return pub


def cancelled_tender(platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> Publication:
    """An open tender amended once, then cancelled by two people with one sealed bid never opened."""
    users = bidders(platform, actors, 1)
    pub = published(platform, actors, clock, title="Cancelled: site fencing")
    clock.advance(days=2)
    platform.tenders.amend(actors["purchasing"], pub.tender.id, "Drawing 3 replaced 图纸三更新")
    clock.advance(hours=3)
    platform.tenders.clarify(actors["purchasing"], pub.tender.id, "Delivery to gate 2 答疑：送至二号门")
    platform.tenders.submit_bid(users[0], pub.tender.id, payload("1777777.77"))
    clock.advance(days=1)
    platform.tenders.request_cancellation(actors["purchasing"], pub.tender.id, "Project postponed 项目延期")
    platform.tenders.approve_cancellation(actors["supervisor"], pub.tender.id)
    return pub


def write_json(path: Path, package: dict[str, Any]) -> Path:
    """Write a package as exact JSON and return the path."""
    path.write_text(exactjson.dumps(package), encoding="utf-8")
    return path


def cove(path: Path, outdir: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """libcoveocds's report on the file, offline (any HTTP request fails at once)."""
    import requests
    from libcoveocds.api import ocds_json_output
    from libcoveocds.config import LibCoveOCDSConfig

    def offline(*args: Any, **kwargs: Any) -> Any:
        raise requests.ConnectionError("offline test: no network")

    monkeypatch.setattr(requests.Session, "request", offline)
    config = LibCoveOCDSConfig({"standard_zip": STANDARD_ZIP.resolve().as_uri(), "context": "api"})
    outdir.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = ocds_json_output(str(outdir), str(path), lib_cove_ocds_config=config)
    return result


def extended_schema_from_shared() -> dict[str, Any]:
    """The release schema of the standard zip with the bids extension merged (json-merge-patch)."""
    import json_merge_patch

    with zipfile.ZipFile(STANDARD_ZIP) as z:
        name = next(n for n in z.namelist() if n.endswith("schema/release-schema.json"))
        schema = json.loads(z.read(name))
    patch = json.loads((BID_EXTENSION / "release-schema.json").read_text(encoding="utf-8"))
    merged: dict[str, Any] = json_merge_patch.merge(schema, patch)
    return merged


def bid_schema_errors(package: dict[str, Any]) -> list[str]:
    """Draft 4 errors of every release (bids included) against the extended schema."""
    from jsonschema import Draft4Validator, FormatChecker
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    schema = extended_schema_from_shared()
    resource = Resource.from_contents(schema, default_specification=DRAFT4)
    registry = Registry().with_resource(schema["id"], resource)
    validator = Draft4Validator(schema, registry=registry, format_checker=FormatChecker())
    releases = package.get("releases") or [r for rec in package.get("records", []) for r in rec["releases"]]
    text = exactjson.dumps(releases)
    errors = []
    for release in exactjson.loads(text):
        errors += [f"{release['id']}: {'/'.join(map(str, e.absolute_path))}: {e.message}"
                   for e in validator.iter_errors(release)]
    return errors


def record_schema_errors(package: dict[str, Any]) -> list[str]:
    """Draft 4 errors of a record package: the package against the record package schema of the
    standard zip (its $refs served locally), and each compiled release against the extended schema."""
    from jsonschema import Draft4Validator, FormatChecker
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    registry = Registry()
    with zipfile.ZipFile(STANDARD_ZIP) as z:
        for name in z.namelist():
            if name.endswith(".json") and "/schema/" in name and "metaschema" not in name:
                schema = json.loads(z.read(name))
                if "id" in schema:
                    registry = registry.with_resource(schema["id"], Resource.from_contents(
                        schema, default_specification=DRAFT4))
        package_schema = json.loads(z.read(next(n for n in z.namelist()
                                                if n.endswith("schema/record-package-schema.json"))))
    data = exactjson.loads(exactjson.dumps(package))
    validator = Draft4Validator(package_schema, registry=registry, format_checker=FormatChecker())
    errors = [f"package: {'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
    extended = extended_schema_from_shared()
    release_validator = Draft4Validator(extended, registry=Registry().with_resource(
        extended["id"], Resource.from_contents(extended, default_specification=DRAFT4)),
        format_checker=FormatChecker())
    for rec in data["records"]:
        errors += [f"{rec['ocid']} compiled: {'/'.join(map(str, e.absolute_path))}: {e.message}"
                   for e in release_validator.iter_errors(rec["compiledRelease"])]
    return errors


EXPERT_NAMES = [f"评委{n}号专家Planted" for n in range(1, 10)]
EXPERT_IDS = [f"330782196505{n:02d}4321" for n in range(1, 10)]


def add_experts(platform: Platform, actors: dict[str, Actor]) -> list[str]:
    """Nine materials experts with distinctive names and identity numbers."""
    return [platform.evaluation.add_expert(actors["admin"], {
        "id": f"e-pub-{n}", "name": name, "identity_number": number, "specialties": ["materials"]}).id
        for n, (name, number) in enumerate(zip(EXPERT_NAMES, EXPERT_IDS, strict=True), start=1)]


class AwardFlow:
    """An open tender with comprehensive scoring, driven stage by stage to a signed contract."""

    def __init__(self, platform: Platform, actors: dict[str, Actor], clock: ManualClock,
                 suppliers: list[str], prices: list[tuple[str, str]]) -> None:
        import award_kit

        self.platform, self.actors, self.clock = platform, actors, clock
        self.kit = award_kit
        self.pub = award_kit.opened_tender(platform, actors, clock, suppliers, prices)
        self.tender_id = self.pub.tender.id
        self.members: list[Actor] = []

    def draw_and_check(self) -> None:
        """Draw the committee, declare, check compliance (tender → evaluating)."""
        self.platform.evaluation.draw_committee(self.actors["purchasing"], self.tender_id, size=5)
        self.members = self.kit.seated(self.platform, self.actors, self.tender_id)
        self.kit.declare_all(self.platform, self.members, self.tender_id)
        self.platform.evaluation.check_compliance(self.members[0], self.tender_id)

    def score(self, members: list[Actor], marker: str | None = None) -> None:
        """The given members submit their sheets for both lots (the first may plant a marker)."""
        for lot in ("L1", "L2"):
            bids = self.kit.compliant_bids(self.platform, self.actors, self.tender_id, lot)
            for member in members:
                sheet = self.kit.sheet(bids, self.members.index(member))
                if marker is not None and member is self.members[0] and lot == "L1":
                    sheet[bids[0]]["T1"] = marker
                self.platform.evaluation.submit_scores(member, self.tender_id, lot, sheet)

    def report(self) -> Any:
        """Compile the report: candidates publicised."""
        return self.platform.evaluation.compile_report(self.members[0], self.tender_id)

    def award(self, publicity_ends: Any) -> Any:
        """Award after the publicity."""
        self.clock.set(publicity_ends + timedelta(minutes=1))
        return self.platform.evaluation.award(self.actors["purchasing"], self.tender_id)

    def sign(self, award: Any) -> None:
        """Both sides sign every contract; one performance event is recorded."""
        from factories import supplier_actor

        for notice in award.notices:
            self.platform.evaluation.sign_contract(self.actors["purchasing"], notice.contract_id)
            self.clock.advance(hours=1)
            self.platform.evaluation.sign_contract(supplier_actor(notice.supplier_id), notice.contract_id)
        self.clock.advance(days=10)
        self.platform.suppliers.record_performance(self.actors["quality"], {
            "supplier_id": award.notices[0].supplier_id, "contract_id": award.notices[0].contract_id,
            "kind": "late_delivery", "severity": 2, "occurred_at": self.clock.now(),
            "note": "私下备注 internal note"})


def awarded_with_contract(platform: Platform, actors: dict[str, Actor], clock: ManualClock) -> Publication:
    """An open tender evaluated by a drawn committee, awarded per lot, contracts signed, performance."""
    import award_kit

    award_kit.add_pool(platform, actors, 7)
    suppliers = award_kit.admitted(platform, actors, 3)
    flow = AwardFlow(platform, actors, clock, suppliers,
                     [("1900000.00", "100000.00"), ("1950000.00", "95000.00"), ("1980000.00", "99000.00")])
    flow.draw_and_check()
    flow.score(flow.members)
    report = flow.report()
    flow.sign(flow.award(report.publicity_ends))
    return flow.pub
