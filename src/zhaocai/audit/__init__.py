"""The hash-chained audit trail."""

from zhaocai.audit.chain import AuditEvent, AuditLog, Verification

__all__ = ["AuditEvent", "AuditLog", "Verification"]
