"""The newsletter's writes: subscribing, saving an issue, and asking for it to be sent, once."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetmalmo.core import limits
from meetmalmo.core.errors import Refused
from meetmalmo.core.mail import absolute, send_notice
from meetmalmo.newsletter.models import Delivery, Issue
from meetmalmo.newsletter.subscribers import NEWSLETTER, confirmed
from meetmalmo.notifications import follows
from meetmalmo.notifications.models import Follow

logger = logging.getLogger(__name__)
SUBSCRIPTIONS_PER_HOUR = 10


def subscribe(*, email: str, name: str, language: str, client: str, user=None) -> None:
    """A member subscribes with their account's address at once; a visitor's address is sent
    a link to confirm it first. An address already subscribed is sent nothing, so the answer
    is the same whoever's address it is."""
    if limits.hit("newsletter", client, limit=SUBSCRIPTIONS_PER_HOUR, window=60 * 60).exceeded:
        raise Refused(_("Too many subscriptions from here in one hour. Try again later."))
    if user is not None:
        found = follows.follow(user=user, target=NEWSLETTER, target_id=0)
        Follow.objects.filter(pk=found.pk).update(language=language)
        return
    follows.follow_by_email(
        email=email, name=name, language=language, target=NEWSLETTER, target_id=0
    )


def issue_save(*, form, actor) -> Issue:
    issue = form.instance
    if issue.pk and Issue.objects.filter(pk=issue.pk, send_requested_at__isnull=False).exists():
        raise Refused(_("This issue has been sent and can no longer be changed."))
    if issue.created_by_id is None:
        issue.created_by = actor
    return form.save()


def request_send(*, issue: Issue, actor) -> bool:
    """Ask for the issue to go to every confirmed subscriber. Only the first request does
    anything (False for the rest, such as a double click): it sets the moment, creates one
    delivery per subscriber and queues the sending, all in one transaction."""
    from meetmalmo.newsletter.tasks import send_issue

    with transaction.atomic():
        first = Issue.objects.filter(pk=issue.pk, send_requested_at=None).update(
            send_requested_at=timezone.now()
        )
        if not first:
            return False
        Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber=subscriber) for subscriber in confirmed()],
            ignore_conflicts=True,
        )
        send_issue.enqueue(issue.pk)
    logger.info("Newsletter %s asked to be sent by %s", issue.pk, actor.pk)
    return True


def deliver_next(issue: Issue) -> bool:
    """Send the issue to one subscriber not yet sent to, and mark it sent in the same
    transaction as the e-mail is queued: a worker that dies in between leaves neither, and
    the next run sends it. False when there is nobody left."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(issue=issue, sent_at=None, failed_at=None)
            .order_by("id")
            .first()
        )
        if delivery is None:
            return False
        subscriber = Follow.objects.select_related("user").filter(pk=delivery.subscriber_id).first()
        if subscriber is None:  # left before it came to them
            delivery.delete()
            return True
        try:
            with transaction.atomic():
                send(issue, subscriber)
        except Exception:
            logger.exception("Newsletter %s could not go to subscriber %s", issue.pk, subscriber.pk)
            delivery.failed_at = timezone.now()
        else:
            delivery.sent_at = timezone.now()
        delivery.save(update_fields=["sent_at", "failed_at"])
    return True


def send(issue: Issue, subscriber: Follow) -> None:
    stop_link = follows.stop_link_for(subscriber)
    send_notice(
        "newsletter/email/issue",
        subscriber,
        message_context(issue, subscriber.language, stop_link),
        headers=follows.one_click_stop(stop_link),
    )


def message_context(issue: Issue, language: str, stop_link: str) -> dict:
    """What the newsletter's template is given, the same for the preview as for the sending."""
    import nh3
    from django.utils import translation

    with translation.override(language):
        return {
            "subject": issue.text("subject").value,
            # The e-mail is plain text: the Markdown stays as written, without any HTML.
            "intro": nh3.clean(issue.text("intro").value, tags=set()),
            "articles": [
                {
                    "title": article.text("title").value,
                    "lead": article.text("lead").value,
                    "link": absolute(article.get_absolute_url()),
                }
                for article in issue.articles.order_by("-publish_at", "-id")
            ],
            "projects": [
                {
                    "title": project.text("title").value,
                    "lead": project.text("lead").value,
                    "link": absolute(project.get_absolute_url()),
                }
                for project in issue.projects.order_by("-published_at", "-id")
            ],
            "subscribe_link": absolute(_newsletter_path()),
            "stop_link": stop_link,
        }


def _newsletter_path() -> str:
    from django.urls import reverse

    return reverse("newsletter:subscribe")
