"""Python's cyclic garbage collector paused around the few bulk computations that need it.

Opening 10,000 bids, computing the red flags of a large history and importing suppliers in bulk
each keep hundreds of thousands of small objects alive at once and make no reference cycles
worth collecting; every batch that outlives a young collection otherwise makes the collector
walk the whole growing heap again (a third to a half of their time). Reference counting still
frees everything, and the collector resumes, if it was on, when the block ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic collector for the block; restore its previous state after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
