"""With the mail server refusing, a decision notice stays queued in the database and goes out
through the worker once the server is back."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State


class RefusingThenWorkingBackend(EmailBackend):
    refusing = True

    def send_messages(self, messages):
        if RefusingThenWorkingBackend.refusing:
            raise smtplib.SMTPConnectError(421, "Service not available")
        return super().send_messages(messages)


@pytest.mark.django_db(transaction=True)
@override_settings(
    EMAIL_BACKEND="meetmalmo.core.mail.TaskEmailBackend",
    EMAIL_DELIVERY_BACKEND=f"{__name__}.RefusingThenWorkingBackend",
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
)
def test_a_notice_waits_out_a_mail_outage():
    initiative = InitiativeFactory(state=State.DRAFT, submitter=UserFactory(language="en"))
    perform_transition(initiative=initiative, name="submit", actor=initiative.submitter)

    RefusingThenWorkingBackend.refusing = True
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert mail.outbox == []
    waiting = DBTaskResult.objects.filter(status="READY")
    assert waiting.count() == 1 and waiting.get().run_after > timezone.now()

    RefusingThenWorkingBackend.refusing = False
    waiting.update(run_after=timezone.now() - timedelta(seconds=1))  # the retry's time has come
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert [m.subject for m in mail.outbox] == [
        f'We have received your initiative "{initiative.title}"'
    ]
