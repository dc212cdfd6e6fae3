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


class EffortManager(models.Manager.from_queryset(EffortQuerySet)):
    """The register as everyone reads it: without the rows of an import still being saved,
    which appear all at once when the import is complete."""

    def get_queryset(self):
        return super().get_queryset().filter(pending_import__isnull=True)


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
    # Set while an import saves its new efforts batch by batch; cleared for all of them in one
    # statement when every batch is in, or the rows are deleted with the import if it fails.
    pending_import = models.ForeignKey(
        "inventory.EffortImport",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        # Indexed only where set (`effort_pending`): an index over the NULLs of every current
        # effort would draw the list of current efforts away from its own index by title.
        db_index=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EffortManager()
    with_pending = EffortQuerySet.as_manager()

    class Meta:
        verbose_name = _("existing effort")
        verbose_name_plural = _("existing efforts")
        ordering = ["title"]
        # The register's current efforts by title, a page at a time (partial: the condition is
        # the one `current()` filters on, so the database reads the index alone).
        indexes = [
            models.Index(
                fields=["title"],
                condition=models.Q(archived=False, pending_import__isnull=True),
                name="effort_current_title",
            ),
            models.Index(
                fields=["pending_import"],
                condition=models.Q(pending_import__isnull=False),
                name="effort_pending",
            ),
        ]
        constraints = [
            # Re-importing a file updates the effort with the same title and owner.
            models.UniqueConstraint(Lower("title"), Lower("owner_org"), name="effort_title_owner"),
        ]

    def __str__(self) -> str:
        return self.title


def _private_storage():
    # An uploaded file may hold contact details; only the worker and staff pages read it.
    from django.core.files.storage import storages

    return storages["private"]


class EffortImport(models.Model):
    """One CSV file sent to the register: stored, then checked and saved by the task worker,
    with its progress and result for the page that follows it and the e-mail at the end."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        CHECKING = "checking", _("Checking the rows")
        SAVING = "saving", _("Saving the efforts")
        DONE = "done", _("Done")
        FAILED = "failed", _("Nothing imported")

    RUNNING = (State.QUEUED, State.CHECKING, State.SAVING)

    uploaded_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    file = models.FileField(upload_to="imports/%Y/%m/", storage=_private_storage, blank=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    dry_run = models.BooleanField(_("only checked"), default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    rows = models.PositiveIntegerField(default=0)
    rows_checked = models.PositiveIntegerField(default=0)
    rows_saved = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    error_count = models.PositiveIntegerField(default=0)
    # The first bad lines as [line, reason]; a file with thousands of them shows the first.
    errors = models.JSONField(default=list, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("effort import")
        verbose_name_plural = _("effort imports")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_state_display()})"

    @property
    def running(self) -> bool:
        return self.state in self.RUNNING

    @property
    def percent(self) -> int:
        """How far the import has come: checking is the first half, saving the second."""
        if not self.rows:
            return 0
        done = self.rows_checked + self.rows_saved
        return min(100, round(100 * done / (2 * self.rows)))


class StagedUpdate(models.Model):
    """The new values of an effort that an import changes, written batch by batch and applied
    to the register in the import's one last transaction."""

    run = models.ForeignKey(EffortImport, on_delete=models.CASCADE, related_name="+")
    effort = models.ForeignKey(Effort, on_delete=models.CASCADE, related_name="+")
    description = models.TextField()
    sphere = models.CharField(max_length=20)
    contact_email = models.CharField(max_length=254, blank=True)
    url = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=20)
    language = models.CharField(max_length=2)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, null=True, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.run_id}: {self.effort_id}"


class StagedFocusArea(models.Model):
    """A focus area of an effort that an import changes, put in place with its new values."""

    run = models.ForeignKey(EffortImport, on_delete=models.CASCADE, related_name="+")
    effort = models.ForeignKey(Effort, on_delete=models.CASCADE, related_name="+")
    focusarea = models.ForeignKey("core.FocusArea", on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"{self.run_id}: {self.effort_id} {self.focusarea_id}"


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
