"""An app that keeps something about people registers it once, and the download and the
deletion of an account then include it without accounts knowing the app."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from django.core.files.base import ContentFile
from django.utils import timezone

from meetmalmo.accounts import personal_data
from meetmalmo.accounts.models import User
from meetmalmo.accounts.personal_data import Holding
from meetmalmo.accounts.services import account_delete, unverified_accounts

pytestmark = pytest.mark.django_db

# What a new app (say, meetings) keeps: here a favourite focus area per person, kept in memory.
KEPT: dict[int, str] = {}


def _export(person):
    kept = KEPT.get(person.user.pk)
    return {"meeting_registrations": [{"focus": kept}] if kept else []}


def _files(person):
    if person.user.pk in KEPT:
        yield (
            f"meetings/{person.user.pk}.txt",
            ContentFile("Frukostmöte 9 december".encode(), "a.txt"),
        )


def _erase(person):
    KEPT.pop(person.user.pk, None)


@pytest.fixture
def meetings_app():
    # The tie stands for the new app's own table of registrations: any table with a row that
    # points to the person will do, and no app has registered this one.
    holding = Holding(export=_export, files=_files, erase=_erase, ties=((Authenticator, "user"),))
    personal_data.register(holding)
    yield holding
    personal_data.HOLDINGS.remove(holding)
    KEPT.clear()


def download(client, user) -> zipfile.ZipFile:
    client.force_login(user)
    response = client.post("/en/my/data/")
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_a_new_apps_data_and_files_are_in_the_download(client, member, meetings_app):
    KEPT[member.pk] = "youth-employment"
    archive = download(client, member)
    data = json.loads(archive.read("data.json"))
    assert data["meeting_registrations"] == [{"focus": "youth-employment"}]
    assert archive.read(f"meetings/{member.pk}.txt").decode() == "Frukostmöte 9 december"
    # What every app already registered is still there.
    assert {"account", "initiatives", "resource_profile", "reports"} <= set(data)


def test_another_persons_data_stays_out(client, member, other_member, meetings_app):
    KEPT[other_member.pk] = "tourism-events"
    data = json.loads(download(client, member).read("data.json"))
    assert data["meeting_registrations"] == []


def test_a_new_apps_data_is_erased_with_the_account(member, meetings_app):
    KEPT[member.pk] = "youth-employment"
    account_delete(user=member)
    assert member.pk not in KEPT
    assert not User.objects.filter(pk=member.pk).exists()


def test_an_account_a_new_app_ties_to_is_not_pruned(meetings_app):
    unused = User.objects.create_user(email="ny@example.se", password="x" * 12, name="Ny")
    User.objects.filter(pk=unused.pk).update(date_joined=timezone.now() - timedelta(days=40))
    assert unused in unverified_accounts()
    Authenticator.objects.create(user=unused, type=Authenticator.Type.RECOVERY_CODES, data={})
    assert unused not in unverified_accounts()


def test_an_app_is_registered_once(meetings_app):
    personal_data.register(meetings_app)
    assert personal_data.HOLDINGS.count(meetings_app) == 1
