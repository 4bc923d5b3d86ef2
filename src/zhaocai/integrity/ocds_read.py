"""Read a file of OCDS data into the red flags' facts, with a typed report of every bad line.

Accepted: JSON Lines of compiled releases (one per line, as Cardinal reads them); a release
package (its releases of one ocid are compiled with ocdsmerge when there are several); a record
package (each record's compiledRelease, else its releases compiled). A line that is not JSON,
not an object or has no ocid is reported (`LineIssue`, severity "error") and skipped; the other
lines still count. Fields that cannot be read are reported as warnings (`ocds_import`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from zhaocai.errors import NotFoundError, ValidationError, ZhaocaiError
from zhaocai.integrity.facts import SupplierFacts, TenderFacts
from zhaocai.integrity.ocds_import import FieldIssue, merge_suppliers, party_facts, release_facts

Source = str | Path | Iterable[str]
"""A path (str or Path) to a file, or the file's lines."""


@dataclass(frozen=True, slots=True)
class LineIssue:
    """A problem at a line of the file (or at an item of a package, then `item` is its number)."""

    line: int
    code: str
    message_en: str
    message_zh: str
    severity: Literal["error", "warning"] = "error"
    ocid: str | None = None
    field: str | None = None
    item: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"line": self.line, "item": self.item, "ocid": self.ocid, "severity": self.severity,
                "code": self.code, "field": self.field, "message_en": self.message_en,
                "message_zh": self.message_zh}


@dataclass
class OcdsImport:
    """What a file gave: the tenders' facts, the suppliers named in parties, and the issues."""

    tenders: list[TenderFacts] = field(default_factory=list)
    suppliers: dict[str, SupplierFacts] = field(default_factory=dict)
    issues: list[LineIssue] = field(default_factory=list)
    lines: int = 0

    @property
    def errors(self) -> list[LineIssue]:
        """The lines (or package items) left out."""
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[LineIssue]:
        """Fields left out of releases that were read."""
        return [i for i in self.issues if i.severity == "warning"]


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def loads(text: str) -> Any:
    """JSON with exact decimals (numbers with a fraction or exponent become Decimal)."""
    return json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)


def zone_of(name: str | None) -> tzinfo | None:
    """The time zone that dates without an offset are read in (None: such dates are left out)."""
    if name is None:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValidationError("integrity.ocds.timezone", f"Unknown time zone {name!r}",
                              f"未知的时区 {name!r}", {"timezone": name}) from exc


def _lines(source: Source) -> list[str]:
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise NotFoundError("integrity.ocds.not_found", f"No file {str(path)!r}",
                                f"文件 {str(path)!r} 不存在", {"path": str(path)}) from exc
        except UnicodeDecodeError as exc:
            raise ValidationError("integrity.ocds.encoding", f"{str(path)!r} is not UTF-8 text",
                                  f"{str(path)!r} 不是 UTF-8 文本", {"path": str(path)}) from exc
        except OSError as exc:
            raise ValidationError("integrity.ocds.unreadable", f"Cannot read {str(path)!r}: {exc}",
                                  f"无法读取 {str(path)!r}", {"path": str(path)}) from exc
        return text.splitlines()
    return [line.rstrip("\n") for line in source]


def _error(line: int, code: str, en: str, zh: str, item: int | None = None) -> LineIssue:
    return LineIssue(line=line, code=code, message_en=en, message_zh=zh, item=item)


def _package_releases(package: Mapping[str, Any], line: int) -> Iterator[tuple[int, int | None, Any]]:
    """The compiled releases of a release or record package, each with its item number."""
    from zhaocai.publish.records import compiled_release

    if isinstance(package.get("records"), list):
        for n, record in enumerate(package["records"], start=1):
            if isinstance(record, dict) and isinstance(record.get("compiledRelease"), dict):
                yield line, n, record["compiledRelease"]
            elif isinstance(record, dict) and isinstance(record.get("releases"), list):
                yield line, n, _compiled(record["releases"], compiled_release)
            else:
                yield line, n, _error(line, "integrity.ocds.record", "A record has no compiledRelease "
                                      "nor releases", "记录既无 compiledRelease 也无 releases", n)
        return
    by_ocid: dict[Any, list[tuple[int, Any]]] = defaultdict(list)
    for n, release in enumerate(package["releases"], start=1):
        by_ocid[release.get("ocid") if isinstance(release, dict) else None].append((n, release))
    for ocid, found in by_ocid.items():
        n = found[0][0]
        if len(found) == 1 or ocid is None:
            for n, release in found:
                yield line, n, release
        else:
            yield line, n, _compiled([r for _, r in found], compiled_release)


def _compiled(releases: list[Any], compile_: Any) -> Any:
    try:
        return compile_(releases)
    except Exception as exc:  # ocdsmerge raises several kinds on malformed releases
        return _error(0, "integrity.ocds.merge", f"The releases cannot be compiled: {exc}",
                      "无法合并这些发布记录")


def releases_of(source: Source) -> Iterator[tuple[int, int | None, Any]]:
    """(line, item, release or LineIssue) for every release of the source, in order."""
    lines = _lines(source)
    first = next((n for n, text in enumerate(lines) if text.strip()), None)
    if first is not None:
        try:
            loads(lines[first])
        except ValueError:
            # Not one JSON value per line: perhaps one (indented) package.
            try:
                whole = loads("\n".join(lines))
            except ValueError:
                whole = None
            if isinstance(whole, dict) and isinstance(whole.get("releases", whole.get("records")), list):
                yield from _package_releases(whole, first + 1)
                return
    for n, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        try:
            value = loads(text)
        except ValueError as exc:
            yield n, None, _error(n, "integrity.ocds.json", f"Line {n} is not JSON: {exc}",
                                  f"第 {n} 行不是 JSON")
            continue
        if isinstance(value, dict) and "ocid" not in value \
                and isinstance(value.get("releases", value.get("records")), list):
            yield from _package_releases(value, n)
        else:
            yield n, None, value


def import_ocds(source: Source, timezone: str | None = None) -> OcdsImport:
    """Every release of the source as facts, with the suppliers of their parties and the issues.

    A release whose ocid was already read is reported (`integrity.ocds.duplicate`) and skipped.
    Refused only when the source itself cannot be read (NotFoundError `integrity.ocds.not_found`,
    ValidationError `integrity.ocds.encoding` / `.unreadable` / `.timezone`).
    """
    zone = zone_of(timezone)
    result = OcdsImport()
    seen: set[str] = set()
    for line, item, value in releases_of(source):
        result.lines += 1
        found = _read_release(line, item, value, zone)
        if isinstance(found, LineIssue):
            result.issues.append(found)
            continue
        tender, problems = found
        if tender.id in seen:
            result.issues.append(LineIssue(
                line, "integrity.ocds.duplicate", f"ocid {tender.id!r} again; only its first release "
                "counts", f"ocid {tender.id!r} 重复；只计第一条", ocid=tender.id, item=item))
            continue
        seen.add(tender.id)
        result.tenders.append(tender)
        merge_suppliers(result.suppliers, party_facts(value))
        result.issues.extend(LineIssue(line, p.code, p.message_en, p.message_zh, "warning", tender.id,
                                       p.field, item) for p in problems)
    return result


def _read_release(line: int, item: int | None, value: object, zone: tzinfo | None
                  ) -> tuple[TenderFacts, list[FieldIssue]] | LineIssue:
    """One release of the source as facts with its field issues, or the issue that stops it."""
    if isinstance(value, LineIssue):
        return value if value.line else _error(line, value.code, value.message_en, value.message_zh, item)
    if not isinstance(value, dict):
        return _error(line, "integrity.ocds.not_object", f"Line {line} is not a JSON object",
                      f"第 {line} 行不是 JSON 对象", item)
    try:
        return release_facts(value, zone)
    except ZhaocaiError as error:
        return _error(line, error.code, error.message_en, error.message_zh, item)
