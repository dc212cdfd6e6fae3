"""Writes on news, project pages and comments."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from meetmalmo.core import limits, public_cache
from meetmalmo.core.errors import Refused
from meetmalmo.core.images import resized
from meetmalmo.core.mail import absolute, send_notice
from meetmalmo.publishing.models import Comment, NewsArticle, Project, SlugRedirect
from meetmalmo.publishing.permissions import (
    can_answer_comments,
    can_moderate_comments,
    can_publish,
)
from meetmalmo.publishing.selectors import PENDING_SALT, PREVIEWS


@transaction.atomic
def article_save(*, form, actor, publish_now: bool = False, pending_image: str = "") -> NewsArticle:
    """Save a news article from its form (see `_save_page`); the byline is the writer's name
    unless another was written."""
    article = form.save(commit=False)
    if not article.byline.strip():
        article.byline = byline_of(actor)
    if article.author_id is None:
        article.author = actor
    return _save_page(form, actor, "article", publish_now, pending_image)


def byline_of(writer) -> str:
    """The byline of an article whose writer gave none: their own name."""
    return writer.name or writer.email


@transaction.atomic
def project_save(*, form, actor, publish_now: bool = False, pending_image: str = "") -> Project:
    """Save a project page from its form (see `_save_page`)."""
    return _save_page(form, actor, "project", publish_now, pending_image)


def _save_page(form, actor, kind: str, publish_now: bool, pending_image: str):
    """An empty address is made from the title, and a published page keeps its address unless
    one is written; the old address of a published page keeps working when it changes.
    "Publish now" publishes at once (a page already published keeps its date). A new image
    is stored resized, and an image shown in a preview is kept without being sent again."""
    if not can_publish(actor):
        raise Refused(_("Only process managers publish."))
    page = form.save(commit=False)
    before = type(page).objects.get(pk=page.pk) if page.pk else None
    if not page.slug:
        page.slug = before.slug if before else free_slug(type(page), page.title_sv or page.title_en)
    if before and before.slug != page.slug and before.is_published:
        SlugRedirect.objects.update_or_create(
            old_slug=before.slug, **{other(kind): None}, defaults={kind: page}
        )
    SlugRedirect.objects.filter(old_slug=page.slug, **{other(kind): None}).delete()
    date_field = form.date_field
    if publish_now:
        published = before is not None and before.is_published
        setattr(page, date_field, getattr(before, date_field) if published else timezone.now())
    if "image" in form.changed_data and page.image:
        page.image = resized(form.cleaned_data["image"])
    elif pending_image and form.cleaned_data.get("image") is not False:
        with default_storage.open(pending_image) as kept:
            page.image = ContentFile(kept.read(), name=pending_image.rsplit("/", 1)[-1])
        default_storage.delete(pending_image)
    page.save()
    transaction.on_commit(public_cache.clear)
    return page


def free_slug(model, title: str) -> str:
    """An address made from the title that no other page of the kind has, nor had."""
    base = slugify(title)[:100].strip("-") or ("nyhet" if model is NewsArticle else "projekt")
    kind = "article" if model is NewsArticle else "project"
    slug, n = base, 1
    while (
        model.objects.filter(slug=slug).exists()
        or SlugRedirect.objects.filter(old_slug=slug, **{f"{kind}__isnull": False}).exists()
    ):
        n += 1
        slug = f"{base}-{n}"
    return slug


def page_preview(*, form, actor, pending_image: str = ""):
    """The page as its valid form would save it, unsaved, and the token of an image kept for
    the save that follows: one chosen now is stored (see `preview_image_keep`), one kept from
    before is shown again unless the editor removed it."""
    if not can_publish(actor):
        raise Refused(_("Only process managers publish."))
    page = form.save(commit=False)
    token = ""
    if isinstance(page, NewsArticle) and not page.byline.strip():
        page.byline = byline_of(actor)
    if "image" in form.changed_data and page.image:
        token = preview_image_keep(form.cleaned_data["image"])
        page.image = signing.loads(token, salt=PENDING_SALT)
    elif pending_image and form.cleaned_data.get("image") is not False:
        page.image = pending_image
    return page, token


def preview_image_keep(upload) -> str:
    """Keep an image chosen in the editor, resized as it will be published, so that a preview
    shows it and the next "Save" need not send it again (a browser never fills a file field
    again). Answers the signed name the form carries; `preview_images_prune` removes those
    never saved."""
    stored = resized(upload)
    extension = stored.name.rsplit(".", 1)[-1]
    name = default_storage.save(f"{PREVIEWS}/{secrets.token_urlsafe(16)}.{extension}", stored)
    return signing.dumps(name, salt=PENDING_SALT)


def preview_images_prune(now) -> str:
    """Preview images older than a day were never saved with their page: removed (hourly)."""
    removed = 0
    try:
        _folders, files = default_storage.listdir(PREVIEWS)
    except FileNotFoundError:
        files = []
    for name in files:
        path = f"{PREVIEWS}/{name}"
        if default_storage.get_modified_time(path) < now - timedelta(days=1):
            default_storage.delete(path)
            removed += 1
    return f"{removed} preview images removed"


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


def comment_submit(*, article: NewsArticle, form, language: str = "sv") -> Comment:
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
    comment.language = language if language in ("sv", "en") else "sv"
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


@transaction.atomic
def comment_answer(*, comment: Comment, answer: str, actor) -> Comment:
    """The office answers an approved comment under it. The commenter is told by e-mail the
    first time, if they asked to be; a corrected answer is not told again."""
    if not can_answer_comments(actor):
        raise Refused(_("Only process managers answer comments."))
    if comment.state != Comment.State.APPROVED:
        raise Refused(_("Only an approved comment can be answered."))
    first = comment.answered_at is None
    comment.answer = answer
    comment.answered_by = actor
    comment.answered_at = timezone.now()
    comment.save(update_fields=["answer", "answered_by", "answered_at"])
    transaction.on_commit(public_cache.clear)
    if first and comment.wants_answer and comment.email:
        transaction.on_commit(lambda: _tell_answered(comment))
    return comment


class _Commenter:
    """Who wrote a comment, as an e-mail's recipient: no account is needed to comment."""

    def __init__(self, comment: Comment):
        self.name = comment.name
        self.email = comment.email
        self.language = comment.language


def _tell_answered(comment: Comment) -> None:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(comment.language):
        path = reverse("publishing:article", args=[comment.article.slug])
    send_notice(
        "publishing/email/comment_answered",
        _Commenter(comment),
        {
            "comment": comment,
            "article": comment.article,
            "link": absolute(f"{path}#comment-{comment.pk}"),
        },
    )


def project_touch(initiative_id: int) -> None:
    """Work in the group counts as the project's latest activity, which orders the list."""
    Project.objects.filter(initiative_id=initiative_id).update(updated_at=timezone.now())


def on_group_work(sender, *, initiative_id: int, **kwargs) -> None:
    """Receives the groups app's `work_moved_on` (connected in apps.py)."""
    project_touch(initiative_id)
