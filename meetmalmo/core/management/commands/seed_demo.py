from django.core.management.base import BaseCommand

from meetmalmo.accounts.models import Organisation
from meetmalmo.core.demo import DEMO_PASSWORD, demo_logins, seed
from meetmalmo.groups.demo import seed_groups
from meetmalmo.groups.demo import seed_scale as seed_scale_groups
from meetmalmo.initiatives.demo import seed_initiatives
from meetmalmo.initiatives.demo import seed_scale as seed_scale_initiatives
from meetmalmo.inventory import related
from meetmalmo.inventory.demo import seed_efforts
from meetmalmo.inventory.demo import seed_scale as seed_scale_efforts
from meetmalmo.publishing.demo import seed_news, seed_projects, seed_scale_projects
from meetmalmo.publishing.demo import seed_scale as seed_scale_news
from meetmalmo.resources.demo import seed_resources
from meetmalmo.resources.demo import seed_scale as seed_scale_resources


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

    def handle(self, *args, scale, if_empty, **options):
        if if_empty and Organisation.objects.exists():
            self.stdout.write("The database already has content: 0 records created.")
            return
        result = seed(scale=scale)
        resources = seed_resources() + seed_scale_resources(scale // 2)
        initiatives = seed_initiatives() + seed_scale_initiatives(scale)
        # Groups come after the initiatives and the resources they are made of; at scale, one
        # for every bulk initiative that has come as far as a working group.
        groups = seed_groups() + seed_scale_groups(scale)
        # Efforts in proportion: about one effort for every two initiatives at scale.
        efforts = seed_efforts() + seed_scale_efforts(scale // 2)
        # News: about one article for every four initiatives at scale.
        news = seed_news() + seed_scale_news(scale // 4)
        projects = seed_projects() + (seed_scale_projects() if scale else 0)
        indexed = related.rebuild()
        self.stdout.write(
            f"Demo content ready: {result['organisations']} organisations, "
            f"{result['people_created']} people created, {resources} resources created, "
            f"{initiatives} initiatives created, {groups} working groups set up, "
            f"{efforts} efforts created, {news} news articles created, "
            f"{projects} project pages published, "
            f"{indexed} indexed for related work."
        )
        self.stdout.write(f"Demo log-ins (password: {DEMO_PASSWORD}):")
        for role, email in demo_logins():
            self.stdout.write(f"  {role}: {email}")
