"""`python -m zhaocai.event_catalog`: print docs/events.md."""

from zhaocai.event_catalog.reference import render

print(render(), end="")
