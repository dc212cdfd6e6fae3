"""The accessibility statement in a real browser: axe-clean in both languages, also with a report
that has errors, and a report sent with the keyboard alone."""

import pytest
from django.conf import settings
from django.core import mail

from meetmalmo.accessibility.models import AccessibilityReport
from meetmalmo.browser_testing import assert_accessible, submit_with_enter, tab_to, type_into


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_statement_and_a_report_with_errors_are_accessible(page, lang):
    assert page.goto(f"/{lang}/accessibility/").ok
    assert page.get_attribute("html", "lang") == lang
    assert page.locator("h1").count() == 1
    assert "Meet Malmö" in page.inner_text("h1")  # the statement, not an error page
    assert_accessible(page)

    page.fill("#id_email", "karin@")
    page.fill("#id_description", "Grafen saknar tabell.")
    with page.expect_navigation():  # a click does not wait for the POST's answer
        page.click("#report-title ~ form button[type=submit]")
    assert page.locator("h1").count() == 1
    assert page.get_attribute("#id_email", "aria-invalid") == "true"
    assert page.locator("#id_email_error").count() == 1
    assert page.input_value("#id_description") == "Grafen saknar tabell."
    assert_accessible(page)
    assert not AccessibilityReport.objects.exists()


def test_each_field_in_error_points_at_its_message_and_its_help(page):
    assert page.goto("/en/accessibility/").ok
    page.fill("#id_email", "karin@")
    with page.expect_navigation():
        page.click("#report-title ~ form button[type=submit]")
    # What a screen reader reads out on reaching the field: its help, then what went wrong.
    described = page.evaluate(
        """() => [...document.querySelectorAll("form [aria-invalid=true]")].map(field => [
            field.id,
            (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean)
                .map(id => document.getElementById(id)?.innerText.trim() ?? `missing ${id}`),
        ])"""
    )
    fields = dict(described)
    assert set(fields) == {"id_email", "id_description"}
    assert fields["id_email"][-1] == "Enter a valid email address."
    assert fields["id_description"][-1] == "This field is required."
    assert not any(text.startswith("missing") for texts in fields.values() for text in texts)
    assert_accessible(page)


def test_a_report_is_sent_with_the_keyboard_alone(page):
    assert page.goto("/en/accessibility/").ok
    assert page.inner_text("h1") == "Accessibility statement for Meet Malmö"

    tab_to(page, "#id_kind_0")
    page.keyboard.press("ArrowDown")  # the second choice of the radio group
    assert page.is_checked("#id_kind_1")
    type_into(page, "#id_name", "Amina Yusuf")
    type_into(page, "#id_email", "amina@example")  # not a complete address
    type_into(page, "#id_description", "The bar chart on the figures page: I need the numbers.")
    page.wait_for_timeout(3_100)  # a person takes a moment to write; faster is taken for spam
    tab_to(page, "#id_email")
    submit_with_enter(page)

    assert "Enter a valid email address." in page.inner_text("#id_email_error")
    assert page.is_checked("#id_kind_1")
    assert page.input_value("#id_name") == "Amina Yusuf"
    assert mail.outbox == []

    tab_to(page, "#id_email")
    page.keyboard.press("End")
    page.keyboard.type(".se")
    submit_with_enter(page)

    assert "Your message has been sent" in page.inner_text(".messages")
    report = AccessibilityReport.objects.get()
    assert (report.kind, report.email, report.spam) == ("other_form", "amina@example.se", False)
    assert [message.to for message in mail.outbox] == [
        [settings.CONTACT_EMAIL],
        ["amina@example.se"],
    ]


def test_the_statement_fits_a_phone_without_sideways_scrolling(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 740}, base_url=live_server.url)
    page = context.new_page()
    assert page.goto("/sv/accessibility/").ok
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()
