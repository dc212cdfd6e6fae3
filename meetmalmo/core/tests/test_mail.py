from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.test import override_settings
from django_tasks import default_task_backend

from meetmalmo.core.mail import deliver_email, retry_delay, serialize_message

QUEUED = {
    "EMAIL_BACKEND": "meetmalmo.core.mail.TaskEmailBackend",
    "EMAIL_DELIVERY_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
}


@override_settings(**QUEUED)
def test_a_message_goes_through_the_task_and_arrives_whole():
    message = EmailMultiAlternatives(
        "Ämne", "Hej!", "from@example.se", ["to@example.se"], reply_to=["pm@example.se"]
    )
    message.attach_alternative("<p>Hej!</p>", "text/html")
    message.attach("initiativ.txt", "idé", "text/plain")
    message.send()

    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert (sent.subject, sent.body, sent.to, sent.reply_to) == (
        "Ämne",
        "Hej!",
        ["to@example.se"],
        ["pm@example.se"],
    )
    assert sent.alternatives[0][0] == "<p>Hej!</p>"
    assert sent.attachments[0][:2] == ("initiativ.txt", "idé")


@override_settings(
    **QUEUED, TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
)
def test_sending_only_queues_the_message_for_the_worker():
    default_task_backend.clear()
    send_mail("Ämne", "Hej", "from@example.se", ["to@example.se"])
    assert mail.outbox == []
    assert len(default_task_backend.results) == 1


@override_settings(
    EMAIL_MAX_ATTEMPTS=3,
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
)
def test_a_failed_delivery_is_queued_again_later():
    default_task_backend.clear()
    data = serialize_message(EmailMultiAlternatives("S", "B", "f@example.se", ["t@example.se"]))
    with mock.patch("meetmalmo.core.mail.get_connection", side_effect=OSError("smtp down")):
        deliver_email.call(data, 1)
    (retry,) = default_task_backend.results
    assert retry.args == [data, 2]
    assert retry.task.run_after is not None


@override_settings(EMAIL_MAX_ATTEMPTS=3)
def test_the_last_failed_attempt_is_kept_as_a_failure():
    data = serialize_message(EmailMultiAlternatives("S", "B", "f@example.se", ["t@example.se"]))
    with (
        mock.patch("meetmalmo.core.mail.get_connection", side_effect=OSError("smtp down")),
        pytest.raises(OSError),
    ):
        deliver_email.call(data, 3)


def test_retries_wait_longer_each_time_up_to_six_hours():
    assert retry_delay(1) == timedelta(minutes=1)
    assert retry_delay(4) == timedelta(minutes=8)
    assert retry_delay(30) == timedelta(hours=6)
