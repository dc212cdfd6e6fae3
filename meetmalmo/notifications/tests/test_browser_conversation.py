"""In a real browser: a member writes to the process manager on their case with a file, the
process manager answers from the case, and the member finds the answer through the count in
the header, the list of notifications and the link in the e-mail."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.browser_testing import assert_accessible, sign_in, tab_to
from meetmalmo.initiatives.models import CaseEvent
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@pytest.fixture
def case(member):
    member.language = "en"
    member.save()
    manager = ProcessManagerFactory(name="Lena Åkesson", language="sv")
    initiative = InitiativeFactory(submitter=member, state=State.IN_REVIEW, assigned_to=manager)
    initiative.start_clock(timezone.now())
    initiative.save()
    return initiative


def test_a_member_writes_and_finds_the_answer_by_notification_and_email(
    page, live_server, settings, member, case, tmp_path
):
    settings.SITE_URL = live_server.url
    budget = tmp_path / "budget.pdf"
    budget.write_bytes(PDF)
    sign_in(page, member)
    page.goto(f"/en/my/initiatives/{case.pk}/")
    assert "Your process manager: Lena Åkesson" in page.inner_text("main")
    tab_to(page, "#id_message-text")
    page.keyboard.type("Här är budgeten för sommaren.")
    page.set_input_files("#id_message-attachments", str(budget))
    with page.expect_navigation():
        page.click("text=Send the message")
    assert "Your message has been sent to the process manager." in page.inner_text("main")
    assert "budget.pdf" in page.inner_text("main")

    (to_office,) = mail.outbox
    office_link = re.search(r"http://\S+/sv/staff/cases/\d+/", to_office.body).group()
    sign_in(page, case.assigned_to)
    page.goto(office_link)
    assert "Här är budgeten för sommaren." in page.inner_text("main")
    page.fill("#id_message-text", "Tack! Vi hör av oss på torsdag.")
    with page.expect_navigation():
        page.click("text=Skicka meddelandet")
    assert CaseEvent.objects.filter(kind="message").count() == 2

    sign_in(page, member)
    page.goto("/en/")
    header = page.locator(".account-nav a[href='/en/notifications/']")
    assert re.fullmatch(r"Notifications\s*1\s*unread", header.inner_text().strip())
    with page.expect_navigation():
        header.click()
    assert_accessible(page)
    with page.expect_navigation():
        page.click(f'text=A message from Meet Malmö about "{case.title}"')
    assert page.url.endswith(f"/en/my/initiatives/{case.pk}/")
    assert "Tack! Vi hör av oss på torsdag." in page.inner_text("main")
    assert_accessible(page)

    to_member = mail.outbox[-1]
    member_link = re.search(r"http://\S+/en/my/initiatives/\d+/", to_member.body).group()
    page.goto(member_link)
    assert "Message from the Trade and Industry Office:" in page.inner_text("main")
