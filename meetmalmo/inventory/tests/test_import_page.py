"""The import through the web page: the file is kept and imported by the task worker, the page
follows its progress, and the person who sent it is told by e-mail with a link to the result."""

import time

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from meetmalmo.inventory.models import Effort, EffortImport
from meetmalmo.inventory.tests.test_import_efforts import GOOD, HEADER

pytestmark = pytest.mark.django_db


def rows(count: int) -> bytes:
    return (
        HEADER
        + "".join(
            f"Insats {i},Sommarjobb {i},Ägare {i % 300},business,,,youth-employment,active\n"
            for i in range(count)
        )
    ).encode()


def test_a_hundred_thousand_rows_import_through_the_page(client, process_manager, settings):
    settings.SITE_URL = "https://meetmalmo.example"
    client.force_login(process_manager)
    started = time.monotonic()
    response = client.post(
        "/en/staff/efforts/import/",
        {"file": SimpleUploadedFile("register.csv", rows(100_000))},
        follow=True,
    )
    seconds = time.monotonic() - started
    run = EffortImport.objects.get()
    assert response.redirect_chain == [(f"/en/staff/efforts/import/{run.pk}/", 302)]
    assert "Imported: 100000 created, 0 updated." in response.content.decode()
    assert Effort.objects.count() == 100_000
    assert run.state == "done" and run.uploaded_by == process_manager and run.percent == 100
    [notice] = mail.outbox
    assert notice.to == [process_manager.email]
    # In the uploader's language, which is Swedish unless they chose otherwise.
    assert "100000 skapade, 0 uppdaterade" in notice.body
    assert f"https://meetmalmo.example/sv/staff/efforts/import/{run.pk}/" in notice.body
    print(f"100 000 rows through the page in {seconds:.1f} s")


def test_the_page_shows_progress_while_the_worker_imports(client, process_manager):
    client.force_login(process_manager)
    run = EffortImport.objects.create(
        filename="register.csv", state="saving", rows=4000, rows_checked=4000, rows_saved=1000
    )
    page = client.get(f"/en/staff/efforts/import/{run.pk}/").content.decode()
    assert 'hx-trigger="every 2s"' in page and 'role="status"' in page
    assert "1000 of 4000 rows saved." in page and 'value="62"' in page
    poll = client.get(f"/en/staff/efforts/import/{run.pk}/", headers={"HX-Request": "true"})
    assert "1000 of 4000 rows saved." in poll.content.decode()
    assert "<h1>" not in poll.content.decode()
    run.state = "done"
    run.save()
    finished = client.get(f"/en/staff/efforts/import/{run.pk}/", headers={"HX-Request": "true"})
    assert finished["HX-Refresh"] == "true"


def test_a_second_file_waits_until_the_first_is_imported(client, process_manager):
    client.force_login(process_manager)
    under_way = EffortImport.objects.create(filename="first.csv", state="checking", rows=10)
    response = client.post(
        "/en/staff/efforts/import/", {"file": SimpleUploadedFile("second.csv", GOOD.encode())}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Another file is being imported" in content
    assert f"/en/staff/efforts/import/{under_way.pk}/" in content
    assert EffortImport.objects.count() == 1 and not Effort.objects.exists()


def test_bad_lines_are_listed_on_the_result_page_and_in_the_email(client, process_manager):
    client.force_login(process_manager)
    bad = HEADER + "X,,Y,mafia,,,,active\n"
    response = client.post(
        "/sv/staff/efforts/import/",
        {"file": SimpleUploadedFile("e.csv", bad.encode())},
        follow=True,
    )
    content = response.content.decode()
    assert "<td>2</td>" in content and "mafia" in content and "data-error-summary" in content
    assert not Effort.objects.exists()
    [notice] = mail.outbox
    assert "1 rad" in notice.body or "1 line" in notice.body


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("en", "sphere “mafia” is not one of"),
        ("sv", "sfären ”mafia” är inte en av"),
    ],
)
def test_the_worker_lists_bad_lines_in_the_uploaders_language(language, reason):
    from django.core.files.base import ContentFile

    from meetmalmo.accounts.tests.factories import ProcessManagerFactory
    from meetmalmo.inventory.tasks import import_file

    uploader = ProcessManagerFactory(language=language)
    run = EffortImport.objects.create(filename="e.csv", uploaded_by=uploader)
    run.file.save("e.csv", ContentFile((HEADER + "X,Y,Z,mafia,,,,active\n").encode()))
    with translation.override("sv" if language == "en" else "en"):  # the worker's, by chance
        import_file.call(run.pk)
    run.refresh_from_db()
    assert run.state == "failed"
    [[line, text]] = run.errors
    assert line == 2 and reason in text


def test_a_task_run_again_after_the_import_finished_does_nothing(process_manager):
    from meetmalmo.inventory.tasks import import_file

    run = EffortImport.objects.create(filename="e.csv", state="done", created=2)
    import_file.call(run.pk)
    run.refresh_from_db()
    assert (run.state, run.created) == ("done", 2) and not mail.outbox
