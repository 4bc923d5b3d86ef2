"""Bidding: tenders, sealed bids, opening, evaluation and award (see DESIGN.md)."""
