"""Reads of a person's notifications."""

from meetmalmo.notifications import kinds
from meetmalmo.notifications.models import Frequency, Notification, Preference

PAGE_SIZE = 50


def notifications_page(user, before: int | None = None) -> tuple[list[Notification], int | None]:
    """One page of the person's notifications, newest first, through the list index, and the
    id to read the next page from (None on the last)."""
    found = Notification.objects.filter(recipient=user)
    if before:
        found = found.filter(pk__lt=before)
    rows = list(found.order_by("-id")[: PAGE_SIZE + 1])
    more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    return rows, (rows[-1].pk if more else None)


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at=None).count()


def notification(user, pk: int) -> Notification | None:
    return Notification.objects.filter(recipient=user, pk=pk).first()


def preferences(user) -> dict[str, str]:
    """The person's choice for each kind they may choose, at once where they chose nothing."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "frequency"))
    return {kind.code: chosen.get(kind.code, Frequency.AT_ONCE) for kind in kinds.choosable()}
