"""Setup helper: audit links for rows a benchmark writes directly.

A benchmark that bulk-inserts state (sealed bids, an opened tender) to time one command must also
write the links the commands would have recorded: opening, evaluation and award check the
tender's rows against the chain and refuse rows without them (`audit.state_mismatch`). The links
are appended after the chain's head with the library's own digest and link hash.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, text

from zhaocai.store.schema import AuditEventRow
from zhaocai.store.types import canonical_json
from zhaocai.store.unit_of_work import GENESIS_HASH, change_digest, link_hash

Link = tuple[str, str, str, str, dict[str, Any]]
"""(actor id, action, subject type, subject id, change)."""


def append_links(conn: Connection, at: datetime, links: Iterable[Link]) -> int:
    """Append the links after the chain's head, in one bulk insert; how many were written."""
    head = conn.execute(text("SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1")).first()
    seq, prev = (int(head[0]), str(head[1])) if head else (0, GENESIS_HASH)
    stamp = at.astimezone(UTC).isoformat(timespec="microseconds")
    rows = []
    for actor, action, subject_type, subject_id, change in links:
        seq += 1
        body = canonical_json(change)
        digest = change_digest(body)
        link = link_hash(seq, stamp, actor, action, subject_type, subject_id, digest, prev)
        rows.append({"seq": seq, "at": stamp, "actor_id": actor, "action": action, "subject_type": subject_type,
                     "subject_id": subject_id, "change": body, "digest": digest, "prev_hash": prev, "hash": link})
        prev = link
    if rows:
        conn.execute(insert(AuditEventRow.__table__), rows)  # type: ignore[attr-defined]
    return len(rows)
