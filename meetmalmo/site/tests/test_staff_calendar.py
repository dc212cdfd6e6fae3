"""The staff calendar: a private address per process manager, made and revoked on a page,
serving their cases' deadlines and their groups' milestones to Outlook."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from meetmalmo.accounts.services import remove_process_manager
from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.groups.models import Membership, Milestone, Role
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db


def assigned_case(manager, title, days_left=10, state=State.IN_REVIEW):
    case = InitiativeFactory(title=title, state=state, assigned_to=manager)
    case.start_clock(timezone.now() - timedelta(days=21 - days_left))
    case.save()
    return case


def make_address(client, manager) -> str:
    client.force_login(manager)
    response = client.post("/en/staff/calendar/", {"action": "create"})
    assert response.status_code == 200
    found = re.search(r'id="calendar-address" value="([^"]+)"', response.content.decode())
    assert found, "the new address is shown"
    return found.group(1)


def fetch(address):
    """The feed as a calendar client fetches it: no cookies, no session."""
    return Client().get(address.removeprefix(settings.SITE_URL))


def events(address) -> dict[str, dict]:
    response = fetch(address)
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    return {
        str(event["summary"]): {
            "uid": str(event["uid"]),
            "day": event.decoded("dtstart"),
            "url": str(event["url"]),
        }
        for event in calendar.walk("VEVENT")
    }


@pytest.fixture
def manager():
    return ProcessManagerFactory(name="Petra Processledare", language="en")


def test_the_feed_holds_my_cases_deadlines_and_my_groups_milestones(client, manager):
    mine = assigned_case(manager, "Kafé och bageri", days_left=5)
    assigned_case(manager, "Redan beslutad", state=State.DECLINED)
    assigned_case(ProcessManagerFactory(), "Kollegans ärende")
    group = forming_group(manager, title="Sommarjobb på hotell")
    due = timezone.localdate() + timedelta(days=12)
    milestone = Milestone.objects.create(group=group, title="Första träffen", due=due)
    Milestone.objects.create(group=group, title="Redan klar", due=due, done=True)
    elsewhere = forming_group(ProcessManagerFactory(), title="Någon annans grupp")
    Milestone.objects.create(group=elsewhere, title="Inte min", due=due)

    address = make_address(client, manager)
    assert address.startswith(f"{settings.SITE_URL}/calendar/")
    found = events(address)
    assert set(found) == {
        "Decision due: Kafé och bageri",
        "Milestone: Första träffen (Sommarjobb på hotell)",
    }
    deadline = found["Decision due: Kafé och bageri"]
    assert deadline["day"] == timezone.localdate(mine.decision_due)
    assert deadline["url"] == f"{settings.SITE_URL}/en/staff/cases/{mine.pk}/"
    assert client.get(deadline["url"].removeprefix(settings.SITE_URL)).status_code == 200
    step = found["Milestone: Första träffen (Sommarjobb på hotell)"]
    assert step["day"] == due and step["uid"].startswith(f"milestone-{milestone.pk}@")
    assert step["url"] == f"{settings.SITE_URL}/en/groups/{group.pk}/"
    assert events(address) == found  # the same UIDs each time, so events move, not multiply


def test_the_feed_is_private_all_day_and_in_the_persons_language(client, manager):
    manager.language = "sv"
    manager.save(update_fields=["language"])
    assigned_case(manager, "Hotell i hamnen")
    response = fetch(make_address(client, manager))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    body = response.content.decode()
    assert "SUMMARY:Beslut senast: Hotell i hamnen" in body
    assert re.search(r"DTSTART;VALUE=DATE:\d{8}", body)
    assert "/sv/staff/cases/" in body


def test_a_new_address_or_a_revoked_one_stops_the_old(client, manager):
    assigned_case(manager, "Kafé och bageri")
    first = make_address(client, manager)
    second = make_address(client, manager)
    assert fetch(first).status_code == 404
    assert fetch(second).status_code == 200
    page = client.get("/en/staff/calendar/").content.decode()
    assert "Your calendar address was made on" in page and second not in page
    response = client.post("/en/staff/calendar/", {"action": "revoke"}, follow=True)
    assert "The calendar address is revoked" in response.content.decode()
    assert "You have no calendar address." in response.content.decode()
    assert fetch(second).status_code == 404


def test_a_wrong_token_finds_nothing_and_each_token_gives_only_its_owners_items(client, manager):
    colleague = ProcessManagerFactory(language="en")
    assigned_case(manager, "Mitt ärende")
    assigned_case(colleague, "Kollegans ärende")
    mine = make_address(client, manager)
    theirs = make_address(client, colleague)
    assert set(events(mine)) == {"Decision due: Mitt ärende"}
    assert set(events(theirs)) == {"Decision due: Kollegans ärende"}
    token = mine.rsplit("/", 1)[1].removesuffix(".ics")
    for wrong in [token[:-1] + ("A" if token[-1] != "A" else "B"), "x", "a" * 100]:
        assert Client().get(f"/calendar/{wrong}.ics").status_code == 404
    assert Client().get(f"/calendar/{'a' * 101}.ics").status_code == 404
    assert Client().post(mine.removeprefix(settings.SITE_URL)).status_code == 405


def test_someone_no_longer_a_process_manager_has_no_feed(client, manager):
    address = make_address(client, manager)
    remove_process_manager(user=manager)
    assert fetch(address).status_code == 404


def test_an_unknown_action_changes_nothing_and_says_so(client, manager):
    client.force_login(manager)
    response = client.post("/en/staff/calendar/", {"action": "steal"})
    assert response.status_code == 400
    assert "Choose to create or to revoke the address." in response.content.decode()
    assert "You have no calendar address." in response.content.decode()


def test_the_feed_and_the_page_cost_the_same_queries_however_much_work(client, manager):
    address = make_address(client, manager)
    group = forming_group(manager, title="Gruppen")

    def count(path):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    feed_path = address.removeprefix(settings.SITE_URL)
    before = count(feed_path), count("/en/staff/calendar/")
    for n in range(8):
        assigned_case(manager, f"Ärende {n}")
        other = forming_group(manager, title=f"Grupp {n}")
        Milestone.objects.create(group=other, title=f"Steg {n}", due=timezone.localdate())
    Membership.objects.filter(group=group, user=manager).update(role=Role.PROCESS_SUPPORT)
    assert len(events(address)) == 16
    assert (count(feed_path), count("/en/staff/calendar/")) == before


def test_a_process_managers_own_page_leads_to_the_calendar_page(client, manager, member):
    client.force_login(manager)
    assert 'href="/en/staff/calendar/"' in client.get("/en/my/").content.decode()
    client.force_login(member)
    assert "/staff/calendar/" not in client.get("/en/my/").content.decode()
