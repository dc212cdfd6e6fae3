"""What Meet Malmö publishes: news articles in Swedish and English, and readers' comments."""

from typing import NamedTuple

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from meetmalmo.publishing.images import validate_image

LANGUAGES = ("sv", "en")


class Shown(NamedTuple):
    value: str
    lang: str
    other: bool  # written in the other language than the page's


class Translated:
    """A field's text in the page's language, or in the other one when it has none, with the
    language it is in, so that a page can mark text in the other language."""

    TRANSLATED: tuple[str, ...] = ()

    def text(self, name: str) -> Shown:
        wanted = "en" if get_language() == "en" else "sv"
        for language in (wanted, *(code for code in LANGUAGES if code != wanted)):
            value = getattr(self, f"{name}_{language}")
            if value:
                return Shown(value, language, language != wanted)
        return Shown("", wanted, False)

    @property
    def shown(self) -> "_ShownFields":
        return _ShownFields(self)


class _ShownFields:
    """`article.shown.title` in templates; each field is read only when asked for, so a list
    that loads titles and leads does not load the bodies."""

    def __init__(self, item):
        self.item = item

    def __getitem__(self, name: str) -> Shown:
        if name not in self.item.TRANSLATED:
            raise KeyError(name)
        return self.item.text(name)


class NewsQuerySet(models.QuerySet):
    def published(self, now=None):
        """Published and due: a future date publishes the article then."""
        return self.filter(publish_at__lte=now or timezone.now())


class NewsArticle(Translated, models.Model):
    TRANSLATED = ("title", "lead", "body", "image_alt")

    slug = models.SlugField(
        _("address"),
        max_length=120,
        unique=True,
        help_text=_("Part of the article's web address, the same in both languages."),
    )
    title_sv = models.CharField(_("title (Swedish)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    lead_sv = models.TextField(_("lead (Swedish)"), max_length=600, blank=True)
    lead_en = models.TextField(_("lead (English)"), max_length=600, blank=True)
    body_sv = models.TextField(
        _("text (Swedish)"), max_length=30_000, blank=True, help_text=_("Markdown is allowed.")
    )
    body_en = models.TextField(
        _("text (English)"), max_length=30_000, blank=True, help_text=_("Markdown is allowed.")
    )
    image = models.ImageField(
        _("image"), upload_to="news/", blank=True, validators=[validate_image]
    )
    image_alt_sv = models.CharField(_("image description (Swedish)"), max_length=200, blank=True)
    image_alt_en = models.CharField(_("image description (English)"), max_length=200, blank=True)
    photo_credit = models.CharField(_("photo"), max_length=120, blank=True)
    publish_at = models.DateTimeField(
        _("publish"),
        null=True,
        blank=True,
        help_text=_("Empty: a draft. A future date and time publishes the article then."),
    )
    byline = models.CharField(_("author"), max_length=120)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-publish_at", "-id"]
        indexes = [models.Index(fields=["-publish_at", "-id"], name="news_published")]

    def __str__(self) -> str:
        return self.title_sv or self.title_en

    def get_absolute_url(self) -> str:
        return reverse("publishing:article", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.publish_at is not None and self.publish_at <= timezone.now()


class SlugRedirect(models.Model):
    """An address an article had once it was published, so that old links keep working."""

    old_slug = models.SlugField(max_length=120, unique=True)
    article = models.ForeignKey(NewsArticle, on_delete=models.CASCADE, related_name="old_slugs")

    def __str__(self) -> str:
        return self.old_slug


class Comment(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SPAM = "spam", _("Spam")

    article = models.ForeignKey(NewsArticle, on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("e-mail"))  # never shown publicly
    text = models.TextField(_("comment"), max_length=3_000)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["article", "state"], name="comment_article_state")]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:40]}"
