"""The process manager's desk: each list holds what it says and nothing just outside it, for
the person signed in or the whole office, and every row leads to where the work is done."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import (
    OrganisationFactory,
    ProcessManagerFactory,
    UserFactory,
)
from meetmalmo.core.models import Sphere
from meetmalmo.groups.models import Handover, Invitation, Membership, Milestone
from meetmalmo.groups.services import invite
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.services import (
    answer_request,
    mark_read,
    perform_transition,
    request_information,
)
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Report
from meetmalmo.site.desk import desk, workload

pytestmark = pytest.mark.django_db

# A Wednesday morning in Malmö: this week runs to Sunday 6 December, next week to the 13th.
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def at(day: int, hour: int = 12) -> datetime:
    return datetime(2026, 12, day, hour, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


def case(title, *, due=None, assigned_to=None, submitted=None):
    """An open case in review whose decision is due at `due`."""
    initiative = InitiativeFactory(title=title, state=State.IN_REVIEW, assigned_to=assigned_to)
    initiative.start_clock(submitted or (due or NOW) - timedelta(days=21))
    if due:
        initiative.decision_due = due
    initiative.save()
    return initiative


def titles(listed) -> list[str]:
    return [getattr(row, "title", None) or str(row) for row in listed.rows]


def test_the_promise_sorts_my_cases_by_their_deadline(process_manager):
    case("Förfallen i går", due=at(1), assigned_to=process_manager)
    case("Senare i dag", due=at(2, 18), assigned_to=process_manager)
    case("På söndag kväll", due=at(6, 23), assigned_to=process_manager)
    case(
        "På måndag natt",
        due=NOW + timedelta(days=4, hours=14, minutes=30),
        assigned_to=process_manager,
    )
    case("Om åtta dagar", due=NOW + timedelta(days=8), assigned_to=process_manager)
    case("Om tre veckor", due=at(23), assigned_to=process_manager)

    lists = desk(process_manager, office=False, now=NOW)

    assert titles(lists["overdue"]) == ["Förfallen i går"]
    assert lists["overdue"].rows[0].clock.days_overdue == 1
    assert titles(lists["due_this_week"]) == ["Senare i dag", "På söndag kväll"]
    assert titles(lists["due_next_week"]) == ["På måndag natt", "Om åtta dagar"]
    assert lists["due_this_week"].count == 2 and lists["due_next_week"].count == 2


def test_mine_is_mine_and_the_office_is_everyone(process_manager):
    colleague = ProcessManagerFactory()
    case("Min", due=at(3), assigned_to=process_manager)
    case("Kollegans", due=at(4), assigned_to=colleague)
    case("Ingens", due=at(5))

    assert titles(desk(process_manager, office=False, now=NOW)["due_this_week"]) == ["Min"]
    office = desk(process_manager, office=True, now=NOW)["due_this_week"]
    assert titles(office) == ["Min", "Kollegans", "Ingens"]


def test_a_case_nobody_took_for_more_than_two_days_is_flagged(process_manager):
    case("Väntat 49 timmar", submitted=NOW - timedelta(hours=49))
    case("Väntat 47 timmar", submitted=NOW - timedelta(hours=47))
    case("Tagen", submitted=NOW - timedelta(days=5), assigned_to=process_manager)
    declined = case("Avslagen", submitted=NOW - timedelta(days=5))
    declined.state = State.DECLINED
    declined.save()

    for office in (False, True):  # nobody's, so on everybody's desk
        assert titles(desk(process_manager, office=office, now=NOW)["unassigned"]) == [
            "Väntat 49 timmar"
        ]


def test_questions_wait_for_the_answer_and_answers_wait_to_be_read(process_manager):
    colleague = ProcessManagerFactory()
    asked = case("Frågad", due=at(10), assigned_to=process_manager)
    request_information(initiative=asked, actor=process_manager, text="Vilka hotell?")
    answered = case("Besvarad", due=at(10), assigned_to=process_manager)
    request_information(initiative=answered, actor=process_manager, text="Vilka hotell?")
    answer_request(initiative=answered, actor=answered.submitter, text="Tre hotell.")
    asked_again = case("Frågad igen", due=at(10), assigned_to=process_manager)
    request_information(initiative=asked_again, actor=process_manager, text="Vilka?")
    answer_request(initiative=asked_again, actor=asked_again.submitter, text="Två.")
    request_information(initiative=asked_again, actor=process_manager, text="Vilka två?")
    mark_read(initiative=asked_again, user=process_manager)
    case("Aldrig frågad", due=at(10), assigned_to=process_manager)

    lists = desk(process_manager, office=False, now=NOW)
    assert titles(lists["waiting"]) == ["Frågad", "Frågad igen"]
    assert titles(lists["unread"]) == ["Besvarad"]

    # A colleague opening it reads it for the office, not for the one who holds it.
    mark_read(initiative=answered, user=colleague)
    assert titles(desk(process_manager, office=True, now=NOW)["unread"]) == []
    assert titles(desk(process_manager, office=False, now=NOW)["unread"]) == ["Besvarad"]
    mark_read(initiative=answered, user=process_manager)
    assert titles(desk(process_manager, office=False, now=NOW)["unread"]) == []


def test_opening_the_case_page_reads_the_answer(client, process_manager):
    answered = case("Besvarad", due=timezone.now() + timedelta(days=3), assigned_to=process_manager)
    request_information(initiative=answered, actor=process_manager, text="Vilka hotell?")
    answer_request(initiative=answered, actor=answered.submitter, text="Tre hotell.")
    client.force_login(process_manager)
    unread = client.get("/en/staff/").content.decode()
    assert re.search(r'id="desk-unread">Answered, not yet read <span class="badge">1<', unread)
    assert client.get(f"/en/staff/cases/{answered.pk}/").status_code == 200
    read = client.get("/en/staff/").content.decode()
    assert re.search(r'id="desk-unread">Answered, not yet read <span class="badge">0<', read)
    assert "Every answer has been read." in read


def _sphere_org(sphere):
    return OrganisationFactory(sphere=sphere)


def test_what_follows_the_decision_for_the_groups_i_support(process_manager):
    colleague = ProcessManagerFactory()
    forming = forming_group(process_manager, title="Grupp som bildas")
    Membership.objects.create(
        group=forming, user=UserFactory(organisation=_sphere_org(Sphere.ACADEMIA))
    )
    soon = invite(group=forming, invitee=UserFactory(name="Snart Utgången"), actor=process_manager)
    later = invite(group=forming, invitee=UserFactory(name="Gott Om Tid"), actor=process_manager)
    gone = invite(group=forming, invitee=UserFactory(name="Redan Utgången"), actor=process_manager)
    Invitation.objects.filter(pk=soon.pk).update(expires_at=NOW + timedelta(days=2, hours=23))
    Invitation.objects.filter(pk=later.pk).update(expires_at=NOW + timedelta(days=3, hours=1))
    Invitation.objects.filter(pk=gone.pk).update(expires_at=NOW - timedelta(hours=1))
    forming_group(colleague, title="Kollegans grupp")

    active = forming_group(process_manager, title="Aktiv grupp")
    perform_transition(initiative=active.initiative, name="activate", actor=process_manager)
    today = NOW.date()
    for title, due, done in [
        ("Försenad", today - timedelta(days=3), False),
        ("Om en vecka", today + timedelta(days=7), False),
        ("Om åtta dagar", today + timedelta(days=8), False),
        ("Klar och försenad", today - timedelta(days=9), True),
    ]:
        Milestone.objects.create(group=active, title=title, due=due, done=done)
    owner = UserFactory(name="Nya Ägaren")
    Handover.objects.create(
        group=active,
        organisation=owner.organisation,
        person=owner,
        date=today,
        recorded_by=process_manager,
    )
    Handover.objects.create(
        group=forming,
        organisation=owner.organisation,
        person=owner,
        date=today,
        recorded_by=process_manager,
        accepted_at=NOW,
    )
    Report.objects.create(
        initiative=active.initiative,
        summary="Vi gjorde det",
        state=Report.State.SUBMITTED,
        submitted_at=NOW,
    )
    Report.objects.create(initiative=active.initiative, summary="Utkast")

    lists = desk(process_manager, office=False, now=NOW)

    assert [g.initiative.title for g in lists["groups_forming"].rows] == ["Grupp som bildas"]
    group = lists["groups_forming"].rows[0]
    assert group.open_invitations == 2  # the expired one is not open
    assert group.sphere_count == 2  # business (the submitter, the staff member) and academia
    assert [i.invitee.name for i in lists["groups_invitations"].rows] == ["Snart Utgången"]
    assert [h.group.initiative.title for h in lists["groups_handovers"].rows] == ["Aktiv grupp"]
    milestones = lists["groups_milestones"].rows
    assert [m.title for m in milestones] == ["Försenad", "Om en vecka"]
    assert [m.days_overdue for m in milestones] == [3, 0]
    assert [r.summary for r in lists["reports_waiting"].rows] == ["Vi gjorde det"]

    office = desk(process_manager, office=True, now=NOW)
    assert {g.initiative.title for g in office["groups_forming"].rows} == {
        "Grupp som bildas",
        "Kollegans grupp",
    }


def test_a_completed_case_without_a_report_after_30_days(process_manager):
    def completed(title):
        group = forming_group(process_manager, title=title)
        perform_transition(initiative=group.initiative, name="activate", actor=process_manager)
        perform_transition(initiative=group.initiative, name="complete", actor=process_manager)
        return group.initiative

    completed("Utan rapport")
    reported = completed("Med rapport")
    Report.objects.create(
        initiative=reported,
        summary="Klart",
        state=Report.State.SUBMITTED,
        submitted_at=timezone.now(),
    )
    returned = completed("Rapport tillbakaskickad")
    Report.objects.create(initiative=returned, summary="Mer", state=Report.State.RETURNED)

    after_31_days = timezone.now() + timedelta(days=31)
    missing = desk(process_manager, office=False, now=after_31_days)["reports_missing"]
    assert titles(missing) == ["Utan rapport", "Rapport tillbakaskickad"]
    after_29_days = timezone.now() + timedelta(days=29)
    assert desk(process_manager, office=True, now=after_29_days)["reports_missing"].count == 0
    assert (
        desk(ProcessManagerFactory(), office=False, now=after_31_days)["reports_missing"].count == 0
    )


def test_a_long_list_shows_its_most_urgent_rows_and_its_full_count(client, process_manager):
    for i in range(12):
        case(
            f"Förfallen {i:02}",
            due=timezone.now() - timedelta(days=20 - i),
            assigned_to=process_manager,
        )
    client.force_login(process_manager)
    content = client.get("/en/staff/").content.decode()
    assert re.search(r'id="desk-overdue">Overdue <span class="badge">12<', content)
    assert "The 10 most urgent of 12." in content
    assert "Förfallen 09" in content and "Förfallen 10" not in content
    assert "20 days overdue" in content
    assert 'href="/en/staff/?tab=mine&amp;overdue=on"' in content


def test_workload_counts_cases_groups_and_reports_per_process_manager(process_manager):
    colleague = ProcessManagerFactory(name="Kalle Kollega")
    case("Ett", due=at(3), assigned_to=process_manager)
    case("Två", due=at(4), assigned_to=process_manager)
    case("Tre", due=at(4), assigned_to=colleague)
    group = forming_group(colleague)
    Report.objects.create(
        initiative=group.initiative, summary="Klart", state=Report.State.SUBMITTED, submitted_at=NOW
    )

    loads = {load.person: load for load in workload()}
    assert (loads[process_manager].cases, loads[process_manager].groups) == (2, 0)
    assert (loads[colleague].cases, loads[colleague].groups, loads[colleague].reports) == (
        1,
        1,
        1,
    )


def test_every_row_leads_to_a_page_the_process_manager_can_open(client, process_manager):
    """A desk with something in every list: each of its links opens."""
    now = timezone.now()
    case("Förfallen", due=now - timedelta(days=2), assigned_to=process_manager)
    case("Denna vecka", due=now + timedelta(minutes=5), assigned_to=process_manager)
    today = timezone.localdate(now)
    next_monday = datetime.combine(today + timedelta(days=7 - today.weekday()), datetime.min.time())
    case(
        "Nästa vecka",
        due=timezone.make_aware(next_monday) + timedelta(hours=12),
        assigned_to=process_manager,
    )
    case("Otagen", submitted=now - timedelta(days=3))
    group = forming_group(process_manager, title="Grupp")
    invitation = invite(group=group, invitee=UserFactory(), actor=process_manager)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=now + timedelta(days=1))
    active = forming_group(process_manager, title="Aktiv")
    perform_transition(initiative=active.initiative, name="activate", actor=process_manager)
    Milestone.objects.create(group=active, title="Möte", due=now.date())
    Handover.objects.create(
        group=active,
        organisation=process_manager.organisation,
        person=process_manager,
        date=now.date(),
    )
    Report.objects.create(
        initiative=active.initiative,
        summary="Klart",
        state=Report.State.SUBMITTED,
        submitted_at=now,
    )
    client.force_login(process_manager)

    content = client.get("/sv/staff/?for=office").content.decode()
    main = content[content.index("<h1>") : content.index("</main>")]
    links = set(re.findall(r'href="(/sv/[^"]+)"', main))
    assert any("/groups/" in link for link in links)
    assert any("/reports/" in link for link in links)
    assert any("/staff/cases/" in link for link in links)
    assert any("/staff/reassign/" in link for link in links)
    for link in links:
        assert client.get(link.replace("&amp;", "&")).status_code == 200, link


def test_an_empty_desk_says_so_in_words(client, process_manager):
    client.force_login(process_manager)
    content = client.get("/sv/staff/").content.decode()
    assert content.count("<h1>") == 1
    assert "Inget är försenat." in content
    assert "Ingen rapport väntar på granskning." in content


def test_the_desk_switches_between_mine_and_the_office(client, process_manager):
    colleague = ProcessManagerFactory()
    case("Kollegans ärende", due=timezone.now() + timedelta(minutes=30), assigned_to=colleague)
    client.force_login(process_manager)
    mine = client.get("/en/staff/").content.decode()
    assert "Kollegans ärende" not in mine
    assert '<a href="?for=me" aria-current="page">My work</a>' in mine
    office = client.get("/en/staff/", {"for": "office"}).content.decode()
    assert "Kollegans ärende" in office
    assert '<a href="?for=office" aria-current="page">The whole office</a>' in office


def test_the_queue_still_answers_at_its_tabs(client, process_manager):
    case("Ny och otagen", submitted=timezone.now())
    client.force_login(process_manager)
    assert "Ny och otagen" in client.get("/en/staff/", {"tab": "new"}).content.decode()
    assert "Ny och otagen" in client.get("/en/staff/queue/").content.decode()
    assert "Initiatives: the queue" not in client.get("/en/staff/").content.decode()


@pytest.mark.parametrize("who, status", [(None, 302), ("member", 403), ("process_manager", 200)])
def test_only_process_managers_have_a_desk(client, member, process_manager, who, status):
    if who:
        client.force_login({"member": member, "process_manager": process_manager}[who])
    for query in ({}, {"for": "office"}):
        response = client.get("/sv/staff/", query)
        assert response.status_code == status
        if who is None:
            assert response["Location"].startswith("/sv/accounts/login/")


def test_the_desk_shows_the_promise_as_the_figures_measure_it(client, process_manager):
    from meetmalmo.initiatives.selectors import promise

    now = timezone.now()
    # Deadlines an hour ago and decisions a minute ago fall in this year on every day but the
    # first hour of January 1.
    late = now - timedelta(days=21, hours=1)
    kept = case("Beslutat i tid", assigned_to=process_manager, submitted=now - timedelta(days=2))
    kept.state, kept.decided_at = State.ADOPTED, now - timedelta(minutes=1)
    kept.save()
    case("Försenat", assigned_to=process_manager, submitted=late)
    case("Ännu inte dags", assigned_to=process_manager, submitted=now - timedelta(days=5))
    case("Kollegans", assigned_to=ProcessManagerFactory(), submitted=late)
    client.force_login(process_manager)
    mine = client.get("/en/staff/").content.decode()
    today = timezone.localdate()
    measured = promise(today.replace(month=1, day=1), today, assigned_to=process_manager)
    assert (measured.kept, measured.missed) == (1, 1)  # the case not yet due counts neither way
    assert "This year so far: kept for 1 of 2 cases (50 %), missed for 1." in mine
    office = client.get("/sv/staff/", {"for": "office"}).content.decode()
    assert "I år hittills: hållet för 1 av 3 ärenden (33 %), missat för 2." in office
