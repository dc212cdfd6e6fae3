"""The journey of SPEC §1 steps 1–2 in a real browser: a member submits with an attachment
using only the keyboard, a process manager takes the case and asks a question, the member
answers, the process manager adopts it; both see the history, every page axe-clean."""

import re

from django.core import mail

from meetmalmo.browser_testing import (
    assert_accessible,
    sign_in,
    submit_with_enter,
    tab_to,
    type_into,
)
from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.models import Initiative
from meetmalmo.initiatives.workflow import State


def submit(page, selector):
    tab_to(page, selector)
    submit_with_enter(page)


def test_from_submission_to_adoption(page, browser, live_server, member, process_manager, tmp_path):
    FocusArea.objects.get_or_create(
        code="youth-employment", defaults={"name_sv": "Ungas jobb", "name_en": "Youth employment"}
    )
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(b"%PDF-1.7\n%%EOF\n")

    # Playwright starts intercepting file choosers without waiting when the first listener is
    # added; adding one now means the chooser opened by the key press below is always caught.
    page.on("filechooser", lambda chooser: None)

    # The member writes and submits, keyboard only.
    sign_in(page, member)
    page.goto("/en/initiatives/new/")
    type_into(page, "#id_title", "Sommarjobb i besöksnäringen")
    type_into(page, "#id_summary", "Unga får sitt första jobb på hotell.")
    type_into(page, "#id_description", "Hotell och staden samarbetar om sommarjobb.")
    type_into(page, "#id_challenge", "Unga saknar kontakter.")
    type_into(page, "#id_benefit_city", "Fler unga i arbete.")
    type_into(page, "#id_benefit_business", "Framtidens medarbetare.")
    tab_to(page, "#id_focus_areas_0")
    page.keyboard.press("Space")
    tab_to(page, "#id_attachments")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(plan))
    assert_accessible(page)
    submit(page, "button[value=submit]")
    # An upload can take a moment on a loaded machine: wait for the page the form leads to.
    page.wait_for_url(re.compile(r"/en/my/initiatives/\d+/$"), timeout=30_000)
    assert "Decision promised by" in page.inner_text("main")
    initiative = Initiative.objects.get()
    assert initiative.state == State.SUBMITTED
    assert initiative.attachments.get().name == "plan.pdf"
    assert_accessible(page)

    # The process manager takes it and asks a question.
    staff = browser.new_context(bypass_csp=True, base_url=live_server.url).new_page()
    sign_in(staff, process_manager)
    staff.goto("/en/staff/?tab=new")
    with staff.expect_navigation():
        staff.click(f"text={initiative.title}")
    with staff.expect_navigation():
        staff.click("form.move:has(input[value=take]) button")
    staff.fill("#id_question-text", "Vilka hotell är med?")
    with staff.expect_navigation():
        staff.click("text=Send the question")
    assert_accessible(staff)
    assert "Vilka hotell är med?" in mail.outbox[-1].body

    # The member answers on their page.
    page.goto(f"/en/my/initiatives/{initiative.pk}/")
    assert "Vilka hotell är med?" in page.inner_text("main")
    type_into(page, "#id_text", "Tre hotell vid Stortorget.")
    submit(page, "form[action$='/answer/'] button[type=submit]")
    assert_accessible(page)

    # The process manager sees the answer and adopts the initiative with a message.
    staff.reload()
    assert "Tre hotell vid Stortorget." in staff.inner_text("main")
    staff.fill("#id_adopt-reason", "Välkomna! Vi bildar en arbetsgrupp.")
    with staff.expect_navigation():
        staff.click("form.move:has(input[value=adopt]) button")
    with staff.expect_navigation():
        staff.click("button[name=confirm]")
    initiative.refresh_from_db()
    assert initiative.state == State.ADOPTED
    history = staff.inner_text("main")
    assert re.search(r"New state: Adopted", history)

    page.reload()
    mine = page.inner_text("main")
    assert "Adopted by Meet Malmö" in mine
    assert "Välkomna! Vi bildar en arbetsgrupp." in mine
    assert_accessible(page)
    staff.context.close()
