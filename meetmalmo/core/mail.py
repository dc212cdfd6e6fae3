"""E-mail through the task queue: a message is stored as a task before the request ends and
delivered by the worker, which retries with growing pauses, so no message is lost when the
mail server is away."""

import base64
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


def serialize_message(message: EmailMessage) -> dict:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [
            [
                name,
                base64.b64encode(
                    content if isinstance(content, bytes) else content.encode()
                ).decode(),
                mimetype,
            ]
            for name, content, mimetype in message.attachments
            if name  # MIME parts without a file name are not used by the portal
        ],
    }


def deserialize_message(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    for name, content, mimetype in data["attachments"]:
        message.attach(name, base64.b64decode(content), mimetype)
    return message


def retry_delay(attempt: int) -> timedelta:
    """1, 2, 4, 8 … minutes, at most six hours."""
    return timedelta(minutes=min(2 ** (attempt - 1), 360))


@task()
def deliver_email(data: dict, attempt: int = 1) -> None:
    message = deserialize_message(data)
    try:
        with get_connection(settings.EMAIL_DELIVERY_BACKEND) as connection:
            connection.send_messages([message])
    except Exception:
        if attempt >= settings.EMAIL_MAX_ATTEMPTS:
            logger.exception(
                "E-mail to %s failed %d times; kept as a failed task", data["to"], attempt
            )
            raise
        logger.warning("E-mail to %s failed (attempt %d); retrying", data["to"], attempt)
        deliver_email.using(run_after=timezone.now() + retry_delay(attempt)).enqueue(
            data, attempt + 1
        )


class TaskEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            deliver_email.enqueue(serialize_message(message))
        return len(email_messages)


def send_notice(
    template: str,
    recipient,
    context: dict,
    *,
    headers: dict | None = None,
    footer: str = "",
    attachments: tuple = (),
) -> None:
    """An e-mail from `<template>_subject.txt` and `<template>.txt`, in the recipient's
    language, queued like every other message; `footer` ends the text (a way to stop such
    e-mails), `headers` go with it (`List-Unsubscribe`) and `attachments` are its files as
    (name, content, MIME type)."""
    subject, body = render_notice(template, recipient, context)
    if footer:
        body = f"{body.rstrip()}\n\n{footer}\n"
    message = EmailMessage(subject, body, None, [recipient.email], headers=headers)
    for name, content, mimetype in attachments:
        message.attach(name, content, mimetype)
    message.send()


def render_notice(template: str, recipient, context: dict) -> tuple[str, str]:
    """The subject and text of a notice as `send_notice` sends it, for a page that shows the
    e-mail before it goes."""
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(recipient.language):
        context = {**context, "recipient": recipient}
        subject = render_to_string(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    return " ".join(subject.split()), body


def absolute(path: str) -> str:
    """A link for an e-mail: the worker that sends it has no request to build one from."""
    from django.conf import settings

    return f"{settings.SITE_URL}{path}"


def link_for(recipient, name: str, *args) -> str:
    """An absolute link to a page, in the recipient's language."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(recipient.language):
        return absolute(reverse(name, args=args))
