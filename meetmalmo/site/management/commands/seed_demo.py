from django.core.management.base import BaseCommand, CommandError

from meetmalmo.accounts.models import Organisation
from meetmalmo.figures import maintained
from meetmalmo.inventory import related
from meetmalmo.search import indexing as search_index
from meetmalmo.site.demo import loader
from meetmalmo.site.demo import scale as bulk
from meetmalmo.site.demo.data import DemoDataError


class Command(BaseCommand):
    help = (
        "Loads realistic demo content in Swedish and English: organisations in every sphere, "
        "process managers, members, a pool of resources (some paused), initiatives in every "
        "state with their case history, working groups with members, invitations, milestones, "
        "updates and a handover of ownership, the register of existing efforts, and news articles "
        "(with pictures, a scheduled one, a draft and comments to moderate). Safe to run again: "
        "what exists is left as it is. --scale N adds N initiatives, N members, N/2 resources, a "
        "working group for each bulk initiative that has come that far, a published project page "
        "for each one brought to life (with a report when completed), N/2 efforts and N/4 news "
        "articles for benchmarks; --if-empty does nothing when there is data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            help="Extra initiatives (with members, resources, groups, efforts and news) to create.",
        )
        parser.add_argument(
            "--if-empty", action="store_true", help="Only seed a database with no organisations."
        )

    def handle(self, *args, scale: int, if_empty: bool, **options):
        if if_empty and Organisation.objects.exists():
            self.stdout.write("The database already has content: 0 records created.")
            return
        try:
            content = loader.read()
            demo = loader.load(content)
        except DemoDataError as error:
            raise CommandError(str(error)) from None
        # The bulk members belong to the demo's organisations, as many to each.
        organisations = Organisation.objects.filter(
            name__in=[record["name"] for record in content.organisations]
        ).order_by("id")
        counts = demo + bulk.load(scale, list(organisations))
        indexed = related.rebuild()
        searchable = search_index.rebuild()
        # The bulk records are written without signals: the figures are recounted here.
        maintained.recount()
        self.stdout.write(
            f"Demo content ready: {counts.organisations} organisations, "
            f"{counts.people_created} people created, {counts.resources} resources created, "
            f"{counts.initiatives} initiatives created, {counts.groups} working groups set up, "
            f"{counts.efforts} efforts created, {counts.news} news articles created, "
            f"{counts.projects} project pages published, {counts.events} meetings, "
            f"{indexed} indexed for related work, {searchable} for the public search."
        )
        self.stdout.write(f"Demo log-ins (password: {loader.DEMO_PASSWORD}):")
        for role, email in loader.demo_logins(content):
            self.stdout.write(f"  {role}: {email}")
