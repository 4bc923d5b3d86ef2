"""Who acts is the platform's record, not the caller's word.

Every public command and every read that takes an actor is decorated with `acting`: the caller
passes a person id (`str`) or an `Actor`, and the method body receives the actor the people
register resolves it to (`zhaocai.people`), as of the platform's current moment. The command
runner resolves it again inside the command's own transaction, at the command's moment
(`CommandRunner.run`), so that a grant revoked or expired meanwhile refuses the command.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from zhaocai.actors import Actor
from zhaocai.guards import argument_guard, check_text, wrong_type

S = TypeVar("S")
P = ParamSpec("P")
R = TypeVar("R")

Who = Actor | str
"""A person id of the register, or an `Actor` naming one (its roles and supplier are claims the
register must confirm)."""


def require_who(who: object) -> None:
    """`who` is a person id or an `Actor` (`input.type` otherwise)."""
    if not isinstance(who, (str, Actor)):
        raise wrong_type("actor", "Actor", who)
    check_text(who if isinstance(who, str) else who.id, "actor")


def runner_of(service: Any) -> Any:
    """The command runner a service holds (`_runner`, `_platform` or `platform`)."""
    for name in ("_runner", "_platform", "platform"):
        runner = getattr(service, name, None)
        if runner is not None and hasattr(runner, "resolve"):
            return runner
    raise TypeError(f"{type(service).__name__} holds no command runner")


def acting(method: Callable[Concatenate[S, Actor, P], R]) -> Callable[Concatenate[S, Who, P], R]:
    """Decorate a service method whose first argument is the actor: callers may pass a person id
    or an `Actor`; the method receives the register's actor (see the module's docstring). The
    other arguments are checked against their annotations first (`zhaocai.guards`): a bad one is
    a coded `ValidationError` whoever sends it."""
    check = argument_guard(method)

    @functools.wraps(method)
    def resolved(self: S, actor: Who, *args: P.args, **kwargs: P.kwargs) -> R:
        require_who(actor)
        check((self, actor, *args), kwargs)
        return method(self, runner_of(self).resolve(actor), *args, **kwargs)

    return resolved
