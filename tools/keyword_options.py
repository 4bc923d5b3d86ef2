"""Rewrite calls that pass zhaocai's options by position: `python tools/keyword_options.py FILE...`.

The services take their options keyword-only (see CHANGELOG.md, "Options by keyword"); a call
such as `suppliers.review(actor, sid, "quality", True, "ok")` now raises `TypeError`. This tool
finds such calls with `ast` and inserts the keywords, in place:
`suppliers.review(actor, sid, "quality", passed=True, comment="ok")`. It also rewrites the
arguments after a method passed to a helper, as in `refused(platform, Exc, code, s.review, ...)`
or `self.attempt(name, allowed, s.review, ...)`. Review the diff: a method of another object
with the same name and too many positional arguments would be rewritten too, which is why the
ambiguous names (`list`, `flags`, `releases`, ...) are matched only on their usual receiver.
"""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path
from typing import NamedTuple


class Options(NamedTuple):
    """A method's positional parameters (after `self`) and the keywords that follow them."""

    positional: int
    keywords: tuple[str, ...]
    receiver: str | None = None  # a regex the receiver's source must match, for common names


METHODS: dict[str, Options] = {
    "review": Options(3, ("passed", "comment")),
    "record_site_inspection": Options(2, ("co_inspectors", "report", "passed")),
    "admit": Options(2, ("categories", "reason")),
    "propose_blacklist": Options(3, ("evidence", "ban_days")),
    "approve_blacklist": Options(2, ("note",)),
    "approve_reinstatement": Options(2, ("note",)),
    "verify_qualification": Options(2, ("note",)),
    "decide_appeal": Options(2, ("upheld", "reason")),
    "requests": Options(0, ("supplier_id", "state")),
    "import_suppliers": Options(2, ("format",)),
    "verify_import": Options(2, ("format",)),
    "scorecards": Options(0, ("period", "supplier_id")),
    "eligibility": Options(3, ("at",)),
    "refer": Options(3, ("note",)),
    "worklist": Options(1, ("limit",)),
    "record_finding": Options(3, ("en", "zh")),
    "propose_inquiry_override": Options(3, ("supplier_id", "reason")),
    "my_bids": Options(1, ("tender_id",)),
    "screen_ocds": Options(1, ("settings",)),
    "to_json": Options(1, ("indent",)),
    "list": Options(0, ("state",), r"cases$"),
    "flags": Options(0, ("tender_id", "period"), r"integrity$"),
    "facts": Options(0, ("tender_ids",), r"integrity$"),
    "snapshots": Options(0, ("tender_id",), r"publish$"),
    "record_package": Options(0, ("tender_id",), r"publish$"),
    "write_release_package": Options(1, ("tender_id",), r"publish$"),
    "write_record_package": Options(1, ("tender_id",), r"publish$"),
    "releases": Options(0, ("procurement_id",), r"single_source$"),
    "release_package": Options(0, ("procurement_id",), r"single_source$"),
}
"""Publication's `releases`/`release_package(tender_id)` share names with single source's; pass
`tender_id=` by hand there."""


def _method(source: str, node: ast.expr) -> Options | None:
    if not isinstance(node, ast.Attribute) or node.attr not in METHODS:
        return None
    options = METHODS[node.attr]
    receiver = ast.get_source_segment(source, node.value) or ""
    if options.receiver is not None and not re.search(options.receiver, receiver):
        return None
    return options


def _targets(source: str, call: ast.Call) -> tuple[Options, list[ast.expr]] | None:
    """The options of the zhaocai method this call invokes (or hands on), with its arguments."""
    found = _method(source, call.func)
    if found is not None:
        return found, list(call.args)
    # A method handed to a helper that calls it with the arguments that follow it.
    for index, arg in enumerate(call.args[:4]):
        handed = _method(source, arg)
        if handed is not None:
            return handed, list(call.args[index + 1:])
    return None


def rewrite(source: str) -> tuple[str, int]:
    """The source with positional options turned into keywords, and how many were."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line.encode("utf-8")))
    inserts: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        found = _targets(source, node)
        if found is None:
            continue
        options, args = found
        if any(isinstance(a, ast.Starred) for a in args):
            continue
        extra = args[options.positional:]
        if len(extra) > len(options.keywords):
            continue  # not the zhaocai method: more arguments than it has
        for arg, name in zip(extra, options.keywords, strict=False):
            inserts.append((starts[arg.lineno - 1] + arg.col_offset, f"{name}="))
    data = source.encode("utf-8")
    for offset, text in sorted(inserts, reverse=True):
        data = data[:offset] + text.encode("utf-8") + data[offset:]
    return data.decode("utf-8"), len(inserts)


def main() -> None:
    """Rewrite the files named on the command line in place and say what changed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    for path in parser.parse_args().files:
        text, count = rewrite(path.read_text(encoding="utf-8"))
        if count:
            path.write_text(text, encoding="utf-8")
            print(f"{path}: {count} keyword(s)")


if __name__ == "__main__":
    main()
