"""Members submitting at the same moment, each in a process of their own as under gunicorn:
every initiative lands with its case event and its notice, on a SQLite file (WAL, IMMEDIATE
transactions, busy timeout) and on PostgreSQL."""

import subprocess
import sys

import pytest
from django_tasks_db.models import DBTaskResult

from meetmalmo.core.tests.processes import ROOT, SharedDatabase, wait_for
from meetmalmo.initiatives.models import CaseEvent, Initiative

pytestmark = pytest.mark.django_db(transaction=True)
SUBMITTERS = 8
SUBMITTER = [sys.executable, "-m", "meetmalmo.initiatives.tests.submitter"]


def test_initiatives_submitted_at_the_same_moment_all_land(tmp_path):
    database = SharedDatabase(tmp_path)
    database.run([*SUBMITTER, "--members", str(SUBMITTERS)])
    go = tmp_path / "go"
    submitters = [
        subprocess.Popen(  # noqa: S603
            [*SUBMITTER, f"submitter{n}@example.se", str(go)],
            cwd=ROOT,
            env=database.env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(SUBMITTERS)
    ]
    wait_for(
        lambda: (
            len(list(tmp_path.glob("ready-*"))) == SUBMITTERS
            or any(s.poll() is not None for s in submitters)
        ),
        "every submitter to be signed in and ready",
        seconds=180,
    )
    go.touch()
    for submitter in submitters:
        _out, err = submitter.communicate(timeout=180)
        assert submitter.returncode == 0, err

    initiatives = Initiative._meta.db_table
    events = CaseEvent._meta.db_table
    rows = database.query(
        f"SELECT i.title, i.state, COUNT(e.id) FROM {initiatives} i "  # noqa: S608
        f"LEFT JOIN {events} e ON e.initiative_id = i.id AND e.to_state = 'submitted' "
        "GROUP BY i.id, i.title, i.state ORDER BY i.title"
    )
    assert rows == sorted(
        (f"Sommarjobb i hamnen från submitter{n}@example.se", "submitted", 1)
        for n in range(SUBMITTERS)
    )
    tasks = DBTaskResult._meta.db_table
    (queued,) = database.query(f"SELECT COUNT(*) FROM {tasks}")[0]  # noqa: S608
    assert queued >= SUBMITTERS  # each submitter's receipt waits for the mail worker
