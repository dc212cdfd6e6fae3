"""Twenty people registering at the same moment for a meeting with five seats: five seats are
taken, never more, and the rest wait in the order they came."""

import threading

import pytest
from django.db import connections

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.events import services
from meetmalmo.events.models import Registration
from meetmalmo.events.tests.factories import EventFactory

SEATS = 5
PEOPLE = 20


@pytest.mark.django_db(transaction=True)
def test_twenty_concurrent_registrations_never_overbook():
    event = EventFactory(capacity=SEATS)
    people = [UserFactory() for _ in range(PEOPLE)]
    start = threading.Barrier(PEOPLE)
    errors = []

    def register(person):
        try:
            start.wait()
            services.register_member(event=event, user=person)
        except Exception as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    rows = Registration.objects.filter(event=event)
    assert rows.filter(status="confirmed").count() == SEATS
    waiting = list(rows.filter(status="waitlisted").order_by("waitlisted_at", "id"))
    assert len(waiting) == PEOPLE - SEATS
    # The waitlist is in the order the places were asked for: moving up follows it.
    first = waiting[0]
    seated = rows.filter(status="confirmed").first()
    services.cancel_registration(registration=seated)
    first.refresh_from_db()
    assert first.status == "confirmed"
