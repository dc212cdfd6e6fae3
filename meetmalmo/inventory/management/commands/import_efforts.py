from pathlib import Path

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from meetmalmo.inventory.importer import run_import
from meetmalmo.inventory.models import EffortImport


class Command(BaseCommand):
    help = (
        "Imports existing efforts from a UTF-8 CSV file (comma or semicolon separated) with the "
        "columns title, description, owner_org, sphere, contact_email, url, focus_areas, status. "
        "All rows or none: any bad row stops the import and every bad row is named by its line. "
        "An effort with the same title and owner is updated, not duplicated. The rows are "
        "saved in short batches, as the web page's import does, so the portal keeps answering."
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
        run = EffortImport.objects.create(
            file=ContentFile(data, name=file.name), filename=file.name[:255], dry_run=dry_run
        )
        run_import(run, progress=lambda rows: self.stderr.write(f"checked {rows} lines…"))
        if run.state != EffortImport.State.DONE:
            for line, reason in run.errors:
                self.stderr.write(f"line {line}: {reason}")
            if run.error_count > len(run.errors):
                self.stderr.write(f"… and {run.error_count - len(run.errors)} more.")
            raise CommandError(f"Nothing imported: {run.error_count} bad line(s).")
        result = run
        if dry_run:
            self.stdout.write(
                f"The file is valid: {result.created} would be created and {result.updated} "
                "updated. Dry run: nothing saved."
            )
        else:
            self.stdout.write(f"Imported: {result.created} created, {result.updated} updated.")
