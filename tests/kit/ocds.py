"""Offline OCDS validation for the publication tests: libcoveocds's report, and Draft 4 checks
against the standard's schemas with the bids extension merged in (json-merge-patch)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from zhaocai.publish import exactjson
from zhaocai.testing.evaluation import LOWEST

PRICE_ONLY: dict[str, Any] = {"lots": 2, "evaluation": LOWEST, "bid_security": "40000.00", "pool": 0}
"""The tender of `zhaocai.testing.tender.draft` as it stands: two lots, bid security, the lowest price
(and no experts: nothing is evaluated)."""
INQUIRY_LOT = [{"id": "L1", "title": "formwork", "items": [{"name": "formwork labour", "quantity": "6800",
                                                             "unit": "m²"}]}]
KINDS: dict[str, dict[str, Any]] = {
    "open": {"to": "opened", **PRICE_ONLY, "bidders": 3, "prices": ["1900000.00", "1950000.00", "2000000.00"]},
    "invited": {"to": "opened", **PRICE_ONLY, "method": "invited_tender", "bidders": 3,
                "prices": ["1800000.00", "1810000.00", "1820000.00"], "title": "Invited: formwork timber"},
    "inquiry": {"to": "opened", "method": "price_inquiry", "pool": 0, "category": "labour", "lots": INQUIRY_LOT,
                "evaluation": LOWEST, "bidders": 3, "prices": [f"{352_000 + n * 6_400}.10" for n in range(3)],
                "title": "Formwork labour, building 3", "estimate": "360000", "ceiling_price": "380000",
                "custodians": [{"actor_id": "a-zheng", "name": "郑审计", "supervisor": False},
                               {"actor_id": "s-zhou", "name": "周纪检", "supervisor": True}]},
    "failed": {"to": "failed", **PRICE_ONLY, "bidders": 2, "prices": ["1500000.00"] * 2, "title": "Failed: cement"},
    "cancelled": {"to": "cancelled", **PRICE_ONLY, "bidders": 1, "prices": ["1777777.77"],
                  "title": "Cancelled: site fencing", "amend": "Drawing 3 replaced 图纸三更新",
                  "clarify": "Delivery to gate 2 答疑：送至二号门"},
    "two_envelopes": {"to": "failed", **PRICE_ONLY, "two_envelopes": True, "bidders": 3,
                      "prices": [f"{1_700_000 + n * 21_000}.00" for n in range(3)],
                      "rejected": {2: "crane capacity below spec"}, "title": "Two envelopes: tower crane"},
    "awarded_contract": {"to": "contracted", "lots": 2, "bidders": 3, "pool": 7, "committee": 5, "performance": True,
                         "prices": [("1900000.00", "100000.00"), ("1950000.00", "95000.00"),
                                    ("1980000.00", "99000.00")]},
}
"""Tenders of every kind the publication tests publish, as options of `build_tender`: an open
tender, an invited tender (邀请招标) and a price inquiry (询价) to labour suppliers, each opened
with three bids; an open tender that fails at its opening with two bids (流标, Law 28); and one
amended, clarified, then cancelled with one sealed bid never opened; two envelopes with the third
bid technically rejected (too few left: it fails at the commercial opening); and one of two lots evaluated by a committee of five under comprehensive
scoring, awarded per lot, its contracts signed and a late delivery recorded (with a private note)."""

REPO = Path(__file__).resolve().parents[2]
SHARED_OCDS = REPO.parent / "shared" / "ocds"
STANDARD_ZIP = SHARED_OCDS / "standard-1__1__5.zip"
BID_EXTENSION = SHARED_OCDS / "bid_extension-v1.1.5"


def require_shared() -> Path:
    """The offline OCDS folder beside the repository, or skip with the reason."""
    if not STANDARD_ZIP.exists() or not (BID_EXTENSION / "release-schema.json").exists():
        pytest.skip(f"offline OCDS schema not found at {SHARED_OCDS} (the shared/ folder must sit beside "
                    "the repository: ../shared/ocds/standard-1__1__5.zip and bid_extension-v1.1.5/)")
    return SHARED_OCDS


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
