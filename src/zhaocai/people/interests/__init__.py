"""Declared interests and recusal (利益申报与回避): every person who touches a procurement
declares their interests on the people register; every duty towards a supplier is refused, or
recorded as recused, by one pure rule (`rules.conflicts`)."""

from zhaocai.people.interests.rules import Duty, InterestKind, Relation
from zhaocai.people.interests.views import InterestView, NewInterest, RecusalView

__all__ = ["Duty", "InterestKind", "InterestView", "NewInterest", "RecusalView", "Relation"]
