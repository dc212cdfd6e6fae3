"""A decision gets a second look: the process manager sees what will happen and the e-mail the
submitter will get, and only an explicit confirmation, in the state the case was shown in,
makes the move."""

import pytest
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.initiatives.models import CaseEvent, InventoryEntry
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.tests.factories import EffortFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(process_manager):
    initiative = InitiativeFactory(
        state=State.IN_REVIEW, submitter=UserFactory(language="sv", name="Kajsa Holm")
    )
    initiative.start_clock(timezone.now() - timezone.timedelta(days=5))
    initiative.save()
    return initiative


def move(case, lang="en"):
    return f"/{lang}/staff/cases/{case.pk}/move/"


DECLINE = {"move": "decline", "decline-reason": "Det finns redan ett liknande program."}


def test_a_decline_shows_the_e_mail_in_the_submitters_language_and_changes_nothing(
    client, process_manager, case, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(move(case), DECLINE)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Confirm: Decline</h1>" in page
    assert "The case goes from <strong>In review</strong> to <strong>Declined</strong>" in page
    assert "Kajsa Holm" in page and case.submitter.email in page
    assert '<div class="panel email-preview" lang="sv">' in page
    assert f"Beslut om ditt initiativ ”{case.title}”" in page  # the real subject, in Swedish
    assert "Det finns redan ett liknande program." in page
    assert 'name="state" value="in_review"' in page
    assert f'href="/en/staff/cases/{case.pk}/#move-decline"' in page  # cancel
    case.refresh_from_db()
    assert case.state == State.IN_REVIEW and not case.events.exists()
    assert not mail.outbox


def test_confirming_makes_the_move_and_sends_what_was_shown(
    client, process_manager, case, django_capture_on_commit_callbacks
):
    client.force_login(process_manager)
    shown = client.post(move(case), DECLINE).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(move(case), {**DECLINE, "confirm": "1", "state": "in_review"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.state == State.DECLINED and case.decided_at
    event = CaseEvent.objects.get(initiative=case, transition="decline")
    assert event.actor == process_manager and event.reason == DECLINE["decline-reason"]
    (sent,) = mail.outbox
    assert sent.subject in shown.replace("&quot;", '"')
    for line in sent.body.strip().splitlines()[:3]:
        assert line.replace('"', "&quot;") in shown


def test_a_confirmation_after_the_case_moved_meanwhile_is_refused_and_changes_nothing(
    client, process_manager, case, django_capture_on_commit_callbacks
):
    colleague = UserFactory(is_process_manager=True)
    client.force_login(process_manager)
    client.post(move(case), DECLINE)  # the confirmation is on the screen …
    perform_transition(initiative=case, name="adopt", actor=colleague)  # … a colleague adopts
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(move(case), {**DECLINE, "confirm": "1", "state": "in_review"})
    assert response.status_code == 400
    assert "The case has moved on since you looked at it: it is now adopted." in (
        response.content.decode()
    )
    case.refresh_from_db()
    assert case.state == State.ADOPTED
    assert not CaseEvent.objects.filter(transition="decline").exists() and not mail.outbox


def test_a_discontinue_confirmed_in_a_state_that_since_changed_is_refused(
    client, process_manager, case
):
    # Discontinuing is possible from both states, so only the state shown tells them apart.
    perform_transition(initiative=case, name="adopt", actor=process_manager)
    perform_transition(initiative=case, name="form_group", actor=process_manager)
    client.force_login(process_manager)
    data = {"move": "discontinue", "discontinue-reason": "Ingen tid", "confirm": "1"}
    response = client.post(move(case), {**data, "state": "adopted"})
    assert response.status_code == 400 and "has moved on" in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.GROUP_FORMING


def test_a_decision_posted_without_its_confirmation_state_is_not_made(
    client, process_manager, case
):
    client.force_login(process_manager)
    response = client.post(move(case), {**DECLINE, "confirm": "1"})
    assert response.status_code == 400
    case.refresh_from_db()
    assert case.state == State.IN_REVIEW


def test_a_decision_without_its_reason_is_refused_before_the_confirmation(
    client, process_manager, case
):
    client.force_login(process_manager)
    response = client.post(move(case), {"move": "decline", "decline-reason": ""})
    assert response.status_code == 400
    assert 'id="id_decline-reason_error"' in response.content.decode()
    assert "Confirm: Decline" not in response.content.decode()


def test_changing_the_message_goes_back_to_the_case_with_the_text_kept(
    client, process_manager, case
):
    client.force_login(process_manager)
    response = client.post(move(case), {**DECLINE, "change": "1"})
    page = response.content.decode()
    assert response.status_code == 200 and f'<h1 lang="sv">{case.title}</h1>' in page
    assert "autofocus" in page.split('name="decline-reason"', 1)[1].split(">", 1)[0]
    assert "Det finns redan ett liknande program.</textarea>" in page
    case.refresh_from_db()
    assert case.state == State.IN_REVIEW


def test_a_referral_names_the_work_and_shows_its_e_mail(client, process_manager, case):
    effort = EffortFactory(title="Feriepraktik i näringslivet", owner_org="Näringslivskontoret")
    InventoryEntry.objects.create(initiative=case, effort=effort)
    client.force_login(process_manager)
    page = client.post(
        move(case),
        {"move": "refer", "refer-referred_to": f"effort:{effort.pk}", "refer-reason": "Se"},
    ).content.decode()
    assert 'It is referred to "Feriepraktik i näringslivet".' in page
    assert "”Feriepraktik i näringslivet”" in page  # in the Swedish e-mail
    assert f'name="refer-referred_to" value="effort:{effort.pk}"' in page
    case.refresh_from_db()
    assert case.referred_to_effort is None


def test_with_the_submitter_gone_the_confirmation_says_nobody_is_told(
    client, process_manager, case
):
    case.submitter = None
    case.save()
    client.force_login(process_manager)
    page = client.post(move(case), {"move": "adopt", "adopt-reason": ""}).content.decode()
    assert "Nobody is e-mailed: the submitter has deleted their account." in page
    assert "email-preview" not in page


def test_the_confirmation_page_is_in_swedish_on_the_swedish_site(client, process_manager, case):
    client.force_login(process_manager)
    page = client.post(move(case, "sv"), DECLINE).content.decode()
    assert "Bekräfta: Avslå" in page
