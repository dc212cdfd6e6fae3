"""Who receives the newsletter: a follow of the target "newsletter", so subscribing is confirmed
by the same e-mailed link as any follow by address (double opt-in), stopped by the same
one-click link, and kept in a member's data like their other follows."""

from django.utils.translation import gettext_lazy

from meetmalmo.notifications.follows import Followable
from meetmalmo.notifications.models import Follow

NEWSLETTER = "newsletter"


def _title(pk: int) -> str | None:
    return str(gettext_lazy("The newsletter of Meet Malmö")) if pk == 0 else None


FOLLOWABLE = Followable(NEWSLETTER, _title)


def confirmed():
    """Every confirmed subscriber, the oldest first."""
    return (
        Follow.objects.filter(target=NEWSLETTER, target_id=0, confirmed_at__isnull=False)
        .select_related("user")
        .order_by("id")
    )
