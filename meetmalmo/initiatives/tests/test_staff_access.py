"""Every staff URL with each role: only process managers get in; a visitor is asked to sign in."""

import pytest
from django.core.files.base import ContentFile

from meetmalmo.initiatives.models import Attachment, ReplyTemplate
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.tests.factories import EffortFactory

pytestmark = pytest.mark.django_db

EXPECTED = {"visitor": 302, "member": 403, "administrator": 403, "process_manager": 200}


@pytest.fixture
def urls(member):
    # The case belongs to the member: being its submitter gives no access to the staff view.
    case = InitiativeFactory(submitter=member, state=State.IN_REVIEW)
    template = ReplyTemplate.objects.create(kind="adopt", name="Ja", body_sv="Ja", body_en="Yes")
    return {
        "get": [
            "/en/staff/",
            f"/en/staff/cases/{case.pk}/",
            "/en/staff/record/",
            "/en/staff/focus-areas/",
            "/en/staff/focus-areas/new/",
            "/en/staff/templates/",
            "/en/staff/templates/new/",
            f"/en/staff/templates/{template.pk}/",
        ],
        "post": [
            "/en/staff/assign/",
            "/en/staff/record/",
            "/en/staff/reply/",
            "/en/staff/focus-areas/new/",
            "/en/staff/templates/new/",
            f"/en/staff/cases/{case.pk}/move/",
            f"/en/staff/cases/{case.pk}/assign/",
            f"/en/staff/cases/{case.pk}/note/",
            f"/en/staff/cases/{case.pk}/question/",
        ],
        "case": case,
    }


@pytest.mark.parametrize("role", EXPECTED)
def test_staff_pages_are_for_process_managers_only(client, request, role, urls):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    for url in urls["get"]:
        response = client.get(url)
        assert response.status_code == EXPECTED[role], url
        if role == "visitor":
            assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("role", ["visitor", "member", "administrator"])
def test_nobody_else_can_act_on_a_case(client, request, role, urls):
    if role != "visitor":
        client.force_login(request.getfixturevalue(role))
    for url in urls["post"]:
        response = client.post(url, {"move": "adopt", "text": "x", "assignee": 1, "cases": [1]})
        assert response.status_code in (302, 403), url
    case = urls["case"]
    case.refresh_from_db()
    assert case.state == State.IN_REVIEW
    assert not case.events.exists()


def test_a_missing_case_is_a_404(client, process_manager):
    client.force_login(process_manager)
    assert client.get("/en/staff/cases/999999/").status_code == 404


def test_a_members_unsent_draft_is_neither_shown_to_staff_nor_sent_by_them(
    client, member, process_manager
):
    """The queue leaves drafts out; changing a case id in the address must too."""
    draft = InitiativeFactory(submitter=member, state=State.DRAFT)
    attachment = Attachment.objects.create(
        initiative=draft,
        file=ContentFile(b"%PDF-1.4 utkast", name="utkast.pdf"),
        name="utkast.pdf",
        content_type="application/pdf",
        size=15,
    )
    client.force_login(process_manager)
    assert client.get(f"/en/staff/cases/{draft.pk}/").status_code == 404
    assert client.get(f"/en/initiatives/attachments/{attachment.pk}/").status_code == 404
    for action, data in [
        ("move", {"move": "submit"}),
        ("assign", {"assignee": process_manager.pk}),
        ("note", {"note-text": "Intern"}),
        ("question", {"question-text": "Och budgeten?"}),
        ("inventory", {"kind": "effort", "target": EffortFactory().pk, "action": "add"}),
    ]:
        response = client.post(f"/en/staff/cases/{draft.pk}/{action}/", data)
        assert response.status_code == 404, action
    draft.refresh_from_db()
    assert (draft.state, draft.assigned_to) == (State.DRAFT, None)
    assert not draft.events.exists() and not draft.inventory.exists()
    client.force_login(member)
    assert client.get(f"/en/initiatives/attachments/{attachment.pk}/").status_code == 200
