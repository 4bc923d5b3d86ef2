"""Publication settings, exact JSON numbers, JSON Merge Patch and the shipped OCDS schema."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal

import pytest

from tests.kit.ocds import BID_EXTENSION, STANDARD_ZIP, require_shared
from zhaocai.errors import ValidationError
from zhaocai.platform import Platform
from zhaocai.publish import PublishSettings, dumps, loads, merge_patch, validate_ocid_prefix
from zhaocai.publish.records import bid_extension_patch, extended_release_schema, release_schema


@pytest.mark.parametrize("prefix", ["ocds-zc2026", "ocds-abc123", "ocds-000000"])
def test_ocid_prefix_accepted(prefix: str) -> None:
    assert validate_ocid_prefix(prefix) == prefix
    assert PublishSettings.of({"ocid_prefix": prefix}).ocid("tdr-1") == f"{prefix}-tdr-1"


@pytest.mark.parametrize("prefix", ["ocds-ZC2026", "ocds-zc202", "ocds-zc20267", "ocd-zc2026", "OCDS-zc2026",
                                    "ocds_zc2026", "ocds-zc 026", ""])
def test_ocid_prefix_refused_with_typed_error(prefix: str) -> None:
    with pytest.raises(ValidationError) as caught:
        PublishSettings.of({"ocid_prefix": prefix})
    assert caught.value.code == "publish.ocid_prefix"
    assert "ocds-" in caught.value.message_en and caught.value.message_zh


def test_settings_are_given_when_the_platform_opens_and_a_bad_prefix_is_refused(platform, clock) -> None:
    assert platform.publish.settings == PublishSettings()
    with Platform.open(platform.url, clock, publish_settings={"ocid_prefix": "ocds-yw0001"}) as registered:
        assert registered.publish.settings.ocid_prefix == "ocds-yw0001"
    with pytest.raises(ValidationError) as caught:
        Platform.open(platform.url, clock, publish_settings={"ocid_prefix": "ocds-Yiwu01"})
    assert caught.value.code == "publish.ocid_prefix"


def test_decimals_become_exact_json_numbers() -> None:
    value = {"amount": Decimal("0.1") + Decimal("0.2"), "big": Decimal("12345678901234567.89"),
             "n": 3, "name": "钢材", "none": None, "flag": True, "list": [Decimal("1E+2")]}
    text = dumps(value, indent=None)
    assert text == ('{"amount":0.3,"big":12345678901234567.89,"n":3,"name":"钢材","none":null,'
                    '"flag":true,"list":[100]}')
    assert loads(text)["big"] == Decimal("12345678901234567.89")
    assert json.loads(dumps(value)) == json.loads(text)


def test_float_is_refused_by_the_writer() -> None:
    with pytest.raises(ValidationError) as caught:
        dumps({"amount": 0.1})
    assert caught.value.code == "publish.float"


def test_merge_patch_matches_rfc_7386_reference() -> None:
    json_merge_patch = pytest.importorskip("json_merge_patch")
    target = {"a": "b", "c": {"d": "e", "f": "g"}, "k": [1, 2]}
    patch = {"a": "z", "c": {"f": None, "h": {"i": 1}}, "k": {"x": 1}}
    assert merge_patch(target, patch) == json_merge_patch.merge(json.loads(json.dumps(target)), patch)
    assert target["c"] == {"d": "e", "f": "g"}  # the target is not changed
    assert merge_patch(release_schema(), bid_extension_patch()) == \
        json_merge_patch.merge(release_schema(), bid_extension_patch())


def test_shipped_schema_equals_the_offline_standard() -> None:
    require_shared()
    with zipfile.ZipFile(STANDARD_ZIP) as z:
        name = next(n for n in z.namelist() if n.endswith("schema/release-schema.json"))
        assert json.loads(z.read(name)) == release_schema()
    assert json.loads((BID_EXTENSION / "release-schema.json").read_text(encoding="utf-8")) == bid_extension_patch()
    extended = extended_release_schema()
    assert "bids" in extended["properties"] and "Bid" in extended["definitions"]
    assert "relatedBid" in extended["definitions"]["Award"]["properties"]
