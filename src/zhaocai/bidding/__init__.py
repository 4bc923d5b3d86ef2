"""Bidding: tenders, sealed bids, opening, evaluation and award (docs/tenders.md, docs/evaluation.md)."""
