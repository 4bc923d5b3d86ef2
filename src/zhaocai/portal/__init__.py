"""The sunshine portal (阳光采购公开平台): the public database served as web pages by Datasette.

`make_datasette(path)` gives a Datasette over the public SQLite file with the portal's metadata
(`zhaocai.portal.metadata`: titles, descriptions and column labels in Chinese and English, facets,
canned queries, the licence) and its plugin (`zhaocai.portal.plugin`: Chinese search in the search
box, links in query results); `serve(path, host, port)` runs it with uvicorn on loopback by default.
The file is opened read-only; `platform.publish.public_database(path)` refreshes it in place
while the portal serves it. Needs the `sunshine` extra (`pip install 'zhaocai[sunshine]'`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from zhaocai.portal.metadata import portal_metadata

SETTINGS = {"default_page_size": 50, "max_returned_rows": 2000, "sql_time_limit_ms": 2000,
            "suggest_facets": False, "allow_download": True, "default_facet_size": 10}


def make_datasette(path: str | Path, license_url: str | None = None) -> Any:
    """A Datasette over the public database at `path`, with the portal's metadata and plugin."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from zhaocai.portal import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name="zhaocai-sunshine")
    target = Path(path).resolve()
    return Datasette([str(target)], metadata=portal_metadata(target.stem, license_url),
                     settings=SETTINGS, cors=False)


def serve(path: str | Path, host: str = "127.0.0.1", port: int = 8001,
          license_url: str | None = None) -> None:
    """Serve the portal until interrupted (uvicorn, one process)."""
    import uvicorn

    uvicorn.run(make_datasette(path, license_url).app(), host=host, port=port, log_level="warning")
