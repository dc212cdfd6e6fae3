"""What people tell the office about the portal's accessibility, kept so that none is lost."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessibilityReport(models.Model):
    class Kind(models.TextChoices):
        PROBLEM = "problem", _("A problem with the accessibility of the portal")
        OTHER_FORM = "other_form", _("Content in another form")

    kind = models.CharField(
        _("what it is about"), max_length=12, choices=Kind.choices, default=Kind.PROBLEM
    )
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"))
    page = models.CharField(_("page concerned"), max_length=500, blank=True)
    description = models.TextField(_("description"), max_length=3_000)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    # Kept, not thrown away, and not e-mailed: a person can check what was taken for spam.
    spam = models.BooleanField(_("taken for spam"), default=False)
    handled = models.BooleanField(_("handled"), default=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("accessibility report")
        verbose_name_plural = _("accessibility reports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.email}: {self.description[:40]}"
