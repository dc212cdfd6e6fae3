"""What the events app keeps about a person (see accounts.personal_data): their registrations
for meetings. A visitor's are deleted after the meeting by `prune_event_visitors`."""

from meetmalmo.accounts.personal_data import Holding, Person, when
from meetmalmo.events.models import Registration


def _export(person: Person) -> dict:
    rows = Registration.objects.filter(user=person.user).select_related("event")
    return {
        "event_registrations": [
            {
                "event": r.event.title_sv or r.event.title_en,
                "starts": when(r.event.starts_at),
                "name": r.name,
                "email": r.email,
                "organisation": r.organisation,
                "status": r.status,
                "registered": when(r.created_at),
                "cancelled": when(r.cancelled_at),
                "attended": r.attended,
            }
            for r in rows.order_by("created_at", "id")
        ]
    }


def _erase(person: Person) -> None:
    """Registrations go with the account; a seat given up moves the waitlist on."""
    from meetmalmo.events.services import cancel_registration

    held = Registration.objects.filter(user=person.user).exclude(
        status=Registration.Status.CANCELLED
    )
    for registration in held.select_related("event"):
        cancel_registration(registration=registration)
    Registration.objects.filter(user=person.user).delete()


HOLDING = Holding(export=_export, erase=_erase)
