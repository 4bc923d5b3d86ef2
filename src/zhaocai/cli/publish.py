"""`zhaocai publish`: what the public may see, as OCDS packages and as the sunshine database."""

from __future__ import annotations

from pathlib import Path

import typer

from zhaocai.cli.app import App
from zhaocai.cli.common import DB, JSON, console, opened, print_json, progress

app = App(help="Publication (公开): OCDS packages, the public database.")


@app.command("ocds")
def ocds(
    out: Path | None = typer.Option(None, "--out", help="Write the package to this file (default: print it)"),
    tender_id: str | None = typer.Option(None, "--tender", help="Only this tender"),
    record: bool = typer.Option(False, "--record", help="A record package instead of a release package"),
    db: str = DB,
    as_json: bool = JSON,
) -> None:
    """The OCDS release package (or `--record` package) of every tender, or of one."""
    with opened(db) as platform, progress("building OCDS package…", quiet=out is None or as_json):
        publish = platform.publish
        if out is None:
            package = publish.record_package(tender_id=tender_id) if record \
                else publish.release_package(tender_id=tender_id)
            typer.echo(publish.to_json(package))
            return
        written = publish.write_record_package(out, tender_id=tender_id) if record \
            else publish.write_release_package(out, tender_id=tender_id)
    if as_json:
        print_json({"written": str(written)})
    else:
        console.print(f"[green]OCDS {'record' if record else 'release'} package written[/green]: {written}")


@app.command("public")
def public(
    path: Path = typer.Option(Path("zhaocai-public.db"), "--public",
                              help="The public SQLite file (refreshed in place)"),
    db: str = DB,
    as_json: bool = JSON,
) -> None:
    """Bring the public database (the sunshine portal's) up to date, in place, in one transaction."""
    with opened(db) as platform, progress("refreshing the public database…", quiet=as_json):
        written = platform.publish.public_database(path)
    if as_json:
        print_json({"public_database": str(written)})
    else:
        console.print(f"[green]public database refreshed[/green]: {written}")
