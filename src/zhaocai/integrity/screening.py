"""Screen another system's OCDS data: import it, compute the red flags, report both.

`screen` is the whole of `zhaocai screen FILE` and `platform.integrity.screen_ocds`: read the file
(`ocds_read`), compute every flag over the tenders and the parties it names (`compute_flags`),
and keep the per-line issues beside the flags. In Cardinal's mode the settings are Cardinal's
(`conformance.cardinal_settings`) and `cardinal_results()` gives Cardinal's output shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from zhaocai.integrity.conformance import cardinal_results, cardinal_settings
from zhaocai.integrity.flags import compute_flags
from zhaocai.integrity.model import DEFAULT_SETTINGS, Flag, FlagSettings
from zhaocai.integrity.ocds_read import OcdsImport, Source, import_ocds
from zhaocai.integrity.report import flag_to_dict


@dataclass(frozen=True, slots=True)
class ScreenResult:
    """The flags found in a file of OCDS data, and what could not be read of it."""

    imported: OcdsImport
    flags: list[Flag]
    settings: FlagSettings

    def cardinal_results(self) -> dict[str, dict[str, dict[str, float]]]:
        """The flags of Cardinal's codes in Cardinal's output shape."""
        return cardinal_results(self.flags)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: counts, flags and issues."""
        return {"lines": self.imported.lines, "tenders": len(self.imported.tenders),
                "suppliers": len(self.imported.suppliers),
                "flags": [flag_to_dict(f) for f in self.flags],
                "issues": [i.to_dict() for i in self.imported.issues]}


def screen(source: Source, settings: FlagSettings | None = None, *, cardinal: bool = False,
           timezone: str | None = None) -> ScreenResult:
    """Import `source` (a path or the file's lines) and compute the flags.

    Settings: the ones given; else Cardinal's when `cardinal`, else zhaocai's defaults. Dates
    without an offset are read in `timezone` (e.g. "Asia/Shanghai") when given.
    """
    chosen = settings if settings is not None else cardinal_settings() if cardinal else DEFAULT_SETTINGS
    imported = import_ocds(source, timezone)
    return ScreenResult(imported, compute_flags(imported.tenders, imported.suppliers, chosen), chosen)
