"""Every e-mail the portal sends leads somewhere: each template is sent here by the code that
sends it in the portal, and the message carries an absolute link from SITE_URL to a page the
portal serves. A new e-mail template without a sender here fails the test, so none is forgotten."""

import re
import time
from datetime import timedelta
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.core.context import request_context
from django.core import mail, signing
from django.test import RequestFactory
from django.test.signals import template_rendered
from django.urls import Resolver404, resolve
from django.utils import timezone, translation

import meetmalmo
from meetmalmo.accessibility.forms import STARTED
from meetmalmo.accounts.tests.factories import ProcessManagerFactory, UserFactory
from meetmalmo.events import services as events
from meetmalmo.events.following import series_of, tell_meetings
from meetmalmo.events.models import Registration
from meetmalmo.events.tests.factories import EventFactory, RegistrationFactory
from meetmalmo.groups import notices as group_notices
from meetmalmo.groups.models import Handover, Invitation, Membership, Update
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives import notices
from meetmalmo.initiatives.models import CaseEvent, Channel
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.tests.factories import EffortFactory
from meetmalmo.newsletter.models import Issue
from meetmalmo.newsletter.services import request_send
from meetmalmo.notifications.digests import send_digests
from meetmalmo.notifications.follows import follow_by_email
from meetmalmo.notifications.models import Follow, Preference
from meetmalmo.publishing.following import tell_news, tell_report
from meetmalmo.publishing.models import Report
from meetmalmo.publishing.reports import remind_missing_reports
from meetmalmo.publishing.services import project_open
from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db
SITE = "http://portal.example:8731"
ALLAUTH_TEMPLATES = Path(__import__("allauth").__file__).parent / "templates"

# allauth's e-mails the portal's settings never send: sign-in and reset by code are off, its
# notifications of account changes are off, and nobody is mailed about an address that has no
# account (ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS).
NOT_SENT = {
    "account/email/login_code",
    "account/email/password_reset_code",
    "account/email/email_confirm",
    "account/email/password_reset",
    "account/email/unknown_account",
    "account/email/email_changed",
    "account/email/email_deleted",
    "account/email/password_changed",
    "account/email/password_set",
    "mfa/email/recovery_codes_generated",
    "mfa/email/totp_activated",
    "mfa/email/totp_deactivated",
    "mfa/email/webauthn_added",
    "mfa/email/webauthn_removed",
}


def email_templates() -> set[str]:
    """Each e-mail as its template prefix: the portal's `<x>_subject.txt` beside `<x>.txt`,
    and allauth's `<x>_subject.txt` beside `<x>_message.txt`."""
    found = set()
    for folder in Path(meetmalmo.__file__).parent.glob("*/templates"):
        for subject in folder.rglob("*_subject.txt"):
            found.add(str(subject.relative_to(folder))[: -len("_subject.txt")])
    # Of allauth, the portal installs accounts and two-factor (not social accounts).
    for subject in [
        *ALLAUTH_TEMPLATES.glob("account/email/*_subject.txt"),
        *ALLAUTH_TEMPLATES.glob("mfa/email/*_subject.txt"),
    ]:
        found.add(str(subject.relative_to(ALLAUTH_TEMPLATES))[: -len("_subject.txt")])
    return found


def case(**fields):
    return InitiativeFactory(**{"state": State.IN_REVIEW, **fields})


def event(initiative, **fields):
    return CaseEvent.objects.create(
        initiative=initiative,
        kind=fields.pop("kind", CaseEvent.Kind.TRANSITION),
        reason=fields.pop("reason", "Ett skäl som står i brevet."),
        **fields,
    )


def decision(template, **initiative):
    def send(client):
        initiative_ = case(**initiative)
        notices.send_decision_notice(event(initiative_).pk, template)

    return send


def referred(client):
    initiative = case(state=State.REFERRED, referred_to_effort=EffortFactory())
    notices.send_decision_notice(event(initiative).pk, "referred")


def recorded_receipt(client):
    initiative = case(channel=Channel.PHONE, submitter=UserFactory(password=None))
    notices.send_decision_notice(event(initiative).pk, "receipt")


def assigned(client):
    manager = ProcessManagerFactory()
    initiative = case(assigned_to=manager)
    notices.send_assignment_notice(
        event(initiative, kind=CaseEvent.Kind.ASSIGNMENT, assigned_to=manager, actor=manager).pk
    )


def answered(client):
    initiative = case(assigned_to=ProcessManagerFactory())
    notices.send_answer_notice(event(initiative, kind=CaseEvent.Kind.ANSWER).pk)


def message(to_office):
    def send(client):
        manager = ProcessManagerFactory()
        initiative = case(assigned_to=manager)
        actor = initiative.submitter if to_office else manager
        written = event(initiative, kind=CaseEvent.Kind.MESSAGE, actor=actor)
        notices.send_message_notice(written.pk, to_office=to_office)

    return send


def reminder(kind):
    def send(client):
        initiative = case()
        initiative.start_clock(timezone.now() - timedelta(days=15))
        initiative.save()
        notices.send_reminder(kind, ProcessManagerFactory(), [initiative])

    return send


def invitation(reminder=False):
    def send(client):
        group = forming_group()
        invited = Invitation.objects.create(
            group=group, invitee=UserFactory(), invited_by=ProcessManagerFactory()
        )
        mail.outbox.clear()
        group_notices.send_invitation(invited.pk, reminder=reminder)

    return send


def invitation_answer(client):
    group = forming_group()
    invited = Invitation.objects.create(
        group=group, invitee=UserFactory(), invited_by=ProcessManagerFactory(), state="accepted"
    )
    mail.outbox.clear()
    group_notices.send_answer(invited.pk)


def handover(accepted=False):
    def send(client):
        group = forming_group()
        person = UserFactory()
        record = Handover.objects.create(
            group=group,
            organisation=person.organisation,
            person=person,
            date=timezone.localdate(),
            recorded_by=ProcessManagerFactory(),
            accepted_at=timezone.now() if accepted else None,
        )
        mail.outbox.clear()
        if accepted:
            group_notices.send_handover_accepted(record.pk)
        else:
            group_notices.send_handover(record.pk)

    return send


def ending(client):
    group = forming_group()
    Membership.objects.create(group=group, user=UserFactory(), role="member")
    mail.outbox.clear()
    done = event(group.initiative, to_state=State.COMPLETED, actor=ProcessManagerFactory())
    group_notices.send_ending(group.pk, done.pk)


def group_update(client):
    group = forming_group()
    writer = UserFactory()
    Membership.objects.create(group=group, user=writer, role="member")
    mail.outbox.clear()
    update = Update.objects.create(group=group, author=writer, body="Tre hotell är med.")
    group_notices.send_update(update.pk)


def report_due(client):
    group = forming_group()
    Membership.objects.create(group=group, user=UserFactory(), role="owner")
    initiative = group.initiative
    initiative.state = State.COMPLETED
    initiative.save()
    event(initiative, to_state=State.COMPLETED)
    mail.outbox.clear()
    remind_missing_reports(timezone.now() + timedelta(days=40))  # a month after completion


def digest(client):
    person = UserFactory()
    Preference.objects.create(user=person, kind="case_message", frequency="daily")
    initiative = case(submitter=person)
    notices.send_message_notice(
        event(initiative, kind=CaseEvent.Kind.MESSAGE, actor=ProcessManagerFactory()).pk,
        to_office=False,
    )
    assert mail.outbox == []
    send_digests(timezone.now() + timedelta(days=1, hours=12 - timezone.localtime().hour))


def follow_confirmation(client):
    follow_by_email(email="karin@example.se", language="sv", target="news", target_id=0)


def followed_news(client):
    Follow.objects.create(
        email="karin@example.se", language="en", target="news", confirmed_at=timezone.now()
    )
    ArticleFactory(publish_at=timezone.now())
    tell_news(timezone.now() + timedelta(minutes=1))


def followed_report(client):
    group = forming_group()
    project = project_open(group.initiative, None)
    project.published_at = timezone.now()
    project.save()
    Follow.objects.create(
        email="karin@example.se",
        language="sv",
        target="project",
        target_id=project.pk,
        confirmed_at=timezone.now(),
    )
    mail.outbox.clear()
    tell_report(Report(initiative=group.initiative, kind=Report.Kind.FINAL))


def comment_answered(client):
    from django.test import TestCase

    from meetmalmo.publishing.services import comment_answer
    from meetmalmo.publishing.tests.factories import CommentFactory

    comment = CommentFactory(state="approved", wants_answer=True, language="en")
    with TestCase.captureOnCommitCallbacks(execute=True):
        comment_answer(comment=comment, answer="Thank you!", actor=ProcessManagerFactory())


def newsletter_issue(client):
    article = ArticleFactory(publish_at=timezone.now())
    Follow.objects.create(
        email="karin@example.se",
        language="en",
        target="newsletter",
        confirmed_at=timezone.now(),
    )
    issue = Issue.objects.create(
        subject_sv="Nytt", subject_en="News", intro_sv="Hej", intro_en="Hello"
    )
    issue.articles.add(article)
    request_send(issue=issue, actor=ProcessManagerFactory())


def meeting_confirm(client):
    events.register_visitor(
        event=EventFactory(), name="Vera", email="vera@example.se", organisation="", language="sv"
    )


def meeting_registered(client):
    events.register_member(event=EventFactory(), user=UserFactory())


def meeting_waitlisted(client):
    full = RegistrationFactory(event=EventFactory(capacity=1)).event
    events.register_member(event=full, user=UserFactory())


def meeting_promoted(client):
    seated = RegistrationFactory(event=EventFactory(capacity=1))
    RegistrationFactory(
        event=seated.event,
        user=UserFactory(),
        status=Registration.Status.WAITLISTED,
        waitlisted_at=timezone.now(),
    )
    events.cancel_registration(registration=seated)


def meeting_cancelled(client):
    seated = RegistrationFactory(user=UserFactory())
    events.event_cancel(event=seated.event, actor=ProcessManagerFactory(), reason="Sjukdom.")


def meeting_reminder(client):
    RegistrationFactory(
        event=EventFactory(starts_at=timezone.now() + timedelta(hours=20)), user=UserFactory()
    )
    events.remind_day_before(timezone.now())


def meeting_invitation(client):
    events.invite_resources(
        event=EventFactory(), actor=ProcessManagerFactory(), people=[UserFactory()]
    )


def meeting_message(client):
    seated = RegistrationFactory(user=UserFactory())
    events.message_registrants(
        event=seated.event, actor=ProcessManagerFactory(), subject="Lokal", body="Ny sal."
    )


def followed_meeting(client):
    Follow.objects.create(
        email="karin@example.se",
        language="en",
        target="meeting_series",
        target_id=series_of("breakfast"),
        confirmed_at=timezone.now(),
    )
    EventFactory(kind="breakfast")
    tell_meetings(timezone.now())


def accessibility_report(client):
    with mock.patch("time.time", return_value=time.time() - 30):
        started = signing.TimestampSigner(salt=STARTED).sign("report.a-start-of-this-page")
    client.post(
        "/en/accessibility/",
        {
            "kind": "problem",
            "email": "karin@example.se",
            "description": "The figures cannot be read with a screen reader.",
            "website": "",
            "started": started,
        },
    )


def signup_confirmation(signup):
    def send(client):
        person = UserFactory()
        address = EmailAddress.objects.create(user=person, email="ny@example.se", primary=False)
        mail.outbox.clear()
        request = RequestFactory().get("/sv/accounts/email/")
        with request_context(request):
            address.send_confirmation(request, signup=signup)

    return send


def password_reset(client):
    person = UserFactory()
    client.post("/sv/accounts/password/reset/", {"email": person.email})


def signup_with_a_taken_address(client):
    taken = UserFactory()
    client.post(
        "/sv/accounts/signup/",
        {
            "name": "Någon Annan",
            "email": taken.email,
            "password1": "ett-langt-och-bra-losenord",
            "organisation": taken.organisation.pk,
        },
    )


def wrong_passwords(client):
    person = UserFactory()
    for attempt in range(6):
        client.post("/sv/accounts/login/", {"login": person.email, "password": f"fel-{attempt}"})


def project_message(to_owner: bool):
    def send(client):
        from django.test import TestCase

        from meetmalmo.publishing.forms import MESSAGE_STARTED

        group = forming_group(title="Hamnen som mötesplats")
        group.owner_answers_messages = to_owner
        group.save()
        project = project_open(group.initiative, None)
        project.published_at = timezone.now() - timedelta(hours=1)
        project.save()
        with mock.patch("time.time", return_value=time.time() - 30):
            started = signing.TimestampSigner(salt=MESSAGE_STARTED).sign("project-message")
        with TestCase.captureOnCommitCallbacks(execute=True):
            client.post(
                f"/en/projects/{project.slug}/contact/",
                {
                    "name": "Karin Läsare",
                    "email": "karin@example.se",
                    "message": "Vi vill gärna vara med.",
                    "website": "",
                    "started": started,
                },
            )

    return send


SENDERS = {
    "initiatives/email/receipt": decision("receipt"),
    "initiatives/email/receipt_recorded": recorded_receipt,
    "initiatives/email/adopted": decision("adopted"),
    "initiatives/email/declined": decision("declined"),
    "initiatives/email/discontinued": decision("discontinued"),
    "initiatives/email/question": decision("question"),
    "initiatives/email/referred": referred,
    "initiatives/email/assigned": assigned,
    "initiatives/email/answer": answered,
    "initiatives/email/message_to_office": message(to_office=True),
    "initiatives/email/message_to_member": message(to_office=False),
    "initiatives/email/reminder_day_14": reminder("day_14"),
    "initiatives/email/reminder_overdue": reminder("overdue"),
    "initiatives/email/reminder_unassigned": reminder("unassigned"),
    "groups/email/invitation": invitation(),
    "groups/email/invitation_reminder": invitation(reminder=True),
    "groups/email/answer": invitation_answer,
    "groups/email/handover": handover(),
    "groups/email/handover_accepted": handover(accepted=True),
    "groups/email/ending": ending,
    "groups/email/update": group_update,
    "publishing/email/report_due": report_due,
    "notifications/email/digest": digest,
    "notifications/email/follow_confirm": follow_confirmation,
    "publishing/email/followed_news": followed_news,
    "publishing/email/followed_report": followed_report,
    "publishing/email/comment_answered": comment_answered,
    "newsletter/email/issue": newsletter_issue,
    "events/email/confirm": meeting_confirm,
    "events/email/registered": meeting_registered,
    "events/email/waitlisted": meeting_waitlisted,
    "events/email/promoted": meeting_promoted,
    "events/email/cancelled": meeting_cancelled,
    "events/email/reminder": meeting_reminder,
    "events/email/invitation": meeting_invitation,
    "events/email/message": meeting_message,
    "events/email/followed": followed_meeting,
    "accessibility/email/receipt": accessibility_report,
    "accessibility/email/to_office": accessibility_report,
    "account/email/email_confirmation_signup": signup_confirmation(signup=True),
    "account/email/email_confirmation": signup_confirmation(signup=False),
    "account/email/password_reset_key": password_reset,
    "account/email/account_already_exists": signup_with_a_taken_address,
    "accounts/email/wrong_passwords": wrong_passwords,
    "groups/email/project_message_to_office": project_message(to_owner=False),
    "groups/email/project_message_to_owner": project_message(to_owner=True),
    "groups/email/project_message_receipt": project_message(to_owner=False),
}


def effort_import_done(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meetmalmo.inventory.tests.test_import_efforts import GOOD

    client.force_login(ProcessManagerFactory())
    client.post("/sv/staff/efforts/import/", {"file": SimpleUploadedFile("e.csv", GOOD.encode())})


SENDERS["inventory/email/import_done"] = effort_import_done


def membership_request(decision: str):
    """Someone asks to join an organisation (its member is told), and the member decides (the
    person is told): each e-mail links to the page where its reader acts or looks."""

    def send(client):
        from django.test import TestCase

        from meetmalmo.accounts import services

        colleague = UserFactory()
        asking = UserFactory(organisation=None)
        with TestCase.captureOnCommitCallbacks(execute=True):
            waiting = services.membership_request_create(
                user=asking, organisation=colleague.organisation
            )
        if decision == "requested":
            return
        mail.outbox.clear()
        with TestCase.captureOnCommitCallbacks(execute=True):
            services.membership_request_decide(
                membership_request=waiting, actor=colleague, approve=decision == "approved"
            )

    return send


SENDERS["accounts/email/membership_requested"] = membership_request("requested")
SENDERS["accounts/email/membership_approved"] = membership_request("approved")
SENDERS["accounts/email/membership_declined"] = membership_request("declined")


def portal_links(body: str) -> list[str]:
    """The links to SITE_URL in a text whose path is a page of the portal."""
    found = []
    for link in re.findall(rf"{re.escape(SITE)}/\S*", body):
        path = urlsplit(link).path
        try:
            with translation.override(path.split("/")[1]):  # pages answer in their language
                resolve(path)
        except Resolver404:
            continue
        found.append(link)
    return found


def test_every_email_template_has_a_sender_here():
    assert email_templates() - NOT_SENT == set(SENDERS)


@pytest.mark.parametrize("template", sorted(SENDERS))
def test_the_email_links_into_the_portal_at_its_address(template, client, settings_site):
    rendered = []

    def seen(sender, template, **kwargs):
        rendered.append(template.name)

    template_rendered.connect(seen)
    try:
        SENDERS[template](client)
    finally:
        template_rendered.disconnect(seen)
    body_names = {f"{template}.txt", f"{template}_message.txt"}
    assert body_names & set(rendered), f"{template} was not sent"
    assert mail.outbox, f"{template} sent nothing"
    for message in mail.outbox:
        assert portal_links(message.body), f"{template}: no link in {message.subject!r}"


@pytest.fixture
def settings_site(settings):
    """The portal at an address of its own, unlike the one the test client asks at."""
    settings.SITE_URL = SITE
    settings.CONTACT_EMAIL = "meetmalmo@malmo.se"
