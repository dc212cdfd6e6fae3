"""A decision's second look and recording from a meeting, in a real browser: the confirmation
shows the e-mail, confirming makes the move, cancelling changes nothing and returns focus to
the move; keyboard-usable and axe-clean at a phone's and a desktop's width in both languages."""

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.browser_testing import (
    assert_accessible,
    sign_in,
    submit_with_enter,
    tab_to,
    type_into,
)
from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.models import CaseEvent, Initiative
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

REASON = "Det finns redan ett liknande program hos staden."


@pytest.fixture
def case(process_manager):
    initiative = InitiativeFactory(
        state=State.IN_REVIEW,
        assigned_to=process_manager,
        submitter=UserFactory(language="sv", name="Kajsa Holm"),
    )
    initiative.start_clock(timezone.now() - timezone.timedelta(days=5))
    initiative.save()
    return initiative


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def to_the_confirmation(page, case, lang="en"):
    page.goto(f"/{lang}/staff/cases/{case.pk}/")
    page.fill("#id_decline-reason", REASON)
    with page.expect_navigation():
        page.click("form.move:has(input[value=decline]) button[type=submit]")


def test_declining_shows_the_e_mail_and_confirming_makes_the_move(page, process_manager, case):
    sign_in(page, process_manager)
    to_the_confirmation(page, case)
    assert page.inner_text("h1") == "Confirm: Decline"
    preview = page.inner_text(".email-preview")
    assert f"Beslut om ditt initiativ ”{case.title}”" in preview and REASON in preview
    case.refresh_from_db()
    assert case.state == State.IN_REVIEW
    assert_accessible(page)

    tab_to(page, "button[name=confirm]")
    submit_with_enter(page)
    case.refresh_from_db()
    assert case.state == State.DECLINED
    assert CaseEvent.objects.filter(initiative=case, transition="decline", reason=REASON).exists()
    assert "Done: the case is now declined." in page.inner_text("main")
    assert "New state: Declined." in page.inner_text("main")
    assert mail.outbox[-1].to == [case.submitter.email]


def test_cancelling_changes_nothing_and_returns_to_the_move(page, process_manager, case):
    sign_in(page, process_manager)
    to_the_confirmation(page, case)
    with page.expect_navigation():
        page.click("text=Cancel")
    assert page.url.endswith(f"/en/staff/cases/{case.pk}/#move-decline")
    assert page.evaluate("document.activeElement.id") == "move-decline"
    case.refresh_from_db()
    assert case.state == State.IN_REVIEW and not case.events.exists()
    assert not mail.outbox


def test_changing_the_message_keeps_the_text_with_focus_on_it(page, process_manager, case):
    sign_in(page, process_manager)
    to_the_confirmation(page, case)
    with page.expect_navigation():
        page.click("button[name=change]")
    assert page.evaluate("document.activeElement.id") == "id_decline-reason"
    assert page.input_value("#id_decline-reason") == REASON
    case.refresh_from_db()
    assert case.state == State.IN_REVIEW


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_the_confirmation_is_accessible_and_fits(page, process_manager, case, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, process_manager)
    to_the_confirmation(page, case, lang)
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("h1").count() == 1
    assert page.get_attribute(".email-preview", "lang") == "sv"
    assert fits(page)
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_the_record_form_with_a_bad_date_is_accessible_and_fits(page, process_manager, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, process_manager)
    page.goto(f"/{lang}/staff/record/")
    page.fill("#id_person-received_on", "2014-06-01")
    with page.expect_navigation():
        page.click("form.form button[type=submit]")
    error = page.locator("#id_person-received_on_error")
    assert "2015" in error.inner_text()
    described = page.get_attribute("#id_person-received_on", "aria-describedby")
    assert "id_person-received_on_error" in described
    assert page.input_value("#id_person-received_on") == "2014-06-01"
    assert fits(page)
    assert_accessible(page)


def test_recording_from_a_meeting_in_the_browser(page, process_manager):
    # Browser tests empty the database after each test, the migrations' focus areas included.
    FocusArea.objects.get_or_create(
        code="tourism-events", defaults={"name_sv": "Turism", "name_en": "Tourism"}
    )
    sign_in(page, process_manager)
    page.goto("/en/staff/record/")
    received = timezone.localdate() - timezone.timedelta(days=3)
    page.select_option("#id_person-channel", "meeting")
    page.fill("#id_person-received_on", received.isoformat())
    type_into(page, "#id_person-email", "kajsa@hamnkrogen.se")
    type_into(page, "#id_person-name", "Kajsa Holm")
    page.fill("#id_person-new_organisation_name", "Hamnkrogen AB")
    page.select_option("#id_person-new_organisation_sphere", "business")
    for field, text in [
        ("#id_title", "Sommarjobb i hamnen"),
        ("#id_summary", "Unga får sommarjobb på hamnkrogar."),
        ("#id_description", "Krogarna och staden samarbetar."),
        ("#id_challenge", "Unga saknar kontakter."),
        ("#id_benefit_city", "Fler unga i arbete."),
        ("#id_benefit_business", "Nya medarbetare."),
    ]:
        page.fill(field, text)
    page.check("input[name=focus_areas] >> nth=0")
    assert page.is_checked("#id_person-assign_to_me")  # ticked unless unticked
    tab_to(page, "form.form button[type=submit]", limit=200)
    submit_with_enter(page)
    initiative = Initiative.objects.get(title="Sommarjobb i hamnen")
    assert initiative.received_on == received and initiative.assigned_to == process_manager
    main = page.inner_text("main")
    assert "The initiative is recorded and assigned to you" in main
    assert f"on {received:%-d %B %Y} at a meeting" in main
    assert "18 days left" in main
