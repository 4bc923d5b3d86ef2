"""The state diagrams of docs/architecture.md are generated from the machines and kept current.

If a test here fails because a machine changed or a new one appeared, run
`.venv/bin/python -m zhaocai.diagrams --add-missing` and commit docs/architecture.md.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from statemachine import State, StateChart, StateMachine
from typer.testing import CliRunner

from tools.longest_functions import function_lengths, longest
from zhaocai import diagrams

DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"
FIX = "run: .venv/bin/python -m zhaocai.diagrams --add-missing"


def test_every_diagram_in_the_docs_is_current() -> None:
    text = DOC.read_text(encoding="utf-8")
    assert diagrams.documented(text), "docs/architecture.md has no diagram blocks"
    assert diagrams.stale(text) == [], f"stale diagrams in docs/architecture.md; {FIX}"


def test_every_machine_of_the_package_has_a_diagram() -> None:
    found = diagrams.machines()
    assert "zhaocai.bidding.machine.TenderMachine" in found
    assert "zhaocai.suppliers.machines.AdmissionMachine" in found
    gaps = [gap.path for gap in diagrams.missing(DOC.read_text(encoding="utf-8"), found)]
    assert gaps == [], f"machines without a diagram in docs/architecture.md: {gaps}; {FIX}"


class Chart(StateChart):
    """A machine on python-statemachine 3's own base class."""

    a = State(initial=True)
    b = State(final=True)

    go = a.to(b)


def test_machines_on_either_base_class_are_found_and_only_those_of_the_package(monkeypatch: Any) -> None:
    monkeypatch.setattr(Chart, "__module__", "zhaocai.fake_chart")
    monkeypatch.setattr(Door, "__module__", "zhaocai.fake_door")
    found = diagrams.machines()
    assert {"zhaocai.fake_chart.Chart", "zhaocai.fake_door.Door"} <= set(found)
    assert all(path.startswith("zhaocai.") for path in found)
    assert "zhaocai.bidding.machine.TenderMachine" in found


def test_no_module_is_skipped_so_no_machine_can_hide() -> None:
    # The test environment has every optional dependency: each module of zhaocai must import.
    assert diagrams.import_all() == []


def test_every_block_names_a_machine() -> None:
    found = diagrams.machines()
    orphans = [path for path in diagrams.documented(DOC.read_text(encoding="utf-8")) if path not in found]
    assert orphans == [], f"diagram blocks for machines that no longer exist: {orphans}"


class Door(StateMachine):
    """A door that may be locked."""

    shut = State(initial=True)
    ajar = State(value="open")
    locked = State()
    gone = State(final=True)

    swing = shut.to(ajar, cond="unlocked") | ajar.to(shut)
    lock = shut.to(locked, unless="broken", validators="has_key")
    knock = shut.to.itself()
    remove = locked.to(gone) | ajar.to(gone)
    unlock = locked.to(shut)

    def unlocked(self) -> bool:
        return True

    def broken(self) -> bool:
        return False

    def has_key(self) -> None:
        return None


def test_mermaid_draws_states_events_guards_initial_and_final() -> None:
    assert diagrams.mermaid(Door) == "\n".join([
        "stateDiagram-v2",
        "    ajar : open",
        "    [*] --> shut",
        "    shut --> ajar : swing [unlocked]",
        "    shut --> locked : lock [!broken, has_key]",
        "    shut --> shut : knock",
        "    ajar --> shut : swing",
        "    ajar --> gone : remove",
        "    locked --> gone : remove",
        "    locked --> shut : unlock",
        "    gone --> [*]",
    ]) + "\n"


class Memo(StateMachine):
    """States whose names Mermaid would misread."""

    note = State(initial=True, value="draft; v#1")
    end = State(final=True)

    finish = note.to(end)


def test_mermaid_keywords_and_comment_marks_are_drawn_safely() -> None:
    assert diagrams.mermaid(Memo) == "\n".join([
        "stateDiagram-v2",
        '    state "note" as note_',
        "    note_ : draft； v＃1",
        '    state "end" as end_',
        "    [*] --> note_",
        "    note_ --> end_ : finish",
        "    end_ --> [*]",
    ]) + "\n"


def _doc(body: str) -> str:
    return f"# Doc\n\n<!-- diagram: {diagrams.qualified_name(Door)} -->\n{body}<!-- /diagram -->\n\nafter\n"


def test_a_changed_machine_makes_its_block_stale_and_render_fixes_it(monkeypatch: Any) -> None:
    monkeypatch.setattr(diagrams, "resolve", lambda path: Door)
    current = diagrams.render(_doc(""))
    assert diagrams.stale(current) == []
    assert diagrams.render(current) == current
    edited = current.replace("    locked --> shut : unlock\n", "")
    assert diagrams.stale(edited) == [diagrams.qualified_name(Door)]
    assert diagrams.render(edited) == current
    assert current.endswith("<!-- /diagram -->\n\nafter\n")


def test_add_missing_puts_blocks_above_the_anchor_once(monkeypatch: Any) -> None:
    monkeypatch.setattr(diagrams, "resolve", lambda path: Door)
    text = f"# Doc\n\n{diagrams.ADD_ANCHOR}\n\n## Later\n"
    found = {diagrams.qualified_name(Door): Door}
    gaps = diagrams.missing(text, found)
    added = diagrams.add_missing(text, gaps)
    assert added.index("### Door") < added.index(diagrams.ADD_ANCHOR) < added.index("## Later")
    assert "A door that may be locked." in added
    assert diagrams.stale(added) == [] and diagrams.missing(added, found) == []
    assert diagrams.add_missing(added, diagrams.missing(added, found)) == added
    no_anchor = diagrams.add_missing("# Doc\n", gaps)
    assert no_anchor.startswith("# Doc\n\n### Door") and diagrams.documented(no_anchor)


def test_resolve_refuses_what_is_not_a_machine() -> None:
    assert diagrams.resolve("zhaocai.integrity.cases.CaseMachine").__name__ == "CaseMachine"
    try:
        diagrams.resolve("zhaocai.integrity.cases.require_text")
    except LookupError:
        return
    raise AssertionError("a function was taken for a machine")


def test_cli_check_fails_on_a_stale_doc_and_the_rewrite_fixes_it(tmp_path: Path) -> None:
    doc = tmp_path / "architecture.md"
    current = DOC.read_text(encoding="utf-8")
    doc.write_text(current.replace(" : publish\n", " : published\n"), encoding="utf-8")
    runner = CliRunner()
    checked = runner.invoke(diagrams.app, ["--check", "--doc", str(doc)])
    assert checked.exit_code == 1 and "stale: zhaocai.bidding.machine.TenderMachine" in checked.output
    assert runner.invoke(diagrams.app, ["--doc", str(doc)]).exit_code == 0
    assert doc.read_text(encoding="utf-8") == current
    assert runner.invoke(diagrams.app, ["--check", "--doc", str(doc)]).exit_code == 0


def test_cli_add_missing_adds_a_block_for_an_undocumented_machine(tmp_path: Path) -> None:
    doc = tmp_path / "architecture.md"
    current = DOC.read_text(encoding="utf-8")
    without = re.sub(r"<!-- diagram: zhaocai\.integrity\.cases\.CaseMachine -->.*?<!-- /diagram -->", "",
                     current, flags=re.DOTALL)
    doc.write_text(without, encoding="utf-8")
    runner = CliRunner()
    checked = runner.invoke(diagrams.app, ["--check", "--doc", str(doc)])
    assert checked.exit_code == 1 and "missing: zhaocai.integrity.cases.CaseMachine" in checked.output
    assert runner.invoke(diagrams.app, ["--add-missing", "--doc", str(doc)]).exit_code == 0
    assert runner.invoke(diagrams.app, ["--check", "--doc", str(doc)]).exit_code == 0


_EDGE = re.compile(r"^    (\w+) --> (\w+) : (\w+)(?: \[.*\])?$")


@st.composite
def flat_machines(draw: Any) -> tuple[type[Any], set[tuple[str, str, str]]]:
    """A random flat machine: a chain s0 → … → sN (sN final) plus random extra moves."""
    size = draw(st.integers(min_value=2, max_value=6))
    names = [f"s{i}" for i in range(size)]
    edges = {(names[i], names[i + 1], f"e{i}") for i in range(size - 1)}
    extra = st.tuples(st.sampled_from(names[:-1]), st.sampled_from(names), st.sampled_from(["go", "back", "x"]))
    edges |= set(draw(st.lists(extra, max_size=8)))
    states = {name: State(initial=name == "s0", final=name == names[-1]) for name in names}
    namespace: dict[str, Any] = dict(states)
    for event in sorted({e for _, _, e in edges}):
        moves = [states[s].to(states[t]) for s, t, e in sorted(edges) if e == event]
        combined = moves[0]
        for move in moves[1:]:
            combined = combined | move
        namespace[event] = combined
    return type("Random", (StateMachine,), namespace), edges


@settings(max_examples=60, deadline=None)
@given(flat_machines())
def test_mermaid_draws_exactly_the_machines_transitions(case: tuple[type[Any], set[tuple[str, str, str]]]) -> None:
    machine, edges = case
    lines = diagrams.mermaid(machine).splitlines()
    drawn = [_EDGE.match(line) for line in lines]
    assert sorted(m.groups() for m in drawn if m) == sorted(edges)  # each move once, none invented
    assert lines.count("    [*] --> s0") == 1
    final = max(s.id for s in machine.states)
    assert [line for line in lines if line.endswith("--> [*]")] == [f"    {final} --> [*]"]


def test_longest_functions_counts_lines_with_ast() -> None:
    source = "def a():\n    return 1\n\n\nclass K:\n    def m(self):\n        x = 1\n\n        return x\n"
    lengths = {item.name: item.lines for item in function_lengths(source)}
    assert lengths == {"a": 2, "K.m": 4}
    top = longest(Path(diagrams.__file__).parent, 3)
    assert len(top) == 3 and top[0].lines >= top[1].lines >= top[2].lines
