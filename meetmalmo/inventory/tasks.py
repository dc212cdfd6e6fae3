"""The import of a CSV file into the register, in the task worker: a large file takes longer
than a web request may, and the person who sent it follows it on its page and by e-mail."""

from django.conf import settings
from django.utils import translation
from django_tasks import task

from meetmalmo.core.mail import link_for, send_notice
from meetmalmo.inventory.importer import run_import
from meetmalmo.inventory.models import EffortImport


@task()
def import_file(import_id: int) -> None:
    run = EffortImport.objects.filter(pk=import_id).first()
    # A task run again after its worker was lost starts the import afresh; a finished one is
    # never imported twice.
    if run is None or not run.running:
        return
    # The reasons a line is refused are kept as text for the page the uploader follows, so
    # they are written in the uploader's language, never in the one the worker happens to have.
    uploader = run.uploaded_by
    with translation.override(uploader.language if uploader else settings.LANGUAGE_CODE):
        run_import(run)
    if run.uploaded_by is not None and run.uploaded_by.email:
        send_notice(
            "inventory/email/import_done",
            run.uploaded_by,
            {"run": run, "link": link_for(run.uploaded_by, "inventory:import_status", run.pk)},
        )
