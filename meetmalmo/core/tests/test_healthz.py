import json
import os
import subprocess
import sys
from datetime import timedelta
from unittest import mock

from django.conf import settings
from django.db import OperationalError


def test_it_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "oldest_ready_task_seconds": None}
    assert "no-cache" in response["Cache-Control"]


def test_it_answers_503_when_the_database_does_not(client, db):
    with mock.patch(
        "meetmalmo.core.health.connection.cursor", side_effect=OperationalError("refused")
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_it_refuses_post(client, db):
    assert client.post("/healthz").status_code == 405


def test_it_answers_503_when_the_database_has_none_of_the_portals_tables(client, db):
    with mock.patch("meetmalmo.core.health.MigrationRecorder.has_table", return_value=False):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "empty"}


def test_it_tells_how_long_the_oldest_ready_task_has_waited(client, db):
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    def queued(seconds_ago, **fields):
        task = DBTaskResult.objects.create(
            task_path="meetmalmo.core.mail.deliver_email",
            args_kwargs={"args": [], "kwargs": {}},
            backend_name="default",
            queue_name="default",
            run_after=fields.pop("run_after", get_date_max()),
            exception_class_path="",
            traceback="",
            **fields,
        )
        DBTaskResult.objects.filter(pk=task.pk).update(
            enqueued_at=timezone.now() - timedelta(seconds=seconds_ago)
        )

    assert client.get("/healthz").json()["oldest_ready_task_seconds"] is None
    queued(30)
    queued(600, status="SUCCESSFUL")  # done: not waiting
    queued(900, run_after=timezone.now() + timedelta(hours=1))  # not due yet
    queued(900, run_after=timezone.now() - timedelta(seconds=120))  # due two minutes ago
    answer = client.get("/healthz").json()
    assert answer["status"] == "ok"
    assert 120 <= answer["oldest_ready_task_seconds"] < 130


# Run in a process of the portal's own, on a SQLite file: the file is deleted between two
# requests. The test client keeps its connection open from one request to the next, which a
# server does not (CONN_MAX_AGE is 0 on SQLite), so the script closes it as the server would.
WHILE_RUNNING = """
import json, os
from django.db import connections
from django.test import Client
client = Client(raise_request_exception=False)
path = os.environ["SQLITE_FILE"]
answers = [client.get("/healthz").status_code, client.get("/api/v1/projects").status_code]
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(path + suffix):
        os.remove(path + suffix)
connections.close_all()
health = client.get("/healthz")
connections.close_all()
# Another page than before: the one asked for first is in the public cache.
answers += [health.status_code, health.json(), client.get("/api/v1/news").status_code]
print(json.dumps({"answers": answers, "recreated": os.path.exists(path)}))
"""


def run_portal(tmp_path, *args):
    path = tmp_path / "meetmalmo.sqlite3"
    done = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "meetmalmo.settings",
            "DATABASE_URL": f"sqlite:///{path}",
            "VAR_DIR": str(tmp_path / "var"),
            "SECRET_KEY": "test-only-" + "x" * 50,
            "DEBUG": "true",  # static files without `collectstatic`, for the error page
            "HTTPS": "false",
            "ALLOWED_HOSTS": "testserver",
            "SQLITE_FILE": str(path),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return path, done.stdout


def test_with_the_sqlite_file_gone_it_answers_503_and_makes_no_new_database(tmp_path):
    path, _ = run_portal(tmp_path, "migrate", "--verbosity", "0")  # as `make run` does first
    assert path.exists()
    _, out = run_portal(tmp_path, "shell", "-c", WHILE_RUNNING)
    found = json.loads(out.strip().splitlines()[-1])
    assert found["answers"] == [200, 200, 503, {"status": "error", "database": "unavailable"}, 500]
    assert not found["recreated"]


def test_a_new_file_without_the_portals_tables_is_not_healthy(tmp_path):
    check = "from django.test import Client; print(Client().get('/healthz').content.decode())"
    path, out = run_portal(tmp_path, "shell", "-c", check)
    assert json.loads(out.strip().splitlines()[-1]) == {"status": "error", "database": "empty"}
    assert path.exists()  # made when the process started, for `migrate` to fill
