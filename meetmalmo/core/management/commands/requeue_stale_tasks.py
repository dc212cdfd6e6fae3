from datetime import timedelta

from django.core.management.base import BaseCommand

from meetmalmo.core.tasks import MAX_CLAIMS, requeue_stale_tasks


class Command(BaseCommand):
    help = (
        "Puts background tasks (e-mail) whose worker died back in the queue: a task marked "
        "running for longer than --minutes (default 15; sending an e-mail takes seconds), or "
        "with --worker-id every running task that worker last claimed, is run again by the next "
        f"worker. A task whose workers died {MAX_CLAIMS} times is marked failed instead. Safe to "
        "run every hour; scripts/serve.sh runs it for its own worker before starting it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=15)
        parser.add_argument(
            "--worker-id", help="A worker known to be dead: its tasks go back at once."
        )

    def handle(self, *args, minutes, worker_id, **options):
        if worker_id:
            requeued, failed = requeue_stale_tasks(worker_id=worker_id)
        else:
            requeued, failed = requeue_stale_tasks(older_than=timedelta(minutes=minutes))
        self.stdout.write(f"Tasks put back in the queue: {requeued}; given up as failed: {failed}.")
