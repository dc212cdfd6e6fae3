"""The hourly reminders. Each app registers its own job when it is ready; `send_reminders`
runs them all. A job sends what is due at `now`, never the same reminder twice, and says what
it did in a few words for the command's log line."""

from collections.abc import Callable
from datetime import datetime

Job = Callable[[datetime], str]

_JOBS: list[Job] = []


def register(job: Job) -> None:
    if job not in _JOBS:
        _JOBS.append(job)


def run_all(now: datetime) -> list[str]:
    return [job(now) for job in _JOBS]
