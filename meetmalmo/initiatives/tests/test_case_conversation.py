"""The conversation on a case: the submitter writes to their process manager from their page,
the office answers from the case, each is told by e-mail with the link to where they read it,
files travel with the checks of the initiative form, and internal notes stay with staff."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory
from meetmalmo.initiatives.models import Attachment, CaseEvent
from meetmalmo.initiatives.services import add_note
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def manager(db):
    return ProcessManagerFactory(language="sv", name="Lena Åkesson")


@pytest.fixture
def case(member, manager):
    member.language = "en"
    member.save()
    initiative = InitiativeFactory(
        submitter=member,
        state=State.IN_REVIEW,
        assigned_to=manager,
        proposed_partners="Hotell Stadt och Malmö Live",
    )
    initiative.start_clock(timezone.now() - timedelta(days=5))
    initiative.save()
    return initiative


def pdf(name="budget.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_the_member_sees_the_whole_initiative_the_days_left_and_their_process_manager(
    client, member, case
):
    client.force_login(member)
    page = client.get(f"/en/my/initiatives/{case.pk}/").content.decode()
    assert case.description in page and case.challenge in page
    assert case.benefit_city in page and case.benefit_business in page
    assert "Hotell Stadt och Malmö Live" in page
    assert "16 days left of the three weeks" in page
    assert "Your process manager: Lena Åkesson" in page


def test_member_writes_office_answers_and_each_is_told_with_a_link(
    client, member, manager, case, django_capture_on_commit_callbacks
):
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/my/initiatives/{case.pk}/message/",
            {"message-text": "Här är budgeten för sommaren.", "message-attachments": [pdf()]},
        )
    assert response.status_code == 302
    written = CaseEvent.objects.get(initiative=case, kind="message")
    assert written.actor == member and not written.internal
    (attached,) = Attachment.objects.filter(event=written)
    assert attached.name == "budget.pdf" and attached.initiative == case
    (to_office,) = mail.outbox
    assert to_office.to == [manager.email]
    assert "Här är budgeten för sommaren." in to_office.body and "budget.pdf" in to_office.body
    link = re.search(r"http://testserver/sv/staff/cases/\d+/", to_office.body).group()

    client.force_login(manager)
    staff_page = client.get(link).content.decode()
    assert "Meddelande från inlämnaren:" in staff_page
    assert f"/sv/initiatives/attachments/{attached.pk}/" in staff_page
    add_note(initiative=case, actor=manager, text="Ring Hotell Stadt först.")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/sv/staff/cases/{case.pk}/message/", {"message-text": "Tack, vi läser den."})
    to_member = mail.outbox[1]
    assert to_member.to == [member.email]
    assert "Tack, vi läser den." in to_member.body
    back = re.search(r"http://testserver/en/my/initiatives/\d+/", to_member.body).group()

    client.force_login(member)
    page = client.get(back).content.decode()
    assert "Message from the Trade and Industry Office:" in page
    assert "Tack, vi läser den." in page and "Här är budgeten för sommaren." in page
    assert "Ring Hotell Stadt" not in page
    assert client.get(f"/en/initiatives/attachments/{attached.pk}/").status_code == 200


def test_a_bad_file_keeps_the_text_and_says_what_is_wrong(client, member, case):
    client.force_login(member)
    response = client.post(
        f"/en/my/initiatives/{case.pk}/message/",
        {
            "message-text": "Se bifogad fil.",
            "message-attachments": [
                SimpleUploadedFile("virus.pdf", b"MZ\x90\x00", "application/pdf")
            ],
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "virus.pdf is not a PDF, an office document or an image" in page
    assert "Se bifogad fil." in page
    assert not CaseEvent.objects.filter(kind="message").exists()
    assert mail.outbox == []


def test_a_good_file_with_a_missing_text_is_named_to_be_chosen_again(client, member, case):
    client.force_login(member)
    response = client.post(
        f"/en/my/initiatives/{case.pk}/message/",
        {"message-text": "  ", "message-attachments": [pdf()]},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in page
    assert "The page had errors, so budget.pdf was not kept: choose it again." in page
    assert 'aria-describedby="id_message-attachments_helptext id_message-attachments_error"' in page
    assert not Attachment.objects.exists()


@pytest.mark.parametrize(
    "text, error",
    [
        ("x" * 5_001, "Ensure this value has at most 5000 characters"),
        ("", "This field is required."),
    ],
)
def test_a_wrong_text_is_refused_beside_the_field(client, member, case, text, error):
    client.force_login(member)
    response = client.post(f"/en/my/initiatives/{case.pk}/message/", {"message-text": text})
    assert response.status_code == 400
    assert error in response.content.decode()


def test_hostile_text_is_shown_as_text(client, member, manager, case):
    client.force_login(member)
    client.post(
        f"/en/my/initiatives/{case.pk}/message/", {"message-text": "<script>alert(1)</script>"}
    )
    client.force_login(manager)
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert(1)" not in page


def test_someone_elses_case_is_not_found_and_nothing_is_sent(client, other_member, case):
    client.force_login(other_member)
    response = client.post(f"/en/my/initiatives/{case.pk}/message/", {"message-text": "Hej"})
    assert response.status_code == 404
    assert not CaseEvent.objects.filter(kind="message").exists() and mail.outbox == []


def test_a_draft_has_no_conversation(client, member):
    draft = InitiativeFactory(submitter=member, state=State.DRAFT)
    client.force_login(member)
    assert (
        "Write to the Trade and Industry Office"
        not in client.get(f"/en/my/initiatives/{draft.pk}/").content.decode()
    )
    response = client.post(
        f"/en/my/initiatives/{draft.pk}/message/", {"message-text": "Hej"}, follow=True
    )
    assert not CaseEvent.objects.filter(kind="message").exists()
    assert "Only the submitter and the office write" in response.content.decode()
