"""The hash-chained audit trail."""

from zhaocai.audit.chain import AuditEvent, AuditLog, Verification
from zhaocai.audit.deep import Checker, Disagreement

__all__ = ["AuditEvent", "AuditLog", "Checker", "Disagreement", "Verification"]
