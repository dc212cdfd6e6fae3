"""Writes on the register of efforts. Each keeps the related-work index current in the same
transaction."""

from django.db import transaction

from meetmalmo.inventory import related
from meetmalmo.inventory.models import Effort, EffortImport, GlossaryEntry


@transaction.atomic
def effort_save(*, form) -> Effort:
    """Save an effort from its form, with its focus areas, and re-index it."""
    effort = form.save()
    related.index_efforts([effort.pk])
    return effort


@transaction.atomic
def effort_set_archived(*, effort: Effort, archived: bool) -> Effort:
    effort.archived = archived
    effort.save(update_fields=["archived", "updated_at"])
    related.index_efforts([effort.pk])
    return effort


def glossary_entry_save(*, form) -> GlossaryEntry:
    """Save a glossary entry from its form; the next search reads the changed glossary."""
    return form.save()


def glossary_entry_delete(*, entry: GlossaryEntry) -> None:
    entry.delete()


def effort_import_start(*, upload, dry_run: bool, actor) -> EffortImport:
    """Keep the uploaded file and queue its import; the page of the import follows it."""
    from meetmalmo.inventory.tasks import import_file

    with transaction.atomic():
        run = EffortImport.objects.create(
            uploaded_by=actor, file=upload, filename=upload.name[:255], dry_run=dry_run
        )
        import_file.enqueue(run.pk)
    run.refresh_from_db()
    return run
