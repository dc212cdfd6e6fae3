"""Messages sent from a project's public page: kept for the office, e-mailed to the office or,
when the group's owner agreed, to the owner, with the sender as the one to answer; a receipt to
the sender, which never names the owner nor gives their address. Limited per address and per
client, since the receipt goes to whatever address is typed."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from meetmalmo.core import limits
from meetmalmo.core.errors import Refused
from meetmalmo.core.mail import absolute
from meetmalmo.groups.models import ProjectMessage, Role, WorkingGroup
from meetmalmo.groups.permissions import can_choose_message_recipient
from meetmalmo.groups.services import current_owner

# Enough for a person who writes to a few projects; too few to use receipts to send mail.
PER_ADDRESS_PER_HOUR = 3
PER_CLIENT_PER_HOUR = 10


def owner_person(group: WorkingGroup | None):
    """Whoever answers for the group's owner: the person a handover in effect names, else the
    owner among its members; None when nobody does (an account deleted)."""
    if group is None:
        return None
    handover = current_owner(group)
    if handover is not None:
        return handover.person
    owners = [m.user for m in group.memberships.all() if m.role == Role.OWNER]
    return owners[0] if owners else None


def _group(initiative) -> WorkingGroup | None:
    return (
        WorkingGroup.objects.filter(initiative=initiative)
        .prefetch_related("memberships__user", "handovers__person")
        .first()
    )


@transaction.atomic
def project_message_send(
    *, initiative, form, sender, title: str, page_path: str, client: str, language: str
) -> ProjectMessage:
    """Keep the message and, unless it looks like spam, send it on once it is committed."""
    email = form.cleaned_data["email"].lower()
    by_address = limits.hit("project-messages", email, limit=PER_ADDRESS_PER_HOUR, window=3600)
    by_client = limits.hit(
        "project-messages-client", client or "-", limit=PER_CLIENT_PER_HOUR, window=3600
    )
    if by_address.exceeded or by_client.exceeded:
        raise Refused(
            _("You have sent many messages in a short time. Please wait a while and try again.")
        )
    message = form.save(commit=False)
    message.initiative = initiative
    message.language = language
    message.sender = sender if sender is not None and sender.is_authenticated else None
    if message.sender is None:
        message.offers_help = False  # only a member can be a resource
    message.spam = form.is_spam()
    group = _group(initiative)
    owner = owner_person(group) if group is not None and group.owner_answers_messages else None
    message.sent_to = ProjectMessage.SentTo.OWNER if owner else ProjectMessage.SentTo.OFFICE
    message.save()
    if not message.spam:
        context = {"message": message, "title": title, "page": absolute(page_path)}
        transaction.on_commit(lambda: _send(message, group, owner, context))
    return message


def _render(template: str, context: dict) -> tuple[str, str]:
    subject = render_to_string(f"groups/email/{template}_subject.txt", context)
    body = render_to_string(f"groups/email/{template}.txt", context)
    return " ".join(subject.split()), body


def _send(message: ProjectMessage, group, owner, context: dict) -> None:
    if owner is not None:
        with translation.override(owner.language):
            link = absolute(reverse("groups:workspace", args=[group.pk]))
            subject, body = _render("project_message_to_owner", {**context, "link": link})
        to = [owner.email]
    else:
        # In the office's language, with the group, or the case while no group is formed.
        with translation.override(settings.LANGUAGE_CODE):
            link = absolute(
                reverse("groups:workspace", args=[group.pk])
                if group
                else reverse("initiatives:case", args=[message.initiative_id])
            )
            subject, body = _render("project_message_to_office", {**context, "link": link})
        to = [settings.CONTACT_EMAIL]
    EmailMessage(subject, body, None, to, reply_to=[message.email]).send()
    # What the person wrote is not repeated: the form must not send others' text to anyone.
    with translation.override(message.language):
        subject, body = _render("project_message_receipt", context)
    EmailMessage(subject, body, None, [message.email]).send()


def messages_recipient_choose(*, group: WorkingGroup, actor, to_owner: bool) -> None:
    if not can_choose_message_recipient(actor, group):
        raise Refused(_("Only the group's owner chooses where messages from the project go."))
    group.owner_answers_messages = to_owner
    group.save(update_fields=["owner_answers_messages"])


def project_messages(group: WorkingGroup):
    """The messages sent from the group's project page, the latest first, spam left out."""
    return (
        ProjectMessage.objects.filter(initiative_id=group.initiative_id, spam=False)
        .select_related("sender__resource_profile")
        .order_by("-created_at", "-id")
    )
