"""A task worker killed in the middle of sending an e-mail loses nothing: `scripts/worker.sh`
starts a new worker, which puts the message back in the queue and sends it, exactly once.
Runs the real processes (the script, `db_worker`, Django's SMTP backend) against a database
they share with the test: a SQLite file in WAL mode, or the PostgreSQL test database."""

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from meetmalmo.core.tests.processes import ROOT, SharedDatabase, wait_for
from meetmalmo.core.tests.smtp_server import FakeSMTPServer

pytestmark = pytest.mark.django_db(transaction=True)
TASKS = DBTaskResult._meta.db_table


@pytest.fixture
def smtp():
    with FakeSMTPServer() as server:
        yield server


@pytest.fixture
def database(tmp_path, smtp):
    database = SharedDatabase(tmp_path)
    database.env.update(
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp.port),
        EMAIL_USE_TLS="false",
        WORKER_ID="test-tasks",
        WORKER_INTERVAL="0.2",
    )
    return database


def statuses(database) -> list[str]:
    return [status for (status,) in database.query(f"SELECT status FROM {TASKS}")]  # noqa: S608


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes in /proc")
def test_a_worker_killed_while_sending_is_replaced_and_the_message_goes_out_once(database, smtp):
    smtp.mode = "hangs"  # the worker will sit in the middle of sending
    database.manage("sendtestemail", "sara@example.se")
    assert statuses(database) == ["READY"]

    supervisor = subprocess.Popen(
        ["scripts/worker.sh"], cwd=ROOT, env=database.env, start_new_session=True
    )
    try:
        wait_for(lambda: statuses(database) == ["RUNNING"], "the worker to take the message")
        wait_for(lambda: smtp.connections, "the worker to reach the mail server")
        (worker,) = wait_for(lambda: children(supervisor.pid), "the worker process")
        os.kill(worker, signal.SIGKILL)
        smtp.mode = "up"

        wait_for(lambda: smtp.messages, "the message to be delivered")
        wait_for(lambda: statuses(database) == ["SUCCESSFUL"], "the task to be marked sent")
        time.sleep(1)  # a second delivery would come now, if there were one
        assert [m["To"] for m in smtp.messages] == ["sara@example.se"]
        (replacement,) = children(supervisor.pid)  # it keeps the new worker running
        assert replacement != worker
    finally:
        supervisor.send_signal(signal.SIGTERM)
        supervisor.wait(timeout=30)
    assert supervisor.returncode == 0  # stopping it stops its worker too
    assert not Path(f"/proc/{replacement}").exists()
