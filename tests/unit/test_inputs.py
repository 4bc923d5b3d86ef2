"""Every input model a command parses is importable from the one public module `zhaocai.inputs`."""

from __future__ import annotations

import ast
from pathlib import Path

import zhaocai
import zhaocai.inputs as inputs

SOURCE = Path(zhaocai.__file__).parent


def parsed_models() -> set[str]:
    """The classes given to `errors.parse(Model, data)` anywhere in the library."""
    found: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "parse"
                    and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id != "cls"):
                found.add(node.args[0].id)
    return found


def test_every_parsed_input_is_in_zhaocai_inputs() -> None:
    missing = sorted(parsed_models() - set(inputs.__all__))
    assert missing == [], f"add to zhaocai.inputs: {missing}"


def test_every_exported_name_exists() -> None:
    assert all(hasattr(inputs, name) for name in inputs.__all__)
    assert inputs.TenderDraft is zhaocai.TenderDraft and inputs.SupplierApplication is zhaocai.SupplierApplication
