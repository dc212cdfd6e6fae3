"""The maintained figures say what a full recount says after every kind of change, and the
pages read them instead of counting."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from meetmalmo.accounts.services import account_delete
from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.core.models import Sphere
from meetmalmo.figures import maintained, selectors, summary
from meetmalmo.figures.models import Snapshot
from meetmalmo.groups.models import Membership
from meetmalmo.groups.selectors import groups_per_process_manager
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.models import Initiative
from meetmalmo.initiatives.selectors import (
    open_cases_per_process_manager,
    process_managers,
    promise,
)
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Outcome, Report
from meetmalmo.publishing.reports import report_decide, reports_waiting_per_process_manager
from meetmalmo.publishing.services import project_open
from meetmalmo.publishing.tests.test_projects import publish

pytestmark = pytest.mark.django_db


def assert_agree_with_recount():
    assert maintained.public_figures() == selectors.public_figures()
    assert maintained.public_promise() == selectors.public_promise()
    for language in maintained.LANGUAGES:
        with translation.override(language):
            assert maintained.office_tables() == selectors.tables(selectors.Period())
            assert maintained.summary_sections() == summary.sections(
                summary.period_summary(selectors.Period())
            )
    # The desk's promise of this year, the office's and each process manager's.
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    assert maintained.desk_promise() == promise(start, today)
    for person in process_managers():
        assert maintained.desk_promise(person) == promise(start, today, assigned_to=person)
    assert maintained.workload() == {
        "cases": open_cases_per_process_manager(),
        "groups": groups_per_process_manager(),
        "reports": reports_waiting_per_process_manager(),
    }


def kept(name: str):
    """A public headline figure as the snapshot holds it."""
    return Snapshot.objects.get(key="public").data["figures"][name]


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Runs a change as a request does: committed, then the recount it queued."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


def test_submit_decide_and_withdraw_are_counted(after_commit, process_manager):
    case = InitiativeFactory(state=State.DRAFT, submitted_at=None)
    other = InitiativeFactory(state=State.DRAFT, submitted_at=None)
    after_commit(lambda: None)
    maintained.recount()
    assert kept("initiatives_brought_in") == 0

    after_commit(lambda: perform_transition(initiative=case, name="submit", actor=case.submitter))
    assert kept("initiatives_brought_in") == 1
    assert_agree_with_recount()

    def decide():
        perform_transition(initiative=case, name="take", actor=process_manager)
        perform_transition(initiative=case, name="adopt", actor=process_manager)

    after_commit(decide)
    assert kept("initiatives_brought_to_life") == 1
    assert maintained.public_promise().kept == 1
    assert_agree_with_recount()

    def withdraw():
        perform_transition(initiative=other, name="submit", actor=other.submitter)
        perform_transition(initiative=other, name="withdraw", actor=other.submitter)

    after_commit(withdraw)
    assert kept("initiatives_brought_in") == 2
    with translation.override("en"):
        states = dict(maintained.office_tables()[0].rows)
    assert states["Withdrawn"] == 1
    assert_agree_with_recount()


def test_a_published_report_adds_its_outcomes(after_commit, process_manager):
    group = forming_group()
    group.initiative.state = State.ACTIVE
    group.initiative.save()
    report = Report.objects.create(
        initiative=group.initiative, summary="Klart", state=Report.State.SUBMITTED
    )
    Outcome.objects.create(report=report, label="Sommarjobb", number="12.50", unit="jobb")
    after_commit(lambda: None)
    maintained.recount()
    assert kept("outcomes") == []

    after_commit(lambda: report_decide(report=report, actor=process_manager, publish=True))
    # The public figures count a report's outcomes once its project page is public.
    assert maintained.public_figures()["outcomes"] == []
    project = project_open(group.initiative, None)
    after_commit(lambda: publish(project))
    [outcome] = maintained.public_figures()["outcomes"]
    assert (outcome["label"], outcome["total"], outcome["reports"]) == (
        "Sommarjobb",
        Decimal("12.5"),
        1,
    )
    assert_agree_with_recount()


def test_a_deleted_account_takes_its_organisation_out(after_commit):
    group = forming_group()
    group.initiative.state = State.ACTIVE
    group.initiative.save()
    academia = OrganisationFactory(name="Malmö universitet", sphere=Sphere.ACADEMIA)
    leaving = UserFactory(organisation=academia)
    Membership.objects.create(group=group, user=leaving)
    maintained.recount()
    before = kept("organisations_involved")
    assert Sphere.ACADEMIA in kept("spheres_involved")

    after_commit(lambda: account_delete(user=leaving))
    assert kept("organisations_involved") == before - 1
    assert Sphere.ACADEMIA not in kept("spheres_involved")
    assert_agree_with_recount()


def test_the_demo_and_its_scale_leave_them_right():
    call_command("seed_demo", scale=30, stdout=io.StringIO())
    assert_agree_with_recount()
    assert kept("initiatives_brought_in") == Initiative.objects.exclude(submitted_at=None).count()


def test_what_time_alone_changes_is_recounted_each_hour(client):
    InitiativeFactory(state=State.SUBMITTED, submitted_at=timezone.now() - timedelta(days=30))
    maintained.recount()
    # Written without signals, as a bulk load does: the snapshot still says what it counted.
    Initiative.objects.update(submitted_at=None)
    assert kept("initiatives_brought_in") == 1
    maintained.hourly(timezone.now())
    assert kept("initiatives_brought_in") == 0
    assert_agree_with_recount()


def test_a_burst_of_changes_queues_one_recount(django_capture_on_commit_callbacks, monkeypatch):
    """As with the task queue's worker, which takes a moment to pick the recount up."""
    queued = []

    class Queue:
        def enqueue(self):
            queued.append(1)

    monkeypatch.setattr(maintained, "recount_task", Queue())
    with django_capture_on_commit_callbacks(execute=True):
        InitiativeFactory.create_batch(3)
    with django_capture_on_commit_callbacks(execute=True):
        InitiativeFactory()
    assert queued == [1]


def test_the_pages_read_the_snapshot(client, process_manager):
    InitiativeFactory(state=State.SUBMITTED, submitted_at=timezone.now())
    maintained.recount()
    Snapshot.objects.filter(key="public").update(
        data={
            **Snapshot.objects.get(key="public").data,
            "figures": {**kept_all(), "initiatives_brought_in": 4242},
        }
    )
    assert "4242" in client.get(reverse("figures:public")).content.decode().replace("\xa0", "")
    assert "4242" in client.get(reverse("site:home")).content.decode().replace("\xa0", "")


def kept_all() -> dict:
    return Snapshot.objects.get(key="public").data["figures"]


def test_an_initiative_brought_in_at_a_meeting_is_counted_by_its_kind(after_commit):
    from meetmalmo.events.models import EventInitiative, Kind
    from meetmalmo.events.tests.factories import EventFactory

    breakfast = EventFactory(kind=Kind.BREAKFAST)
    case = InitiativeFactory(state=State.SUBMITTED, submitted_at=timezone.now())
    after_commit(lambda: None)
    maintained.recount()

    after_commit(lambda: EventInitiative.objects.create(event=breakfast, initiative=case))
    with translation.override("en"):
        [table] = [t for t in maintained.office_tables() if t.key == "meeting-kinds"]
    assert dict(table.rows)["Breakfast meeting"] == 1
    assert_agree_with_recount()


def test_the_desk_reads_its_promise_and_workload_from_the_snapshot(client, process_manager):
    now = timezone.now()
    InitiativeFactory(
        state=State.IN_REVIEW,
        assigned_to=process_manager,
        submitted_at=now - timedelta(days=21, hours=1),
        decision_due=now - timedelta(hours=1),
    )
    maintained.recount()
    data = Snapshot.objects.get(key="desk").data
    people = data["people"]
    people[str(process_manager.pk)] = {**people[str(process_manager.pk)], "missed": 4242}
    data["workload"]["cases"][str(process_manager.pk)] = 4343
    Snapshot.objects.filter(key="desk").update(data=data)
    client.force_login(process_manager)
    desk = client.get("/en/staff/").content.decode()
    assert "missed for 4242" in desk
    assert "4343" in desk


def test_the_desk_counts_what_the_snapshot_cannot_know_yet(process_manager):
    """A new year before the hourly recount, and someone made a process manager since. (A
    deadline an hour ago falls in this year on every day but the first hour of January 1.)"""
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    maintained.recount()
    newcomer = UserFactory(is_process_manager=True)
    InitiativeFactory(
        state=State.IN_REVIEW,
        assigned_to=newcomer,
        submitted_at=timezone.now() - timedelta(days=21, hours=1),
        decision_due=timezone.now() - timedelta(hours=1),
    )
    assert maintained.desk_promise(newcomer) == promise(start, today, assigned_to=newcomer)
    assert maintained.desk_promise(newcomer).missed == 1
    data = Snapshot.objects.get(key="desk").data
    Snapshot.objects.filter(key="desk").update(data={**data, "year": today.year - 1})
    assert maintained.desk_promise() == promise(start, today)
    assert maintained.desk_promise().missed == 1
