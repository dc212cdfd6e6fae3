"""The staff pages in a real browser: axe-clean in both languages."""

import pytest
from django.utils import timezone

from meetmalmo.browser_testing import assert_accessible, sign_in
from meetmalmo.initiatives.models import ReplyTemplate
from meetmalmo.initiatives.services import add_note, request_information
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State


@pytest.fixture
def case(process_manager):
    initiative = InitiativeFactory(state=State.IN_REVIEW, assigned_to=process_manager)
    initiative.start_clock(timezone.now() - timezone.timedelta(days=25))
    initiative.save()
    add_note(initiative=initiative, actor=process_manager, text="Ring Visita")
    request_information(initiative=initiative, actor=process_manager, text="Vilka hotell?")
    InitiativeFactory(state=State.SUBMITTED).start_clock(timezone.now())
    return initiative


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize(
    "path",
    [
        "staff/",
        "staff/?tab=open",
        "staff/cases/{pk}/",
        "staff/record/",
        "staff/focus-areas/",
        "staff/templates/",
        "staff/templates/new/",
    ],
)
def test_staff_pages_are_accessible(page, process_manager, case, lang, path):
    ReplyTemplate.objects.create(kind="decline", name="Finns redan", body_sv="Ja", body_en="Yes")
    sign_in(page, process_manager)
    page.goto(f"/{lang}/" + path.format(pk=case.pk))
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_a_refused_decision_is_accessible_and_explained(page, process_manager, case):
    sign_in(page, process_manager)
    page.goto(f"/en/staff/cases/{case.pk}/")
    with page.expect_navigation():
        page.click("form.move:has(input[value=decline]) button[type=submit]")
    assert "Give a reason" in page.inner_text("#id_decline-reason_error")
    assert_accessible(page)
