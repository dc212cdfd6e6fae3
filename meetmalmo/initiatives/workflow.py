"""The initiative's journey as data (SPEC §4): its states, the moves between them, who may make
each move, what a move requires, and which notice it sends; and the follow-ups other apps
subscribe to. `services.perform_transition` is the only code that reads this to change a case."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts.permissions import is_member, is_process_manager


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_REVIEW = "in_review", _("In review")
    ADOPTED = "adopted", _("Adopted")
    GROUP_FORMING = "group_forming", _("Forming a working group")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    DECLINED = "declined", _("Declined")
    REFERRED = "referred", _("Referred")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    DISCONTINUED = "discontinued", _("Discontinued")


# What the submitter reads on their own page, where staff words would puzzle them.
PUBLIC_LABELS: dict[str, Promise] = {
    State.DRAFT: _("Draft, not sent"),
    State.SUBMITTED: _("Received, waiting for a process manager"),
    State.IN_REVIEW: _("Being reviewed by the Trade and Industry Office"),
    State.ADOPTED: _("Adopted by Meet Malmö"),
    State.GROUP_FORMING: _("A working group is being formed"),
    State.ACTIVE: _("Work under way"),
    State.COMPLETED: _("Completed"),
    State.DECLINED: _("Not adopted"),
    State.REFERRED: _("Referred to existing work"),
    State.WITHDRAWN: _("Withdrawn by you"),
    State.DISCONTINUED: _("Discontinued"),
}

SUBMITTER = "submitter"
PROCESS_MANAGER = "process_manager"


def _is_submitter(user, initiative) -> bool:
    return is_member(user) and user.pk == initiative.submitter_id


def _is_process_manager(user, initiative) -> bool:
    return is_process_manager(user)


ACTORS = {SUBMITTER: _is_submitter, PROCESS_MANAGER: _is_process_manager}

REASON = "reason"
REFERRED_TO = "referred_to"


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset[str]
    target: str
    actors: frozenset[str]
    label: Promise
    requires: tuple[str, ...] = ()
    notice: str | None = None  # e-mail template sent to the submitter
    starts_clock: bool = False
    decides: bool = False  # stops the 21-day clock
    assigns_actor: bool = False  # the person making the move takes the case
    # A move the submitter is told of and that cannot be taken back: the process manager sees
    # what will happen and the e-mail that will go out, and confirms it before it is made.
    second_look: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in [
        Transition(
            "submit",
            frozenset({State.DRAFT}),
            State.SUBMITTED,
            frozenset({SUBMITTER, PROCESS_MANAGER}),
            _("Submit"),
            notice="receipt",
            starts_clock=True,
        ),
        Transition(
            "take",
            frozenset({State.SUBMITTED}),
            State.IN_REVIEW,
            frozenset({PROCESS_MANAGER}),
            _("Take and start review"),
            assigns_actor=True,
        ),
        Transition(
            "adopt",
            frozenset({State.IN_REVIEW}),
            State.ADOPTED,
            frozenset({PROCESS_MANAGER}),
            _("Adopt"),
            notice="adopted",
            second_look=True,
            decides=True,
        ),
        Transition(
            "decline",
            frozenset({State.IN_REVIEW}),
            State.DECLINED,
            frozenset({PROCESS_MANAGER}),
            _("Decline"),
            requires=(REASON,),
            notice="declined",
            second_look=True,
            decides=True,
        ),
        Transition(
            "refer",
            frozenset({State.IN_REVIEW}),
            State.REFERRED,
            frozenset({PROCESS_MANAGER}),
            _("Refer to existing work"),
            requires=(REFERRED_TO,),
            notice="referred",
            second_look=True,
            decides=True,
        ),
        Transition(
            "withdraw",
            frozenset({State.SUBMITTED, State.IN_REVIEW}),
            State.WITHDRAWN,
            frozenset({SUBMITTER}),
            _("Withdraw"),
        ),
        Transition(
            "form_group",
            frozenset({State.ADOPTED}),
            State.GROUP_FORMING,
            frozenset({PROCESS_MANAGER}),
            _("Start forming a working group"),
        ),
        Transition(
            "activate",
            frozenset({State.GROUP_FORMING}),
            State.ACTIVE,
            frozenset({PROCESS_MANAGER}),
            _("Mark the work as started"),
        ),
        Transition(
            "complete",
            frozenset({State.ACTIVE}),
            State.COMPLETED,
            frozenset({PROCESS_MANAGER}),
            _("Mark as completed"),
        ),
        Transition(
            "discontinue",
            frozenset({State.ADOPTED, State.GROUP_FORMING, State.ACTIVE}),
            State.DISCONTINUED,
            frozenset({PROCESS_MANAGER}),
            _("Discontinue"),
            requires=(REASON,),
            notice="discontinued",
            second_look=True,
        ),
    ]
}


def _reachable(start, moves) -> set[str]:
    found, todo = set(start), list(start)
    while todo:
        state = todo.pop()
        for move in moves:
            if state in move.sources and move.target not in found:
                found.add(move.target)
                todo.append(move.target)
    return found


def _open_states() -> frozenset[str]:
    """Where the decision is pending: reached once the clock starts, by moves that decide
    nothing, and from where a deciding move can still be made."""
    moves = TRANSITIONS.values()
    started = _reachable(
        {m.target for m in moves if m.starts_clock}, [m for m in moves if not m.decides]
    )
    deciding = {state for m in moves if m.decides for state in m.sources}
    return frozenset(
        state
        for state in started
        if _reachable({state}, [m for m in moves if not m.decides]) & deciding
    )


# Derived from the moves, so that a new state or move is counted right without another list.
OPEN_STATES = _open_states()
# An adopted initiative is brought to life, whatever became of the work afterwards.
BROUGHT_TO_LIFE_STATES = frozenset(_reachable({State.ADOPTED}, TRANSITIONS.values()))


# What other apps do when a move is made (a working group opens, a project page is drafted,
# the group is told the work has ended). They subscribe when they are ready, so that this app
# knows nothing of them; `perform_transition` runs each inside the move's transaction, after
# its case event is written, so the move and what follows from it happen together or not at all.
_FOLLOW_UPS: dict[str, list[Callable]] = {}


def follow(name: str, then: Callable) -> None:
    """After each move `name`, call `then(initiative, event)`."""
    if name not in TRANSITIONS:
        raise ValueError(f"No move is called {name!r}")
    if then not in _FOLLOW_UPS.setdefault(name, []):
        _FOLLOW_UPS[name].append(then)


def follow_ups(name: str) -> list[Callable]:
    return list(_FOLLOW_UPS.get(name, ()))


def may(user, initiative, transition: Transition) -> bool:
    """Whether this person may make this move on this case now."""
    return initiative.state in transition.sources and any(
        ACTORS[actor](user, initiative) for actor in transition.actors
    )


def available_transitions(user, initiative) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if may(user, initiative, t)]
