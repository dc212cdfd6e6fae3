from django.core.management.base import BaseCommand

from meetmalmo.inventory import related


class Command(BaseCommand):
    help = (
        "Rebuilds the related-work index from all efforts that are not archived and all "
        "initiatives that were submitted and not withdrawn, with the other texts registered beside "
        "them (the resource pool's profiles, read by matching). Edits keep the index current by "
        "themselves; run this after loading data around the portal's own services."
    )

    def handle(self, *args, **options):
        count = related.rebuild()
        self.stdout.write(f"Indexed {count} texts for related work and matching.")
