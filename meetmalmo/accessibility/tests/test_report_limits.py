"""The report form e-mails a receipt to the address typed, so it must not be a way to mail
strangers: each page of the form sends once, and one internet address sends a limited number
of reports whatever addresses they give."""

import re
import time
from unittest import mock

import pytest

from meetmalmo.accessibility.models import AccessibilityReport
from meetmalmo.accessibility.services import REPORTS_PER_PLACE_PER_DAY, REPORTS_PER_PLACE_PER_HOUR
from meetmalmo.accessibility.tests.test_report_form import URL, good, started

pytestmark = pytest.mark.django_db


def fresh_start(content: str) -> str:
    return re.search(r'name="started" value="([^"]+)"', content)[1]


def test_a_start_sends_once(client, mailoutbox):
    start = started(30)
    assert client.post(URL, good(started=start)).status_code == 302
    again = client.post(URL, good(started=start, email="stranger@example.se"))
    content = again.content.decode()
    assert again.status_code == 400
    assert "This form has already been sent once." in content
    assert "I use a screen reader." in content  # what was typed is kept
    assert AccessibilityReport.objects.count() == 1
    assert [message.to for message in mailoutbox if "stranger@example.se" in message.to] == []
    # A person sends again from the page shown, with its new start.
    new = fresh_start(content)
    assert new != start
    with mock.patch("time.time", return_value=time.time() + 10):
        assert client.post(URL, good(started=new, email="stranger@example.se")).status_code == 302
    assert AccessibilityReport.objects.count() == 2


def test_the_message_is_in_the_language_of_the_page(client):
    start = started(30)
    client.post("/sv/accessibility/", good(started=start))
    again = client.post("/sv/accessibility/", good(started=start))
    assert "Formuläret har redan skickats en gång." in again.content.decode()


def test_a_start_with_a_field_wrong_is_not_used_up(client, mailoutbox):
    start = started(30)
    assert client.post(URL, good(started=start, email="inte en adress")).status_code == 400
    assert client.post(URL, good(started=start)).status_code == 302
    assert len(mailoutbox) == 2


def test_one_internet_address_sends_a_limited_number_whatever_addresses_it_gives(
    client, mailoutbox
):
    place = {"REMOTE_ADDR": "203.0.113.7"}
    for number in range(REPORTS_PER_PLACE_PER_HOUR):
        response = client.post(URL, good(email=f"person{number}@example.se"), **place)
        assert response.status_code == 302
    refused = client.post(URL, good(email="one-more@example.se", description="En till"), **place)
    content = refused.content.decode()
    assert refused.status_code == 400
    assert "You have sent many messages in a short time." in content
    assert "En till" in content
    assert AccessibilityReport.objects.count() == REPORTS_PER_PLACE_PER_HOUR
    assert not [message for message in mailoutbox if "one-more@example.se" in message.to]
    # Someone elsewhere is not held up.
    elsewhere = client.post(URL, good(email="one-more@example.se"), REMOTE_ADDR="198.51.100.1")
    assert elsewhere.status_code == 302


def test_over_a_day_one_internet_address_sends_a_limited_number(client):
    place = {"REMOTE_ADDR": "203.0.113.8"}
    now = time.time()
    sent = 0
    for hour in range(REPORTS_PER_PLACE_PER_DAY // REPORTS_PER_PLACE_PER_HOUR + 1):
        for number in range(REPORTS_PER_PLACE_PER_HOUR):
            at = now + hour * 3600 + number
            with mock.patch("time.time", return_value=at):
                response = client.post(
                    URL,
                    good(email=f"p{hour}-{number}@example.se", started=started(30)),
                    **place,
                )
            sent += response.status_code == 302
    assert sent == REPORTS_PER_PLACE_PER_DAY
