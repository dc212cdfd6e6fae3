"""Fixtures the groups' tests share."""

from datetime import date, datetime, time

import pytest
from django.utils import timezone

from meetmalmo.groups.services import apply_due_handovers


@pytest.fixture
def on_the_date(monkeypatch):
    """From a given day on: the hourly job runs as `send_reminders` would, and pages read that
    day as today."""
    real = timezone.localdate

    def travel(day: date) -> None:
        monkeypatch.setattr(
            timezone, "localdate", lambda value=None, tz=None: real(value, tz) if value else day
        )
        apply_due_handovers(timezone.make_aware(datetime.combine(day, time(6))))

    return travel
