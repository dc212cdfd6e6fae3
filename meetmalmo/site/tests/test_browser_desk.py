"""The desk in a real browser: axe-clean on a phone and a big screen in both languages, with
no sideways scrolling; switched to the whole office by keyboard; a colleague's cases handed
over from its workload table."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory
from meetmalmo.browser_testing import assert_accessible, sign_in, submit_with_enter, tab_to
from meetmalmo.groups.models import Handover, Invitation, Milestone
from meetmalmo.groups.services import invite
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.models import CaseEvent, Initiative
from meetmalmo.initiatives.services import answer_request, perform_transition, request_information
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Report

LONG = "Ett mycket långt initiativnamn om kompetensförsörjning i besöksnäringen" * 2


def open_case(title, *, days_left, assigned_to=None, submitted_days_ago=None):
    case = InitiativeFactory(title=title, state=State.IN_REVIEW, assigned_to=assigned_to)
    now = timezone.now()
    case.start_clock(now - timedelta(days=submitted_days_ago or 21 - days_left))
    case.decision_due = now + timedelta(days=days_left)
    case.save()
    return case


@pytest.fixture
def colleague(db):
    return ProcessManagerFactory(name="Kalle Kollega")


@pytest.fixture
def busy_desk(process_manager, colleague):
    """Something in every list, some of it the colleague's, one title very long."""
    open_case(LONG, days_left=-4, assigned_to=process_manager)
    open_case("Denna vecka", days_left=0, assigned_to=process_manager)
    open_case("Nästa vecka", days_left=8, assigned_to=colleague)
    open_case("Otagen", days_left=18, submitted_days_ago=3)
    asked = open_case("Frågad", days_left=10, assigned_to=process_manager)
    request_information(initiative=asked, actor=process_manager, text="Vilka hotell?")
    answered = open_case("Besvarad", days_left=10, assigned_to=process_manager)
    request_information(initiative=answered, actor=process_manager, text="Vilka hotell?")
    answer_request(initiative=answered, actor=answered.submitter, text="Tre.")
    group = forming_group(process_manager, title="Grupp som bildas")
    invitation = invite(group=group, invitee=UserFactory(), actor=process_manager)
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() + timedelta(days=1)
    )
    active = forming_group(process_manager, title="Aktiv grupp")
    perform_transition(initiative=active.initiative, name="activate", actor=process_manager)
    Milestone.objects.create(
        group=active, title="Första mötet", due=timezone.localdate() - timedelta(days=2)
    )
    owner = UserFactory(name="Nya Ägaren")
    Handover.objects.create(
        group=active, organisation=owner.organisation, person=owner, date=timezone.localdate()
    )
    Report.objects.create(
        initiative=active.initiative,
        summary="Klart",
        state=Report.State.SUBMITTED,
        submitted_at=timezone.now(),
    )


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("scope", ["", "?for=office"])
def test_the_desk_is_accessible_on_a_phone_and_a_big_screen(
    page, process_manager, busy_desk, lang, width, scope
):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, process_manager)
    assert page.goto(f"/{lang}/staff/{scope}").ok
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("h1").count() == 1
    assert page.locator("main h2").count() == 3
    assert page.locator(".desk-list").count() == 12
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_the_handover_page_is_accessible(page, process_manager, colleague, lang, width):
    open_case(LONG, days_left=3, assigned_to=colleague)
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, process_manager)
    assert page.goto(f"/{lang}/staff/reassign/{colleague.pk}/").ok
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)


def test_the_whole_office_is_one_key_press_away(page, process_manager, colleague):
    open_case("Kollegans ärende", days_left=2, assigned_to=colleague)
    sign_in(page, process_manager)
    page.goto("/en/staff/")
    assert "Kollegans ärende" not in page.inner_text("main")
    tab_to(page, "a[href='?for=office']")
    submit_with_enter(page)
    assert "Kollegans ärende" in page.inner_text("main")
    assert page.get_attribute("a[href='?for=office']", "aria-current") == "page"


def test_a_colleagues_cases_are_handed_over_from_the_workload_table(
    page, process_manager, colleague
):
    first = open_case("Första ärendet", days_left=5, assigned_to=colleague)
    stays = open_case("Stannar kvar", days_left=6, assigned_to=colleague)
    sign_in(page, process_manager)
    page.goto("/sv/staff/?for=office")
    with page.expect_navigation():
        page.click("text=Lämna över ärenden från Kalle Kollega")
    assert page.is_checked(f"input[name=cases][value='{first.pk}']")
    page.uncheck(f"input[name=cases][value='{stays.pk}']")
    page.select_option("#id_to_user", str(process_manager.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Lämna över de valda ärendena").click()

    assert "1 ärende har lämnats över till" in page.inner_text("main")
    assert Initiative.objects.get(pk=first.pk).assigned_to == process_manager
    assert Initiative.objects.get(pk=stays.pk).assigned_to == colleague
    assert CaseEvent.objects.filter(
        kind="assignment", initiative=first, assigned_to=process_manager
    ).exists()
    # The workload table shows the new counts.
    row = page.locator("tr", has_text="Kalle Kollega")
    assert row.locator("td.number").first.inner_text() == "1"
