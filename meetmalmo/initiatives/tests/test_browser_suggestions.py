"""Suggestions in a real browser: writing a whole initiative keeps its related efforts on the
subject and explains them in the writer's words; a member opens a suggested effort's card and
acts on it with the keyboard."""

import io
import re
import tomllib

from django.core.management import call_command

from meetmalmo.browser_testing import assert_accessible, sign_in, tab_to, type_into
from meetmalmo.initiatives.models import CaseEvent, EffortVerdict
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.evaluation import INITIATIVES_SET
from meetmalmo.inventory.models import Effort

FIELDS = (
    "summary",
    "description",
    "challenge",
    "benefit_city",
    "benefit_business",
    "proposed_partners",
)


def test_the_whole_summer_jobs_initiative_keeps_its_efforts_and_its_words(page, member):
    call_command("seed_demo", stdout=io.StringIO())
    summer = tomllib.loads(INITIATIVES_SET.read_text(encoding="utf-8"))["initiative"][0]
    assert summer["title"] == "Sommarjobb för unga på hotell och restauranger"
    sign_in(page, member)
    page.goto("/sv/initiatives/new/")
    type_into(page, "#id_title", summer["title"])
    for name in FIELDS:  # the long fields as a person pastes them in
        page.fill(f"#id_{name}", summer[name])
    page.wait_for_timeout(1_500)  # the last change, then the form's pause before it asks
    page.wait_for_load_state("networkidle")
    titles = page.locator("#related-list li strong").all_inner_texts()
    assert {"Summer jobs in hospitality", "Sommarjobb för unga i Malmö stad"} <= set(titles[:3])
    assert "Hamnens service för resenärer" not in titles
    assert "Cruise ship visitors programme" not in titles
    written = " ".join([summer["title"], *(summer[name] for name in FIELDS)])
    for line in page.locator("#related-list p.meta", has_text="Gemensamt:").all_inner_texts():
        for said in line.removeprefix("Gemensamt:").split(","):
            assert said.strip() and said.strip() in written, said
    assert "poäng" not in page.inner_text("#related-list")
    assert_accessible(page)

    page.locator("#related-list li a").first.click()
    page.wait_for_url(re.compile(r"/sv/initiatives/efforts/\d+/$"))
    assert page.inner_text("h1") == titles[0]
    assert "@" not in page.inner_text("main")
    assert_accessible(page)


def test_a_member_asks_to_be_put_in_touch_and_marks_an_effort_close(page, member):
    effort = Effort.objects.create(
        title="Sommarjobb för unga i Malmö stad",
        description="Staden erbjuder ungdomar sommarjobb.",
        owner_org="Malmö stad",
        sphere="city",
        contact_email="privat.handlaggare@malmo.se",
    )
    case = InitiativeFactory(title="Sommarjobb på hotell", submitter=member, state=State.DRAFT)
    perform_transition(initiative=case, name="submit", actor=member)
    sign_in(page, member)
    page.goto(f"/en/initiatives/efforts/{effort.pk}/")
    assert "privat.handlaggare@malmo.se" not in page.content()
    assert_accessible(page)
    type_into(page, "#id_message", "Can we meet in May?")
    tab_to(page, "button[value=contact]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Your question is on your initiative's case" in page.inner_text("main")
    event = CaseEvent.objects.get(initiative=case, kind=CaseEvent.Kind.MESSAGE)
    assert effort.title in event.reason and "Can we meet in May?" in event.reason

    tab_to(page, "button[value=close]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Noted: close to your idea" in page.inner_text("main")
    assert EffortVerdict.objects.get().verdict == "close"
    assert_accessible(page)
