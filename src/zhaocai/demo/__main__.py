"""Run the demo: a fresh SQLite file beside the working directory, or at --path."""

from __future__ import annotations

import argparse
from pathlib import Path

from zhaocai.demo import tell


def main() -> None:
    parser = argparse.ArgumentParser(description="zhaocai demo: the whole story on SQLite")
    parser.add_argument("--path", type=Path, default=Path("zhaocai-demo.db"),
                        help="SQLite file to create (replaced if it exists)")
    args = parser.parse_args()
    tell(args.path.resolve())


if __name__ == "__main__":
    main()
