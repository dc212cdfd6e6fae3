from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from meetmalmo.initiatives.selectors import clock, decision_measure
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db
MALMO = ZoneInfo("Europe/Stockholm")


def submitted(at, state=State.SUBMITTED, decided_after_days=None):
    initiative = InitiativeFactory(state=state)
    initiative.start_clock(at)
    if decided_after_days is not None:
        initiative.decided_at = at + timedelta(days=decided_after_days)
    initiative.save()
    return initiative


def test_a_new_case_has_21_days_left():
    at = datetime(2026, 3, 2, 9, 0, tzinfo=MALMO)
    assert clock(submitted(at), now=at).days_left == 21


def test_days_are_calendar_days_in_malmo_time():
    at = datetime(2026, 3, 2, 23, 30, tzinfo=MALMO)
    case = submitted(at)
    next_morning = datetime(2026, 3, 3, 0, 30, tzinfo=MALMO)
    assert clock(case, now=next_morning).days_left == 20


def test_an_overdue_case_shows_negative_days():
    at = datetime(2026, 3, 2, 9, 0, tzinfo=MALMO)
    result = clock(submitted(at, State.IN_REVIEW), now=at + timedelta(days=24))
    assert result.days_left == -3
    assert result.overdue


@pytest.mark.parametrize("state", [State.ADOPTED, State.DECLINED, State.REFERRED, State.WITHDRAWN])
def test_the_clock_stops_when_the_case_leaves_review(state):
    at = datetime(2026, 3, 2, 9, 0, tzinfo=MALMO)
    result = clock(submitted(at, state), now=at + timedelta(days=40))
    assert not result.running and not result.overdue


def test_a_draft_has_no_clock():
    assert not clock(InitiativeFactory(state=State.DRAFT)).running


def test_the_measure_counts_decisions_within_21_days_and_the_median():
    at = datetime(2026, 1, 5, 9, 0, tzinfo=MALMO)
    submitted(at, State.ADOPTED, decided_after_days=10)
    submitted(at, State.DECLINED, decided_after_days=21)
    submitted(at, State.REFERRED, decided_after_days=30)
    submitted(at, State.IN_REVIEW)  # not decided yet: not counted
    measure = decision_measure()
    assert (measure.decided, measure.within_promise, measure.median_days) == (3, 2, 21.0)
    assert measure.share_within_promise == pytest.approx(2 / 3)


def test_the_measure_can_be_limited_to_a_period():
    at = datetime(2026, 1, 5, 9, 0, tzinfo=MALMO)
    submitted(at, State.ADOPTED, decided_after_days=10)
    submitted(at + timedelta(days=100), State.ADOPTED, decided_after_days=30)
    measure = decision_measure(since=at + timedelta(days=90))
    assert (measure.decided, measure.within_promise) == (1, 0)


def test_the_measure_of_nothing_is_empty_not_an_error():
    measure = decision_measure()
    assert (measure.decided, measure.median_days, measure.share_within_promise) == (0, None, None)
