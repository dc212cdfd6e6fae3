"""Reads on news: what the public may see, in a fixed number of queries."""

from django.db.models import Count, Q
from django.http import Http404

from meetmalmo.publishing.models import Comment, NewsArticle, SlugRedirect


def news_list():
    return NewsArticle.objects.published().only(
        "slug",
        "title_sv",
        "title_en",
        "lead_sv",
        "lead_en",
        "publish_at",
        "byline",
        "image",
        "image_alt_sv",
        "image_alt_en",
        "updated_at",
    )


def news_article(slug: str) -> NewsArticle | str:
    """The published article at this address, or the address it has moved to; else 404."""
    article = NewsArticle.objects.published().filter(slug=slug).first()
    if article is not None:
        return article
    moved = SlugRedirect.objects.filter(old_slug=slug).select_related("article").first()
    if moved is not None and moved.article.is_published:
        return moved.article.slug
    raise Http404


def approved_comments(article: NewsArticle):
    return article.comments.filter(state=Comment.State.APPROVED)


def staff_articles():
    return NewsArticle.objects.annotate(
        pending=Count("comments", filter=Q(comments__state=Comment.State.PENDING))
    ).order_by("-updated_at")


def moderation_queue(state: str = Comment.State.PENDING):
    return Comment.objects.filter(state=state).select_related("article").order_by("created_at")
