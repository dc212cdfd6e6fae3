"""E-mail notices about a case, each in the language of the person who receives it. They go
through the task queue (see core.mail), so a failing mail server delays them but loses none.
Every notice to a process manager links to the case, where they act on it."""

from copy import copy
from datetime import datetime

from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from meetmalmo.core.mail import absolute, link_for, render_notice
from meetmalmo.initiatives.models import CaseEvent, Channel
from meetmalmo.notifications.kinds import Kind
from meetmalmo.notifications.services import notify

DECISIONS = Kind(
    "case_decision",
    gettext_lazy("Receipts, questions and decisions about my initiatives"),
    essential=True,
)
MESSAGES = Kind("case_message", gettext_lazy("Messages in the conversation on a case"))
CASE_WORK = Kind("case_work", gettext_lazy("Cases assigned to me and submitters' answers"))
REMINDERS = Kind(
    "case_reminder", gettext_lazy("Reminders of the three weeks' promise"), essential=True
)
KINDS = (DECISIONS, MESSAGES, CASE_WORK, REMINDERS)
KIND_OF = {
    "message_to_member": MESSAGES,
    "message_to_office": MESSAGES,
    "assigned": CASE_WORK,
    "answer": CASE_WORK,
    "reminder_day_14": REMINDERS,
    "reminder_overdue": REMINDERS,
    "reminder_unassigned": REMINDERS,
}


def _send(template: str, recipient, context: dict) -> None:
    """Told in the recipient's notifications and, by their settings, by e-mail."""
    notify(
        recipient=recipient,
        kind=KIND_OF.get(template, DECISIONS).code,
        template=f"initiatives/email/{template}",
        context=context,
        link=context.get("link") or context["case_link"],
    )


def _case_link(recipient, initiative) -> str:
    return link_for(recipient, "initiatives:case", initiative.pk)


def send_decision_notice(event_id: int, template: str) -> None:
    event = CaseEvent.objects.select_related(
        "initiative__submitter", "initiative__referred_to", "initiative__referred_to_effort"
    ).get(pk=event_id)
    initiative = event.initiative
    if initiative.submitter is None:  # the submitter deleted their account
        return
    if template == "receipt" and initiative.channel != Channel.PORTAL:
        return send_recorded_receipt(initiative, event)
    person = initiative.submitter
    _send(
        template,
        person,
        {
            "initiative": initiative,
            "event": event,
            "link": link_for(person, "initiatives:mine", initiative.pk),
        },
    )


def send_recorded_receipt(initiative, event) -> None:
    """The receipt for someone who brought an initiative to the office in person, by phone or
    by e-mail and never used the portal for it: it thanks them for the conversation and shows
    them how to follow the case. A contact without a password gets a link to choose one."""
    person = initiative.submitter
    _send("receipt_recorded", person, recorded_receipt_context(initiative, event, person))


def recorded_receipt_context(initiative, event, person) -> dict:
    context = {
        "initiative": initiative,
        "event": event,
        "case_link": link_for(person, "initiatives:mine", initiative.pk),
        "claim_link": "",
    }
    if not person.has_usable_password():
        # allauth's own password reset: the key is spent once a password is chosen, and a
        # lapsed one is renewed by "Forgot your password?" with the same address.
        with translation.override(person.language):
            path = reverse(
                "account_reset_password_from_key",
                kwargs={
                    "uidb36": user_pk_to_url_str(person),
                    "key": default_token_generator.make_token(person),
                },
            )
        context["claim_link"] = absolute(path)
        context["claim_days"] = max(1, settings.PASSWORD_RESET_TIMEOUT // 86_400)
        context["reset_link"] = link_for(person, "account_reset_password")
    return context


def send_assignment_notice(event_id: int) -> None:
    event = CaseEvent.objects.select_related("initiative", "assigned_to", "actor").get(pk=event_id)
    recipient = event.assigned_to
    _send(
        "assigned",
        recipient,
        {
            "initiative": event.initiative,
            "event": event,
            "link": _case_link(recipient, event.initiative),
        },
    )


def send_answer_notice(event_id: int) -> None:
    event = CaseEvent.objects.select_related("initiative__assigned_to", "actor").get(pk=event_id)
    initiative = event.initiative
    recipient = initiative.assigned_to
    _send(
        "answer",
        recipient,
        {"initiative": initiative, "event": event, "link": _case_link(recipient, initiative)},
    )


def send_message_notice(event_id: int, to_office: bool) -> None:
    """A message of the case's conversation, to the process manager of the case or to the
    submitter, with the link to the page where they read it and answer."""
    event = CaseEvent.objects.select_related(
        "initiative__submitter", "initiative__assigned_to", "actor"
    ).get(pk=event_id)
    initiative = event.initiative
    if to_office:
        recipient, link_name = initiative.assigned_to, "initiatives:case"
    else:
        recipient, link_name = initiative.submitter, "initiatives:mine"
    if recipient is None or not recipient.is_active:
        return
    _send(
        "message_to_office" if to_office else "message_to_member",
        recipient,
        {
            "initiative": initiative,
            "event": event,
            "files": list(event.attachments.all()),
            "link": link_for(recipient, link_name, initiative.pk),
        },
    )


def send_reminder(kind: str, recipient, initiatives, now: datetime | None = None) -> None:
    """One reminder listing cases, each with its link and, once overdue, by how many days."""
    today = timezone.localdate(now or timezone.now())
    items = [
        {
            "initiative": initiative,
            "link": _case_link(recipient, initiative),
            "days_overdue": (today - timezone.localdate(initiative.decision_due)).days,
        }
        for initiative in initiatives
    ]
    _send(
        f"reminder_{kind}",
        recipient,
        {
            "initiatives": initiatives,
            "items": items,
            "link": link_for(recipient, "initiatives:queue"),
        },
    )


def decision_preview(initiative, name: str, template: str, reason: str, referral: dict):
    """The subject and text the submitter would get if the move were made now, rendered from
    the notice's own template in their language; None when nobody would be told."""
    person = initiative.submitter
    if person is None:
        return None
    case = _after_the_move(initiative, referral)
    event = CaseEvent(initiative=case, transition=name, reason=reason.strip())
    return render_notice(
        f"initiatives/email/{template}",
        person,
        {
            "initiative": case,
            "event": event,
            "link": link_for(person, "initiatives:mine", initiative.pk),
        },
    )


def _after_the_move(initiative, referral: dict):
    """The case as it would stand after the move, without touching the one in the database."""
    case = copy(initiative)
    for field, value in referral.items():
        setattr(case, field, value)
    return case
