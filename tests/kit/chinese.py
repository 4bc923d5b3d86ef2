"""Chinese messages must read as Chinese: find English words left in an error's Chinese text.

What may stay: what the reader typed or must type back, quoted ('…', "…", `…`, “…”, 「…」, 《…》)
or in full-width parentheses as one token (an id, a code); a field name before a colon (the
input's own key); identifiers with digits or punctuation (`tdr-88ce…`, `R003`, `Law 24`'s
number aside); acronyms in capitals (OCDS, ERP, CNY); and the few proper nouns of the trade
(`ALLOWED`). Anything else — a state, department, role, category, method, an English phrase —
is a stray English word.
"""

from __future__ import annotations

import re

QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|“[^”]*”|‘[^’]*’|「[^」]*」|《[^》]*》|<[^>]*>|（[^（）\s]*）")
TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9_\-.:/+]*(?:\(\))?")
ALLOWED = frozenset({"Decimal", "PostgreSQL", "SQLite", "Shamir", "libsodium", "PyNaCl", "NaN",
                     "Infinity"})


def stray_english(text: str) -> list[str]:
    """English words in `text` (a Chinese message) that are not quoted, ids, codes or field names."""
    bare = QUOTED.sub(" ", text)
    found = []
    for match in TOKEN.finditer(bare):
        word = match.group(0)
        after = bare[match.end():match.end() + 1]
        if (len(word) < 3 or word in ALLOWED or word.isupper() or after in ("：", ":")
                or any(c.isdigit() or c in "_-.:/+(" for c in word)):
            continue
        found.append(word)
    return found


def _demo_names() -> tuple[str, ...]:
    """The demo's people, whose names carry an English gloss for the demo's readers
    ("王采购 Wang (purchasing)"): data a message names, not the message's words."""
    from pathlib import Path

    import zhaocai.demo

    pattern = re.compile(r"[\u4e00-\u9fff]+ [A-Z][a-z]+ \([^)\"]*\)")
    folder = Path(zhaocai.demo.__file__).parent
    found = {m.group(0) for f in folder.glob("*.py") for m in pattern.finditer(f.read_text(encoding="utf-8"))}
    return tuple(sorted(found, key=len, reverse=True))


DEMO_NAMES = _demo_names()


def stray_in_message(text: str) -> list[str]:
    """`stray_english` of an error's Chinese message, the demo's glossed names set aside."""
    for name in DEMO_NAMES:
        text = text.replace(name, "")
    return stray_english(text)
