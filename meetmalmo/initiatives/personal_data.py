"""What the initiatives app keeps about a person (see accounts.personal_data): the cases they
submitted, as the submitter reads them (without staff-only events), with their attachments, and
their answers to the office's questions."""

import os

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch
from django.utils import translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from meetmalmo.accounts.personal_data import Holding, Person, focus_area, when
from meetmalmo.initiatives.models import Attachment, CaseEvent, EffortVerdict, Initiative
from meetmalmo.initiatives.workflow import PUBLIC_LABELS, State

ATTACHMENT_FOLDER = "attachments"


def attachment_path(attachment) -> str:
    name = get_valid_filename(os.path.basename(attachment.name)) or "file"
    return f"{ATTACHMENT_FOLDER}/{attachment.initiative_id}/{attachment.pk}-{name}"


def _initiatives(user) -> list[dict]:
    cases = (
        Initiative.objects.filter(submitter=user)
        .select_related("organisation")
        .prefetch_related(
            "focus_areas",
            Prefetch("effort_verdicts", queryset=EffortVerdict.objects.select_related("effort")),
            Prefetch("attachments", queryset=Attachment.objects.order_by("created_at", "id")),
            # What the submitter reads on their own page: internal notes stay with the office.
            Prefetch(
                "events",
                queryset=CaseEvent.objects.public()
                .select_related("actor")
                .order_by("created_at", "id"),
            ),
        )
        .order_by("created_at", "id")
    )
    return [
        {
            "id": case.pk,
            "title": case.title,
            "summary": case.summary,
            "description": case.description,
            "challenge": case.challenge,
            "benefit_city": case.benefit_city,
            "benefit_business": case.benefit_business,
            "proposed_partners": case.proposed_partners,
            "focus_areas": [focus_area(area) for area in case.focus_areas.all()],
            "language": case.language,
            "channel": case.channel,
            "criteria": {
                "strategic": case.criterion_strategic,
                "cooperation": case.criterion_cooperation,
                "social_sustainability": case.criterion_social,
            },
            "organisation": case.organisation.name,
            "state": case.state,
            "state_display": str(PUBLIC_LABELS[case.state]),
            "created": when(case.created_at),
            "updated": when(case.updated_at),
            "submitted": when(case.submitted_at),
            "received_on": case.received_on.isoformat() if case.received_on else None,
            "decision_due": when(case.decision_due),
            "decided": when(case.decided_at),
            "events": [
                {
                    "when": when(event.created_at),
                    "kind": event.kind,
                    "from_state": event.from_state,
                    "to_state": event.to_state,
                    "text": event.reason,
                    "by": event.actor.name if event.actor else None,
                }
                for event in case.events.all()
            ],
            # What they said of the efforts suggested to them.
            "effort_verdicts": [
                {"effort": verdict.effort.title, "verdict": verdict.verdict}
                for verdict in case.effort_verdicts.all()
            ],
            "attachments": [
                {
                    "name": attachment.name,
                    "content_type": attachment.content_type,
                    "size": attachment.size,
                    "uploaded": when(attachment.created_at),
                    "file": attachment_path(attachment),
                }
                for attachment in case.attachments.all()
            ],
        }
        for case in cases
    ]


def _answers(user) -> list[dict]:
    answers = (
        CaseEvent.objects.filter(actor=user, kind=CaseEvent.Kind.ANSWER, internal=False)
        .select_related("initiative")
        .order_by("created_at", "id")
    )
    return [
        {
            "initiative_id": a.initiative_id,
            "initiative": a.initiative.title,
            "when": when(a.created_at),
            "text": a.reason,
        }
        for a in answers
    ]


def _export(person: Person) -> dict:
    return {"initiatives": _initiatives(person.user), "answers": _answers(person.user)}


def _files(person: Person):
    for attachment in Attachment.objects.filter(initiative__submitter=person.user).order_by("id"):
        yield attachment_path(attachment), attachment.file


def _erase(person: Person) -> None:
    """Drafts never sent are the person's alone and go, with their files once the deletion is
    committed. Submitted cases stay with the organisation (public records), and staff read in
    the history why the submitter is gone; the note names nobody."""
    user = person.user
    drafts = Initiative.objects.filter(submitter=user, state=State.DRAFT)
    files = list(Attachment.objects.filter(initiative__in=drafts).values_list("file", flat=True))
    drafts.delete()
    storage = Attachment._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in files if name])

    with translation.override(settings.LANGUAGE_CODE):
        note = _("The submitter has deleted their account. The case stays with the organisation.")
    CaseEvent.objects.bulk_create(
        CaseEvent(initiative=case, kind=CaseEvent.Kind.NOTE, reason=note, internal=True)
        for case in Initiative.objects.filter(submitter=user).only("pk")
    )


HOLDING = Holding(
    export=_export,
    files=_files,
    erase=_erase,
    ties=((Initiative, "submitter"), (CaseEvent, "actor")),
)
