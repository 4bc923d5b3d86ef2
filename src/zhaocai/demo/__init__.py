"""The bundled demo: `make demo` or `python -m zhaocai.demo [--path FILE]`."""

from zhaocai.demo import (
    evaluation,  # noqa: F401
    foundation,  # noqa: F401  (registers its chapters)
    guards,  # noqa: F401
    interests,  # noqa: F401
    rules,  # noqa: F401
    single_source,  # noqa: F401
    suppliers,  # noqa: F401
    tenders,  # noqa: F401
    transparency,  # noqa: F401
)
from zhaocai.demo.story import Demo, tell

__all__ = ["Demo", "tell"]
