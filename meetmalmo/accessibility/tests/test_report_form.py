"""Reporting a problem or asking for content in another form, from the accessibility statement:
the office gets the message to answer, the reporter a receipt, and bad input a clear message
beside the field with nothing lost and nothing sent."""

import re
import secrets
import time
from unittest import mock

import pytest
from django.core import signing
from django.test import override_settings

from meetmalmo.accessibility.forms import STARTED
from meetmalmo.accessibility.models import AccessibilityReport
from meetmalmo.accessibility.services import REPORTS_PER_HOUR

pytestmark = pytest.mark.django_db
URL = "/en/accessibility/"


def started(seconds_ago: float) -> str:
    """A start as the form's page gives it, `seconds_ago` before now; each one new."""
    with mock.patch("time.time", return_value=time.time() - seconds_ago):
        return signing.TimestampSigner(salt=STARTED).sign(f"report.{secrets.token_urlsafe(16)}")


def good(**changes):
    return {
        "kind": "other_form",
        "name": "Karin Läsare",
        "email": "karin@example.se",
        "page": "http://testserver/en/figures/",
        "description": "I use a screen reader. Can I have the figures as a text document?",
        "website": "",
        "started": started(30),
        **changes,
    }


@override_settings(CONTACT_EMAIL="meetmalmo@malmo.se")
def test_a_report_reaches_the_office_and_the_reporter_gets_a_receipt(client, mailoutbox):
    response = client.post(URL, good(), follow=True)

    assert response.redirect_chain == [("/en/accessibility/", 302)]
    assert "Thank you! Your message has been sent. We answer within two weeks." in (
        response.content.decode()
    )
    report = AccessibilityReport.objects.get()
    assert (report.kind, report.email, report.language, report.spam) == (
        "other_form",
        "karin@example.se",
        "en",
        False,
    )

    assert len(mailoutbox) == 2
    office, receipt = mailoutbox
    assert office.to == ["meetmalmo@malmo.se"]
    assert office.reply_to == ["karin@example.se"]
    assert "Karin Läsare" in office.body
    assert "http://testserver/en/figures/" in office.body
    assert "Can I have the figures as a text document?" in office.body
    assert f"/sv/admin/accessibility/accessibilityreport/{report.pk}/change/" in office.body

    assert receipt.to == ["karin@example.se"]
    assert receipt.subject == "Meet Malmö: we have received your message"
    assert "within two weeks" in receipt.body


def test_the_receipt_does_not_repeat_what_was_written(client, mailoutbox):
    """Else the form could send anyone's text to any address under the City's name."""
    client.post(URL, good(name="Buy now", description="Cheap pills at http://spam.example"))
    receipt = mailoutbox[1]
    assert "Buy now" not in receipt.body and "spam.example" not in receipt.body


def test_name_and_page_may_be_left_out(client, mailoutbox):
    response = client.post(URL, good(name="", page="", kind="problem"))
    assert response.status_code == 302
    assert AccessibilityReport.objects.get().kind == "problem"
    assert len(mailoutbox) == 2


def test_a_report_from_the_swedish_page_is_kept_as_swedish(client, mailoutbox):
    client.post("/sv/accessibility/", good())
    assert AccessibilityReport.objects.get().language == "sv"
    assert len(mailoutbox) == 2


def test_markup_is_taken_as_text_and_never_shown_as_html(client, mailoutbox):
    description = 'The <button aria-label="">x</button> has no name. <script>alert(1)</script>'
    bad = client.post(URL, good(description=description, email="")).content.decode()
    assert "<script>alert(1)</script>" not in bad
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in bad  # kept, as text

    client.post(URL, good(description=description))
    assert AccessibilityReport.objects.get().description == description
    assert description in mailoutbox[0].body  # plain text, not entity-escaped


LONG = "x" * 3_001


@pytest.mark.parametrize(
    "field,value,message",
    [
        ("email", "", "This field is required."),
        ("email", "karin@", "Enter a valid email address."),
        ("email", "k" * 250 + "@example.se", "Ensure this value has at most 254 characters"),
        ("description", "", "This field is required."),
        ("description", LONG, "Ensure this value has at most 3000 characters (it has 3001)."),
        ("description", "Sound\x07 plays\x1b[31m", "Remove the invisible control characters"),
        ("name", "N" * 101, "Ensure this value has at most 100 characters (it has 101)."),
        ("name", "Karin\x0bLäsare", "Remove the invisible control characters"),
        ("name", "<script>alert(1)</script>", "A name cannot contain &lt; or &gt;."),
        ("page", "p" * 501, "Ensure this value has at most 500 characters (it has 501)."),
        ("page", "/en/news/\r\nBcc: all@example.se", "Remove the invisible control characters"),
        ("kind", "complaint", "Select a valid choice."),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_nothing_is_sent(
    client, mailoutbox, field, value, message
):
    data = good(**{field: value})
    response = client.post(URL, data)

    assert response.status_code == 400
    content = response.content.decode()
    error = re.search(rf'<ul class="errors" id="id_{field}_error">(.*?)</ul>', content, re.S)
    assert error and message in error[1]
    assert 'aria-invalid="true"' in content
    for other, typed in data.items():
        if other not in (field, "started", "website", "kind") and typed:
            assert typed.replace("'", "&#x27;") in content  # what was typed is kept
    assert not AccessibilityReport.objects.exists()
    assert mailoutbox == []


def test_a_form_left_open_for_days_is_sent_again_not_lost(client, mailoutbox):
    response = client.post(URL, good(started=started(2 * 24 * 60 * 60)))
    content = response.content.decode()
    assert response.status_code == 400
    assert "The form was open for more than a day. Check what you wrote and send it again." in (
        content
    )
    assert "Can I have the figures as a text document?" in content
    assert mailoutbox == []

    fresh = re.search(r'name="started" value="([^"]+)"', content)[1]
    with mock.patch("time.time", return_value=time.time() + 10):  # the person reads it through
        again = client.post(URL, good(started=fresh))
    assert again.status_code == 302
    assert len(mailoutbox) == 2


@pytest.mark.parametrize("spam", ["honeypot", "too fast", "forged", "missing"])
def test_what_looks_like_spam_is_kept_apart_and_not_e_mailed(client, mailoutbox, spam):
    changes = {
        "honeypot": {"website": "http://spam.example"},
        "too fast": {"started": started(0)},
        "forged": {"started": "report:forged"},
        "missing": {"started": ""},
    }[spam]
    response = client.post(URL, good(**changes), follow=True)
    assert "Thank you! Your message has been sent." in response.content.decode()  # tells nothing
    assert AccessibilityReport.objects.get().spam is True
    assert mailoutbox == []


def test_an_address_that_sends_too_many_is_asked_to_wait(client, mailoutbox):
    for _ in range(REPORTS_PER_HOUR):
        assert client.post(URL, good()).status_code == 302
    response = client.post(URL, good(email="KARIN@example.se", description="One more"))

    content = response.content.decode()
    assert response.status_code == 400
    assert "You have sent many messages in a short time." in content
    assert "One more" in content
    assert AccessibilityReport.objects.count() == REPORTS_PER_HOUR
    assert len(mailoutbox) == 2 * REPORTS_PER_HOUR


def test_the_statement_answers_only_get_and_post(client):
    assert client.put(URL).status_code == 405
