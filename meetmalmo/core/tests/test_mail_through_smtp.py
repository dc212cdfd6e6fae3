"""E-mail through Django's real SMTP backend and a local SMTP server that goes away: the
message waits in the task queue and is delivered exactly once when the server is back."""

from datetime import timedelta

import pytest
from django.core.mail import send_mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from meetmalmo.core.tests.smtp_server import FakeSMTPServer

# transaction=True: the worker closes a connection that is inside a transaction.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def smtp():
    with (
        FakeSMTPServer() as server,
        override_settings(
            EMAIL_BACKEND="meetmalmo.core.mail.TaskEmailBackend",
            EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=server.port,
            EMAIL_USE_TLS=False,
            EMAIL_TIMEOUT=2,
            TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        ),
    ):
        yield server


def work():
    """One run of the worker over what is due, as `db_worker` does every few seconds."""
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def time_passes():
    """The retry's time comes."""
    DBTaskResult.objects.filter(status="READY").update(
        run_after=timezone.now() - timedelta(seconds=1)
    )


def test_a_message_goes_out_through_smtp_whole(smtp):
    send_mail("Välkommen till Meet Malmö", "Hej Åsa!", None, ["asa@example.se"])
    work()
    (message,) = smtp.messages
    assert (message["To"], message["Subject"]) == ("asa@example.se", "Välkommen till Meet Malmö")
    assert message.get_content().rstrip() == "Hej Åsa!"


@pytest.mark.parametrize("outage", ["down", "busy", "drops", "hangs"])
def test_a_message_sent_during_a_mail_outage_is_delivered_exactly_once_afterwards(smtp, outage):
    smtp.mode = outage
    send_mail("Ditt initiativ är mottaget", "Tack!", None, ["sara@example.se"])

    work()  # the attempt fails; the message waits for a later one
    assert smtp.messages == []
    (waiting,) = DBTaskResult.objects.filter(status="READY")
    assert waiting.run_after > timezone.now()
    work()  # too early to try again
    assert smtp.messages == [] and DBTaskResult.objects.filter(status="READY").count() == 1

    time_passes()
    work()  # the server is still away: it waits again, longer
    assert smtp.messages == []
    assert DBTaskResult.objects.get(status="READY").args_kwargs["args"][1] == 3

    smtp.mode = "up"
    time_passes()
    work()
    work()
    time_passes()
    work()
    assert [m["To"] for m in smtp.messages] == ["sara@example.se"]
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()
