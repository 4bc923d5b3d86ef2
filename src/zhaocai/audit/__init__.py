"""The hash-chained audit trail."""

from zhaocai.audit.chain import AuditEvent, AuditLog, Verification, bid_links
from zhaocai.audit.deep import Checker, Disagreement

__all__ = ["AuditEvent", "AuditLog", "Checker", "Disagreement", "Verification", "bid_links"]
