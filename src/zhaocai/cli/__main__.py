"""`python -m zhaocai.cli`: the command line."""

from zhaocai.cli import app

app()
