"""A person's notifications, settings and follows are in the download of their own data, and
go with their account, an address they followed without signing in included."""

import io
import json
import zipfile

import pytest
from django.utils import timezone

from meetmalmo.accounts.services import account_delete
from meetmalmo.notifications.models import Follow, Notification, Preference

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(member):
    Notification.objects.create(recipient=member, kind="case_message", text="Ett svar", path="/")
    Preference.objects.create(user=member, kind="group_news", frequency="weekly")
    Follow.objects.create(user=member, language="sv", target="project", target_id=7)
    Follow.objects.create(
        email=member.email, language="sv", target="news", confirmed_at=timezone.now()
    )
    Follow.objects.create(email="annan@example.se", language="sv", target="news")


def test_the_download_holds_them(client, member, kept):
    client.force_login(member)
    response = client.post("/en/my/data/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("data.json"))
    assert [n["text"] for n in data["notifications"]] == ["Ett svar"]
    assert data["notification_settings"] == {"group_news": "weekly"}
    assert {(f["what"], f["address"]) for f in data["follows"]} == {
        ("project", ""),
        ("news", member.email),
    }
    assert "annan@example.se" not in json.dumps(data)


def test_they_go_with_the_account(member, kept):
    account_delete(user=member)
    assert not Notification.objects.exists() and not Preference.objects.exists()
    assert list(Follow.objects.values_list("email", flat=True)) == ["annan@example.se"]
