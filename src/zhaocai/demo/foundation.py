"""Demo chapters of the foundation: the store opens; at the end the audit chain is verified."""

from __future__ import annotations

from datetime import timedelta

from rich.markup import escape

from zhaocai.actors import Actor, Role
from zhaocai.demo.story import Demo, chapter
from zhaocai.errors import ZhaocaiError
from zhaocai.money import Money
from zhaocai.people import enrol_staff


@chapter(0, "招采 zhaocai: a fair procurement platform opens")
def opening(demo: Demo) -> None:
    demo.say(f"Store opened at {demo.path} (SQLite, WAL). Clock set to the demo's Monday morning.")
    demo.say(f"The platform's keys (receipt signing, identity hashing) are in the {demo.platform.keys.where} "
             "(mode 0600), outside the store: the store keeps only public keys, so one who can write "
             "to it cannot forge a receipt.")
    amount = Money.of("1234567.89")
    demo.say(f"Money is exact: {amount} reads on notices as {amount.in_words()}.")
    _people(demo)


def _people(demo: Demo) -> None:
    """Who may act is the register's record: founded, then every grant approved by a second person."""
    cast, people = demo.cast, demo.platform.people
    enrol_staff(demo.platform, cast.values(), administrator=cast["admin"], supervisor=cast["supervisor"],
                pledged_until=demo.clock.now() + timedelta(days=730))
    grants = people.grants(cast["auditor"])
    demo.say(f"People register founded by {cast['admin'].name} and {cast['supervisor'].name}: "
             f"{len(people.people(cast['auditor']))} people, {len(grants)} grants (roles and the three "
             "reviewing departments), each proposed by the administrator and approved by a supervisor.")
    claimed = Actor(id=cast["quality"].id, name=cast["quality"].name,
                    roles=frozenset({Role.QUALITY, Role.SUPERVISOR}))
    try:
        people.resolve(claimed)
    except ZhaocaiError as exc:
        demo.say(f"[red]Refused[/red] {escape(cast['quality'].name)} claiming the supervisor role: "
                 f"[bold]{exc.code}[/bold] — {escape(exc.message_en)} / {escape(exc.message_zh)}")
    else:
        raise SystemExit("demo: a claimed role that is not granted was accepted")
    pledges = people.pledges(cast["auditor"])
    demo.say(f"Each of the {len(pledges)} members of staff signed the integrity pledge (廉洁承诺书, "
             f"text {pledges[0].version}, SHA-256 {pledges[0].text_digest[:12]}…) in a command of their "
             "own; a supplier's administrator user signs its supplier's once admitted. No pledge in "
             "force, no procurement act: drafting, reviewing, opening, evaluating, awarding, bidding.")
    demo.say("Every command resolves its actor in the register: a bare person id is enough "
             "(`platform.suppliers.get(\"q-zhao\", ...)`); roles, departments, supplier and name "
             "come from the register, never from the caller.")


@chapter(100, "Closing: the audit chain")
def closing(demo: Demo) -> None:
    result = demo.platform.audit.verify(deep=True)
    seq, head = demo.platform.audit.head()
    events = demo.platform.events.read(limit=10_000)
    demo.say(f"{len(events)} domain events are in the outbox for ERP integration.")
    if result.ok:
        demo.say(f"[green]Audit chain verified[/green]: {result.checked} links, head #{seq} {head[:16]}…")
        demo.say(f"[green]Deep verification[/green]: {sum(result.rows_checked.values())} stored rows of "
                 f"{len(result.rows_checked)} tables agree with the chain (zhaocai verify --deep).")
    elif not result.chain_ok:
        demo.say(f"[red]Audit chain BROKEN at #{result.broken_at}: {result.reason}[/red]")
        raise SystemExit(1)
    else:
        for problem in result.disagreements:
            demo.say(f"[red]{problem.table} {problem.row_id} {problem.field}: row {problem.row}, "
                     f"chain {problem.chain}[/red]")
        raise SystemExit(1)
