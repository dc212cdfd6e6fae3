"""Receiving a report: kept, sent to the office with the reporter as the one to answer, and a
receipt sent to the reporter."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from meetmalmo.accessibility.models import AccessibilityReport
from meetmalmo.core import limits
from meetmalmo.core.errors import Refused
from meetmalmo.core.mail import absolute

# Reports one e-mail address may send in an hour: enough for a person, too few for someone
# using the receipt to send mail to others.
REPORTS_PER_HOUR = 5
# Reports from one internet address, whatever addresses they give: a receipt goes to the address
# typed, so without it one computer could mail any number of strangers five times an hour each.
# An office behind one address can still send a report an hour for each of its people.
REPORTS_PER_PLACE_PER_HOUR = 10
REPORTS_PER_PLACE_PER_DAY = 30
WAIT = _("You have sent many messages in a short time. Please wait a while and try again.")


def report_submit(*, form, language: str, client: str = "") -> AccessibilityReport:
    """Keep the report; unless it looks like spam, e-mail it to the office and a receipt to the
    reporter. Refused when the address, or the place (`client`, an internet address) it is sent
    from, has sent too many in the last hour or day."""
    email = form.cleaned_data["email"].lower()
    if limits.hit("accessibility-reports", email, limit=REPORTS_PER_HOUR, window=60 * 60).exceeded:
        raise Refused(WAIT)
    hourly = limits.hit(
        "accessibility-reports-place", client, limit=REPORTS_PER_PLACE_PER_HOUR, window=60 * 60
    )
    daily = limits.hit(
        "accessibility-reports-place-day",
        client,
        limit=REPORTS_PER_PLACE_PER_DAY,
        window=24 * 60 * 60,
    )
    if hourly.exceeded or daily.exceeded:
        raise Refused(WAIT)
    report = form.save(commit=False)
    report.language = language
    report.spam = form.is_spam()
    report.save()
    if not report.spam:
        _send_to_office(report)
        _send_receipt(report)
    return report


def _render(template: str, context: dict) -> tuple[str, str]:
    subject = render_to_string(f"accessibility/email/{template}_subject.txt", context)
    body = render_to_string(f"accessibility/email/{template}.txt", context)
    return " ".join(subject.split()), body


def _send_to_office(report: AccessibilityReport) -> None:
    # In the office's language; answering the message answers the reporter.
    with translation.override(settings.LANGUAGE_CODE):
        admin_link = absolute(
            reverse("admin:accessibility_accessibilityreport_change", args=[report.pk])
        )
        subject, body = _render("to_office", {"report": report, "admin_link": admin_link})
    EmailMessage(subject, body, None, [settings.CONTACT_EMAIL], reply_to=[report.email]).send()


def _send_receipt(report: AccessibilityReport) -> None:
    # What the person wrote is not repeated: the form must not send others' text to anyone.
    with translation.override(report.language):
        link = absolute(reverse("accessibility:statement"))
        subject, body = _render("receipt", {"report": report, "link": link})
    EmailMessage(subject, body, None, [report.email]).send()
