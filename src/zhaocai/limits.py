"""The sizes zhaocai takes: every text, list and number a caller gives is bounded.

One module, so that the limits are stated once, documented (docs/inputs.md, "Limits") and
checked at the boundary by `zhaocai.guards` and the input models. The lengths of a model's own
fields (names, ids, titles) are in its table in docs/inputs.md. A value past its limit is
refused with a coded `ValidationError` (`input.too_long`, `validation.input`,
`supplier.blacklist.input`...) before anything is written.
"""

from __future__ import annotations

MAX_TEXT = 20_000
"""Any one text a caller gives: a reason, note, comment, clarification, objection or answer, and
every text inside an input model (a bid's technical answer, an address): characters."""

MAX_DOCUMENT_CHARS = 1_000_000
"""A document a command carries in full (a bid's payload with its technical answers and
document metadata, a blacklisting's evidence), as canonical JSON: characters."""

MAX_LIST = 1_000
"""Items of a list given to one command (evidence, decisions, grants, people)."""

MAX_IMPORT_ROWS = 1_000_000
"""Rows of one bulk import of suppliers."""

MAX_BAN_DAYS = 36_500
"""The longest ban a blacklisting may carry: one hundred years."""
