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
