"""What the portal keeps about one person, for the download of their own data (GDPR art. 15
and 20): a ZIP with `data.json` and the files they attached. Only the person's own data goes in:
cases they submitted (without staff-only events), their group work, reports and updates they
wrote, and comments sent from an address they have verified."""

import json
import os
import zipfile
from datetime import datetime

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import CharField, Prefetch, Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.text import get_valid_filename

from meetmalmo.accounts.models import User

ATTACHMENT_FOLDER = "attachments"


def verified_addresses(user: User) -> list[str]:
    """The addresses the person has proved are theirs: only these link comments to them, since
    anyone may type any address into a comment form or add one to their account unverified."""
    from allauth.account.models import EmailAddress

    return [
        address.lower()
        for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    ]


def comments_of(addresses: list[str]):
    """Comments sent with one of these addresses, compared without case."""
    from meetmalmo.publishing.models import Comment

    if not addresses:
        return Comment.objects.none()
    match = Q()
    for address in addresses:
        match |= Q(email__iexact=address)
    return Comment.objects.filter(match)


def email_log_to(addresses: list[str]) -> list:
    """The messages in the e-mail queue (sent, waiting or failed) whose every recipient is one of
    these addresses. The text search only narrows the rows; the recipients decide."""
    from django_tasks_db.models import DBTaskResult

    from meetmalmo.core.mail import deliver_email

    if not addresses:
        return []
    text = Q()
    for address in addresses:
        text |= Q(as_text__icontains=address)
    rows = (
        DBTaskResult.objects.filter(task_path=deliver_email.module_path)
        .annotate(as_text=Cast("args_kwargs", CharField()))
        .filter(text)
        .order_by("enqueued_at")
    )
    wanted = set(addresses)
    found = []
    for row in rows:
        try:
            message = row.args_kwargs["args"][0]
            recipients = {a.lower() for a in message["to"] + message["cc"] + message["bcc"]}
        except (KeyError, IndexError, TypeError, AttributeError):
            continue
        if recipients and recipients <= wanted:
            found.append(row)
    return found


def _when(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def _area(area) -> dict:
    return {"code": area.code, "name_sv": area.name_sv, "name_en": area.name_en}


def _attachment_path(attachment) -> str:
    name = get_valid_filename(os.path.basename(attachment.name)) or "file"
    return f"{ATTACHMENT_FOLDER}/{attachment.initiative_id}/{attachment.pk}-{name}"


def _account(user: User) -> dict:
    organisation = user.organisation
    return {
        "email": user.email,
        "name": user.name,
        "language": user.language,
        "organisation": organisation
        and {
            "name": organisation.name,
            "sphere": organisation.sphere,
            "sphere_display": str(organisation.get_sphere_display()),
            "organisation_number": organisation.org_number,
            "website": organisation.website,
        },
        "process_manager": user.is_process_manager,
        "joined": _when(user.date_joined),
        "last_signed_in": _when(user.last_login),
    }


def _email_addresses(user: User) -> list[dict]:
    from allauth.account.models import EmailAddress

    return [
        {"email": a.email, "verified": a.verified, "primary": a.primary}
        for a in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ]


def _two_factor(user: User) -> list[dict]:
    """Which second factors are set up, never their secrets."""
    if not apps.is_installed("allauth.mfa"):
        return []
    from allauth.mfa.models import Authenticator

    return [
        {
            "type": a.type,
            "created": _when(a.created_at),
            "last_used": _when(a.last_used_at),
        }
        for a in Authenticator.objects.filter(user=user).order_by("created_at")
    ]


def _initiatives(user: User) -> list[dict]:
    from meetmalmo.initiatives.models import Attachment, CaseEvent, Initiative
    from meetmalmo.initiatives.workflow import PUBLIC_LABELS

    cases = (
        Initiative.objects.filter(submitter=user)
        .select_related("organisation")
        .prefetch_related(
            "focus_areas",
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
            "focus_areas": [_area(area) for area in case.focus_areas.all()],
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
            "created": _when(case.created_at),
            "updated": _when(case.updated_at),
            "submitted": _when(case.submitted_at),
            "decision_due": _when(case.decision_due),
            "decided": _when(case.decided_at),
            "events": [
                {
                    "when": _when(event.created_at),
                    "kind": event.kind,
                    "from_state": event.from_state,
                    "to_state": event.to_state,
                    "text": event.reason,
                    "by": event.actor.name if event.actor else None,
                }
                for event in case.events.all()
            ],
            "attachments": [
                {
                    "name": attachment.name,
                    "content_type": attachment.content_type,
                    "size": attachment.size,
                    "uploaded": _when(attachment.created_at),
                    "file": _attachment_path(attachment),
                }
                for attachment in case.attachments.all()
            ],
        }
        for case in cases
    ]


def _answers(user: User) -> list[dict]:
    from meetmalmo.initiatives.models import CaseEvent

    answers = (
        CaseEvent.objects.filter(actor=user, kind=CaseEvent.Kind.ANSWER, internal=False)
        .select_related("initiative")
        .order_by("created_at", "id")
    )
    return [
        {
            "initiative_id": a.initiative_id,
            "initiative": a.initiative.title,
            "when": _when(a.created_at),
            "text": a.reason,
        }
        for a in answers
    ]


def _resource_profile(user: User) -> dict | None:
    from meetmalmo.resources.models import ResourceProfile

    profile = (
        ResourceProfile.objects.filter(user=user)
        .prefetch_related("competences", "focus_areas", "languages")
        .first()
    )
    if profile is None:
        return None
    return {
        "title": profile.title,
        "industry": profile.industry,
        "industry_display": str(profile.get_industry_display()),
        "competences": [c.name for c in profile.competences.all()],
        "focus_areas": [_area(area) for area in profile.focus_areas.all()],
        "languages": [language.code for language in profile.languages.all()],
        "hours_per_month": profile.hours_per_month,
        "presentation": profile.presentation,
        "active": profile.active,
        "consent_to_be_contacted": profile.consent,
        "consent_given": _when(profile.consent_at),
        "created": _when(profile.created_at),
        "updated": _when(profile.updated_at),
    }


def _groups(user: User) -> dict:
    from meetmalmo.groups.models import Handover, Invitation, Membership, Update

    memberships = (
        Membership.objects.filter(user=user)
        .select_related("group__initiative")
        .prefetch_related("group__milestones")
        .order_by("joined_at", "id")
    )
    invitations = (
        Invitation.objects.filter(invitee=user)
        .select_related("group__initiative", "invited_by")
        .order_by("created_at", "id")
    )
    updates = (
        Update.objects.filter(author=user)
        .select_related("group__initiative")
        .order_by("created_at", "id")
    )
    handovers = (
        Handover.objects.filter(person=user)
        .select_related("group__initiative", "organisation")
        .order_by("created_at", "id")
    )
    return {
        "group_memberships": [
            {
                "group_id": m.group_id,
                "initiative": m.group.initiative.title,
                "role": m.role,
                "joined": _when(m.joined_at),
                "milestones": [
                    {"title": s.title, "due": _when(s.due), "done": s.done}
                    for s in m.group.milestones.all()
                ],
            }
            for m in memberships
        ],
        "invitations": [
            {
                "group_id": i.group_id,
                "initiative": i.group.initiative.title,
                "role": i.role,
                "state": i.state,
                "message": i.message,
                "invited_by": i.invited_by.name if i.invited_by else None,
                "sent": _when(i.created_at),
                "expires": _when(i.expires_at),
                "answered": _when(i.answered_at),
                "answer": i.answer,
            }
            for i in invitations
        ],
        "updates": [
            {
                "group_id": u.group_id,
                "initiative": u.group.initiative.title,
                "posted": _when(u.created_at),
                "text": u.body,
            }
            for u in updates
        ],
        "handovers": [
            {
                "group_id": h.group_id,
                "initiative": h.group.initiative.title,
                "organisation": h.organisation.name,
                "from": _when(h.date),
                "note": h.note,
                "recorded": _when(h.created_at),
                "accepted": _when(h.accepted_at),
            }
            for h in handovers
        ],
    }


def _reports(user: User) -> list[dict]:
    from meetmalmo.publishing.models import Report

    reports = (
        Report.objects.filter(author=user)
        .select_related("initiative")
        .prefetch_related("outcomes")
        .order_by("created_at", "id")
    )
    return [
        {
            "initiative": r.initiative.title,
            "kind": r.kind,
            "state": r.state,
            "summary": r.summary,
            "outcomes": [
                {"label": o.label, "number": o.number, "unit": o.unit} for o in r.outcomes.all()
            ],
            "lessons": r.lessons,
            "links": r.link_list,
            "comment_from_the_office": r.comment,
            "created": _when(r.created_at),
            "updated": _when(r.updated_at),
            "submitted": _when(r.submitted_at),
            "published": _when(r.published_at),
        }
        for r in reports
    ]


def _comments(addresses: list[str]) -> list[dict]:
    comments = comments_of(addresses).select_related("article").order_by("created_at", "id")
    return [
        {
            "article": c.article.title_sv or c.article.title_en,
            "name": c.name,
            "email": c.email,
            "text": c.text,
            "state": c.state,
            "sent": _when(c.created_at),
        }
        for c in comments
    ]


def _email_log(addresses: list[str]) -> list[dict]:
    return [
        {
            "subject": row.args_kwargs["args"][0].get("subject", ""),
            "queued": _when(row.enqueued_at),
            "finished": _when(row.finished_at),
            "status": row.status,
        }
        for row in email_log_to(addresses)
    ]


def personal_data(user: User) -> dict:
    """Everything the portal keeps about `user`, as plain data for `data.json`."""
    addresses = verified_addresses(user)
    return {
        "exported": _when(timezone.now()),
        "account": _account(user),
        "email_addresses": _email_addresses(user),
        "two_factor": _two_factor(user),
        "initiatives": _initiatives(user),
        "answers": _answers(user),
        "resource_profile": _resource_profile(user),
        **_groups(user),
        "reports": _reports(user),
        "comments": _comments(addresses),
        "email_log": _email_log(addresses),
    }


def write_zip(user: User, target) -> None:
    """Write the person's data into `target` (a binary file): each attachment of their
    initiatives under `attachments/`, and `data.json`, UTF-8 and indented."""
    from meetmalmo.initiatives.models import Attachment

    data = personal_data(user)
    missing = set()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for attachment in Attachment.objects.filter(initiative__submitter=user).order_by("id"):
            path = _attachment_path(attachment)
            try:
                with attachment.file.open("rb") as source, archive.open(path, "w") as copy:
                    for chunk in iter(lambda: source.read(1024 * 1024), b""):
                        copy.write(chunk)
            except OSError:
                # A file lost from the storage must not stop the rest of the download.
                missing.add(path)
        for case in data["initiatives"]:
            for attachment in case["attachments"]:
                if attachment["file"] in missing:
                    attachment["file"] = None
        archive.writestr(
            "data.json",
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode(),
        )
