"""Telling a person: the notification in their list and, by their choice for its kind, the
e-mail at once, in a digest or not at all. Every e-mail that is not essential carries a link
and the `List-Unsubscribe` headers that stop that kind with one click."""

from urllib.parse import urlsplit

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from meetmalmo.core.mail import absolute, render_notice, send_notice
from meetmalmo.notifications import kinds, tokens
from meetmalmo.notifications.models import Frequency, Notification, Preference

DIGEST = "digest:"  # an unsubscribe token for a whole digest names `digest:<frequency>`


def frequency_of(user, kind: str) -> str:
    if kinds.get(kind).essential:
        return Frequency.AT_ONCE
    chosen = Preference.objects.filter(user=user, kind=kind).values_list("frequency", flat=True)
    return next(iter(chosen), Frequency.AT_ONCE)


def notify(
    *, recipient, kind: str, template: str, context: dict, link: str, attachments: tuple = ()
) -> Notification | None:
    """Tell `recipient` of something of `kind`: the subject of the e-mail `template` becomes
    the line in their list, `link` (absolute, from `core.mail.link_for`) the page it leads to.
    The e-mail is a task stored in the same transaction as the notification, so both are
    kept or neither. `attachments` go with an e-mail sent at once (a digest lists the line
    only)."""
    if recipient is None or not recipient.is_active:
        return None
    context = {**context, "link": link}
    subject, _body = render_notice(template, recipient, context)
    frequency = frequency_of(recipient, kind)
    notification = Notification.objects.create(
        recipient=recipient,
        kind=kind,
        text=subject[:300],
        path=urlsplit(link).path[:500],
        in_digest=frequency if frequency in (Frequency.DAILY, Frequency.WEEKLY) else "",
        emailed_at=timezone.now() if frequency == Frequency.AT_ONCE else None,
    )
    if frequency == Frequency.AT_ONCE:
        _email(recipient, kind, template, context, attachments)
    return notification


def _email(recipient, kind: str, template: str, context: dict, attachments: tuple) -> None:
    if kinds.get(kind).essential:
        send_notice(template, recipient, context, attachments=attachments)
        return
    link, headers = unsubscribe(recipient, kind)
    with translation.override(recipient.language):
        footer = _(
            "You get this e-mail because of your notification settings. Stop e-mails "
            "of this kind: %(link)s"
        ) % {"link": link}
    send_notice(
        template, recipient, context, headers=headers, footer=footer, attachments=attachments
    )


def unsubscribe(recipient, what: str) -> tuple[str, dict]:
    """The one-click link that stops e-mails of `what` for `recipient`, and its headers."""
    with translation.override(recipient.language):
        link = absolute(reverse("notifications:unsubscribe", args=[tokens.make(recipient, what)]))
    return link, {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


@transaction.atomic
def preferences_save(*, user, chosen: dict[str, str]) -> None:
    """The person's choice per kind; essential kinds are not theirs to choose."""
    for kind in kinds.choosable():
        frequency = chosen.get(kind.code)
        if frequency in Frequency.values:
            Preference.objects.update_or_create(
                user=user, kind=kind.code, defaults={"frequency": frequency}
            )


def stop(*, user, what: str) -> bool:
    """Stop the e-mails an unsubscribe link names: one kind, or every kind a digest gathers.
    False when they were already stopped."""
    if what.startswith(DIGEST):
        frequency = what[len(DIGEST) :]
        changed = Preference.objects.filter(user=user, frequency=frequency).update(
            frequency=Frequency.OFF
        )
        return changed > 0
    if what not in {kind.code for kind in kinds.choosable()}:
        return False
    if frequency_of(user, what) == Frequency.OFF:
        return False
    preferences_save(user=user, chosen={what: Frequency.OFF})
    return True


def open_one(*, notification: Notification) -> None:
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())


def read_all(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).update(read_at=timezone.now())
