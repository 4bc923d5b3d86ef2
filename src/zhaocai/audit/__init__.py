"""The hash-chained audit trail."""

from zhaocai.audit.chain import AuditEvent, AuditLog, Verification, bid_links

__all__ = ["AuditEvent", "AuditLog", "Verification", "bid_links"]
