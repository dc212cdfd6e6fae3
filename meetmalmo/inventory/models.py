"""The register of efforts already under way, inside the City of Malmö and outside it."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from meetmalmo.accounts.validators import validate_http_url
from meetmalmo.core.models import Sphere


class EffortStatus(models.TextChoices):
    # In the context of an effort, "en satsning": the Swedish adjectives agree with it, where an
    # initiative's and a project's states ("ett initiativ") take the neuter.
    PLANNED = "planned", pgettext_lazy("effort", "Planned")
    ACTIVE = "active", pgettext_lazy("effort", "Active")
    PAUSED = "paused", pgettext_lazy("effort", "Paused")
    COMPLETED = "completed", pgettext_lazy("effort", "Completed")


class EffortQuerySet(models.QuerySet):
    def current(self):
        return self.filter(archived=False)


class Effort(models.Model):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=10_000)
    owner_org = models.CharField(_("owner organisation"), max_length=200)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation in the portal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="efforts",
    )
    sphere = models.CharField(_("sphere"), max_length=20, choices=Sphere.choices)
    internal = models.BooleanField(
        _("inside the City of Malmö"),
        default=False,
        help_text=_("Set from the sphere when the effort is added; change it if needed."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    url = models.URLField(_("link"), blank=True, max_length=500, validators=[validate_http_url])
    focus_areas = models.ManyToManyField(
        "core.FocusArea", verbose_name=_("focus areas"), blank=True, related_name="efforts"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=EffortStatus.choices, default=EffortStatus.ACTIVE
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=[("sv", _("Swedish")), ("en", _("English"))],
        default="sv",
    )
    archived = models.BooleanField(_("archived"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EffortQuerySet.as_manager()

    class Meta:
        verbose_name = _("existing effort")
        verbose_name_plural = _("existing efforts")
        ordering = ["title"]
        # The register's current efforts by title, a page at a time (partial: the condition is
        # the one `current()` filters on, so the database reads the index alone).
        indexes = [
            models.Index(
                fields=["title"], condition=models.Q(archived=False), name="effort_current_title"
            )
        ]
        constraints = [
            # Re-importing a file updates the effort with the same title and owner.
            models.UniqueConstraint(Lower("title"), Lower("owner_org"), name="effort_title_owner"),
        ]

    def __str__(self) -> str:
        return self.title


class GlossaryEntry(models.Model):
    """One concept of the domain in both languages, so that an English text finds a Swedish
    effort and the reverse. Staff extend the glossary; it applies to the next search."""

    swedish = models.CharField(
        _("Swedish"),
        max_length=300,
        help_text=_("One or more words or phrases, separated by commas."),
    )
    english = models.CharField(
        _("English"),
        max_length=300,
        help_text=_("One or more words or phrases, separated by commas."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("glossary entry")
        verbose_name_plural = _("glossary entries")
        ordering = ["swedish"]

    def __str__(self) -> str:
        return f"{self.swedish} = {self.english}"

    def phrases(self, language: str) -> list[str]:
        text = self.swedish if language == "sv" else self.english
        return [phrase.strip() for phrase in text.split(",") if phrase.strip()]


class Kind(models.TextChoices):
    EFFORT = "effort", _("Existing effort")
    INITIATIVE = "initiative", _("Earlier initiative")


class IndexTerm(models.Model):
    """The related-work index: one row per stem of an effort or an initiative, with its weight
    in that text. Rows exist only for what may be suggested (efforts not archived, initiatives
    submitted and not withdrawn)."""

    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    term = models.CharField(max_length=64)
    word = models.CharField(max_length=64)  # the word as written, to show why it matched
    weight = models.FloatField()

    class Meta:
        indexes = [
            # Covers the search: a term's texts in descending weight, read as an index range.
            models.Index(
                fields=["term", "-weight", "kind", "object_id"], name="indexterm_term_weight"
            ),
            models.Index(fields=["kind", "object_id"], name="indexterm_object"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.term}"
