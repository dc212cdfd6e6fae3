"""The pool of Meet Malmö resources: business representatives without an idea of their own who
offer their time and knowledge to working groups."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from meetmalmo.core.bilingual import Translated
from meetmalmo.inventory.language import detect_language


class Industry(models.TextChoices):
    """The 21 sections of the Swedish standard industrial classification SNI 2007."""

    A = "A", pgettext_lazy("SNI", "A Agriculture, forestry and fishing")
    B = "B", pgettext_lazy("SNI", "B Mining and quarrying")
    C = "C", pgettext_lazy("SNI", "C Manufacturing")
    D = "D", pgettext_lazy("SNI", "D Electricity, gas, steam and air conditioning supply")
    E = "E", pgettext_lazy("SNI", "E Water supply, sewerage, waste management")
    F = "F", pgettext_lazy("SNI", "F Construction")
    G = "G", pgettext_lazy("SNI", "G Wholesale and retail trade; repair of motor vehicles")
    H = "H", pgettext_lazy("SNI", "H Transportation and storage")
    I = "I", pgettext_lazy("SNI", "I Accommodation and food service activities")  # noqa: E741
    J = "J", pgettext_lazy("SNI", "J Information and communication")
    K = "K", pgettext_lazy("SNI", "K Financial and insurance activities")
    L = "L", pgettext_lazy("SNI", "L Real estate activities")
    M = "M", pgettext_lazy("SNI", "M Professional, scientific and technical activities")
    N = "N", pgettext_lazy("SNI", "N Administrative and support service activities")
    O = "O", pgettext_lazy("SNI", "O Public administration and defence")  # noqa: E741
    P = "P", pgettext_lazy("SNI", "P Education")
    Q = "Q", pgettext_lazy("SNI", "Q Human health and social work activities")
    R = "R", pgettext_lazy("SNI", "R Arts, entertainment and recreation")
    S = "S", pgettext_lazy("SNI", "S Other service activities")
    T = "T", pgettext_lazy("SNI", "T Activities of households as employers")
    U = "U", pgettext_lazy("SNI", "U Extraterritorial organisations and bodies")


class SpokenLanguage(Translated, models.Model):
    TRANSLATED = ("name",)

    code = models.CharField(_("code"), max_length=8, unique=True)
    name_sv = models.CharField(_("name (Swedish)"), max_length=50)
    name_en = models.CharField(_("name (English)"), max_length=50)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.text("name").value


class Competence(models.Model):
    """A free tag; the names already in use are offered as suggestions."""

    name = models.CharField(_("competence"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ResourceQuerySet(models.QuerySet):
    def available(self):
        """Who may be suggested and contacted: active, consenting, with an active account."""
        return self.filter(active=True, consent=True, user__is_active=True)


class ResourceProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resource_profile"
    )
    title = models.CharField(_("your title"), max_length=120)
    industry = models.CharField(_("industry (SNI 2007)"), max_length=1, choices=Industry.choices)
    competences = models.ManyToManyField(
        Competence, verbose_name=_("competences"), related_name="profiles"
    )
    focus_areas = models.ManyToManyField(
        "core.FocusArea", verbose_name=_("focus areas of interest"), related_name="+"
    )
    languages = models.ManyToManyField(
        SpokenLanguage, verbose_name=_("languages"), related_name="profiles"
    )
    hours_per_month = models.PositiveSmallIntegerField(
        _("hours available per month"), validators=[MaxValueValidator(200)]
    )
    presentation = models.TextField(_("short presentation"), max_length=1_000, blank=True)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Paused profiles are not suggested to groups.")
    )
    consent = models.BooleanField(_("consent to be contacted"), default=False)
    consent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        verbose_name = _("resource profile")
        verbose_name_plural = _("resource profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours_per_month__lte=200), name="resource_hours_at_most_200"
            )
        ]

    def __str__(self) -> str:
        return str(self.user)

    # What the related-work index reads of a profile (`indexing.SOURCE`).
    @property
    def competence_names(self) -> str:
        return "\n".join(competence.name for competence in self.competences.all())

    @property
    def language(self) -> str:
        return detect_language(f"{self.title}\n{self.presentation}")

    @property
    def organisation_id(self) -> None:
        # A resource is matched on what they know, not on whose payroll they are.
        return None
