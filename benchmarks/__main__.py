"""`python -m benchmarks [--only NAME]`: run every figure of every `bench_*.py` module."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from pathlib import Path

from benchmarks.harness import Figure, run_figures


def all_figures() -> list[Figure]:
    """FIGURES of every benchmarks/bench_*.py, in module name order."""
    figures: list[Figure] = []
    for info in sorted(pkgutil.iter_modules([str(Path(__file__).parent)]), key=lambda i: i.name):
        if info.name.startswith("bench_"):
            figures.extend(importlib.import_module(f"benchmarks.{info.name}").FIGURES)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description="zhaocai benchmarks against plain floors")
    parser.add_argument("--only", help="run only the figure(s) with this name (several: comma-separated)")
    args = parser.parse_args()
    run_figures(all_figures(), args.only)


if __name__ == "__main__":
    main()
