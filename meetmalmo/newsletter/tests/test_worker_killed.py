"""A task worker killed while it sends an issue of the newsletter: `scripts/worker.sh` starts a
new one, which takes the sending up where it stopped, and every subscriber gets the issue
exactly once. Runs the real processes (the script, `db_worker`, Django's SMTP backend) against
a database they share with the test, as `core/tests/test_worker_killed.py` does."""

import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from meetmalmo.core.tests.processes import ROOT, wait_for

# The same fake mail server and shared database as the worker test of e-mail itself.
from meetmalmo.core.tests.test_worker_killed import children, database, smtp  # noqa: F401

pytestmark = pytest.mark.django_db(transaction=True)
SUBSCRIBERS = 150
SETUP = f"""
from types import SimpleNamespace
from django.utils import timezone
from meetmalmo.newsletter.models import Issue
from meetmalmo.newsletter.services import request_send
from meetmalmo.notifications.models import Follow

Follow.objects.bulk_create(
    Follow(email=f"s{{n}}@example.se", language="sv", target="newsletter",
           confirmed_at=timezone.now())
    for n in range({SUBSCRIBERS})
)
issue = Issue.objects.create(subject_sv="Maj", subject_en="May", intro_sv="Hej", intro_en="Hi")
request_send(issue=issue, actor=SimpleNamespace(pk=None))
"""


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes in /proc")
def test_a_worker_killed_while_sending_the_newsletter_resumes_and_sends_each_once(
    database,  # noqa: F811
    smtp,  # noqa: F811
):
    database.manage("shell", "-c", SETUP)

    def sent() -> int:
        sql = "SELECT COUNT(*) FROM newsletter_delivery WHERE sent_at IS NOT NULL"
        return database.query(sql)[0][0]

    supervisor = subprocess.Popen(
        ["scripts/worker.sh"], cwd=ROOT, env=database.env, start_new_session=True
    )
    try:
        wait_for(lambda: sent() > 0, "the worker to start sending", seconds=120)
        (worker,) = wait_for(lambda: children(supervisor.pid), "the worker process")
        os.kill(worker, signal.SIGKILL)
        assert 0 < sent() < SUBSCRIBERS, "the worker was to be killed in the middle"

        wait_for(lambda: sent() == SUBSCRIBERS, "the sending to resume", seconds=120)
        wait_for(lambda: len(smtp.messages) >= SUBSCRIBERS, "every message delivered", seconds=120)
        time.sleep(1)  # a second delivery would come now, if there were one
        received = Counter(message["To"] for message in smtp.messages)
        assert received == Counter(f"s{n}@example.se" for n in range(SUBSCRIBERS))
        (replacement,) = children(supervisor.pid)
        assert replacement != worker
    finally:
        supervisor.send_signal(signal.SIGTERM)
        supervisor.wait(timeout=30)
