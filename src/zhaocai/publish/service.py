"""PublishService (`platform.publish`): OCDS release and record packages and the public database."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zhaocai.errors import NotFoundError
from zhaocai.guards import guarded
from zhaocai.integrity.model import Flag
from zhaocai.publish import exactjson
from zhaocai.publish.gather import blacklist_decisions, gather
from zhaocai.publish.ocds import release_package, tender_releases
from zhaocai.publish.public_db import write_public_database
from zhaocai.publish.records import record_package
from zhaocai.publish.settings import PublishSettings
from zhaocai.publish.snapshot import TenderSnapshot

if TYPE_CHECKING:
    from zhaocai.runner import CommandRunner


class PublishService:
    """Publication of what may be public: OCDS 1.1 packages and the "sunshine" SQLite database.

    Reads only (no command, nothing audited): every output is recomputed from the store at the
    platform's current moment, so publishing again after each stage gives the newer picture.
    """

    def __init__(self, runner: CommandRunner, *, settings: PublishSettings,
                 flags: Callable[[], list[Flag]]) -> None:
        self._runner = runner
        self._settings = settings
        self._flags = flags  # the integrity red flags shown in the public database

    @property
    def settings(self) -> PublishSettings:
        """The publication settings (`Platform.open(..., publish_settings=...)`)."""
        return self._settings

    @guarded
    def snapshots(self, *, tender_id: str | None = None) -> list[TenderSnapshot]:
        """The public facts of every published tender, or of one (NotFoundError if unpublished)."""
        with self._runner.session() as session:
            found = gather(session, None if tender_id is None else [tender_id])
        if tender_id is not None and not found:
            raise NotFoundError("publish.tender_not_found", f"No published tender {tender_id!r}",
                                f"没有已发布的招标项目 {tender_id!r}", {"tender_id": tender_id})
        return found

    @guarded
    def releases(self, *, tender_id: str | None = None) -> list[dict[str, Any]]:
        """Every release of one tender, or of all tenders, oldest first per tender."""
        return [r for snap in self.snapshots(tender_id=tender_id)
                for r in tender_releases(snap, self.settings)]

    @guarded
    def release_package(self, *, tender_id: str | None = None) -> dict[str, Any]:
        """An OCDS 1.1 release package (amounts as exact Decimals; write it with `to_json`)."""
        return release_package(self.releases(tender_id=tender_id), self.settings, self._runner.now())

    @guarded
    def record_package(self, *, tender_id: str | None = None) -> dict[str, Any]:
        """An OCDS 1.1 record package: per tender its releases and compiled release (ocdsmerge)."""
        by_ocid = {self.settings.ocid(s.id): tender_releases(s, self.settings)
                   for s in self.snapshots(tender_id=tender_id)}
        return record_package(by_ocid, self.settings, self._runner.now())

    @staticmethod
    def to_json(package: Mapping[str, Any], *, indent: int | None = 2) -> str:
        """A package as JSON text with amounts as exact JSON numbers."""
        return exactjson.dumps(package, indent=indent)

    def write_release_package(self, path: str | Path, *, tender_id: str | None = None) -> Path:
        """Write the release package (UTF-8 JSON) to `path`."""
        target = Path(path)
        target.write_text(self.to_json(self.release_package(tender_id=tender_id)) + "\n", encoding="utf-8")
        return target

    def write_record_package(self, path: str | Path, *, tender_id: str | None = None) -> Path:
        """Write the record package (UTF-8 JSON) to `path`."""
        target = Path(path)
        target.write_text(self.to_json(self.record_package(tender_id=tender_id)) + "\n", encoding="utf-8")
        return target

    def public_database(self, path: str | Path) -> Path:
        """Bring the public "sunshine" SQLite database at `path` up to date, in place.

        Created if missing; otherwise refreshed in one transaction (rows upserted by their keys,
        rows no longer public deleted), so a portal serving the file never shows a half-written state.
        """
        snapshots = self.snapshots()
        with self._runner.session() as session:
            blacklist = blacklist_decisions(session)
        flags = self._flags()
        return write_public_database(path, snapshots, blacklist, flags, self.settings, self._runner.now())
