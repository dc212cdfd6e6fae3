"""The spam trap of the public forms (news comments, accessibility reports): a field people do
not see and a signed time the form was opened. Software is kept apart without being told; a
person is never taken for software, and is told when the form could not be checked."""

import re
import time
from datetime import timedelta
from unittest import mock

import pytest
from django import forms
from django.core import signing
from django.utils import translation

from meetmalmo.core.forms import SpamTrapMixin

SALT = "meetmalmo.core.tests.spam-trap"
DAY = 24 * 60 * 60


def signed(seconds_ago: float, salt: str = SALT, value: str = "test") -> str:
    with mock.patch("time.time", return_value=time.time() - seconds_ago):
        return signing.TimestampSigner(salt=salt).sign(value)


def tampered(start: str) -> str:
    """A start whose signature was changed, as a browser never sends one but a server with
    another key would see it."""
    value, signature = start.rsplit(":", 1)
    return f"{value}:{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"


class Note(SpamTrapMixin, forms.Form):
    spam_trap_salt = SALT
    spam_trap_value = "test"

    text = forms.CharField()


class ShortLived(Note):
    spam_trap_max_age = timedelta(hours=1)
    spam_trap_stale_message = "The form was open for more than an hour."


def bound(form_class=Note, **data):
    return form_class({"text": "Hej", "website": "", "started": signed(30), **data})


def test_a_person_at_a_persons_pace_is_no_spam():
    form = bound()
    assert form.is_valid() and not form.is_spam()


def test_a_form_sent_faster_than_anyone_writes_is_trapped():
    form = bound(started=signed(0))
    assert form.is_valid() and form.is_spam()


def test_a_filled_hidden_field_is_trapped():
    form = bound(website="http://spam.example")
    assert form.is_valid() and form.is_spam()


@pytest.mark.parametrize("start", ["", "forged", "test:forged", "test:1abcde:xyz", "x\x00" * 50])
def test_a_start_that_was_never_signed_is_trapped_without_a_message(start):
    form = bound(started=start)
    assert form.is_valid() and form.is_spam()


def test_a_form_opened_25_hours_ago_is_a_persons():
    form = bound(started=signed(25 * 60 * 60))
    assert form.is_valid() and not form.is_spam()


def test_a_start_signed_for_another_form_is_trapped():
    form = bound(started=signed(30, salt="meetmalmo.other", value="other"))
    assert form.is_valid() and form.is_spam()


def test_a_tampered_signature_asks_the_person_to_send_again_with_a_fresh_start():
    form = bound(started=tampered(signed(30)), text="Det här skrev jag")
    assert not form.is_valid()
    with translation.override("en"):  # the message is read in the language of the page
        errors = [str(error) for error in form.non_field_errors()]
    assert errors == ["This form could not be checked. Check what you wrote and send it again."]
    assert "Det här skrev jag" in str(form["text"])
    fresh = re.search(r'name="started" value="([^"]+)"', str(form["started"]))[1]
    # Sent again at once: the time spent writing the first time counts, so it is no spam.
    again = bound(started=fresh, text="Det här skrev jag")
    assert again.is_valid() and not again.is_spam()


def test_a_form_with_a_maximum_age_asks_for_a_stale_one_to_be_sent_again():
    form = bound(ShortLived, started=signed(2 * 60 * 60))
    assert not form.is_valid()
    assert form.non_field_errors() == ["The form was open for more than an hour."]
    fresh = re.search(r'name="started" value="([^"]+)"', str(form["started"]))[1]
    assert bound(ShortLived, started=fresh).is_valid()


def test_the_hidden_field_is_out_of_the_way_of_keyboards_and_autofill():
    html = str(Note()["website"])
    assert 'tabindex="-1"' in html and 'autocomplete="off"' in html


def test_the_tampered_message_is_in_swedish_on_a_swedish_page():
    with translation.override("sv"):
        form = bound(started=tampered(signed(30)))
        assert form.non_field_errors() == [
            "Formuläret kunde inte kontrolleras. Se över det du skrev och skicka det igen."
        ]


@pytest.mark.django_db
class TestThroughThePublicForms:
    def test_a_comment_from_a_tab_left_open_overnight_awaits_moderation(self, client):
        from meetmalmo.publishing.models import Comment
        from meetmalmo.publishing.tests.factories import ArticleFactory
        from meetmalmo.publishing.tests.test_comments import good, started

        ArticleFactory(slug="dagen")
        response = client.post("/en/news/dagen/comments/", good(started=started(25 * 60 * 60)))
        assert response.status_code == 302
        assert Comment.objects.get().state == "pending"

    def test_a_comment_with_a_tampered_start_is_shown_again_with_a_message(self, client):
        from meetmalmo.publishing.models import Comment
        from meetmalmo.publishing.tests.factories import ArticleFactory
        from meetmalmo.publishing.tests.test_comments import good, started

        ArticleFactory(slug="dagen")
        response = client.post("/sv/news/dagen/comments/", good(started=tampered(started(30))))
        content = response.content.decode()
        assert response.status_code == 400
        assert "Formuläret kunde inte kontrolleras." in content
        assert "Vilken fin dag!" in content
        assert not Comment.objects.exists()

    def test_a_report_with_a_tampered_start_is_shown_again_with_a_message(self, client, mailoutbox):
        from meetmalmo.accessibility.models import AccessibilityReport
        from meetmalmo.accessibility.tests.test_report_form import good, started

        response = client.post("/en/accessibility/", good(started=tampered(started(30))))
        content = response.content.decode()
        assert response.status_code == 400
        assert "This form could not be checked." in content
        assert "Can I have the figures as a text document?" in content
        assert not AccessibilityReport.objects.exists() and mailoutbox == []
