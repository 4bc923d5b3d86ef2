"""Who acts is the platform's record, not the caller's word.

Every public command and every read that takes an actor is decorated with `acting`: the caller
passes a person id (`str`) or an `Actor`, and the method body receives the actor the people
register resolves it to (`zhaocai.people`), as of the platform's current moment. The command
runner resolves it again inside the command's own transaction, at the command's moment
(`CommandRunner.run`), so that a grant revoked or expired meanwhile refuses the command.

Every command also takes an optional keyword `idempotency_key=`, here and once for all: the key
and the command's arguments wait for the command's transaction (`zhaocai.idempotency.pending`),
where a retry with the same key and the same arguments is answered with the first result and
the same key with other arguments is refused (`idempotency.request_mismatch`). A method that
declares `idempotency_key` itself builds its own request and passes the key to the runner.
The keyword is not part of a decorated method's static signature (`ParamSpec` cannot add a
keyword-only parameter): type checkers see the method's own parameters.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, Concatenate, ParamSpec, TypeVar

from zhaocai.actors import Actor
from zhaocai.guards import argument_guard, check_text, wrong_type
from zhaocai.idempotency import check_key, keyed_request, pending

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
    or an `Actor`; the method receives the register's actor, and the call may carry an
    `idempotency_key=` (see the module's docstring). The other arguments are checked against
    their annotations first (`zhaocai.guards`): a bad one is a coded `ValidationError` whoever
    sends it."""
    signature = inspect.signature(method)
    own_key = "idempotency_key" in signature.parameters
    check = argument_guard(method)

    @functools.wraps(method)
    def resolved(self: S, actor: Who, *args: P.args, **kwargs: P.kwargs) -> R:
        require_who(actor)
        runner = runner_of(self)
        key = None if own_key else kwargs.pop("idempotency_key", None)
        check((self, actor, *args), kwargs)
        if key is None:
            return method(self, runner.resolve(actor), *args, **kwargs)
        bound = signature.bind(self, actor, *args, **kwargs)
        bound.apply_defaults()
        arguments = dict(list(bound.arguments.items())[2:])  # neither the service nor the actor
        with pending(check_key(key), keyed_request(arguments, lambda text: runner.keys.identity_hash(text))):
            return method(self, runner.resolve(actor), *args, **kwargs)

    return resolved
