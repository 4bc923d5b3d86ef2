"""Print the mutation score of the last `make mutate` run, with the survivors per module.

Reads mutmut's results (run from the repository root after `mutmut run`). The score counts every
mutant: killed (or timed out) over all, so a mutant no test reaches counts as a survivor.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter


def main() -> int:
    """Print the score and the survivors by module; exit 0 (the score is reported, not gated)."""
    out = subprocess.run([sys.executable, "-m", "mutmut", "results", "--all", "true"],
                         capture_output=True, text=True, check=True).stdout
    statuses: Counter[str] = Counter()
    left: Counter[str] = Counter()
    names: list[str] = []
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if not name:
            continue
        statuses[status] += 1
        if status not in ("killed", "timeout"):
            left[re.sub(r"\.(x_|xǁ).*$", "", name)] += 1
            names.append(f"{name}: {status}")
    total = sum(statuses.values())
    killed = statuses["killed"] + statuses["timeout"]
    for module, count in sorted(left.items()):
        print(f"  {count:4d} left in {module}")
    print(f"mutation score: {killed}/{total} killed = {100 * killed / max(total, 1):.1f} % "
          f"({', '.join(f'{k} {v}' for k, v in sorted(statuses.items()))})")
    print("survivors: .venv/bin/mutmut results; one mutant: .venv/bin/mutmut show NAME")
    return 0


if __name__ == "__main__":
    sys.exit(main())
