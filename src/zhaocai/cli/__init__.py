"""The `zhaocai` command line, for procurement officers, auditors and operators (docs/cli.md).

Every command opens the store named by `--db` (or `ZHAOCAI_DATABASE_URL`), does one thing, and
exits with a documented code, so it can sit in a scheduler or a CI job: 0 done, 1 a check said
no, 2 a usage error, 3 a refusal, 4 a store problem, 5 an unexpected failure. Who acts is
`--as PERSON_ID`, resolved from the people register. Every failure is printed as its code, in
English and in Chinese, never as a traceback.

One module per group: `suppliers`, `tenders`, `integrity`, `publish`, `audit`, `receipts`,
`keys`, `store` (`zhaocai db`), `sunshine`; the operator's single commands in `ops`.
"""

from __future__ import annotations

from zhaocai.cli import audit, integrity, keys, ops, publish, receipts, store, sunshine, suppliers, tenders
from zhaocai.cli.app import App

app = App(help="zhaocai (招采): fair supplier procurement. Exit codes: 0 done, 1 a check said no, "
               "2 usage error, 3 refused, 4 store problem, 5 unexpected failure (docs/cli.md).")

for group, name in ((suppliers.app, "suppliers"), (tenders.app, "tenders"), (integrity.app, "integrity"),
                    (publish.app, "publish"), (audit.app, "audit"), (receipts.app, "receipts"),
                    (keys.app, "keys"), (store.app, "db"), (sunshine.app, "sunshine")):
    app.add_typer(group, name=name)

app.command("events")(ops.events)
app.command("tick")(ops.tick)
app.command("demo")(ops.demo)
app.command("screen")(ops.screen)

# The names of 0.2 and before, kept so that scripts written against them keep working.
app.command("verify", hidden=True)(audit.verify)
app.command("eligibility", hidden=True)(suppliers.eligibility)
app.command("import-suppliers", hidden=True)(suppliers.import_)
app.command("verify-receipt", hidden=True)(receipts.verify)

__all__ = ["app"]

if __name__ == "__main__":
    app()
