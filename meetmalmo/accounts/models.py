"""People, their organisations, the roles they have in Meet Malmö and staff calendar feeds."""

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts.validators import (
    normalize_domain,
    normalize_org_number,
    validate_approved_domain,
    validate_http_url,
    validate_org_number,
    validate_photo_size,
)
from meetmalmo.core.bilingual import Translated
from meetmalmo.core.models import Sphere

# How the portal names someone who has deleted their account, wherever their work stays.
FORMER_MEMBER = _("Former member")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    sphere = models.CharField(_("sphere"), max_length=20, choices=Sphere.choices)
    org_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        validators=[validate_org_number],
        help_text=_("Optional. Swedish format NNNNNN-NNNN."),
    )
    website = models.URLField(
        _("website"), blank=True, validators=[validate_http_url], max_length=300
    )
    # One typed at sign-up is listed for others only once the office has confirmed it, so
    # nobody can pass as someone they are not by naming an organisation.
    confirmed = models.BooleanField(
        _("confirmed"),
        default=False,
        help_text=_("Confirmed by the office: shown in the lists people pick theirs from."),
    )
    created_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(Lower("name"), name="organisation_name_unique_ci"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean_fields(self, exclude=None):
        # Written as ten digits, the number is stored and shown with its hyphen.
        self.org_number = normalize_org_number(self.org_number)
        super().clean_fields(exclude=exclude)


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person. Logs in with e-mail; `is_staff` is reserved for administrators (Django's
    admin), and process managers of the Trade and Industry Office are marked separately."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="sv",
        help_text=_("The language of the e-mail the portal sends to this person."),
    )
    is_process_manager = models.BooleanField(
        _("process manager"),
        default=False,
        help_text=_("Staff of the Trade and Industry Office who run the Meet Malmö process."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]
        # People by name (the resource directory, the process managers): read in order.
        indexes = [
            models.Index(fields=["name", "id"], name="user_name"),
            # The few process managers among every member, by name (the desk's workload).
            models.Index(
                fields=["name", "id"],
                condition=models.Q(is_process_manager=True, is_active=True),
                name="user_process_managers",
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email


class ContactProfile(Translated, models.Model):
    """The public contact card of a process manager, shown on the contact page."""

    TRANSLATED = ("title",)

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="contact_profile", verbose_name=_("person")
    )
    title_sv = models.CharField(_("title (Swedish)"), max_length=150)
    title_en = models.CharField(_("title (English)"), max_length=150)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    public_email = models.EmailField(
        _("public e-mail"), blank=True, help_text=_("Leave empty to show the login address.")
    )
    photo = models.ImageField(
        _("photo"), upload_to="contacts/", blank=True, validators=[validate_photo_size]
    )
    photo_alt = models.CharField(_("photo description"), max_length=200, blank=True)
    listed = models.BooleanField(_("shown on the contact page"), default=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("contact profile")
        verbose_name_plural = _("contact profiles")
        ordering = ["position", "user__name"]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def title(self) -> str:
        return self.text("title").value

    @property
    def email(self) -> str:
        return self.public_email or self.user.email


class CalendarFeed(models.Model):
    """A process manager's private calendar address. Only a digest of its secret is kept: the
    address is shown once, when it is made, and a new one replaces it (the old one stops)."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="calendar_feed", verbose_name=_("person")
    )
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.user)

    @staticmethod
    def digest_of(token: str) -> str:
        # A digest, not the secret: a copy of the database gives no working address. The lookup
        # by digest needs no comparison of secrets, so it leaks no timing either.
        return hashlib.sha256(token.encode()).hexdigest()


class ApprovedDomain(models.Model):
    """An e-mail domain the office has approved for an organisation: someone who proves an
    address at it is that organisation's member without asking (the City's own addresses)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="approved_domains",
    )
    domain = models.CharField(
        _("e-mail domain"),
        max_length=253,
        unique=True,
        validators=[validate_approved_domain],
        help_text=_("The part after @, such as malmo.se. Public webmail is refused."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("approved e-mail domain")
        verbose_name_plural = _("approved e-mail domains")
        ordering = ["domain"]

    def __str__(self) -> str:
        return self.domain

    def clean_fields(self, exclude=None):
        self.domain = normalize_domain(self.domain)
        super().clean_fields(exclude=exclude)


class MembershipRequest(models.Model):
    """Someone asks to belong to an existing organisation. Until it is approved they belong to
    none: a name picked from a list proves nothing, so what they do is not the organisation's."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")

    user = models.ForeignKey(
        User,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="membership_requests",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("request to join an organisation")
        verbose_name_plural = _("requests to join an organisation")
        ordering = ["created_at", "pk"]
        constraints = [
            # One question at a time: a second would let a person ask everywhere at once.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="waiting"),
                name="membership_request_one_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation}"
