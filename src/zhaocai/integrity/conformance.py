"""Cardinal-compatible settings and results: zhaocai's R-codes as the OCP's cardinal-rs computes them.

`cardinal_settings` turns Cardinal's settings (the sections and properties of its INI file, see
cardinal-rs ``docs/cli/settings.md``) into `FlagSettings` that reproduce Cardinal: every process
and method screened, cancelled ones left out, no minimum number of values behind a fence, and
Cardinal's own comparisons. `settings_from_ini` reads such a file. `cardinal_results` shapes
flags as Cardinal's output: ``{"OCID" | "Buyer" | "ProcuringEntity" | "Tenderer": {id: {code:
value}}}``. docs/integrity.md lists where zhaocai's own defaults differ and why.
"""

from __future__ import annotations

import configparser
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from zhaocai.errors import ValidationError
from zhaocai.integrity.model import Flag, FlagSettings

CARDINAL_CODES: tuple[str, ...] = (
    "R003", "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038", "R048", "R058")
"""The indicators cardinal-rs computes and zhaocai reproduces."""

CARDINAL_MODE: dict[str, Any] = {
    "r003_law_minimums": False,
    "r018_count_bids": False,
    "r025_strict": False,
    "r036_first_lowest": True,
    "r038_minimum_counts_bids": True,
    "r048_minimum_contracting_processes": 20,
    "r048_minimum_variety": 1,
    "exclude_cancelled": True,
    "fence_min_values": 1,
}
"""The settings in which Cardinal's defaults differ from zhaocai's."""

TENDERER_VALUES: dict[str, float] = {"R024": 0.0, "R028": 1.0, "R030": 1.0, "R035": 0.0, "R058": 0.0}
"""Process indicators that also name tenderers, and the value Cardinal gives the tenderers."""

# Cardinal property → FlagSettings field, per section.
_PROPERTIES: dict[str, dict[str, str]] = {
    "R003": {"threshold": "r003_threshold_days", "procurement_methods": "r003_procurement_methods"},
    "R018": {"procurement_methods": "r018_procurement_methods"},
    "R024": {"threshold": "r024_threshold"},
    "R025": {"percentile": "r025_percentile", "threshold": "r025_threshold"},
    "R028": {}, "R030": {}, "R036": {},
    "R035": {"threshold": "r035_threshold"},
    "R038": {"threshold": "r038_threshold", "minimum_submitted_bids": "r038_minimum_submitted_bids",
             "minimum_contracting_processes": "r038_minimum_contracting_processes"},
    "R048": {"threshold": "r048_threshold", "digits": "r048_digits",
             "minimum_contracting_processes": "r048_minimum_contracting_processes"},
    "R058": {"threshold": "r058_threshold"},
}


_INDICATOR = re.compile(r"^R\d{3}(\.|$)")


def _pipes(value: Any) -> frozenset[str]:
    return frozenset(v for v in str(value).split("|") if v)


def _bad(message_en: str, message_zh: str, details: Mapping[str, Any]) -> ValidationError:
    return ValidationError("integrity.cardinal.settings", message_en, message_zh, details)


def cardinal_settings(indicators: Mapping[str, Mapping[str, Any]] | None = None, *,
                      currency: str | None = None,
                      no_price_comparison_procurement_methods: str | None = None,
                      price_comparison_procurement_methods: str | None = None,
                      excluded_procurement_method_details: str | None = None) -> FlagSettings:
    """Settings that reproduce Cardinal, from its settings: `indicators` maps each enabled
    indicator ("R003", ...) to its properties (`threshold`, `procurement_methods` as
    "open|selective", ...; "R003.procurement_method_details" a table of thresholds). Without
    `indicators`, all eleven run with their defaults. Typed error
    `integrity.cardinal.settings` on an unknown indicator or property, or a bad value."""
    values: dict[str, Any] = dict(CARDINAL_MODE)
    sections = dict(indicators) if indicators is not None else {code: {} for code in CARDINAL_CODES}
    table = sections.pop("R003.procurement_method_details", None)
    for name in [n for n in sections if "." in n]:
        raise _bad(f"Unknown section {name!r}", f"未知的设置节 {name!r}", {"section": name})
    if table is not None:
        sections.setdefault("R003", {})
        try:
            values["r003_procurement_method_details"] = {str(k): int(v) for k, v in table.items()}
        except (TypeError, ValueError) as exc:
            raise _bad("R003.procurement_method_details needs whole numbers of days",
                       "R003.procurement_method_details 须为整数天数", {"value": str(table)}) from exc
    for code, properties in sections.items():
        known = _PROPERTIES.get(code)
        if known is None:
            raise _bad(f"Unknown indicator {code!r}", f"未知的指标 {code!r}", {"indicator": code})
        for name, value in properties.items():
            if name not in known:
                raise _bad(f"{code} has no setting {name!r}", f"{code} 没有设置项 {name!r}",
                           {"indicator": code, "setting": name})
            field = known[name]
            values[field] = _pipes(value) if name == "procurement_methods" else \
                Decimal(str(value)) if field.endswith("_threshold") and code not in ("R035", "R048") \
                else value
    if "R035" in sections and "r035_threshold" in values:
        values["r035_threshold"] = max(int(values["r035_threshold"]), 1)
    values["codes"] = frozenset(sections)
    values["currency"] = currency
    if no_price_comparison_procurement_methods is not None:
        values["no_price_comparison_method_details"] = _pipes(no_price_comparison_procurement_methods)
    if price_comparison_procurement_methods is not None:
        values["price_comparison_method_details"] = _pipes(price_comparison_procurement_methods)
    if excluded_procurement_method_details is not None:
        values["excluded_method_details"] = _pipes(excluded_procurement_method_details)
    try:
        return FlagSettings(**values)
    except ValueError as exc:
        raise _bad(f"Bad Cardinal settings: {exc}", "Cardinal 设置有误", {"error": str(exc)}) from exc


def settings_from_ini(text: str) -> FlagSettings:
    """Cardinal settings from the text of its INI file (global properties at the top,
    `[exclusions]`, one section per enabled indicator). Sections of Cardinal's `prepare` command
    (`[defaults]`, `[codelists.*]`, …) are ignored."""
    parser = configparser.ConfigParser(inline_comment_prefixes=(";", "#"), interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        parser.read_string("[__top__]\n" + text)
    except configparser.Error as exc:
        raise _bad(f"The settings file cannot be read: {exc}", "设置文件无法读取",
                   {"error": str(exc)}) from exc
    top = dict(parser["__top__"])
    indicators = {name: dict(parser[name]) for name in parser.sections() if _INDICATOR.match(name)}
    exclusions = dict(parser["exclusions"]) if parser.has_section("exclusions") else {}
    return cardinal_settings(
        indicators or None, currency=top.get("currency"),
        no_price_comparison_procurement_methods=top.get("no_price_comparison_procurement_methods"),
        price_comparison_procurement_methods=top.get("price_comparison_procurement_methods"),
        excluded_procurement_method_details=exclusions.get("procurement_method_details"))


def cardinal_results(flags: Iterable[Flag]) -> dict[str, dict[str, dict[str, float]]]:
    """The flags of Cardinal's codes in Cardinal's output shape (without its "Meta" key)."""
    out: dict[str, dict[str, dict[str, float]]] = {}

    def put(group: str, key: str, code: str, value: float) -> None:
        out.setdefault(group, {}).setdefault(key, {})[code] = value

    for flag in flags:
        if flag.code not in CARDINAL_CODES:
            continue
        value = float(flag.evidence.get("value", 1))
        if flag.subject == "tender":
            put("OCID", flag.tender_ids[0], flag.code, value)
            if flag.code in TENDERER_VALUES:
                named = [str(flag.evidence["winner"])] if flag.code == "R035" else flag.supplier_ids
                for supplier in named:
                    put("Tenderer", supplier, flag.code, TENDERER_VALUES[flag.code])
        elif flag.subject == "supplier":
            put("Tenderer", flag.supplier_ids[0], flag.code, value)
        elif flag.buyer is not None:
            group = "ProcuringEntity" if flag.evidence.get("role") == "procuring_entity" else "Buyer"
            put(group, flag.buyer, flag.code, value)
    return out
