from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from meetmalmo.accounts.models import User
from meetmalmo.site import query_plans


class Command(BaseCommand):
    help = (
        "For `make bench`: prints how the database plans the count and first page of every big "
        "list, and fails when one scans or sorts a big table."
    )

    def handle(self, *args, **options):
        manager = User.objects.filter(is_process_manager=True).order_by("id").first()
        failed = []
        with transaction.atomic():
            for name, queryset in query_plans.lists(manager).items():
                wasteful = query_plans.wasteful_steps(queryset)
                self.stdout.write(f"{name}: {'scans or sorts' if wasteful else 'index ranges'}")
                for sql, steps in wasteful:
                    self.stdout.write(f"  {sql[:160]}…")
                    self.stdout.writelines(f"    {step}" for step in steps)
                failed += [name] if wasteful else []
        if failed:
            raise CommandError(f"Lists that scan or sort a big table: {', '.join(failed)}")
