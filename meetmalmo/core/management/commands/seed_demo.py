from django.core.management.base import BaseCommand

from meetmalmo.accounts.models import Organisation
from meetmalmo.core.demo import DEMO_PASSWORD, demo_logins, seed
from meetmalmo.initiatives.demo import seed_initiatives
from meetmalmo.initiatives.demo import seed_scale as seed_scale_initiatives
from meetmalmo.inventory import related
from meetmalmo.inventory.demo import seed_efforts
from meetmalmo.inventory.demo import seed_scale as seed_scale_efforts


class Command(BaseCommand):
    help = (
        "Loads realistic demo content in Swedish and English: organisations in every sphere, "
        "process managers, members, initiatives in every state with their case history, and the "
        "register of existing efforts. Safe to run again: what exists is left as it is. "
        "--scale N adds N initiatives, N members and N/2 efforts for benchmarks; "
        "--if-empty does nothing when there is data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="Extra initiatives (and members) to create."
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Only seed a database with no organisations."
        )

    def handle(self, *args, scale, if_empty, **options):
        if if_empty and Organisation.objects.exists():
            self.stdout.write("The database already has content: 0 records created.")
            return
        result = seed(scale=scale)
        initiatives = seed_initiatives() + seed_scale_initiatives(scale)
        # Efforts in proportion: about one effort for every two initiatives at scale.
        efforts = seed_efforts() + seed_scale_efforts(scale // 2)
        indexed = related.rebuild()
        self.stdout.write(
            f"Demo content ready: {result['organisations']} organisations, "
            f"{result['people_created']} people created, {initiatives} initiatives created, "
            f"{efforts} efforts created, {indexed} indexed for related work."
        )
        self.stdout.write(f"Demo log-ins (password: {DEMO_PASSWORD}):")
        for role, email in demo_logins():
            self.stdout.write(f"  {role}: {email}")
