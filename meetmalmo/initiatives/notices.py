"""E-mail notices about a case, each in the language of the person who receives it. They go
through the task queue (see core.mail), so a failing mail server delays them but loses none."""

from meetmalmo.core.mail import send_notice
from meetmalmo.initiatives.models import CaseEvent


def _send(template: str, recipient, context: dict) -> None:
    send_notice(f"initiatives/email/{template}", recipient, context)


def send_decision_notice(event_id: int, template: str) -> None:
    event = CaseEvent.objects.select_related(
        "initiative__submitter", "initiative__referred_to", "initiative__referred_to_effort"
    ).get(pk=event_id)
    initiative = event.initiative
    if initiative.submitter is None:  # the submitter deleted their account
        return
    _send(template, initiative.submitter, {"initiative": initiative, "event": event})


def send_assignment_notice(event_id: int) -> None:
    event = CaseEvent.objects.select_related("initiative", "assigned_to", "actor").get(pk=event_id)
    _send("assigned", event.assigned_to, {"initiative": event.initiative, "event": event})


def send_answer_notice(event_id: int) -> None:
    event = CaseEvent.objects.select_related("initiative__assigned_to", "actor").get(pk=event_id)
    initiative = event.initiative
    _send("answer", initiative.assigned_to, {"initiative": initiative, "event": event})


def send_reminder(kind: str, recipient, initiatives) -> None:
    _send(f"reminder_{kind}", recipient, {"initiatives": initiatives})
