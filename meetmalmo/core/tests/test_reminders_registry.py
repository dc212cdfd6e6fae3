"""`send_reminders` runs the reminder job every app registers, and says what each did."""

import io

import pytest
from django.core.management import call_command

from meetmalmo.core import reminders

pytestmark = pytest.mark.django_db


def run() -> str:
    out = io.StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


def test_every_apps_job_runs_and_is_reported_in_one_line():
    line = run()
    assert line.startswith("Reminders sent: 0 at day 14, 0 overdue, 0 unassigned; ")
    assert "; 0 invitations reminded, 0 invitations expired; 0 reports due; " in line
    assert line.endswith("; figures recounted.\n")


def test_a_new_apps_job_runs_with_the_others():
    times = []

    def meetings(now):
        times.append(now)
        return "2 meeting reminders"

    reminders.register(meetings)
    try:
        assert run().rstrip().endswith("; 2 meeting reminders.")
        reminders.register(meetings)
        run()
    finally:
        reminders._JOBS.remove(meetings)
    assert len(times) == 2  # registered twice, run once each time
    assert "meeting" not in run()
