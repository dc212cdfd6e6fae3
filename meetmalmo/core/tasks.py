"""Recovery of background tasks whose worker died. The database task queue marks a task
RUNNING when a worker claims it and never looks at it again, so a worker that is killed (out of
memory, a restart, a power cut) would leave its e-mail unsent for ever. These tasks are put
back in the queue; the next worker runs them (an e-mail may then go out twice, which is better
than not at all)."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

# A task claimed by this many workers that all died is not tried again: it is more likely to
# be what kills them than their victim. It is kept, failed, for the administrator to look at.
MAX_CLAIMS = 5


class WorkerLost(Exception):
    """Named in a task given up after its workers died (it is never raised)."""


def requeue_stale_tasks(
    *, older_than: timedelta | None = None, worker_id: str | None = None
) -> tuple[int, int]:
    """Put back in the queue the running tasks started longer ago than `older_than`, or last
    claimed by `worker_id` (a worker the caller knows to be dead). Returns how many were put
    back and how many were given up as failed."""
    running = DBTaskResult.objects.running()
    if older_than is not None:
        running = running.filter(started_at__lt=timezone.now() - older_than)
    requeued = failed = 0
    with transaction.atomic():
        for result in running.select_for_update():
            if worker_id is not None and result.worker_ids[-1:] != [worker_id]:
                continue
            if len(result.worker_ids) >= MAX_CLAIMS:
                result.status = TaskResultStatus.FAILED
                result.finished_at = timezone.now()
                result.exception_class_path = f"{__name__}.WorkerLost"
                result.traceback = (
                    f"The workers running this task stopped {len(result.worker_ids)} times "
                    "before it finished; it is not tried again."
                )
                result.save(
                    update_fields=["status", "finished_at", "exception_class_path", "traceback"]
                )
                failed += 1
            else:
                result.status = TaskResultStatus.READY
                result.save(update_fields=["status"])
                requeued += 1
    return requeued, failed
