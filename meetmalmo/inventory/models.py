"""The register of efforts already under way, inside the City of Malmö and outside it."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts.models import Sphere
from meetmalmo.accounts.validators import validate_http_url


class EffortStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    COMPLETED = "completed", _("Completed")


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
        "initiatives.FocusArea", verbose_name=_("focus areas"), blank=True, related_name="efforts"
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
        constraints = [
            # Re-importing a file updates the effort with the same title and owner.
            models.UniqueConstraint(Lower("title"), Lower("owner_org"), name="effort_title_owner"),
        ]

    def __str__(self) -> str:
        return self.title
