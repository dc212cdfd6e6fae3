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
    assert line.startswith("Reminders sent: ") and line.count("\n") == 1
    parts = line.removeprefix("Reminders sent: ").rstrip(".\n").split("; ")
    for part in (
        "0 digests",
        "0 at day 14, 0 overdue, 0 unassigned",
        "0 invitations reminded, 0 invitations expired",
        "0 meeting reminders sent",
        "0 reports due",
        "figures recounted",
    ):
        assert part in parts


def test_a_new_apps_job_runs_with_the_others():
    times = []

    def lanterns(now):
        times.append(now)
        return "2 lanterns lit"

    reminders.register(lanterns)
    try:
        assert run().rstrip().endswith("; 2 lanterns lit.")
        reminders.register(lanterns)
        run()
    finally:
        reminders._JOBS.remove(lanterns)
    assert len(times) == 2  # registered twice, run once each time
    assert "lanterns" not in run()
