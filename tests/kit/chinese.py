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



DEMO_GLOSS = re.compile(r"[\u4e00-\u9fff]+ (?:[A-Z][a-z]+ )?\((?:expert|purchasing|quality|technical|finance|"
                        r"auditor|administrator|supervisor, 纪检|temporary purchasing)\)")
"""A person of the demo, whose name carries an English gloss for the demo's readers
("王采购 Wang (purchasing)", "钱建材 (expert)"): data a message names, not the message's words."""


def stray_in_message(text: str) -> list[str]:
    """`stray_english` of an error's Chinese message, the demo's glossed names set aside."""
    return stray_english(DEMO_GLOSS.sub("", text))
