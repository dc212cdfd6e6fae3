"""Writes on news and comments."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from meetmalmo.core import limits, public_cache
from meetmalmo.core.errors import Refused
from meetmalmo.core.images import resized
from meetmalmo.publishing.models import Comment, NewsArticle, Project, SlugRedirect
from meetmalmo.publishing.permissions import can_moderate_comments, can_publish


@transaction.atomic
def article_save(*, form, actor) -> NewsArticle:
    """Save a news article from its form (see `_save_page`)."""
    article = _save_page(form, actor, "article")
    if article.author_id is None:
        article.author = actor
        article.save(update_fields=["author"])
    return article


@transaction.atomic
def project_save(*, form, actor) -> Project:
    """Save a project page from its form (see `_save_page`)."""
    return _save_page(form, actor, "project")


def _save_page(form, actor, kind: str):
    """A published page's old address keeps working when it changes, and a new image is
    stored resized."""
    if not can_publish(actor):
        raise Refused(_("Only process managers publish."))
    page = form.save(commit=False)
    if page.pk:
        before = type(page).objects.get(pk=page.pk)
        if before.slug != page.slug and before.is_published:
            SlugRedirect.objects.update_or_create(
                old_slug=before.slug, **{other(kind): None}, defaults={kind: page}
            )
    SlugRedirect.objects.filter(old_slug=page.slug, **{other(kind): None}).delete()
    if "image" in form.changed_data and page.image:
        page.image = resized(form.cleaned_data["image"])
    page.save()
    transaction.on_commit(public_cache.clear)
    return page


def other(kind: str) -> str:
    return "project" if kind == "article" else "article"


def project_open(initiative, event) -> Project:
    """Called by the workflow when an initiative is adopted: its project page starts as an
    unpublished draft from the initiative's own words, for the office to write and publish."""
    language = initiative.language if initiative.language in ("sv", "en") else "sv"
    base = slugify(initiative.title)[:100] or "projekt"
    slug, n = base, 1
    while Project.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    project, _created = Project.objects.get_or_create(
        initiative=initiative,
        defaults={
            "slug": slug,
            f"title_{language}": initiative.title,
            f"lead_{language}": initiative.summary,
            f"body_{language}": initiative.description,
        },
    )
    return project


def comment_submit(*, article: NewsArticle, form) -> Comment:
    """Hold a comment for moderation. Spam is kept apart for the moderators, and an address
    that sends too many in an hour is refused."""
    email = form.cleaned_data["email"].lower()
    limit = settings.COMMENT_RATE_PER_HOUR
    if limits.hit("comments", email, limit=limit, window=60 * 60).exceeded:
        raise Refused(
            _("You have sent many comments in a short time. Please wait a while and try again.")
        )
    comment = form.save(commit=False)
    comment.article = article
    comment.state = Comment.State.SPAM if form.is_spam() else Comment.State.PENDING
    comment.save()
    return comment


@transaction.atomic
def comments_moderate(*, comments, state: str, actor) -> int:
    if not can_moderate_comments(actor):
        raise Refused(_("Only process managers moderate comments."))
    if state not in (Comment.State.APPROVED, Comment.State.REJECTED, Comment.State.SPAM):
        raise Refused(_("Choose approve, reject or spam."))
    transaction.on_commit(public_cache.clear)
    return Comment.objects.filter(pk__in=[c.pk for c in comments]).update(
        state=state, moderated_by=actor, moderated_at=timezone.now()
    )


def project_touch(initiative_id: int) -> None:
    """Work in the group counts as the project's latest activity, which orders the list."""
    Project.objects.filter(initiative_id=initiative_id).update(updated_at=timezone.now())


def on_group_work(sender, *, initiative_id: int, **kwargs) -> None:
    """Receives the groups app's `work_moved_on` (connected in apps.py)."""
    project_touch(initiative_id)
