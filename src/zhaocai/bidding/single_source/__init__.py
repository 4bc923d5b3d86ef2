"""Single-source procurement (单一来源采购): its own method, lifecycle and rules."""

from zhaocai.bidding.single_source.machine import SingleSourceMachine, SingleSourceState
from zhaocai.bidding.single_source.models import NegotiationInput, SingleSourceDraft, SingleSourceView
from zhaocai.bidding.single_source.rules import DEFAULT_POLICY, Justification, SingleSourcePolicy

__all__ = ["DEFAULT_POLICY", "Justification", "NegotiationInput", "SingleSourceDraft", "SingleSourceMachine",
           "SingleSourcePolicy", "SingleSourceState", "SingleSourceView"]
