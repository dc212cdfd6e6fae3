"""The taxonomy every app shares: the spheres of society and the office's focus areas."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from meetmalmo.core.bilingual import Translated


class Sphere(models.TextChoices):
    """The spheres of society; the codes are used in CSV files too."""

    BUSINESS = "business", _("Business")
    CITY = "city", _("City of Malmö")
    PUBLIC_AUTHORITY = "public_authority", _("Other public authority")
    INDUSTRY_ORG = "industry_org", _("Industry organisation")
    ACADEMIA = "academia", _("Academia")
    CIVIL_SOCIETY = "civil_society", _("Civil society")


class FocusArea(Translated, models.Model):
    """A theme from the office's managed list; codes are used in CSV files."""

    TRANSLATED = ("name",)

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        # The table keeps the name it was created with, so existing databases move nothing.
        db_table = "initiatives_focusarea"
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["position", "name_sv"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.text("name").value
