"""Compiled records: every release of a contracting process merged into its current state.

ocdsmerge compiles the releases with the merge rules of the local OCDS 1.1.5 release schema,
extended by the bids extension 1.1.5 through JSON Merge Patch (RFC 7386). Both schema files ship
with zhaocai (`publish/ocds_schema/`); nothing is fetched over the network.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from datetime import datetime
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from zhaocai.publish.ocds import OCDS_VERSION, ocds_date, uses_bids
from zhaocai.publish.settings import BID_EXTENSION_URL, PublishSettings

if TYPE_CHECKING:
    import ocdsmerge

SCHEMA_PACKAGE = "zhaocai.publish"
SCHEMA_FOLDER = "ocds_schema"


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON Merge Patch: `patch` applied to a copy of `target`."""
    if not isinstance(patch, Mapping):
        return copy.deepcopy(patch)
    result = dict(target) if isinstance(target, Mapping) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def _load(name: str) -> dict[str, Any]:
    text = resources.files(SCHEMA_PACKAGE).joinpath(SCHEMA_FOLDER, name).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def release_schema() -> dict[str, Any]:
    """The OCDS 1.1.5 release schema, as shipped (a fresh copy)."""
    return _load("release-schema.json")


def bid_extension_patch() -> dict[str, Any]:
    """The bids extension's release-schema patch (v1.1.5), as shipped (a fresh copy)."""
    return _load("bid-extension-release-schema.json")


def extended_release_schema() -> dict[str, Any]:
    """The release schema with the bids extension merged in (JSON Merge Patch)."""
    extended: dict[str, Any] = merge_patch(release_schema(), bid_extension_patch())
    return extended


@lru_cache(maxsize=1)
def merger() -> ocdsmerge.Merger:
    """An ocdsmerge Merger built once from the extended local schema (imported on first use)."""
    import ocdsmerge

    return ocdsmerge.Merger(schema=extended_release_schema())


def compiled_release(releases: list[dict[str, Any]]) -> dict[str, Any]:
    """The compiled release of one contracting process (all releases share one ocid)."""
    compiled: dict[str, Any] = merger().create_compiled_release(releases)
    return compiled


def record(releases: list[dict[str, Any]]) -> dict[str, Any]:
    """An OCDS record: the releases themselves and their compiled release."""
    return {"ocid": releases[0]["ocid"], "releases": releases, "compiledRelease": compiled_release(releases)}


def record_package(releases_by_ocid: Mapping[str, list[dict[str, Any]]], settings: PublishSettings,
                   published: datetime, uri: str | None = None) -> dict[str, Any]:
    """An OCDS 1.1 record package: one record per contracting process."""
    records = [record(releases) for _, releases in sorted(releases_by_ocid.items()) if releases]
    package: dict[str, Any] = {
        "uri": uri or f"urn:zhaocai:{settings.ocid_prefix}:records:{ocds_date(published)}",
        "version": OCDS_VERSION,
        "publishedDate": ocds_date(published),
        "publisher": settings.publisher(),
    }
    if any(uses_bids(r["releases"]) for r in records):
        package["extensions"] = [BID_EXTENSION_URL]
    if settings.license:
        package["license"] = settings.license
    if settings.publication_policy:
        package["publicationPolicy"] = settings.publication_policy
    package["records"] = records
    return package
