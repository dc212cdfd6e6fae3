"""The e-mails the demo content and a short journey send all lead back into the portal, at
the portal's own address."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory
from meetmalmo.core.tests.test_every_email_links import SITE, portal_links
from meetmalmo.groups.models import Invitation
from meetmalmo.groups.services import invite
from meetmalmo.initiatives.services import (
    answer_request,
    initiative_save,
    perform_transition,
    request_information,
)
from meetmalmo.initiatives.tests.factories import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_every_email_of_the_demo_and_a_journey_links_into_the_portal(
    settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=StringIO())
    member, manager = UserFactory(language="en"), ProcessManagerFactory(language="sv")
    fields = InitiativeFactory.build()
    data = {
        name: getattr(fields, name)
        for name in ("title", "summary", "description", "challenge", "benefit_city")
    }
    with django_capture_on_commit_callbacks(execute=True):
        case = initiative_save(
            submitter=member, data=data, focus_areas=[], attachments=[], submit=True
        )
    with django_capture_on_commit_callbacks(execute=True):
        perform_transition(initiative=case, name="take", actor=manager)
    with django_capture_on_commit_callbacks(execute=True):
        request_information(initiative=case, actor=manager, text="Vilka hotell är med?")
    with django_capture_on_commit_callbacks(execute=True):
        answer_request(initiative=case, actor=member, text="Tre hotell vid Triangeln.")
    with django_capture_on_commit_callbacks(execute=True):
        perform_transition(initiative=case, name="adopt", actor=manager, reason="Ett bra förslag.")
    with django_capture_on_commit_callbacks(execute=True):
        perform_transition(initiative=case, name="form_group", actor=manager)
    with django_capture_on_commit_callbacks(execute=True):
        invite(group=case.group, invitee=UserFactory(), actor=manager)
    assert Invitation.objects.filter(group=case.group).exists()
    assert len(mail.outbox) >= 5
    without = [m.subject for m in mail.outbox if not portal_links(m.body)]
    assert without == []
