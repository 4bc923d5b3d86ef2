"""The store: engines, tables, and the unit of work every command runs in."""

from zhaocai.store.engine import make_engines, normalise_url
from zhaocai.store.unit_of_work import UnitOfWork

__all__ = ["UnitOfWork", "make_engines", "normalise_url"]
