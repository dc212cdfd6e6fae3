"""A member downloads what the portal keeps about them: a ZIP with data.json and their files,
and never anything of anyone else's."""

import io
import json
import zipfile

import pytest
from django.core.mail import send_mail
from django.test import override_settings

from meetmalmo.accounts.personal_data import email_log_to, personal_data
from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.accounts.tests.footprint import PDF, footprint, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def trail(member, other_member, process_manager):
    return footprint(member, other_member, process_manager)


def download(client, user):
    client.force_login(user)
    response = client.post("/en/my/data/")
    assert response.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    return response, archive


def test_a_visitor_is_asked_to_sign_in(client):
    for method in (client.get, client.post):
        response = method("/en/my/data/")
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_page_says_what_the_download_holds(client, member):
    client.force_login(member)
    page = client.get("/en/my/data/").content.decode()
    assert "<h1>Download your data</h1>" in page
    assert "data.json" in page and "the initiatives you brought in" in page
    assert 'method="post"' in page and "Download your data (ZIP)" in page


def test_the_download_is_a_zip_that_is_never_cached(client, member):
    response, archive = download(client, member)
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="meetmalmo-data-')
    assert "no-store" in response["Cache-Control"]
    assert archive.namelist() == ["data.json"]
    data = json.loads(archive.read("data.json").decode("utf-8"))
    assert data["account"]["email"] == member.email
    assert data["initiatives"] == [] and data["resource_profile"] is None


def test_the_zip_holds_everything_the_portal_keeps_about_the_member(client, member, trail):
    _response, archive = download(client, member)
    raw = archive.read("data.json").decode("utf-8")
    assert raw.startswith('{\n  "exported"')  # indented, for people to read
    data = json.loads(raw)

    assert data["account"]["name"] == member.name
    assert data["account"]["organisation"]["name"] == member.organisation.name
    assert data["email_addresses"] == [{"email": member.email, "verified": True, "primary": True}]

    titles = [case["title"] for case in data["initiatives"]]
    assert titles == ["Sommarjobb på hotell", "Halvfärdig idé"]
    case = data["initiatives"][0]
    assert case["state"] == "group_forming" and case["focus_areas"][0]["code"] == (
        "youth-employment"
    )
    assert case["criteria"] == {
        "strategic": True,
        "cooperation": True,
        "social_sustainability": False,
    }
    kinds = [event["kind"] for event in case["events"]]
    assert kinds == ["transition", "question", "answer", "transition", "transition", "transition"]
    assert [a["text"] for a in data["answers"]] == ["Tre hotell vid Stortorget."]

    assert data["resource_profile"]["competences"] == ["rekrytering"]
    groups = {m["initiative"]: m for m in data["group_memberships"]}
    assert groups["Sommarjobb på hotell"]["role"] == "owner"
    assert groups["Sommarjobb på hotell"]["milestones"][0]["title"] == "Första träffen"
    assert groups["Kompetens för spelbranschen"]["role"] == "owner"
    assert [i["message"] for i in data["invitations"]] == ["Välkommen!"]
    assert [u["text"] for u in data["updates"]] == ["Vi har bokat lokal."]
    assert [h["initiative"] for h in data["handovers"]] == [
        "Kompetens för spelbranschen",
        "Evenemang i Västra hamnen",
    ]
    assert data["reports"][0]["summary"] == "Sex studios var med."
    assert data["reports"][0]["outcomes"] == [
        {"label": "studios", "number": "6.00", "unit": "företag"}
    ]
    assert [c["text"] for c in data["comments"]] == ["Vilken fin dag!"]


def test_the_attachments_are_in_the_zip_as_they_were_uploaded(client, member, trail):
    _response, archive = download(client, member)
    data = json.loads(archive.read("data.json"))
    paths = [a["file"] for case in data["initiatives"] for a in case["attachments"]]
    assert paths == [
        f"attachments/{trail.initiative.pk}/{trail.attachment.pk}-plan.pdf",
        f"attachments/{trail.draft.pk}/{trail.draft_attachment.pk}-utkast.pdf",
    ]
    assert sorted(archive.namelist()) == sorted(["data.json", *paths])
    assert archive.read(paths[0]) == PDF


def test_staff_notes_and_other_peoples_data_stay_out(client, member, other_member, trail):
    _response, archive = download(client, member)
    raw = archive.read("data.json").decode("utf-8")
    assert "Internt: ring Visit Malmö först." not in raw  # an internal note on their case
    assert '"assignment"' not in raw
    assert other_member.email not in raw and other_member.email.upper() not in raw
    assert "Bra initiativ." not in raw  # the other member's comment
    assert not any(name.endswith(("annan.pdf", "tredje.pdf")) for name in archive.namelist())


def test_another_member_gets_only_their_own_data(client, member, other_member, trail):
    _response, archive = download(client, other_member)
    raw = archive.read("data.json").decode("utf-8")
    data = json.loads(raw)
    assert data["account"]["email"] == other_member.email
    assert [case["title"] for case in data["initiatives"]] == [
        "Kompetens för spelbranschen",
        "Evenemang i Västra hamnen",
    ]
    assert member.email not in raw and member.email.upper() not in raw
    assert "Sommarjobb på hotell" not in raw and "Vi har bokat lokal." not in raw
    assert not any(name.endswith(("plan.pdf", "utkast.pdf")) for name in archive.namelist())
    assert data["resource_profile"] is None and data["invitations"] == []


def test_a_comment_belongs_to_a_member_only_through_a_verified_address(member):
    from allauth.account.models import EmailAddress

    from meetmalmo.publishing.tests.factories import CommentFactory

    EmailAddress.objects.create(user=member, email="someone-else@example.se", verified=False)
    CommentFactory(email="someone-else@example.se", text="Inte min kommentar.")
    assert personal_data(member)["comments"] == []


def test_a_missing_file_does_not_stop_the_download(client, member):
    case = submit(member, "Fil som försvann")
    attachment = case.attachments.get()
    attachment.file.storage.delete(attachment.file.name)
    _response, archive = download(client, member)
    data = json.loads(archive.read("data.json"))
    assert data["initiatives"][0]["attachments"][0]["file"] is None
    assert archive.namelist() == ["data.json"]


def test_an_attachment_name_cannot_leave_the_attachments_folder(client, member):
    submit(member, "Konstigt filnamn", name="../../etc/passwd.pdf")
    _response, archive = download(client, member)
    (path,) = [name for name in archive.namelist() if name != "data.json"]
    assert path.startswith("attachments/") and ".." not in path


@override_settings(
    EMAIL_BACKEND="meetmalmo.core.mail.TaskEmailBackend",
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
)
def test_the_email_log_lists_only_messages_to_the_member(
    member, other_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Till dig", "Hej", None, [member.email.upper()])
        send_mail("Till någon annan", "Hej", None, [other_member.email])
        send_mail("Till er båda", "Hej", None, [member.email, other_member.email])
    assert [row.args_kwargs["args"][0]["subject"] for row in email_log_to([member.email])] == [
        "Till dig"
    ]
    assert [m["subject"] for m in personal_data(member)["email_log"]] == ["Till dig"]


def test_a_staff_member_downloads_their_own_data_too(client, process_manager):
    UserFactory()
    _response, archive = download(client, process_manager)
    data = json.loads(archive.read("data.json"))
    assert data["account"]["email"] == process_manager.email
    assert data["account"]["process_manager"] is True
