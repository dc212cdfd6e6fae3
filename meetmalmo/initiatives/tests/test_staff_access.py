"""Every staff URL with each role: only process managers get in; a visitor is asked to sign in."""

import pytest

from meetmalmo.initiatives.models import ReplyTemplate
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

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
