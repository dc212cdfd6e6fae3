"""What Meet Malmö publishes: news articles in Swedish and English, and readers' comments."""

import re

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts.models import FORMER_MEMBER
from meetmalmo.core.bilingual import Shown, Translated
from meetmalmo.core.images import validate_image
from meetmalmo.initiatives.workflow import State as CaseState


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[*_`#>]", "", text).split()).casefold()


def image_path(instance, filename: str) -> str:
    return f"{instance.IMAGE_FOLDER}/{filename}"


class Page(Translated, models.Model):
    """What a news article and a project page share: one address for both languages, text in
    Swedish and English, and an image with its descriptions and credit."""

    TRANSLATED = ("title", "lead", "body", "image_alt")

    slug = models.SlugField(
        _("address"),
        max_length=120,
        unique=True,
        help_text=_("Part of the web address, the same in both languages."),
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
        _("image"), upload_to=image_path, blank=True, validators=[validate_image]
    )
    image_alt_sv = models.CharField(_("image description (Swedish)"), max_length=200, blank=True)
    image_alt_en = models.CharField(_("image description (English)"), max_length=200, blank=True)
    photo_credit = models.CharField(
        _("photographer"),
        max_length=120,
        blank=True,
        help_text=_("The name only, such as Malmö stad: the page adds “Photo:” before it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class NewsQuerySet(models.QuerySet):
    def published(self, now=None):
        """Published and due: a future date publishes the article then."""
        return self.filter(publish_at__lte=now or timezone.now())


class NewsArticle(Page):
    IMAGE_FOLDER = "news"

    publish_at = models.DateTimeField(
        _("publish"),
        null=True,
        blank=True,
        help_text=_("Empty: a draft. A future date and time publishes the article then."),
    )
    byline = models.CharField(_("author"), max_length=120)
    project = models.ForeignKey(
        "Project",
        verbose_name=_("related project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("related meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news",
        help_text=_("A meeting the article invites to or tells about."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    followers_told_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = NewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        ordering = ["-publish_at", "-id"]
        indexes = [
            models.Index(fields=["-publish_at", "-id"], name="news_published"),
            # The office's list of articles, the latest changed first.
            models.Index(fields=["-updated_at", "-id"], name="news_activity"),
        ]

    def __str__(self) -> str:
        return self.title_sv or self.title_en

    def get_absolute_url(self) -> str:
        return reverse("publishing:article", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.publish_at is not None and self.publish_at <= timezone.now()


class ProjectStatus(models.TextChoices):
    STARTING = "starting", _("Starting")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")


# A project's status follows its initiative through the workflow.
STATES_OF_STATUS = {
    ProjectStatus.STARTING: (CaseState.ADOPTED, CaseState.GROUP_FORMING),
    ProjectStatus.RUNNING: (CaseState.ACTIVE,),
    ProjectStatus.COMPLETED: (CaseState.COMPLETED,),
    ProjectStatus.DISCONTINUED: (CaseState.DISCONTINUED,),
}
STATUS_OF_STATE = {state: status for status, states in STATES_OF_STATUS.items() for state in states}


class ProjectQuerySet(models.QuerySet):
    def published(self, now=None):
        return self.filter(published_at__lte=now or timezone.now())

    def with_status(self, status: str):
        return self.filter(initiative__state__in=STATES_OF_STATUS[status])


class Project(Page):
    """The public face of an adopted initiative, written and published by the office."""

    IMAGE_FOLDER = "projects"

    initiative = models.OneToOneField(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="project"
    )
    published_at = models.DateTimeField(
        _("published"), null=True, blank=True, help_text=_("Empty: not on the public site.")
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project page")
        verbose_name_plural = _("project pages")
        ordering = ["-updated_at", "-id"]
        # Lists show the latest activity first: read in index order, not sorted per request.
        indexes = [
            models.Index(fields=["-updated_at", "-id"], name="project_activity"),
            # The public list, latest activity first, with the publication date in the index:
            # the page is read in order and the published pages are counted from it alone.
            models.Index(
                fields=["-updated_at", "-id", "published_at"], name="project_activity_published"
            ),
        ]

    def __str__(self) -> str:
        return self.title_sv or self.title_en

    def get_absolute_url(self) -> str:
        return reverse("publishing:project", args=[self.slug])

    @property
    def shown_body(self) -> Shown:
        """The text as the page shows it: without the lead where the text starts by repeating it
        (a page drafted from its initiative's summary and description often does), so that a
        page written in one language says it once."""
        lead, body = self.text("lead"), self.text("body")
        if not lead.value or lead.lang != body.lang:
            return body
        words = _plain(lead.value)
        paragraphs = re.split(r"\n\s*\n", body.value.strip())
        if paragraphs and words and _plain(paragraphs[0]) == words:
            return Shown("\n\n".join(paragraphs[1:]), body.lang, body.other)
        return body

    @property
    def is_published(self) -> bool:
        return self.published_at is not None and self.published_at <= timezone.now()

    @property
    def status(self) -> str:
        return STATUS_OF_STATE.get(self.initiative.state, ProjectStatus.STARTING)

    def get_status_display(self) -> str:
        return ProjectStatus(self.status).label


class SlugRedirect(models.Model):
    """An address an article or project had once it was published, so old links keep working."""

    old_slug = models.SlugField(max_length=120)
    article = models.ForeignKey(
        NewsArticle, on_delete=models.CASCADE, null=True, related_name="old_slugs"
    )
    project = models.ForeignKey(Project, on_delete=models.CASCADE, null=True, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["old_slug"], condition=models.Q(project=None), name="news_old_slug_once"
            ),
            models.UniqueConstraint(
                fields=["old_slug"], condition=models.Q(article=None), name="project_old_slug_once"
            ),
        ]

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
    wants_answer = models.BooleanField(
        _("Tell me by e-mail when the office answers"), default=False
    )
    # The language of the page it was written on: the office's answer is told in it.
    language = models.CharField(max_length=2, default="sv")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(_("the office's answer"), max_length=3_000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["article", "state"], name="comment_article_state")]

    def __str__(self) -> str:
        return f"{self.shown_name}: {self.text[:40]}"

    @property
    def shown_name(self) -> str:
        """The name given, or "Former member" once its writer deleted their account (which
        blanks the name and the address, see `accounts.services.account_delete`)."""
        return self.name or str(FORMER_MEMBER)


class Report(models.Model):
    """What a working group achieved: written by its owner or process support, published by a
    process manager, who may send it back with a comment."""

    class Kind(models.TextChoices):
        FINAL = "final", _("Final report")
        YEARLY = "yearly", _("Yearly report")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for publishing")
        RETURNED = "returned", _("Sent back")
        PUBLISHED = "published", _("Published")

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="reports"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.FINAL)
    summary = models.TextField(
        _("summary"), max_length=10_000, help_text=_("What was done and for whom. Markdown.")
    )
    lessons = models.TextField(_("lessons learned"), max_length=10_000, blank=True)
    links = models.TextField(
        _("links"), max_length=3_000, blank=True, help_text=_("One http or https address a line.")
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    comment = models.TextField(_("comment from the office"), max_length=3_000, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.initiative}"

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]


class Outcome(models.Model):
    """One result of a report, as label + number + unit; labels are reused so they can be
    summed across reports (e.g. "young people reached — 1 000 — people")."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="outcomes")
    label = models.CharField(_("what"), max_length=120)
    number = models.DecimalField(_("how many"), max_digits=12, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=40)

    class Meta:
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.label}: {self.number} {self.unit}"
