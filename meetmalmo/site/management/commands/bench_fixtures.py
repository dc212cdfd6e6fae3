from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandError

from meetmalmo.accounts.models import User
from meetmalmo.groups.models import WorkingGroup
from meetmalmo.publishing.models import Project

MEMBER = "hotell@demo.meetmalmo.se"


def _session(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


class Command(BaseCommand):
    help = (
        "For `make bench`: prints, separated by spaces, a signed-in session of the demo's process "
        "manager, one of the demo's member, the address of a published project and the number "
        "of a working group."
    )

    def handle(self, *args, **options):
        manager = User.objects.filter(is_process_manager=True).order_by("id").first()
        member = User.objects.filter(email=MEMBER).first()
        project = Project.objects.published().order_by("-id").first()
        group = WorkingGroup.objects.order_by("-id").first()
        if None in (manager, member, project, group):
            raise CommandError("Seed the demo first: a person, a project or a group is missing.")
        self.stdout.write(f"{_session(manager)} {_session(member)} {project.slug} {group.pk}")
