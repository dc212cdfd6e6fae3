import pytest

from meetmalmo.search import indexing
from meetmalmo.search.models import Document, Kind
from meetmalmo.search.tests.helpers import project

pytestmark = pytest.mark.django_db


def test_a_change_is_indexed_when_it_commits(monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.undo()  # the real deferral, not the tests' shortcut
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        page = project("hamn", title_sv="Hamnen som mötesplats")
        assert not Document.objects.filter(kind=Kind.PROJECT, object_id=page.pk).exists()
    assert callbacks
    assert Document.objects.filter(kind=Kind.PROJECT, object_id=page.pk).exists()


def test_rebuild_indexes_every_public_item_and_nothing_else():
    project("hamn", title_sv="Hamnen som mötesplats")
    project("utkast", title_sv="Utkast", published=False)
    Document.objects.all().delete()
    count = indexing.rebuild()
    assert count == Document.objects.count()
    assert set(Document.objects.filter(kind=Kind.PROJECT).values_list("slug", flat=True)) == {
        "hamn"
    }


def test_the_command_prints_its_count(capsys):
    from django.core.management import call_command

    project("hamn", title_sv="Hamnen som mötesplats")
    call_command("rebuild_search_index")
    assert "items indexed for the public search" in capsys.readouterr().out
