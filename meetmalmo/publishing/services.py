"""Writes on news and comments."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from meetmalmo.accounts.permissions import is_process_manager
from meetmalmo.publishing.images import resized
from meetmalmo.publishing.models import Comment, NewsArticle, SlugRedirect


class PublishingRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def article_save(*, form, actor) -> NewsArticle:
    """Save an article from its form. A published article's old address keeps working, and a
    new image is stored resized."""
    if not is_process_manager(actor):
        raise PublishingRefused(_("Only process managers publish news."))
    article = form.save(commit=False)
    if article.pk:
        before = NewsArticle.objects.get(pk=article.pk)
        if before.slug != article.slug and before.is_published:
            SlugRedirect.objects.update_or_create(
                old_slug=before.slug, defaults={"article": article}
            )
    SlugRedirect.objects.filter(old_slug=article.slug).delete()  # the address is in use again
    if "image" in form.changed_data and article.image:
        article.image = resized(form.cleaned_data["image"])
    if article.author_id is None:
        article.author = actor
    article.save()
    return article


def comment_submit(*, article: NewsArticle, form) -> Comment:
    """Hold a comment for moderation. Spam is kept apart for the moderators, and an address
    that sends too many in an hour is refused."""
    key = f"comments:{form.cleaned_data['email'].lower()}"
    if cache.get(key, 0) >= settings.COMMENT_RATE_PER_HOUR:
        raise PublishingRefused(
            _("You have sent many comments in a short time. Please wait a while and try again.")
        )
    cache.add(key, 0, 60 * 60)
    cache.incr(key)
    comment = form.save(commit=False)
    comment.article = article
    comment.state = Comment.State.SPAM if form.is_spam() else Comment.State.PENDING
    comment.save()
    return comment


@transaction.atomic
def comments_moderate(*, comments, state: str, actor) -> int:
    if not is_process_manager(actor):
        raise PublishingRefused(_("Only process managers moderate comments."))
    if state not in (Comment.State.APPROVED, Comment.State.REJECTED, Comment.State.SPAM):
        raise PublishingRefused(_("Choose approve, reject or spam."))
    return Comment.objects.filter(pk__in=[c.pk for c in comments]).update(
        state=state, moderated_by=actor, moderated_at=timezone.now()
    )
