from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from meetmalmo.inventory.importer import import_efforts


class Command(BaseCommand):
    help = (
        "Imports existing efforts from a UTF-8 CSV file (comma or semicolon separated) with the "
        "columns title, description, owner_org, sphere, contact_email, url, focus_areas, status. "
        "All rows or none: any bad row stops the import and every bad row is named by its line. "
        "An effort with the same title and owner is updated, not duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Check the file, save nothing.")

    def handle(self, *args, file, dry_run, **options):
        # Operators read the report in English, as `line N: reason`, whatever the site language.
        with translation.override("en"):
            self._import(file, dry_run)

    def _import(self, file, dry_run):
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}") from None
        result = import_efforts(
            data, dry_run=dry_run, progress=lambda line: self.stderr.write(f"checked {line} lines…")
        )
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"Nothing imported: {len(result.errors)} bad line(s).")
        if dry_run:
            self.stdout.write(
                f"The file is valid: {result.created} would be created and {result.updated} "
                "updated. Dry run: nothing saved."
            )
        else:
            self.stdout.write(f"Imported: {result.created} created, {result.updated} updated.")
