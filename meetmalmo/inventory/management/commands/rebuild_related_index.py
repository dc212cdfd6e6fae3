from django.core.management.base import BaseCommand

from meetmalmo.inventory import related


class Command(BaseCommand):
    help = (
        "Rebuilds the related-work index from all efforts that are not archived and all "
        "initiatives that were submitted and not withdrawn. Edits keep the index current by "
        "themselves; run this after loading data around the portal's own services."
    )

    def handle(self, *args, **options):
        count = related.rebuild()
        self.stdout.write(f"Indexed {count} efforts and initiatives.")
