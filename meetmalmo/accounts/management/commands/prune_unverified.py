from django.core.management.base import BaseCommand, CommandError

from meetmalmo.accounts.services import prune_unverified

MAX_DAYS = 36_500  # a century; more would overflow the date arithmetic


def _days(value: str) -> int:
    days = int(value)
    if not 1 <= days <= MAX_DAYS:
        raise ValueError
    return days


class Command(BaseCommand):
    help = (
        "Deletes accounts whose e-mail address was never verified, created more than --days "
        "days ago (30 by default) and never signed in. Staff accounts are never deleted, nor "
        "accounts that anything kept in the portal names (an initiative recorded for a contact, "
        "group work, a resource profile). Safe to run every day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", default="30", help="Age in days, from 1 to 36500; 30 by default."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the accounts but delete none."
        )

    def handle(self, *args, days, dry_run, **options):
        try:
            days = _days(days)
        except ValueError:
            raise CommandError(
                f"--days must be a whole number from 1 to {MAX_DAYS}, not {days!r}."
            ) from None
        count = prune_unverified(days=days, dry_run=dry_run)
        if dry_run:
            self.stdout.write(
                f"Unverified accounts older than {days} days: {count} (none deleted)."
            )
        else:
            self.stdout.write(f"Unverified accounts older than {days} days deleted: {count}.")
