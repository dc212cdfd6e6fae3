"""A suggested effort's card: what a member may read of it, and what they do with it."""

import pytest

from meetmalmo.initiatives.models import CaseEvent, EffortVerdict
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory import services as inventory
from meetmalmo.inventory.tests.factories import EffortFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def effort():
    return EffortFactory(
        title="Sommarjobb för unga i Malmö stad",
        description="Staden erbjuder ungdomar sommarjobb.",
        owner_org="Malmö stad, Arbetsmarknadsförvaltningen",
        contact_email="handlaggare.privat@malmo.se",
        url="https://malmo.se/sommarjobb",
    )


@pytest.fixture
def case(member):
    case = InitiativeFactory(title="Sommarjobb på hotell", submitter=member, state=State.DRAFT)
    perform_transition(initiative=case, name="submit", actor=member)
    return case


def url(effort):
    return f"/en/initiatives/efforts/{effort.pk}/"


def test_a_member_reads_what_it_is_who_runs_it_and_its_status_never_its_contact(
    client, member, effort
):
    client.force_login(member)
    page = client.get(url(effort)).content.decode()
    assert effort.title in page and effort.owner_org in page and "Active" in page
    assert 'href="https://malmo.se/sommarjobb"' in page
    assert "handlaggare.privat@malmo.se" not in page
    assert "Save your initiative as a draft first" in page  # nothing of theirs to act on yet


def test_an_archived_effort_has_no_card_and_a_visitor_signs_in_first(client, member, effort):
    assert client.get(url(effort)).status_code == 302
    inventory.effort_set_archived(effort=effort, archived=True)
    client.force_login(member)
    assert client.get(url(effort)).status_code == 404


def test_asking_to_be_put_in_touch_is_a_message_on_the_case(client, member, case, effort):
    client.force_login(member)
    response = client.post(
        url(effort),
        {"initiative": case.pk, "action": "contact", "message": "Kan vi ses i maj?"},
    )
    assert response.status_code == 302
    message = CaseEvent.objects.get(initiative=case, kind=CaseEvent.Kind.MESSAGE)
    assert effort.title in message.reason and "Kan vi ses i maj?" in message.reason
    assert message.actor == member
    page = client.get(response["Location"]).content.decode()
    assert "Your question is on your initiative&#x27;s case" in page


def test_a_draft_cannot_ask_yet_and_says_so_beside_the_field(client, member, effort):
    draft = InitiativeFactory(title="Mitt utkast", submitter=member, state=State.DRAFT)
    client.force_login(member)
    response = client.post(
        url(effort), {"initiative": draft.pk, "action": "contact", "message": "Hej"}
    )
    content = response.content.decode()
    assert response.status_code == 400 and "Send your initiative first" in content
    assert "Hej</textarea>" in content  # what was written is kept
    assert not CaseEvent.objects.filter(initiative=draft, kind=CaseEvent.Kind.MESSAGE).exists()


def test_close_and_not_related_are_recorded_and_shown_to_staff_on_the_case(
    client, member, case, effort, process_manager
):
    other = EffortFactory(title="Hamnens service för resenärer")
    client.force_login(member)
    client.post(url(effort), {"initiative": case.pk, "action": "unrelated"})
    client.post(url(effort), {"initiative": case.pk, "action": "close"})  # changes its mind
    client.post(url(other), {"initiative": case.pk, "action": "unrelated"})
    verdicts = dict(EffortVerdict.objects.values_list("effort__title", "verdict"))
    assert verdicts == {effort.title: "close", other.title: "unrelated"}
    client.force_login(process_manager)
    page = client.get(f"/en/staff/cases/{case.pk}/").content.decode()
    assert "What the submitter said of suggested efforts" in page
    assert "Close to their idea" in page and "Not related, they say" in page


def test_someone_elses_initiative_cannot_be_chosen(client, member, case, effort, other_member):
    client.force_login(other_member)
    response = client.post(url(effort), {"initiative": case.pk, "action": "close"})
    assert response.status_code == 400
    assert "Choose one of your own initiatives." in response.content.decode()
    assert not EffortVerdict.objects.exists()


def test_the_verdicts_are_in_the_members_own_data(client, member, case, effort):
    from meetmalmo.initiatives.personal_data import _initiatives

    client.force_login(member)
    client.post(url(effort), {"initiative": case.pk, "action": "close"})
    (exported,) = _initiatives(member)
    assert exported["effort_verdicts"] == [{"effort": effort.title, "verdict": "close"}]


def test_an_effort_marked_not_related_is_not_suggested_again_for_that_draft(client, member, effort):
    draft = InitiativeFactory(
        title="Sommarjobb för unga",
        summary="Ungdomar får sommarjobb i staden.",
        submitter=member,
        state=State.DRAFT,
    )
    client.force_login(member)
    assert effort.title in client.get(f"/en/initiatives/{draft.pk}/edit/").content.decode()
    client.post(url(effort), {"initiative": draft.pk, "action": "unrelated"})
    assert effort.title not in client.get(f"/en/initiatives/{draft.pk}/edit/").content.decode()
