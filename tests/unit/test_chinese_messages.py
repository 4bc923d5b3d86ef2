"""Every refusal's Chinese reads as Chinese: each message the library can raise, found in its
source, rendered with a sample in place of each interpolated value, has no stray English word
(tests/kit/chinese.py). The guard in tests/conftest.py checks the same of every error a test
actually raises, with its real values."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from collections.abc import Iterator
from pathlib import Path

import zhaocai
from tests.kit.chinese import stray_english
from zhaocai.errors import ZhaocaiError

SRC = Path(zhaocai.__file__).parent
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
CJK = re.compile(r"[\u4e00-\u9fff]")
VALUE = "「值」"
"""What stands for an interpolated value: quoted, as a value the reader typed or must type back."""


def error_classes() -> set[str]:
    """The names of ZhaocaiError and every subclass of it in the library (all modules imported)."""
    for module in pkgutil.walk_packages(zhaocai.__path__, "zhaocai."):
        if not module.name.endswith("__main__") and ".migrations" not in module.name:
            importlib.import_module(module.name)
    found: set[str] = set()
    todo: list[type] = [ZhaocaiError]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo.extend(cls.__subclasses__())
    return found


def render(node: ast.AST) -> str | None:
    """The text a string expression makes, each interpolated value replaced by a sample; None
    for an expression that is not built from literal text."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(render(part) or VALUE if isinstance(part, ast.Constant) else VALUE
                       for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = render(node.left), render(node.right)
        return None if left is None and right is None else (left or VALUE) + (right or VALUE)
    if isinstance(node, ast.IfExp):
        body, orelse = render(node.body), render(node.orelse)
        return None if body is None and orelse is None else f"{body or ''}{orelse or ''}"
    return None


def _name(func: ast.AST) -> str:
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def chinese_messages() -> Iterator[tuple[str, str, str]]:
    """(where, code, Chinese text) of every error built in the library's source: the third
    argument of an error class, a `message_zh=`/`zh=` keyword, and the Chinese text of any call
    whose first argument is a code (the helpers that build errors)."""
    classes = error_classes()
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            first = call.args[0] if call.args else None
            code = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else "?"
            texts: list[ast.AST] = [k.value for k in call.keywords if k.arg in ("message_zh", "zh")]
            if _name(call.func) in classes and len(call.args) >= 3:
                texts.append(call.args[2])
            elif CODE.match(code):
                texts.extend(call.args[1:])
            where = f"{path.relative_to(SRC.parent)}:{call.lineno}"
            for node in texts:
                text = render(node)
                if text is not None and CJK.search(text.replace(VALUE, "")):
                    yield where, code, text


def test_the_walk_finds_the_library_s_messages() -> None:
    found = list(chinese_messages())
    codes = {code for _, code, _ in found}
    assert len(found) > 300 and {"person.unknown", "validation.input", "events.limit"} <= codes


def test_no_chinese_message_holds_stray_english() -> None:
    stray = [f"{where} {code}: {words} in {text!r}" for where, code, text in chinese_messages()
             if (words := stray_english(text))]
    assert stray == [], "\n".join(stray)
