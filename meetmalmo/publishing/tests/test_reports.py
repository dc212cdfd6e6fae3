import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.groups.models import Membership
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.publishing.models import Outcome, Report
from meetmalmo.publishing.reports import outcome_totals, remind_missing_reports
from meetmalmo.publishing.services import project_open

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(process_manager):
    group = forming_group(process_manager, title="Sommarjobb på hotell")
    perform_transition(initiative=group.initiative, name="activate", actor=process_manager)
    perform_transition(initiative=group.initiative, name="complete", actor=process_manager)
    return group


def owner(group):
    return group.memberships.get(role="owner").user


def form(**changes):
    data = {
        "summary": "**Tusen** unga mötte hotellen.",
        "lessons": "Börja tidigt.",
        "links": "https://malmo.se/sommarjobb",
        "outcomes-TOTAL_FORMS": "3",
        "outcomes-INITIAL_FORMS": "0",
        "outcomes-MIN_NUM_FORMS": "0",
        "outcomes-MAX_NUM_FORMS": "30",
        "outcomes-0-label": "young people reached",
        "outcomes-0-number": "1000",
        "outcomes-0-unit": "people",
        "outcomes-1-label": "summer jobs",
        "outcomes-1-number": "38",
        "outcomes-1-unit": "jobs",
        "action": "submit",
    }
    data.update(changes)
    return data


def url(group, rest="new/"):
    return f"/en/groups/{group.pk}/reports/{rest}"


def test_the_owner_submits_and_a_process_manager_publishes(client, group, process_manager):
    client.force_login(owner(group))
    response = client.post(url(group), form())
    report = Report.objects.get()
    assert response.status_code == 302
    assert (report.kind, report.state, report.outcomes.count()) == ("final", "submitted", 2)
    assert client.post(url(group, f"{report.pk}/"), form(summary="Ändrad")).status_code == 400
    report.refresh_from_db()
    assert report.summary.startswith("**Tusen**")
    client.force_login(process_manager)
    client.post(url(group, f"{report.pk}/decide/"), {"action": "publish"})
    report.refresh_from_db()
    assert report.state == "published" and report.published_at
    project = project_open(group.initiative, None)
    project.published_at = timezone.now()
    project.save()
    page = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert "<strong>Tusen</strong>" in page and "young people reached" in page
    assert "1,000" in page or "1000" in page


def test_a_report_sent_back_carries_the_comment_and_can_be_changed(client, group, process_manager):
    client.force_login(owner(group))
    client.post(url(group), form())
    report = Report.objects.get()
    client.force_login(process_manager)
    refused = client.post(url(group, f"{report.pk}/decide/"), {"action": "return"}, follow=True)
    assert "Say what should change" in refused.content.decode()
    client.post(
        url(group, f"{report.pk}/decide/"), {"action": "return", "comment": "Lägg till siffror."}
    )
    report.refresh_from_db()
    assert (report.state, report.comment) == ("returned", "Lägg till siffror.")
    client.force_login(owner(group))
    page = client.get(url(group, f"{report.pk}/")).content.decode()
    assert "Lägg till siffror." in page
    client.post(
        url(group, f"{report.pk}/"),
        form(summary="Med siffror", **{"outcomes-TOTAL_FORMS": "0", "action": "submit"}),
    )
    report.refresh_from_db()
    assert (report.state, report.summary) == ("submitted", "Med siffror")


def test_outcomes_add_up_by_label_over_published_reports(group, process_manager):
    other = forming_group(process_manager)
    for initiative, number in ((group.initiative, 1000), (other.initiative, 250)):
        report = Report.objects.create(initiative=initiative, summary="x", state="published")
        Outcome.objects.create(
            report=report, label="Young people reached", number=number, unit="people"
        )
    draft = Report.objects.create(initiative=group.initiative, summary="x")
    Outcome.objects.create(report=draft, label="young people reached", number=5, unit="people")
    totals = outcome_totals()
    assert [(t["key"], t["unit_key"], t["total"], t["reports"]) for t in totals] == [
        ("young people reached", "people", Decimal("1250"), 2)
    ]


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"summary": ""}, "This field is required."),
        ({"links": "javascript:alert(1)"}, "is not an http or https address"),
        ({"outcomes-0-number": "-5"}, "cannot be negative"),
        ({"outcomes-0-number": "många"}, "Enter a number."),
        ({"outcomes-0-unit": ""}, "This field is required."),
        ({"outcomes-TOTAL_FORMS": "31"}, "Please submit at most 30 forms."),
    ],
)
def test_bad_reports_are_explained_and_nothing_is_saved(client, group, changes, message):
    client.force_login(owner(group))
    response = client.post(url(group), form(**changes))
    assert response.status_code == 400 and message in response.content.decode()
    assert not Report.objects.exists() and not Outcome.objects.exists()


def test_a_request_claiming_many_outcomes_is_refused_without_building_them(client, group):
    client.force_login(owner(group))
    response = client.post(url(group), form(**{"outcomes-TOTAL_FORMS": "100000"}))
    page = response.content.decode()
    assert response.status_code == 400 and "Please submit at most 30 forms." in page
    assert page.count('<fieldset class="outcome">') <= 30
    assert not Report.objects.exists()


def test_only_owner_process_support_and_staff_write(client, group, other_member, administrator):
    plain = UserFactory()
    Membership.objects.create(group=group, user=plain, role="member")
    for person, status in ((plain, 404), (other_member, 404), (administrator, 404)):
        client.force_login(person)
        assert client.get(url(group)).status_code == status
        assert client.post(url(group), form()).status_code == status
    client.logout()
    assert client.get(url(group)).status_code == 302
    assert not Report.objects.exists()


def test_members_cannot_publish(client, group):
    report = Report.objects.create(initiative=group.initiative, summary="x", state="submitted")
    client.force_login(owner(group))
    assert client.post(url(group, f"{report.pk}/decide/"), {"action": "publish"}).status_code == 403
    report.refresh_from_db()
    assert report.state == "submitted"


def test_no_report_before_the_work_runs(client, process_manager):
    forming = forming_group(process_manager)
    client.force_login(process_manager)
    response = client.post(url(forming), form())
    assert "when the work runs or is completed" in response.content.decode()
    assert not Report.objects.exists()


def test_the_owner_is_reminded_once_when_a_completed_case_has_no_report(group, mailoutbox):
    def run():
        call_command("send_reminders", stdout=io.StringIO())

    mailoutbox.clear()
    run()
    assert not [
        m for m in mailoutbox if "report" in m.subject.lower() or "rapport" in m.subject.lower()
    ]
    later = timezone.now() + timedelta(days=31)
    assert remind_missing_reports(later) == 1
    assert remind_missing_reports(later) == 0
    due = [m for m in mailoutbox if "Sommarjobb på hotell" in m.subject]
    assert len(due) == 1 and due[0].to == [owner(group).email]
    assert f"/groups/{group.pk}/" in due[0].body
