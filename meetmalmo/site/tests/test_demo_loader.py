"""The demo's data files are checked before anything is written: a mistake stops the load
with a message that names the file, the record and the field, and leaves the database as it
was."""

import io
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.site.demo import loader
from meetmalmo.site.demo.data import FOLDER, DemoDataError


@pytest.fixture(autouse=True)
def english():
    """The messages are read in English here; the last test reads one in Swedish."""
    with translation.override("en"):
        yield


@pytest.fixture
def files(tmp_path):
    """A copy of the demo's data files to spoil."""
    folder = tmp_path / "demo"
    shutil.copytree(FOLDER, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return folder


def spoil(path, old: str, new: str = "") -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_demo_files_are_read_without_a_mistake():
    content = loader.read()
    assert len(content.initiatives) >= 15
    assert {article["slug"] for article in content.articles} >= {"femton-initiativ-har-fatt-liv"}


def test_a_missing_required_field_names_the_file_and_the_field(files):
    spoil(
        files / "initiatives.toml",
        'summary = "En dag i Malmö Live där tusen unga möter yrken inom besöksnäringen."\n',
    )
    with pytest.raises(DemoDataError) as raised:
        loader.read(files)
    message = str(raised.value)
    assert message.startswith("initiatives.toml: ")
    assert "Hej Framtid – unga möter besöksnäringen" in message
    assert "“summary”" in message


def test_a_missing_field_in_a_part_of_a_record_names_the_part(files):
    spoil(files / "groups.toml", "due_days_ago = 75\n")
    with pytest.raises(DemoDataError, match=r"^groups\.toml: group 1 \(.*\) › milestone 1"):
        loader.read(files)


def test_a_news_article_without_its_author_names_its_file(files):
    spoil(
        files / "news" / "spel-spelar-roll-for-malmo.md",
        'author = "processledare@demo.meetmalmo.se"\n',
    )
    with pytest.raises(DemoDataError) as raised:
        loader.read(files)
    assert str(raised.value).startswith("news/spel-spelar-roll-for-malmo.md: ")
    assert "“author”" in str(raised.value)


def test_a_news_article_without_front_matter_is_refused(files):
    path = files / "news" / "spel-spelar-roll-for-malmo.md"
    path.write_text("Malmö har blivit en av Nordens tätaste miljöer för spelutveckling.\n")
    with pytest.raises(DemoDataError, match=r"^news/spel-spelar-roll-for-malmo\.md: .*\+\+\+"):
        loader.read(files)


def test_a_misspelt_field_is_refused_rather_than_ignored(files):
    spoil(files / "resources.toml", "hours_per_month = 6\n", "hours_a_month = 6\n")
    with pytest.raises(DemoDataError) as raised:
        loader.read(files)
    assert str(raised.value).startswith("resources.toml: resource 1 (anna.bergstrom@")
    assert "“hours_a_month”" in str(raised.value)


def test_a_value_of_the_wrong_kind_is_refused(files):
    spoil(files / "resources.toml", "hours_per_month = 6\n", 'hours_per_month = "six"\n')
    with pytest.raises(DemoDataError, match="“hours_per_month”"):
        loader.read(files)


@pytest.mark.django_db
def test_seed_demo_names_a_person_no_file_has_and_writes_nothing(files, monkeypatch):
    spoil(
        files / "groups.toml",
        '"anna.bergstrom@demo.meetmalmo.se",\n',
        '"anna.bergstrom@example.se",\n',
    )
    read = loader.read
    monkeypatch.setattr(loader, "read", lambda: read(files))
    with pytest.raises(CommandError) as raised:
        call_command("seed_demo", stdout=io.StringIO())
    message = str(raised.value)
    assert message.startswith("groups.toml: group 1 (Sommarjobb i besöksnäringen")
    assert "anna.bergstrom@example.se" in message
    assert not Organisation.objects.exists()
    assert not User.objects.exists()


def test_the_message_is_in_the_language_in_use(files):
    spoil(files / "groups.toml", "due_days_ago = 75\n")
    with translation.override("sv"), pytest.raises(DemoDataError) as raised:
        loader.read(files)
    assert str(raised.value).endswith("det obligatoriska fältet ”due_days_ago” saknas.")
