"""Evaluation and award as a service (`platform.evaluation`): the pure rules of
`zhaocai.bidding.rules` wired to the store — expert pool, committee draw and declarations,
compliance, abnormally low bids, sealed scoring, ranking, report, publicity, objections, award,
notice, contract, price-inquiry decision and performance feedback."""

from zhaocai.bidding.evaluating.service import EvaluationService

__all__ = ["EvaluationService"]
