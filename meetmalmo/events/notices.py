"""What a meeting tells the people registered for it and those invited to it. A member hears
through `notifications.notify` (the line under Notiser, the e-mail by their settings); a
visitor without an account gets the plain e-mail, the only way to reach them."""

from django.core.mail import EmailMessage
from django.utils import translation
from django.utils.translation import gettext_lazy

from meetmalmo.core.mail import link_for, render_notice
from meetmalmo.events import tokens
from meetmalmo.events.calendar import calendar
from meetmalmo.notifications.kinds import Kind
from meetmalmo.notifications.services import notify

# Essential: the answer to a registration (a seat or the waitlist), a seat from the waitlist
# and a cancelled meeting change where the person must be, so they always come at once.
REGISTRATION = Kind(
    "meeting_registration",
    gettext_lazy("My registrations for meetings: a seat, the waitlist, a cancelled meeting"),
    essential=True,
)
# Choosable: the reminder repeats what the calendar file already holds, and the office's
# messages to registrants add practical word to a place the person already has; both stay
# under Notiser whatever the person chooses.
REMINDER = Kind("meeting_reminder", gettext_lazy("Reminders the day before a meeting"))
MESSAGE = Kind("meeting_message", gettext_lazy("Messages from the office about my meetings"))
# Choosable: an invitation from the pool is an offer, not a step the process waits for.
INVITATION = Kind("meeting_invitation", gettext_lazy("Invitations to meetings as a resource"))
KINDS = (REGISTRATION, REMINDER, MESSAGE, INVITATION)

_KIND_OF = {
    "registered": REGISTRATION,
    "waitlisted": REGISTRATION,
    "promoted": REGISTRATION,
    "cancelled": REGISTRATION,
    "reminder": REMINDER,
    "message": MESSAGE,
}


def tell_registrant(template: str, registration, *, attach: bool = False, **context) -> None:
    """An e-mail to one registrant in their language, queued like every other; `attach` adds
    the meeting as an .ics file."""
    event = registration.event
    # A member is reached in the language of their account, a visitor in the one they used.
    recipient = registration.user if registration.user_id else registration
    context = {
        "event": event,
        "registration": registration,
        "event_link": link_for(recipient, "events:detail", event.slug),
        "cancel_link": link_for(
            recipient, "events:cancel_link", tokens.make("cancel", registration.pk)
        ),
        **context,
    }
    attachments = ()
    if attach:
        with translation.override(recipient.language):
            attachments = (("event.ics", calendar([event]), "text/calendar"),)
    if registration.user_id and template in _KIND_OF:
        notify(
            recipient=registration.user,
            kind=_KIND_OF[template].code,
            template=f"events/email/{template}",
            context=context,
            link=context["event_link"],
            attachments=attachments,
        )
        return
    subject, body = render_notice(f"events/email/{template}", registration, context)
    message = EmailMessage(subject, body, None, [registration.email])
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()


def invite(event, person) -> None:
    """A resource from the pool (always a member) invited with a link that registers them."""
    register_link = link_for(
        person, "events:invitation", tokens.make("invite", event.pk, person.pk)
    )
    notify(
        recipient=person,
        kind=INVITATION.code,
        template="events/email/invitation",
        context={"event": event, "register_link": register_link},
        link=register_link,
    )
