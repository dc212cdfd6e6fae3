from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandError

from meetmalmo.accounts.models import User
from meetmalmo.publishing.models import Project


class Command(BaseCommand):
    help = (
        "For `make bench`: prints a signed-in session of the demo's process manager and the "
        "address of a published project, separated by a space."
    )

    def handle(self, *args, **options):
        manager = User.objects.filter(is_process_manager=True).order_by("id").first()
        project = Project.objects.published().order_by("-id").first()
        if manager is None or project is None:
            raise CommandError("Seed the demo first: no process manager or published project.")
        session = SessionStore()
        session[SESSION_KEY] = str(manager.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = manager.get_session_auth_hash()
        session.create()
        self.stdout.write(f"{session.session_key} {project.slug}")
