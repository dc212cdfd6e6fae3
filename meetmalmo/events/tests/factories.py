from datetime import timedelta

import factory
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.events.models import Event, Registration


def _in_days(days: int, hour: int = 8):
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    """A published breakfast meeting a week from now, with 30 seats."""

    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"frukostmote-{n}")
    title_sv = factory.Sequence(lambda n: f"Frukostmöte {n}")
    title_en = factory.Sequence(lambda n: f"Breakfast meeting {n}")
    lead_sv = "Näringsliv och stad möts över en kopp kaffe."
    lead_en = "Business and the City meet over coffee."
    description_sv = "Vi pratar om **sommarjobb**."
    description_en = "We talk about **summer jobs**."
    kind = "breakfast"
    starts_at = factory.LazyFunction(lambda: _in_days(7))
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + timedelta(hours=2))
    venue = "Stadshuset"
    address = "August Palms plats 1, Malmö"
    capacity = 30
    organiser = factory.SubFactory(ProcessManagerFactory)
    state = Event.State.PUBLISHED


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = "Vera Besökare"
    email = factory.Sequence(lambda n: f"besokare{n}@example.se")
    organisation = "Hotell Stadt"
    status = Registration.Status.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)
