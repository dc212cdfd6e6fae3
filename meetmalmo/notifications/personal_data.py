"""What the notifications app keeps about a person (see accounts.personal_data): their
notifications, their settings and what they follow, by account or by an address they have
proved is theirs. All of it goes with the account."""

from django.db.models import Q

from meetmalmo.accounts.personal_data import Holding, Person, when
from meetmalmo.notifications.models import Follow, Notification, Preference


def _follows(person: Person):
    return Follow.objects.filter(Q(user=person.user) | Q(user=None, email__in=person.addresses))


def _export(person: Person) -> dict:
    user = person.user
    return {
        "notifications": [
            {"text": n.text, "page": n.path, "created": when(n.created_at), "read": when(n.read_at)}
            for n in Notification.objects.filter(recipient=user).order_by("id")
        ],
        "notification_settings": dict(
            Preference.objects.filter(user=user).values_list("kind", "frequency")
        ),
        "follows": [
            {
                "what": f.target,
                "id": f.target_id,
                "address": f.email,
                "confirmed": when(f.confirmed_at),
            }
            for f in _follows(person).order_by("id")
        ],
    }


def _erase(person: Person) -> None:
    # An address followed without an account is theirs too once proved, and goes with them.
    _follows(person).delete()


HOLDING = Holding(export=_export, erase=_erase)
