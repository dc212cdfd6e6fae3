from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory
from meetmalmo.initiatives.models import CaseEvent, InventoryEntry, ReplyTemplate
from meetmalmo.initiatives.services import add_note
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.tests.factories import EffortFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative():
    initiative = InitiativeFactory(state=State.SUBMITTED, submitter=UserFactory(language="en"))
    initiative.start_clock(timezone.now() - timedelta(days=3))
    initiative.save()
    return initiative


def url(initiative, action=""):
    return f"/en/staff/cases/{initiative.pk}/{action}"


def confirmed(data, state=State.IN_REVIEW):
    """A decision as its confirmation page posts it, in the state it was shown in."""
    return {**data, "confirm": "1", "state": state}


def test_the_case_shows_everything_staff_need(client, process_manager, initiative):
    add_note(initiative=initiative, actor=process_manager, text="Ring Visita först")
    client.force_login(process_manager)
    content = client.get(url(initiative)).content.decode()
    assert initiative.title in content and initiative.submitter.email in content
    assert "Ring Visita först" in content
    assert "18 days left" in content
    assert "Take and start review" in content


def test_taking_adopting_with_a_message(
    client, process_manager, initiative, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    client.post(url(initiative, "move/"), {"move": "take"})
    initiative.refresh_from_db()
    assert (initiative.state, initiative.assigned_to) == (State.IN_REVIEW, process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(initiative, "move/"), confirmed({"move": "adopt", "adopt-reason": "Välkomna in!"})
        )
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.state == State.ADOPTED and initiative.decided_at
    assert CaseEvent.objects.filter(transition="adopt", reason="Välkomna in!").exists()
    assert "Meet Malmö adopts your initiative" in mail.outbox[-1].subject


def test_declining_without_a_reason_is_refused_beside_the_field(
    client, process_manager, initiative
):
    initiative.state = State.IN_REVIEW
    initiative.save()
    client.force_login(process_manager)
    response = client.post(url(initiative, "move/"), {"move": "decline", "decline-reason": "   "})
    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="id_decline-reason_error"' in content and "Give a reason" in content
    initiative.refresh_from_db()
    assert initiative.state == State.IN_REVIEW


def test_referring_to_earlier_work(
    client, process_manager, initiative, django_capture_on_commit_callbacks
):
    initiative.state = State.IN_REVIEW
    initiative.save()
    earlier = InitiativeFactory(state=State.ACTIVE, title="Hej Framtid")
    client.force_login(process_manager)
    page = client.get(url(initiative)).content.decode()
    assert "Link the existing work in the inventory first" in page
    InventoryEntry.objects.create(initiative=initiative, related_initiative=earlier)
    missing = client.post(url(initiative, "move/"), {"move": "refer", "refer-reason": "Se"})
    assert 'id="id_refer-referred_to_error"' in missing.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(initiative, "move/"),
            confirmed(
                {
                    "move": "refer",
                    "refer-referred_to": f"initiative:{earlier.pk}",
                    "refer-reason": "Se Hej Framtid.",
                }
            ),
        )
    initiative.refresh_from_db()
    assert (initiative.state, initiative.referred_to) == (State.REFERRED, earlier)
    assert 'refers your initiative to it: "Hej Framtid"' in mail.outbox[-1].body


def test_it_refers_to_an_existing_effort(
    client, process_manager, initiative, django_capture_on_commit_callbacks
):
    initiative.state = State.IN_REVIEW
    initiative.save()
    effort = EffortFactory(
        title="Feriepraktik i näringslivet", owner_org="Näringslivskontoret", url="https://x.se/f"
    )
    other = EffortFactory(title="Inte i inventeringen")
    InventoryEntry.objects.create(initiative=initiative, effort=effort, note="Samma målgrupp")
    client.force_login(process_manager)
    page = client.get(url(initiative)).content.decode()
    assert f'value="effort:{effort.pk}"' in page and f"effort:{other.pk}" not in page
    refused = client.post(
        url(initiative, "move/"),
        {"move": "refer", "refer-referred_to": f"effort:{other.pk}", "refer-reason": "Se"},
    )
    assert refused.status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(initiative, "move/"),
            confirmed(
                {"move": "refer", "refer-referred_to": f"effort:{effort.pk}", "refer-reason": "Se"}
            ),
        )
    initiative.refresh_from_db()
    assert initiative.state == State.REFERRED
    assert (initiative.referred_to, initiative.referred_to_effort) == (None, effort)
    body = mail.outbox[-1].body
    assert '"Feriepraktik i näringslivet"' in body
    assert "It is run by Näringslivskontoret. https://x.se/f" in body


def test_a_move_the_workflow_does_not_allow_changes_nothing(client, process_manager, initiative):
    client.force_login(process_manager)
    response = client.post(url(initiative, "move/"), {"move": "complete"})
    assert response.status_code == 400
    assert "not possible" in response.content.decode()
    assert client.post(url(initiative, "move/"), {"move": "explode"}).status_code == 302
    initiative.refresh_from_db()
    assert initiative.state == State.SUBMITTED and not initiative.events.exists()


def test_reassigning_from_the_case_page(client, process_manager, initiative):
    colleague = ProcessManagerFactory()
    client.force_login(process_manager)
    client.post(url(initiative, "assign/"), {"assignee": colleague.pk})
    initiative.refresh_from_db()
    assert initiative.assigned_to == colleague
    member = UserFactory()
    client.post(url(initiative, "assign/"), {"assignee": member.pk})
    initiative.refresh_from_db()
    assert initiative.assigned_to == colleague


def test_notes_and_questions_with_empty_text_are_refused(client, process_manager, initiative):
    client.force_login(process_manager)
    for action, prefix in (("note/", "note"), ("question/", "question")):
        response = client.post(url(initiative, action), {f"{prefix}-text": ""})
        assert response.status_code == 400
        assert f'id="id_{prefix}-text_error"' in response.content.decode()
    assert not initiative.events.exists()


def test_a_question_goes_to_the_submitter(
    client, process_manager, initiative, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(initiative, "question/"), {"question-text": "Vilka hotell?"})
    assert mail.outbox[-1].to == [initiative.submitter.email]


def test_a_reply_template_fills_the_message_in_the_submitters_language(
    client, process_manager, initiative
):
    initiative.state = State.IN_REVIEW
    initiative.save()
    template = ReplyTemplate.objects.create(
        kind="decline", name="Finns redan", body_sv="Det finns redan.", body_en="It exists already."
    )
    client.force_login(process_manager)
    content = client.get(url(initiative), {"template": template.pk}).content.decode()
    assert "It exists already." in content and "Det finns redan." not in content


def test_staff_write_reply_templates_in_both_languages(client, process_manager):
    client.force_login(process_manager)
    empty = client.post("/en/staff/templates/new/", {"kind": "decline", "name": "Nej"})
    assert empty.status_code == 200 and 'id="id_body_sv_error"' in empty.content.decode()
    assert 'value="Nej"' in empty.content.decode()
    client.post(
        "/en/staff/templates/new/",
        {"kind": "decline", "name": "Nej", "body_sv": "Tyvärr.", "body_en": "Sorry."},
    )
    assert ReplyTemplate.objects.get().body_en == "Sorry."


def test_the_case_page_keeps_a_fixed_number_of_queries(
    client, process_manager, initiative, django_assert_num_queries, django_assert_max_num_queries
):
    def inventory(n):
        for i in range(n):
            effort = EffortFactory(title=f"Sommarjobb {n}-{i}", description="Unga på hotell.")
            InventoryEntry.objects.create(initiative=initiative, effort=effort, dismissed=i % 2)
            EffortFactory(title=f"Hotell och unga {n}-{i}")

    client.force_login(process_manager)
    inventory(1)
    add_note(initiative=initiative, actor=process_manager, text="Den första")  # a history
    with django_assert_max_num_queries(100) as small:
        page = client.get(url(initiative))
    assert "Hotell och unga 1-0" in page.content.decode()  # a suggestion is on the page
    for i in range(20):
        add_note(initiative=initiative, actor=ProcessManagerFactory(), text=f"Anteckning {i}")
    inventory(20)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url(initiative))


def test_staff_edit_the_focus_area_list(client, process_manager):
    from meetmalmo.core.models import FocusArea

    client.force_login(process_manager)
    bad = client.post(
        "/en/staff/focus-areas/new/",
        {"name_sv": "Cirkulär ekonomi", "name_en": "", "code": "inte giltig!", "position": 9},
    )
    content = bad.content.decode()
    assert 'id="id_name_en_error"' in content and 'id="id_code_error"' in content
    assert 'value="Cirkulär ekonomi"' in content
    client.post(
        "/en/staff/focus-areas/new/",
        {
            "name_sv": "Cirkulär ekonomi",
            "name_en": "Circular economy",
            "code": "circular",
            "position": 9,
            "active": "on",
        },
    )
    area = FocusArea.objects.get(code="circular")
    client.post(
        f"/en/staff/focus-areas/{area.pk}/",
        {
            "name_sv": "Cirkulär ekonomi",
            "name_en": "Circular economy",
            "code": "circular",
            "position": 9,
        },
    )
    area.refresh_from_db()
    assert not area.active
    assert "Circular economy" not in client.get("/en/initiatives/new/").content.decode()
    assert "Circular economy" in client.get("/en/staff/focus-areas/").content.decode()
