import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from meetmalmo.inventory.related import related


class Command(BaseCommand):
    help = (
        "Lists the existing efforts and earlier initiatives most related to a text, best first, "
        "in Swedish or English, with the score and the words that matched."
    )

    def add_arguments(self, parser):
        parser.add_argument("--text", required=True, help="The text to find related work for.")
        parser.add_argument("--limit", type=int, default=10, help="How many to list (1-100).")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print a JSON array."
        )

    def handle(self, *args, text, limit, as_json, **options):
        if not 1 <= limit <= 100:
            raise CommandError("--limit must be between 1 and 100.")
        with translation.override("en"):
            matches = related(text, limit=limit)
            if as_json:
                self.stdout.write(_json([match.as_dict() for match in matches]))
                return
            if not matches:
                self.stdout.write("Nothing related found.")
            for rank, match in enumerate(matches, 1):
                self.stdout.write(
                    f"{rank}. [{match.kind}] {match.title} (score {match.score}): "
                    f"{', '.join(match.matched)} {match.url()}"
                )


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
