"""The daily and weekly digests, part of the hourly `send_reminders`. From seven in the morning
each person with something new gets one digest a day (or a week, from Monday), listing what was
not yet e-mailed to them; nothing new, no digest. A Digest row per person and period, written
in the same transaction that marks the notifications e-mailed, keeps a period to one digest
however often or concurrently the job runs."""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from meetmalmo.core.mail import absolute, send_notice
from meetmalmo.notifications.models import Digest, Frequency, Notification
from meetmalmo.notifications.services import DIGEST, unsubscribe

DIGEST_HOUR = 7


def period_of(frequency: str, day) -> object:
    """The day a digest period starts: the day itself, or the Monday of its week."""
    return day if frequency == Frequency.DAILY else day - timedelta(days=day.weekday())


def send_digests(now: datetime) -> int:
    local = timezone.localtime(now)
    if local.hour < DIGEST_HOUR:
        return 0
    return sum(
        _send(frequency, period_of(frequency, local.date()), now)
        for frequency in (
            Frequency.DAILY,
            Frequency.WEEKLY,
        )
    )


def _send(frequency: str, period, now: datetime) -> int:
    waiting = Notification.objects.filter(in_digest=frequency, emailed_at=None, created_at__lte=now)
    people = (
        get_user_model()
        .objects.filter(pk__in=waiting.values("recipient"), is_active=True)
        .exclude(pk__in=Digest.objects.filter(frequency=frequency, period=period).values("user"))
    )
    sent = 0
    for person in people:
        try:
            with transaction.atomic():
                sent += _send_one(person, frequency, period, waiting)
        except IntegrityError:  # another run sent this period's digest in the meantime
            continue
    return sent


def _send_one(person, frequency: str, period, waiting) -> int:
    digest = Digest.objects.create(user=person, frequency=frequency, period=period, count=0)
    items = list(waiting.filter(recipient=person).select_for_update().order_by("created_at", "id"))
    if not items:
        transaction.set_rollback(True)
        return 0
    Notification.objects.filter(pk__in=[item.pk for item in items]).update(
        emailed_at=timezone.now()
    )
    digest.count = len(items)
    digest.save(update_fields=["count"])
    stop_link, headers = unsubscribe(person, f"{DIGEST}{frequency}")
    with translation.override(person.language):
        context = {
            "frequency": frequency,
            "items": [{"text": item.text, "link": absolute(item.path)} for item in items],
            "link": absolute(reverse("notifications:list")),
            "settings_link": absolute(reverse("notifications:settings")),
            "stop_link": stop_link,
        }
    # Stored as a task in this transaction: the digest row and its e-mail stand or fall together.
    send_notice("notifications/email/digest", person, context, headers=headers)
    return 1


def hourly(now: datetime) -> str:
    """The digests' part of `send_reminders` (registered in apps.py)."""
    return f"{send_digests(now)} digests"
