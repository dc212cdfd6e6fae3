"""The member's pages in a real browser: axe-clean in both languages, errors tied to fields."""

import pytest
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.browser_testing import assert_accessible, sign_in
from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.services import request_information
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State


@pytest.fixture
def case(member):
    initiative = InitiativeFactory(submitter=member, state=State.IN_REVIEW)
    initiative.start_clock(timezone.now())
    initiative.save()
    request_information(initiative=initiative, actor=ProcessManagerFactory(), text="Vilka hotell?")
    return initiative


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("path", ["initiatives/new/", "my/", "my/initiatives/{pk}/"])
def test_member_pages_are_accessible(page, member, case, lang, path):
    sign_in(page, member)
    page.goto(f"/{lang}/" + path.format(pk=case.pk))
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("h1").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_form_with_errors_is_accessible_and_keeps_what_was_typed(page, member, lang):
    # Live-server tests empty the database between tests, data migrations included.
    FocusArea.objects.get_or_create(
        code="newcomers", defaults={"name_sv": "Etablering", "name_en": "Newcomers"}
    )
    sign_in(page, member)
    page.goto(f"/{lang}/initiatives/new/")
    page.fill("#id_title", "Sommarjobb")
    page.check("#id_focus_areas_0")
    with page.expect_navigation():
        page.click("button[value=submit]")
    assert page.input_value("#id_title") == "Sommarjobb"
    assert page.is_checked("#id_focus_areas_0")
    assert "id_summary_error" in page.get_attribute("#id_summary", "aria-describedby")
    assert_accessible(page)
