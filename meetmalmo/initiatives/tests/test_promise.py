"""The promise of an answer within 21 days, measured honestly, on cases made by hand: the one
measure behind the desk, the office's figures, the export and the public figures."""

from datetime import date, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.initiatives.models import CaseEvent
from meetmalmo.initiatives.selectors import case_promise, promise, promise_by
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db
MALMO = ZoneInfo("Europe/Stockholm")
RECEIVED = datetime(2026, 10, 1, 9, 0, tzinfo=MALMO)
NOW = RECEIVED + timedelta(days=25)


def case(at=RECEIVED, state=State.IN_REVIEW, *, decided_after=None, withdrawn_after=None, **kw):
    initiative = InitiativeFactory(state=state, **kw)
    initiative.start_clock(at)
    if decided_after is not None:
        initiative.decided_at = at + decided_after
    initiative.save()
    if withdrawn_after is not None:
        with mock.patch("django.utils.timezone.now", return_value=at + withdrawn_after):
            CaseEvent.objects.create(
                initiative=initiative,
                kind=CaseEvent.Kind.TRANSITION,
                from_state=State.SUBMITTED,
                to_state=State.WITHDRAWN,
                transition="withdraw",
            )
    return initiative


def the_five_cases():
    return {
        "day 21": case(state=State.ADOPTED, decided_after=timedelta(days=21)),
        "day 22": case(state=State.DECLINED, decided_after=timedelta(days=22)),
        "undecided day 25": case(),
        "undecided day 10": case(NOW - timedelta(days=10)),
        "withdrawn day 5": case(state=State.WITHDRAWN, withdrawn_after=timedelta(days=5)),
    }


def test_kept_only_when_decided_within_21_days_and_missed_when_the_deadline_passed():
    cases = the_five_cases()
    result = promise(now=NOW)
    assert (result.kept, result.missed, result.pending) == (1, 2, 1)
    assert result.counted == 3
    assert result.share_kept == pytest.approx(1 / 3)
    assert result.percent_kept == 33
    assert (result.decided, result.median_days) == (2, 21.5)
    outcomes = {name: case_promise(found, now=NOW) for name, found in cases.items()}
    assert outcomes == {
        "day 21": "kept",
        "day 22": "missed",
        "undecided day 25": "missed",
        "undecided day 10": "pending",
        "withdrawn day 5": None,
    }


def test_exactly_21_days_is_kept_and_one_second_more_is_missed():
    on_time = case(state=State.ADOPTED, decided_after=timedelta(days=21))
    late = case(state=State.ADOPTED, decided_after=timedelta(days=21, seconds=1))
    assert case_promise(on_time, now=NOW) == "kept"
    assert case_promise(late, now=NOW) == "missed"


def test_an_undecided_case_is_missed_from_the_moment_its_deadline_passed():
    open_case = case()
    deadline = RECEIVED + timedelta(days=21)
    assert case_promise(open_case, now=deadline) == "pending"
    assert case_promise(open_case, now=deadline + timedelta(seconds=1)) == "missed"
    assert promise(now=deadline).missed == 0
    assert promise(now=deadline + timedelta(seconds=1)).missed == 1


def test_a_case_withdrawn_after_its_deadline_was_missed_all_the_same():
    case(state=State.WITHDRAWN, withdrawn_after=timedelta(days=23))
    assert (promise(now=NOW).missed, promise(now=NOW).kept) == (1, 0)


def test_a_missed_case_counts_where_its_deadline_fell_even_when_decided_later():
    # Received in late September: its deadline passed in the third quarter, the decision
    # came in the fourth.
    received = datetime(2026, 9, 20, 9, 0, tzinfo=MALMO)
    case(received, State.ADOPTED, decided_after=timedelta(days=30))
    with timezone.override(MALMO):
        third = promise(date(2026, 7, 1), date(2026, 9, 30), now=NOW)
        fourth = promise(date(2026, 10, 1), date(2026, 12, 31), now=NOW)
    assert (third.missed, third.decided) == (0, 0)
    assert (fourth.missed, fourth.decided, fourth.median_days) == (1, 1, 30.0)
    # The deadline (11 October) is in the fourth quarter; one received in August is not.
    early = datetime(2026, 8, 20, 9, 0, tzinfo=MALMO)
    case(early, State.ADOPTED, decided_after=timedelta(days=45))
    with timezone.override(MALMO):
        third = promise(date(2026, 7, 1), date(2026, 9, 30), now=NOW)
        fourth = promise(date(2026, 10, 1), date(2026, 12, 31), now=NOW)
    assert (third.missed, third.decided) == (1, 0)
    assert (fourth.missed, fourth.decided) == (1, 2)


def test_the_promise_per_part_adds_up_to_the_whole():
    the_five_cases()
    case(datetime(2026, 2, 1, 9, 0, tzinfo=MALMO), State.ADOPTED, decided_after=timedelta(days=3))
    parts = promise_by(lambda moment: f"{moment.year}-{moment.month:02}", now=NOW)
    assert parts["2026-02"].kept == 1
    whole = promise(now=NOW)
    assert sum(p.kept for p in parts.values()) == whole.kept == 2
    assert sum(p.missed for p in parts.values()) == whole.missed == 2
    assert sum(p.pending for p in parts.values()) == whole.pending == 1


def test_the_promise_of_one_process_manager_counts_only_their_cases():
    mine = ProcessManagerFactory()
    case(assigned_to=mine)
    case(state=State.ADOPTED, decided_after=timedelta(days=2))
    assert (promise(assigned_to=mine, now=NOW).missed, promise(assigned_to=mine).kept) == (1, 0)


def test_nothing_to_count_is_empty_not_an_error():
    result = promise()
    assert (result.kept, result.missed, result.counted) == (0, 0, 0)
    assert result.share_kept is result.percent_kept is result.median_days is None


def test_the_promise_is_one_query_however_many_cases(django_assert_num_queries):
    the_five_cases()
    with django_assert_num_queries(1):
        promise(now=NOW)
    the_five_cases()
    with django_assert_num_queries(1):
        promise(now=NOW)
