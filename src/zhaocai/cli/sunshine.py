"""`zhaocai sunshine`: the sunshine portal (阳光采购): the public database, refreshed and served."""

from __future__ import annotations

from pathlib import Path

import typer

from zhaocai.cli.app import App
from zhaocai.cli.common import DB, UsageProblem, console
from zhaocai.cli.publish import public as refresh_public

app = App(help="The sunshine portal (阳光采购): the public database, refreshed and served.")
PUBLIC = typer.Option(Path("zhaocai-public.db"), "--public",
                      help="The public SQLite file (refreshed in place)")


@app.command("refresh")
def sunshine_refresh(db: str = DB, public: Path = PUBLIC) -> None:
    """Bring the public database up to date from the store, in place and in one transaction
    (the same as `zhaocai publish public`)."""
    refresh_public(public, db, False)


@app.command("serve")
def sunshine_serve(
    db: str = DB,
    public: Path = PUBLIC,
    host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback unless you mean otherwise)"),
    port: int = typer.Option(8001, help="Port to listen on"),
    refresh: bool = typer.Option(True, "--refresh/--no-refresh", help="Refresh the file from --db first"),
) -> None:
    """Serve the public database as the sunshine portal (Datasette), searchable in Chinese."""
    try:
        from zhaocai.portal import serve
    except ImportError as missing:  # the optional extra is not installed
        raise UsageProblem("cli.portal_missing",
                           f"The portal needs Datasette: pip install 'zhaocai[sunshine]' ({missing})",
                           "阳光平台需要安装 Datasette：`pip install 'zhaocai[sunshine]'`") from None
    if refresh:
        refresh_public(public, db, False)
    elif not public.exists():
        raise UsageProblem("cli.no_public_database", f"No public database at {public}: run "
                           "`zhaocai sunshine refresh` first",
                           f"{str(public)!r} 处没有公开数据库，请先运行 `zhaocai sunshine refresh`",
                           {"path": str(public)})
    console.print(f"sunshine portal on http://{host}:{port}/ (Ctrl-C stops it)")
    serve(public, host=host, port=port)
