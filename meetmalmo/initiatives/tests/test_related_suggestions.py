import pytest

from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.tests.factories import EffortFactory

pytestmark = pytest.mark.django_db
URL = "/en/initiatives/related/"


@pytest.fixture
def effort():
    return EffortFactory(
        title="Sommarjobb för unga i Malmö stad",
        description="Staden erbjuder ungdomar sommarjobb.",
        owner_org="Malmö stad",
        url="https://malmo.se/sommarjobb",
    )


def test_a_writer_sees_efforts_on_the_same_subject(client, member, effort):
    client.force_login(member)
    page = client.get(URL, {"title": "Summer jobs", "summary": "for young people"})
    content = page.content.decode()
    # The effort opens its card, where the member can act on it.
    assert effort.title in content and f'href="/en/initiatives/efforts/{effort.pk}/"' in content
    assert "In common: Summer jobs, young" in content and "<html" not in content  # for htmx


def test_other_peoples_initiatives_are_never_shown_to_a_writer(client, member, effort):
    private = InitiativeFactory(title="Sommarjobb på Hotell Hemlig", state=State.DRAFT)
    perform_transition(initiative=private, name="submit", actor=private.submitter)
    client.force_login(member)
    content = client.get(URL, {"title": "sommarjobb hotell"}).content.decode()
    assert "Hemlig" not in content and effort.title in content


def test_focus_areas_ticked_count_as_well(client, member):
    youth = FocusArea.objects.get(code="youth-employment")
    effort = EffortFactory(title="Ett helt annat namn", focus_areas=[youth])
    client.force_login(member)
    content = client.get(URL, {"title": "Ett förslag", "focus_areas": [youth.pk]}).content.decode()
    assert effort.title in content


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"title": ""},
        {"title": "jobb"},
        {"description": "x" * 50_000},
        {"title": "مرحبا بالعالم", "summary": "你好"},
        {"title": "<script>alert(1)</script>", "focus_areas": ["abc", "-1", "99999"]},
    ],
)
def test_any_input_gets_a_sensible_answer(client, member, effort, params):
    client.force_login(member)
    response = client.get(URL, params)
    assert response.status_code == 200
    assert "<script>alert" not in response.content.decode()


def test_visitors_are_asked_to_log_in(client, effort):
    response = client.get(URL, {"title": "sommarjobb"})
    assert response.status_code == 302 and "/login/" in response.url


def test_the_form_of_a_saved_draft_lists_related_work_without_javascript(client, member, effort):
    draft = InitiativeFactory(title="Sommarjobb för ungdomar", submitter=member, state=State.DRAFT)
    client.force_login(member)
    content = client.get(f"/en/initiatives/{draft.pk}/edit/").content.decode()
    assert "Work already under way" in content and effort.title in content
    new = client.get("/en/initiatives/new/").content.decode()
    assert "Efforts on the same subject appear here as you write" in new
    assert 'hx-get="/en/initiatives/related/"' in new
