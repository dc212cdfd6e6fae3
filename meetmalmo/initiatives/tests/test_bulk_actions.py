"""The queue's bulk actions: each needs only its own choice, a missing one is explained on the
queue the person came from with their ticks kept, and they lead back only to our own pages."""

import pytest
from django.utils import timezone

from meetmalmo.initiatives.models import CaseEvent, Initiative, ReplyTemplate
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db


def case(title):
    initiative = InitiativeFactory(title=title, state=State.SUBMITTED)
    initiative.start_clock(timezone.now())
    initiative.save()
    return initiative


def test_the_queue_does_not_make_the_browser_require_the_other_actions_choice(
    client, process_manager
):
    case("Ett")
    ReplyTemplate.objects.create(kind="question", name="Partner", body_sv="Ja", body_en="Yes")
    client.force_login(process_manager)
    content = client.get("/en/staff/", {"tab": "new"}).content.decode()
    assert 'id="bulk-assign"' in content and 'id="bulk-reply"' in content
    assert 'name="assignee"' in content and 'name="template"' in content
    assert " required" not in content.split('id="bulk-assign"')[1].split("</form>")[0]


def test_a_missing_assignee_is_explained_on_the_same_tab_with_the_ticks_kept(
    client, process_manager
):
    first, second = case("Ett"), case("Två")
    client.force_login(process_manager)
    response = client.post(
        "/en/staff/assign/", {"cases": [first.pk], "next": "/en/staff/?tab=open&q=Ett"}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert '<ul class="errors" id="id_assignee_error"><li>This field is required.' in content
    assert f'id="case-{first.pk}" checked' in content
    assert f'id="case-{second.pk}" checked' not in content
    assert 'name="next" value="/en/staff/?tab=open&amp;q=Ett"' in content
    assert 'aria-current="page">All open</a>' in content
    assert not CaseEvent.objects.exists()


def test_no_case_ticked_is_explained_in_the_action_used(client, process_manager):
    case("Ett")
    ReplyTemplate.objects.create(kind="question", name="Partner", body_sv="Ja", body_en="Yes")
    client.force_login(process_manager)
    response = client.post("/sv/staff/reply/", {"template": ReplyTemplate.objects.get().pk})
    assert response.status_code == 400
    assert 'id="bulk-reply-cases-error"><li>Välj minst ett ärende.' in response.content.decode()


def test_after_the_action_the_person_is_back_only_on_our_own_pages(client, process_manager):
    first = case("Ett")
    client.force_login(process_manager)
    response = client.post(
        "/en/staff/assign/",
        {"cases": [first.pk], "assignee": process_manager.pk, "next": "https://evil.example/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/queue/"
    assert Initiative.objects.get(pk=first.pk).assigned_to == process_manager
