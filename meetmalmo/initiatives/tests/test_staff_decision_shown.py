"""The decision date, the days it took and the promise kept or missed, on the staff case page
and in the queue's tab of decided cases."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db
MALMO = ZoneInfo("Europe/Stockholm")
RECEIVED = datetime(2026, 3, 2, 9, 0, tzinfo=MALMO)


def decided(title, after, state=State.ADOPTED):
    initiative = InitiativeFactory(title=title, state=state)
    initiative.start_clock(RECEIVED)
    initiative.decided_at = RECEIVED + after
    initiative.save()
    return initiative


def test_the_case_page_shows_when_it_was_decided_and_that_the_promise_was_kept(
    client, process_manager
):
    case = decided("I tid", timedelta(days=14, hours=12))
    client.force_login(process_manager)
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert "decided 16 March 2026" in page
    assert "14.5 days to decision" in page
    assert "within 21 days" in page and "promise missed" not in page
    swedish = client.get(f"/sv/staff/cases/{case.pk}/").content.decode()
    assert "beslutat 16 mars 2026" in swedish and "14,5 dagar till beslut" in swedish


def test_the_case_page_shows_a_late_decision_as_a_missed_promise(client, process_manager):
    case = decided("För sent", timedelta(days=22), State.DECLINED)
    client.force_login(process_manager)
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert "22.0 days to decision" in page and "promise missed" in page


def test_the_decided_tab_shows_date_days_and_promise_of_each_case(client, process_manager):
    decided("Snabbt beslut", timedelta(days=3))
    decided("Sent beslut", timedelta(days=30), State.DECLINED)
    client.force_login(process_manager)
    with translation.override("en"):
        url = reverse("initiatives:queue")
    page = client.get(url, {"tab": "decided"}).content.decode()
    fast, late = page.index("Snabbt beslut"), page.index("Sent beslut")
    assert "decided 5 March 2026" in page[fast:] and "3.0 days to decision" in page[fast:]
    assert "decided 1 April 2026" in page[late:] and "30.0 days to decision" in page[late:]
    assert page.count("promise missed") == 1 and page.count("within 21 days") == 1
