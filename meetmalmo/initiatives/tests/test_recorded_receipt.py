"""The receipt of an initiative recorded from a meeting, a call or an e-mail: written for someone
who met the office, in their language, with a link that works to claim the account and follow
the case."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.initiatives.models import Initiative
from meetmalmo.initiatives.tests.test_initiative_form import good
from meetmalmo.initiatives.tests.test_staff_record import person

pytestmark = pytest.mark.django_db


def record(client, process_manager, capture, lang="en", language="sv", **changes):
    """Record an initiative told in `language` on the staff page in `lang`."""
    client.force_login(process_manager)
    with capture(execute=True):
        client.post(f"/{lang}/staff/record/", {**good(language=language), **person(**changes)})
    client.logout()
    return Initiative.objects.get()


def links(body: str) -> list[str]:
    return re.findall(r"http://testserver\S+", body)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


def test_a_new_contact_is_thanked_for_the_meeting_and_claims_the_account_by_the_link(
    client, process_manager, django_capture_on_commit_callbacks
):
    initiative = record(client, process_manager, django_capture_on_commit_callbacks, language="en")
    receipt = mail.outbox[-1]
    assert receipt.to == ["kajsa@hamnkrogen.se"]
    assert receipt.subject == f'We have recorded your initiative "{initiative.title}"'
    assert "Thank you for the meeting. We have recorded your initiative" in receipt.body
    assert "submitting" not in receipt.body
    claim, reset, case = links(receipt.body)
    assert "/accounts/password/reset/key/" in claim
    assert case == f"http://testserver/en/my/initiatives/{initiative.pk}/"  # her language

    # The link leads to a form that sets her password: the account is hers.
    chosen = client.get(claim, follow=True)
    assert chosen.status_code == 200 and 'name="password1"' in chosen.content.decode()
    done = client.post(
        chosen.redirect_chain[-1][0],
        {"password1": "Sill-och-potatis-77", "password2": "Sill-och-potatis-77"},
    )
    assert done.status_code == 302, done.content.decode()[-3000:]
    contact = initiative.submitter
    contact.refresh_from_db()
    assert contact.check_password("Sill-och-potatis-77")
    # Spent once used.
    assert 'name="password1"' not in client.get(claim, follow=True).content.decode()
    assert client.get(reset).status_code == 200

    # Once her address is confirmed, the case link shows her initiative.
    EmailAddress.objects.filter(user=contact).update(verified=True)
    client.force_login(contact)
    page = client.get(case)
    assert page.status_code == 200 and initiative.title in page.content.decode()


def test_a_person_with_an_account_gets_the_link_to_the_case_on_their_page(
    client, process_manager, django_capture_on_commit_callbacks
):
    member = UserFactory(language="en")
    initiative = record(
        client,
        process_manager,
        django_capture_on_commit_callbacks,
        **{"person-email": member.email, "person-channel": "phone"},
    )
    body = mail.outbox[-1].body
    assert "Thank you for the call." in body
    assert "choose a password" not in body and "/password/reset/" not in body
    (case,) = links(body)
    assert case == f"http://testserver/en/my/initiatives/{initiative.pk}/"
    client.force_login(member)
    assert initiative.title in client.get(case).content.decode()


def test_the_swedish_receipt_says_tack_for_motet(
    client, process_manager, django_capture_on_commit_callbacks
):
    record(client, process_manager, django_capture_on_commit_callbacks, lang="sv", language="sv")
    receipt = mail.outbox[-1]
    assert receipt.subject.startswith("Vi har registrerat ditt initiativ")
    assert "Tack för mötet. Vi har registrerat ditt initiativ" in receipt.body
    due = timezone.localdate() + timezone.timedelta(days=21)
    assert f"{due.day} " in receipt.body


def test_a_receipt_from_the_portal_stays_as_it_was(django_capture_on_commit_callbacks):
    from meetmalmo.initiatives.services import perform_transition
    from meetmalmo.initiatives.tests.factories import InitiativeFactory

    member = UserFactory(language="en")
    draft = InitiativeFactory(submitter=member)
    with django_capture_on_commit_callbacks(execute=True):
        perform_transition(initiative=draft, name="submit", actor=member)
    assert "Thank you for bringing the initiative" in mail.outbox[-1].body
