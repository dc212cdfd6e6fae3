"""The queue's two bulk actions in a real browser: each works on the ticked cases without the
other's choice, by mouse and by keyboard, and a missing choice is explained beside its field."""

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.browser_testing import assert_accessible, sign_in, submit_with_enter, tab_to
from meetmalmo.initiatives.models import CaseEvent, Initiative, ReplyTemplate
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State


@pytest.fixture
def cases(db):
    made = []
    for title in ("Sommarjobb på hotell", "Kafé och bageri", "Hamnens investeringar"):
        case = InitiativeFactory(title=title, state=State.SUBMITTED)
        case.start_clock(timezone.now())
        case.save()
        made.append(case)
    return made


@pytest.fixture
def colleague(db):
    return ProcessManagerFactory(name="Kalle Kollega")


@pytest.fixture
def template(db):
    return ReplyTemplate.objects.create(
        kind="question", name="Partner", body_sv="Vilka partner?", body_en="Which partners?"
    )


def test_ticking_cases_and_clicking_assign_assigns_them(
    page, process_manager, cases, colleague, template
):
    first, second, third = cases
    sign_in(page, process_manager)
    page.goto("/en/staff/?tab=new")
    page.check(f"#case-{first.pk}")
    page.check(f"#case-{second.pk}")
    page.select_option("#id_assignee", str(colleague.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Assign").click()

    assert "2 cases assigned." in page.inner_text("main")
    assert set(Initiative.objects.filter(assigned_to=colleague)) == {first, second}
    assert Initiative.objects.get(pk=third.pk).assigned_to is None
    events = CaseEvent.objects.filter(kind="assignment", assigned_to=colleague)
    assert {event.initiative_id for event in events} == {first.pk, second.pk}
    # Back on the same tab, where only the case nobody took is left.
    assert page.url.endswith("/en/staff/?tab=new")
    assert third.title in page.inner_text("table") and first.title not in page.inner_text("table")


def test_ticking_cases_and_sending_a_templated_question_asks_each_submitter(
    page, process_manager, cases, template
):
    first, second, third = cases
    second.submitter.language = "en"
    second.submitter.save()
    sign_in(page, process_manager)
    page.goto("/sv/staff/?tab=new")
    page.check(f"#case-{first.pk}")
    page.check(f"#case-{second.pk}")
    page.select_option("#id_template", str(template.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Skicka frågan").click()

    assert "2 frågor skickade." in page.inner_text("main")
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "Vilka partner?" in bodies[first.submitter.email]
    assert "Which partners?" in bodies[second.submitter.email]
    assert third.submitter.email not in bodies
    questions = CaseEvent.objects.filter(kind="question")
    assert {event.initiative_id for event in questions} == {first.pk, second.pk}
    assert not CaseEvent.objects.filter(kind="assignment").exists()


def test_both_bulk_actions_work_by_keyboard(page, process_manager, cases, colleague, template):
    first, second, _third = cases
    sign_in(page, process_manager)
    page.goto("/en/staff/?tab=new")
    tab_to(page, f"#case-{first.pk}")
    page.keyboard.press("Space")
    tab_to(page, "#id_assignee")
    page.keyboard.type("Kalle")
    tab_to(page, "#bulk-assign button")
    submit_with_enter(page)
    assert Initiative.objects.get(pk=first.pk).assigned_to == colleague

    page.goto("/en/staff/?tab=new")
    tab_to(page, f"#case-{second.pk}")
    page.keyboard.press("Space")
    tab_to(page, "#id_template")
    page.keyboard.type("Partner")
    tab_to(page, "#bulk-reply button")
    submit_with_enter(page)
    assert "1 question sent." in page.inner_text("main")
    assert CaseEvent.objects.filter(kind="question", initiative=second).exists()


def test_a_missing_choice_is_explained_beside_its_field_keeping_the_ticks(
    page, process_manager, cases, template
):
    first = cases[0]
    sign_in(page, process_manager)
    page.goto("/en/staff/?tab=new")
    page.check(f"#case-{first.pk}")
    with page.expect_navigation():
        page.get_by_role("button", name="Assign").click()
    assert "This field is required." in page.inner_text("#id_assignee_error")
    assert page.get_attribute("#id_assignee", "aria-invalid") == "true"
    assert page.is_checked(f"#case-{first.pk}")
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Send the question").click()
    assert "Choose the template to send." in page.inner_text("#id_template_error")
    assert not CaseEvent.objects.exists()


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("width", [320, 1280])
def test_the_queue_with_its_bulk_actions_is_accessible(
    page, process_manager, cases, template, lang, width
):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, process_manager)
    page.goto(f"/{lang}/staff/?tab=new")
    assert page.locator("h1").count() == 1
    assert page.locator("#bulk-assign").is_visible() and page.locator("#bulk-reply").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert_accessible(page)
