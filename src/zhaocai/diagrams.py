"""State diagrams generated from the machines: python-statemachine classes → Mermaid text.

A machine is the single source of truth for its transitions, so its picture is drawn from it,
never by hand. `mermaid(machine)` turns any flat python-statemachine 3 machine class into a
Mermaid `stateDiagram-v2`: every state, every transition labelled with its event and with the
guards (`cond`, `!unless`) and validators it names, the initial state entered from `[*]` and
every final state leading to `[*]`.

`docs/architecture.md` holds one block per machine between markers::

    <!-- diagram: zhaocai.suppliers.machines.AdmissionMachine -->
    ```mermaid
    ...
    ```
    <!-- /diagram -->

`python -m zhaocai.diagrams` rewrites every block from its machine; `--check` only reports stale
blocks (exit 1); `--add-missing` appends a block for every machine of the package that has none.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from statemachine import StateChart

PACKAGE = "zhaocai"
DEFAULT_DOC = Path("docs/architecture.md")
# Where `--add-missing` puts new blocks; without it they go to the end of the document.
ADD_ANCHOR = "<!-- diagrams: new blocks above this line -->"
_BLOCK = re.compile(
    r"<!-- diagram: (?P<path>[\w.]+) -->\n(?P<body>.*?)<!-- /diagram -->", re.DOTALL,
)


def qualified_name(machine: type[Any]) -> str:
    """The dotted path a diagram marker names: `module.ClassName`."""
    return f"{machine.__module__}.{machine.__qualname__}"


# Words Mermaid's state-diagram grammar reads as keywords: a state with such an id is drawn under
# an alias. `#` starts a comment and `;` ends a statement, so neither may appear in a label.
_KEYWORDS = frozenset({"as", "class", "classdef", "click", "default", "direction", "end", "hide", "left",
                       "note", "of", "right", "scale", "state", "style"})
_UNSAFE = str.maketrans({"#": "＃", ";": "；", "\n": " "})


def _id(state: Any) -> str:
    """The id a state has in the diagram: its own, or `<id>_` when that is a Mermaid keyword."""
    return f"{state.id}_" if state.id.lower() in _KEYWORDS else str(state.id)


def _text(value: object) -> str:
    """A label Mermaid reads to the end of its line."""
    return str(value).translate(_UNSAFE)


def _label(transition: Any) -> str:
    """`event [guard, !unless, validator]`: what fires the move and the rules it must pass."""
    events = " ".join(dict.fromkeys(str(event) for event in transition.events))
    rules = [str(spec) for spec in transition.cond] + [str(spec) for spec in transition.validators]
    return _text(f"{events} [{', '.join(rules)}]" if rules else events)


def mermaid(machine: type[Any]) -> str:
    """The Mermaid `stateDiagram-v2` of a python-statemachine class (flat machines only).

    States come in declaration order, each state's transitions in declaration order, so the
    text is stable and a change in the machine shows as a change in the text. A state whose
    stored value differs from its id is labelled with the value; a state whose id is a Mermaid
    keyword (`note`, `state`, `end`, ...) is drawn as `<id>_` with its id as the label. Compound
    or parallel states raise `ValueError`: no machine of the package has them and the drawing
    does not handle them.
    """
    lines = ["stateDiagram-v2"]
    states = list(machine.states)
    for state in states:
        if getattr(state, "states", None):
            raise ValueError(f"{qualified_name(machine)}: compound state {state.id!r} is not drawn")
        if _id(state) != state.id:
            lines.append(f'    state "{_text(state.id)}" as {_id(state)}')
        if state.value is not None and str(state.value) != state.id:
            lines.append(f"    {_id(state)} : {_text(state.value)}")
    for state in states:
        if state.initial:
            lines.append(f"    [*] --> {_id(state)}")
    for state in states:
        for transition in state.transitions:
            for target in transition.targets or [state]:
                label = _label(transition)
                arrow = f"    {_id(transition.source)} --> {_id(target)}"
                lines.append(f"{arrow} : {label}" if label else arrow)
    for state in states:
        if state.final:
            lines.append(f"    {_id(state)} --> [*]")
    return "\n".join(lines) + "\n"


def block(path: str, machine: type[Any]) -> str:
    """A diagram block for the machine at `path`, markers included."""
    return f"<!-- diagram: {path} -->\n```mermaid\n{mermaid(machine)}```\n<!-- /diagram -->"


def resolve(path: str) -> type[Any]:
    """The machine class named by a dotted `module.ClassName` path."""
    module_name, _, class_name = path.rpartition(".")
    found = getattr(importlib.import_module(module_name), class_name, None)
    if not (isinstance(found, type) and issubclass(found, StateChart)):
        raise LookupError(f"{path} is not a state machine class")
    return found


MIGRATIONS = f"{PACKAGE}.store.migrations"


def import_all(package: str = PACKAGE) -> list[str]:
    """Import every module of `package` (so every machine class exists); the modules skipped.

    `__main__` modules are not imported (they run programs), nor the schema migrations (scripts
    that Alembic runs inside its own environment; they hold no machine). A module whose import needs an
    optional dependency that is not installed is skipped and named in the result; any other
    import error propagates, so a machine cannot hide behind a broken module.
    """
    skipped: list[str] = []
    root = importlib.import_module(package)
    for info in pkgutil.walk_packages(root.__path__, prefix=f"{package}."):
        if info.name.rsplit(".", 1)[-1] == "__main__" or info.name.startswith(MIGRATIONS):
            continue
        try:
            importlib.import_module(info.name)
        except ModuleNotFoundError as error:
            if error.name is None or error.name.split(".")[0] == package:
                raise
            skipped.append(info.name)
    return skipped


def machines(package: str = PACKAGE) -> dict[str, type[Any]]:
    """Every concrete machine class defined in `package`, by qualified name, sorted.

    python-statemachine 3's `StateChart` is the base of `StateMachine`, so a machine written on
    either is found.
    """
    import_all(package)
    found: dict[str, type[Any]] = {}
    pending: list[type[Any]] = list(StateChart.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.split(".")[0] == package and not getattr(cls, "_abstract", False):
            found[qualified_name(cls)] = cls
    return dict(sorted(found.items()))


def documented(text: str) -> list[str]:
    """The machine paths that `text` has diagram blocks for, in order."""
    return [match["path"] for match in _BLOCK.finditer(text)]


def render(text: str) -> str:
    """`text` with every diagram block regenerated from its machine."""
    return _BLOCK.sub(lambda match: block(match["path"], resolve(match["path"])), text)


def stale(text: str) -> list[str]:
    """The machine paths whose block in `text` differs from what the machine draws now."""
    return [match["path"] for match in _BLOCK.finditer(text)
            if match.group(0) != block(match["path"], resolve(match["path"]))]


@dataclass(frozen=True)
class Missing:
    """A machine of the package without a diagram block in the document."""

    path: str
    machine: type[Any]

    def section(self) -> str:
        """A heading, the machine's one-line summary and its block, ready to append."""
        doc = (self.machine.__doc__ or "").strip().splitlines()
        summary = f"{doc[0]}\n\n" if doc else ""
        return f"### {self.machine.__qualname__} (`{self.machine.__module__}`)\n\n{summary}" \
               f"{block(self.path, self.machine)}\n"


def missing(text: str, found: dict[str, type[Any]]) -> list[Missing]:
    """The machines in `found` that `text` has no block for."""
    have = set(documented(text))
    return [Missing(path, cls) for path, cls in found.items() if path not in have]


def add_missing(text: str, gaps: Iterable[Missing]) -> str:
    """`text` with a section for every gap, above the anchor line (or at the end)."""
    sections = "".join(f"{gap.section()}\n" for gap in gaps)
    if not sections:
        return text
    if ADD_ANCHOR in text:
        return text.replace(ADD_ANCHOR, f"{sections}{ADD_ANCHOR}", 1)
    return f"{text.rstrip()}\n\n{sections}"


app = typer.Typer(add_completion=False, help=__doc__.split("\n\n")[0] if __doc__ else None)


@app.command()
def main(
    doc: Path = typer.Option(DEFAULT_DOC, help="The document holding the diagram blocks."),
    check: bool = typer.Option(False, "--check", help="Only report stale or missing blocks."),
    add: bool = typer.Option(False, "--add-missing", help="Append blocks for undocumented machines."),
) -> None:
    """Rewrite the diagram blocks of `doc` from the machines (or check them)."""
    text = doc.read_text(encoding="utf-8")
    gaps = missing(text, machines())
    if check:
        problems = [f"stale: {path}" for path in stale(text)]
        problems += [f"missing: {gap.path}" for gap in gaps]
        for problem in problems:
            typer.echo(problem, err=True)
        if problems:
            typer.echo(f"run: python -m zhaocai.diagrams --add-missing --doc {doc}", err=True)
            raise typer.Exit(1)
        return
    updated = render(add_missing(text, gaps) if add else text)
    if updated != text:
        doc.write_text(updated, encoding="utf-8")
    typer.echo(f"{doc}: {len(documented(updated))} diagrams"
               + ("" if add or not gaps else f"; {len(gaps)} machines without one (--add-missing)"))


if __name__ == "__main__":  # pragma: no cover
    app()
