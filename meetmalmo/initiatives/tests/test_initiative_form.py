import io
import zipfile

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.models import Attachment, CaseEvent, Initiative
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db
URL = "/en/initiatives/new/"
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def good(**changes):
    areas = FocusArea.objects.filter(code__in=["youth-employment", "tourism-events"])
    return {
        "title": "Sommarjobb i besöksnäringen",
        "summary": "Unga får sitt första jobb på hotell.",
        "description": "Hotell och staden samarbetar om sommarjobb.",
        "challenge": "Unga saknar kontakter.",
        "benefit_city": "Fler unga i arbete.",
        "benefit_business": "Framtidens medarbetare.",
        "proposed_partners": "Visita, Malmö stad",
        "focus_areas": [a.pk for a in areas],
        "language": "sv",
        "criterion_strategic": "on",
        "action": "submit",
        **changes,
    }


def test_a_visitor_is_taken_to_sign_up_and_back(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/signup/?next=/en/initiatives/new/"


def test_a_member_submits_an_initiative_with_an_attachment(
    client, member, django_capture_on_commit_callbacks
):
    client.force_login(member)
    upload = SimpleUploadedFile("plan.pdf", PDF, content_type="text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, {**good(), "attachments": [upload]})

    initiative = Initiative.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/my/initiatives/{initiative.pk}/"
    assert initiative.state == State.SUBMITTED
    assert (initiative.submitter, initiative.organisation) == (member, member.organisation)
    assert initiative.channel == "portal" and initiative.recorded_by is None
    assert initiative.focus_areas.count() == 2
    attachment = Attachment.objects.get()
    assert (attachment.name, attachment.content_type) == ("plan.pdf", "application/pdf")
    assert CaseEvent.objects.get().to_state == State.SUBMITTED
    assert mail.outbox[0].to == [member.email]
    page = client.get(response["Location"]).content.decode()
    assert "Decision promised by" in page and "plan.pdf" in page


def test_an_office_document_is_recognised_by_its_content(client, member):
    client.force_login(member)
    upload = SimpleUploadedFile("budget.docx", docx())
    client.post(URL, {**good(), "attachments": [upload]})
    assert Attachment.objects.get().content_type.endswith("wordprocessingml.document")


def test_a_draft_needs_only_a_title_and_can_be_finished_later(client, member):
    client.force_login(member)
    response = client.post(URL, {"title": "En idé om hamnen", "action": "draft"})
    initiative = Initiative.objects.get()
    assert initiative.state == State.DRAFT and initiative.submitted_at is None
    assert mail.outbox == []
    edit = f"/en/initiatives/{initiative.pk}/edit/"
    assert 'value="En idé om hamnen"' in client.get(edit).content.decode()
    response = client.post(edit, good(title="En idé om hamnen"))
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.state == State.SUBMITTED


def test_submitting_needs_every_required_field_and_keeps_what_was_typed(client, member):
    client.force_login(member)
    area = FocusArea.objects.get(code="investment")
    response = client.post(
        URL, good(description="", challenge="", focus_areas=[area.pk], title="Min idé")
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_description_error"' in content and 'id="id_challenge_error"' in content
    assert 'value="Min idé"' in content
    assert f'value="{area.pk}" id="id_focus_areas_' in content and "checked" in content
    assert not Initiative.objects.exists()


def test_errors_are_in_the_page_language(client, member):
    client.force_login(member)
    response = client.post("/sv/initiatives/new/", good(title=""))
    assert "Detta fält måste fyllas i." in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("virus.pdf.exe", b"MZ\x90\x00", "is not a PDF"),
        ("fake.pdf", b"<html><script>alert(1)</script>", "is not a PDF"),
        ("broken.docx", b"PK\x03\x04not really a zip", "is not a PDF"),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_with_the_reason(client, member, name, content, reason):
    client.force_login(member)
    response = client.post(URL, {**good(), "attachments": [SimpleUploadedFile(name, content)]})
    page = response.content.decode()
    assert reason in page and name in page
    assert 'value="Sommarjobb i besöksnäringen"' in page
    assert not Initiative.objects.exists() and not Attachment.objects.exists()


def test_a_file_over_the_limit_is_refused(client, member, settings):
    settings.ATTACHMENT_MAX_BYTES = 100
    client.force_login(member)
    upload = SimpleUploadedFile("big.pdf", PDF + b"x" * 200)
    response = client.post(URL, {**good(), "attachments": [upload]})
    assert "big.pdf is too large" in response.content.decode()
    assert not Initiative.objects.exists()


def test_too_many_files_are_refused(client, member):
    client.force_login(member)
    uploads = [SimpleUploadedFile(f"{i}.pdf", PDF) for i in range(6)]
    response = client.post(URL, {**good(), "attachments": uploads})
    assert "Attach at most 5 files." in response.content.decode()
    assert not Initiative.objects.exists()


def test_huge_and_hostile_values_are_refused_or_escaped(client, member):
    client.force_login(member)
    response = client.post(URL, good(title="T" * 5_000, summary="<script>alert(1)</script>"))
    page = response.content.decode()
    assert 'id="id_title_error"' in page
    assert "<script>alert(1)</script>" not in page
    assert not Initiative.objects.exists()


def test_an_unknown_focus_area_is_refused(client, member):
    client.force_login(member)
    response = client.post(URL, good(focus_areas=["99999"]))
    assert 'id="id_focus_areas_error"' in response.content.decode()
    assert not Initiative.objects.exists()


def test_nobody_edits_someone_elses_draft(client, member, other_member):
    client.force_login(member)
    client.post(URL, {"title": "Min hemliga idé", "action": "draft"})
    initiative = Initiative.objects.get()
    client.force_login(other_member)
    assert client.get(f"/en/initiatives/{initiative.pk}/edit/").status_code == 404
    assert client.post(f"/en/initiatives/{initiative.pk}/edit/", good()).status_code == 404
    initiative.refresh_from_db()
    assert initiative.state == State.DRAFT


def test_a_visitor_comes_back_to_the_form_after_signing_up_and_verifying(client):
    import re

    from meetmalmo.accounts.tests.test_signup import GOOD

    client.post("/en/accounts/signup/", {**GOOD, "next": "/en/initiatives/new/"})
    link = re.search(r"https?://[^/]+(/en/accounts/confirm-email/\S+)", mail.outbox[0].body)[1]
    response = client.post(link)
    assert response["Location"] == "/en/initiatives/new/"
    assert client.get(response["Location"]).status_code == 200


def test_the_empty_form_marks_what_submitting_needs(client, member):
    client.force_login(member)
    content = client.get(URL).content.decode()
    for field in ["title", "summary", "description", "challenge", "benefit_city"]:
        assert f'<label for="id_{field}">' in content
        assert f'name="{field}"' in content and f'id="id_{field}"' in content
    assert content.count('<span class="required" aria-hidden="true">*</span>') >= 7


@pytest.mark.parametrize("name", ["🙂🙂.pdf", "🙂", "   ", "...", "plan." + "x" * 200])
def test_a_file_with_an_unusual_name_is_kept_and_shown_by_that_name(client, member, name):
    client.force_login(member)
    response = client.post(URL, {**good(), "attachments": [SimpleUploadedFile(name, PDF)]})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.name == name[:200]
    assert attachment.file.name.endswith(".pdf") and len(attachment.file.name) <= 100
    assert attachment.file.open("rb").read() == PDF
