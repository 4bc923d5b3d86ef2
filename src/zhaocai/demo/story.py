"""The demo's frame: a fresh SQLite store, a manual clock, the cast, and chapters told in order."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from zhaocai.actors import Actor, Role
from zhaocai.clock import SHANGHAI, ManualClock, local
from zhaocai.keys import LocalKeys, init_key_file, key_file
from zhaocai.platform import Platform


def _person(id: str, name: str, *roles: Role, organisation: str = "浙江津义建设") -> Actor:
    return Actor(id=id, name=name, organisation=organisation, roles=frozenset(roles))


CAST: dict[str, Actor] = {
    "purchasing": _person("p-wang", "王采购 Wang (purchasing)", Role.PURCHASING),
    "purchasing2": _person("p-li", "李采购 Li (purchasing)", Role.PURCHASING),
    "quality": _person("q-zhao", "赵质量 Zhao (quality)", Role.QUALITY),
    "technical": _person("t-chen", "陈技术 Chen (technical)", Role.TECHNICAL),
    "finance": _person("f-sun", "孙财务 Sun (finance)", Role.FINANCE),
    "supervisor": _person("s-zhou", "周纪检 Zhou (supervisor, 纪检)", Role.SUPERVISOR),
    "supervisor2": _person("s-wu", "吴纪检 Wu (supervisor, 纪检)", Role.SUPERVISOR),
    "auditor": _person("a-zheng", "郑审计 Zheng (auditor)", Role.AUDITOR),
    "admin": _person("adm-qian", "钱管理 Qian (administrator)", Role.ADMINISTRATOR),
}


@dataclass
class Demo:
    """What the chapters share: the platform, the clock, the cast, the console, and notes."""

    platform: Platform
    clock: ManualClock
    console: Console
    path: Path
    cast: dict[str, Actor] = field(default_factory=lambda: dict(CAST))
    notes: dict[str, Any] = field(default_factory=dict)

    def say(self, text: str) -> None:
        """A line of the story, stamped with the platform's local time."""
        stamp = local(self.clock.now()).strftime("%Y-%m-%d %H:%M")
        self.console.print(f"[dim]{stamp}[/dim]  {text}")

    def pledge(self, supplier_id: str) -> None:
        """The supplier's administrator user signs its integrity pledge for two years: a supplier
        bids only with one in force."""
        self.platform.people.sign_pledge(f"u-{supplier_id}"[:64],
                                         {"valid_until": self.clock.now() + timedelta(days=730)})

    def heading(self, text: str) -> None:
        """A chapter heading."""
        self.console.rule(f"[bold]{text}")

    def table(self, title: str, columns: list[str], rows: list[list[str]]) -> None:
        """Print a small table."""
        table = Table(title=title)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*row)
        self.console.print(table)


Chapter = Callable[[Demo], None]
CHAPTERS: list[tuple[int, str, Chapter]] = []


def chapter(order: int, title: str) -> Callable[[Chapter], Chapter]:
    """Register a chapter; chapters run by `order` (foundation 0, suppliers 10, tenders 20, ...)."""
    def register(fn: Chapter) -> Chapter:
        CHAPTERS.append((order, title, fn))
        return fn
    return register


def demo_keys(path: Path) -> LocalKeys:
    """The demo's key file, `<store>.keys`: found, or made on the first run."""
    beside = Path(f"{path}.keys")
    return key_file(beside) if beside.exists() else init_key_file(beside)


def tell(path: Path, console: Console | None = None) -> Demo:
    """Open a fresh store at `path` and tell every chapter in order."""
    console = console or Console()
    if path.exists():
        path.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    clock = ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=SHANGHAI))
    # Every setting is given where the platform is opened: here the publisher's registered ocid
    # prefix and name, used by the OCDS packages and the sunshine database (chapter 90).
    publisher = {"ocid_prefix": "ocds-yw2026", "publisher_name": "浙江津义建设"}
    # The platform's keys live outside the store: the demo keeps its own key file beside its
    # store, made on the first run (mode 0600) and found on the next; never a key of the
    # environment, which may be a real platform's.
    platform = Platform.open(f"sqlite:///{path}", clock, publish_settings=publisher, keys=demo_keys(path))
    demo = Demo(platform=platform, clock=clock, console=console, path=path)
    try:
        for _, title, fn in sorted(CHAPTERS, key=lambda c: c[0]):
            demo.heading(title)
            fn(demo)
    finally:
        platform.close()
    return demo
