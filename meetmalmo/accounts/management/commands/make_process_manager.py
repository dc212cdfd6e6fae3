from django.core.management.base import BaseCommand, CommandError

from meetmalmo.accounts.models import User
from meetmalmo.accounts.services import make_process_manager


class Command(BaseCommand):
    help = (
        "Gives an existing account the process manager role (staff of the Trade and Industry "
        "Office) and a contact card shown on the contact page. The person signs up first."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--title-sv", default="")
        parser.add_argument("--title-en", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--unlisted", action="store_true", help="Hide from the contact page.")

    def handle(self, *args, email, title_sv, title_en, phone, unlisted, **options):
        try:
            user = User.objects.get(email__iexact=email.strip())
        except User.DoesNotExist:
            raise CommandError(f"No account has the e-mail address {email}.") from None
        make_process_manager(
            user=user, title_sv=title_sv, title_en=title_en, phone=phone, listed=not unlisted
        )
        self.stdout.write(f"{user.name} <{user.email}> is a process manager: 1 account changed.")
