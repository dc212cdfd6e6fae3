import pytest
from django.core import mail
from django.core.files.base import ContentFile

from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory
from meetmalmo.initiatives.services import add_note, request_information
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db


def submitted_case(member, state=State.IN_REVIEW):
    from django.utils import timezone

    initiative = InitiativeFactory(submitter=member, state=state)
    initiative.start_clock(timezone.now())
    initiative.save()
    return initiative


def test_my_page_lists_only_my_initiatives_with_the_promised_date(client, member, other_member):
    mine = submitted_case(member)
    theirs = submitted_case(other_member)
    client.force_login(member)
    page = client.get("/en/my/").content.decode()
    assert mine.title in page and theirs.title not in page
    assert "Being reviewed by the Trade and Industry Office" in page
    assert "Decision promised by" in page


def test_my_page_answers_in_the_same_number_of_queries_at_10_and_500_cases(
    client, member, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(member)
    for _ in range(10):
        submitted_case(member)
    with django_assert_max_num_queries(10) as small:
        client.get("/en/my/")
    for _ in range(490):
        submitted_case(member)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get("/en/my/")


@pytest.mark.parametrize(
    "path",
    ["my/initiatives/{pk}/", "initiatives/{pk}/edit/"],
)
@pytest.mark.parametrize("who", ["other_member", "visitor"])
def test_someone_elses_case_is_not_found(client, member, who, request, path):
    initiative = submitted_case(member, state=State.DRAFT)
    if who != "visitor":
        client.force_login(request.getfixturevalue(who))
    response = client.get("/en/" + path.format(pk=initiative.pk))
    assert response.status_code == (404 if who != "visitor" else 302)


@pytest.mark.parametrize("action", ["answer", "withdraw"])
def test_someone_else_cannot_answer_or_withdraw(client, member, other_member, action):
    initiative = submitted_case(member)
    client.force_login(other_member)
    response = client.post(f"/en/my/initiatives/{initiative.pk}/{action}/", {"text": "Hej"})
    assert response.status_code == 404
    initiative.refresh_from_db()
    assert initiative.state == State.IN_REVIEW
    assert not initiative.events.exists()


def test_internal_notes_never_reach_the_submitter(client, member):
    initiative = submitted_case(member)
    add_note(initiative=initiative, actor=ProcessManagerFactory(), text="Hemlig bedömning")
    client.force_login(member)
    assert (
        "Hemlig bedömning"
        not in client.get(f"/en/my/initiatives/{initiative.pk}/").content.decode()
    )


def test_the_submitter_answers_a_request_for_information(
    client, member, django_capture_on_commit_callbacks
):
    manager = ProcessManagerFactory()
    initiative = submitted_case(member)
    initiative.assigned_to = manager
    initiative.save()
    request_information(initiative=initiative, actor=manager, text="Hur många hotell?")
    client.force_login(member)
    page = client.get(f"/en/my/initiatives/{initiative.pk}/").content.decode()
    assert "Hur många hotell?" in page and "Answer the Trade and Industry Office" in page

    empty = client.post(f"/en/my/initiatives/{initiative.pk}/answer/", {"text": "  "})
    assert empty.status_code == 400 and 'id="id_text_error"' in empty.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/my/initiatives/{initiative.pk}/answer/", {"text": "Fem."})
    assert response.status_code == 302
    assert "Fem." in client.get(f"/en/my/initiatives/{initiative.pk}/").content.decode()
    assert mail.outbox[-1].to == [manager.email]


def test_the_submitter_withdraws_before_the_decision_but_not_after(client, member):
    open_case = submitted_case(member)
    decided = submitted_case(member, state=State.ADOPTED)
    client.force_login(member)
    assert (
        "Withdraw the initiative"
        in client.get(f"/en/my/initiatives/{open_case.pk}/").content.decode()
    )
    assert (
        "Withdraw the initiative"
        not in client.get(f"/en/my/initiatives/{decided.pk}/").content.decode()
    )

    client.post(f"/en/my/initiatives/{open_case.pk}/withdraw/")
    open_case.refresh_from_db()
    assert open_case.state == State.WITHDRAWN
    client.post(f"/en/my/initiatives/{decided.pk}/withdraw/")
    decided.refresh_from_db()
    assert decided.state == State.ADOPTED


def test_withdrawing_asks_once_more_and_only_the_answer_withdraws(client, member):
    initiative = submitted_case(member)
    client.force_login(member)
    page = client.get(f"/en/my/initiatives/{initiative.pk}/").content.decode()
    assert f'href="/en/my/initiatives/{initiative.pk}/withdraw/"' in page
    question = client.get(f"/en/my/initiatives/{initiative.pk}/withdraw/").content.decode()
    assert "<h1>Withdraw the initiative?</h1>" in question and "This cannot be undone" in question
    initiative.refresh_from_db()
    assert initiative.state == State.IN_REVIEW
    client.post(f"/en/my/initiatives/{initiative.pk}/withdraw/")
    initiative.refresh_from_db()
    assert initiative.state == State.WITHDRAWN
    again = client.get(f"/en/my/initiatives/{initiative.pk}/withdraw/")
    assert again["Location"] == f"/en/my/initiatives/{initiative.pk}/"


@pytest.mark.parametrize(
    ("who", "status"),
    [("submitter", 200), ("process_manager", 200), ("other_member", 404), ("visitor", 302)],
)
def test_attachments_are_served_only_to_the_submitter_and_staff(client, member, who, status):
    initiative = submitted_case(member)
    attachment = initiative.attachments.create(
        file=ContentFile(b"%PDF-1.7", name="plan.pdf"),
        name="plan.pdf",
        content_type="application/pdf",
        size=8,
    )
    people = {
        "submitter": member,
        "process_manager": ProcessManagerFactory(),
        "other_member": UserFactory(),
    }
    if who in people:
        client.force_login(people[who])
    response = client.get(f"/en/initiatives/attachments/{attachment.pk}/")
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == b"%PDF-1.7"
        assert "attachment" in response["Content-Disposition"]


def test_a_visitor_is_asked_to_sign_in_for_my_page(client):
    response = client.get("/en/my/")
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_a_process_manager_sees_someone_elses_case_only_on_the_staff_page(
    client, member, process_manager
):
    initiative = submitted_case(member)
    client.force_login(process_manager)
    assert client.get(f"/en/my/initiatives/{initiative.pk}/").status_code == 404
    assert client.get(f"/en/staff/cases/{initiative.pk}/").status_code == 200
