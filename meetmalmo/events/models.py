"""The forum's meetings and events: breakfasts, forum meetings, workshops and public events,
the people registered for them (members and visitors), the waitlist and who came."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetmalmo.accounts.validators import validate_http_url
from meetmalmo.core.bilingual import Translated
from meetmalmo.core.images import validate_image


class Kind(models.TextChoices):
    BREAKFAST = "breakfast", _("Breakfast meeting")
    FORUM = "forum", _("Forum meeting")
    WORKSHOP = "workshop", _("Workshop")
    PUBLIC = "public", _("Public event")
    OTHER = "other", _("Other")


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class Spoken(models.TextChoices):
    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    BOTH = "sv_en", _("Swedish and English")


class EventQuerySet(models.QuerySet):
    def published(self):
        """Published, cancelled ones included: a cancelled meeting still says so."""
        return self.exclude(state=Event.State.DRAFT)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now())


class Event(Translated, models.Model):
    TRANSLATED = ("title", "lead", "description", "accessibility", "minutes", "image_alt")

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

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
    description_sv = models.TextField(
        _("description (Swedish)"),
        max_length=20_000,
        blank=True,
        help_text=_("Markdown is allowed."),
    )
    description_en = models.TextField(
        _("description (English)"),
        max_length=20_000,
        blank=True,
        help_text=_("Markdown is allowed."),
    )
    image = models.ImageField(
        _("image"), upload_to="events/", blank=True, validators=[validate_image]
    )
    image_alt_sv = models.CharField(_("image description (Swedish)"), max_length=200, blank=True)
    image_alt_en = models.CharField(_("image description (English)"), max_length=200, blank=True)
    photo_credit = models.CharField(
        _("photographer"),
        max_length=120,
        blank=True,
        help_text=_("The name only, such as Malmö stad: the page adds “Photo:” before it."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FORUM)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    format = models.CharField(
        _("where"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    online_link = models.URLField(
        _("online link"),
        max_length=500,
        blank=True,
        validators=[validate_http_url],
        help_text=_("Shown only to those registered."),
    )
    spoken = models.CharField(
        _("language spoken"), max_length=10, choices=Spoken.choices, default=Spoken.SWEDISH
    )
    accessibility_sv = models.TextField(
        _("accessibility of the venue (Swedish)"),
        max_length=1_000,
        blank=True,
        help_text=_("For example step-free entrance, hearing loop, accessible toilet."),
    )
    accessibility_en = models.TextField(
        _("accessibility of the venue (English)"), max_length=1_000, blank=True
    )
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: at once.")
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"), null=True, blank=True, help_text=_("Empty: when it starts.")
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        limit_choices_to={"is_process_manager": True},
        related_name="organised_events",
    )
    focus_areas = models.ManyToManyField(
        "core.FocusArea", verbose_name=_("focus areas"), blank=True, related_name="events"
    )
    related_initiatives = models.ManyToManyField(
        "initiatives.Initiative",
        verbose_name=_("related projects"),
        blank=True,
        related_name="related_events",
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.DRAFT)
    cancel_reason = models.TextField(_("reason for cancelling"), max_length=2_000, blank=True)
    minutes_sv = models.TextField(
        _("minutes (Swedish)"), max_length=30_000, blank=True, help_text=_("Markdown is allowed.")
    )
    minutes_en = models.TextField(
        _("minutes (English)"), max_length=30_000, blank=True, help_text=_("Markdown is allowed.")
    )
    minutes_published_at = models.DateTimeField(null=True, blank=True)
    # When the followers of its series, focus areas and projects heard it was published.
    followers_told_at = models.DateTimeField(null=True, blank=True)
    # Raised by every change, so that calendars replace their copy (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["state", "ends_at", "starts_at"], name="event_listing"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.title_sv or self.title_en

    def get_absolute_url(self) -> str:
        return reverse("events:detail", args=[self.slug])

    @property
    def is_cancelled(self) -> bool:
        return self.state == self.State.CANCELLED

    @property
    def is_past(self) -> bool:
        return self.ends_at < timezone.now()

    @property
    def closes_at(self):
        return self.registration_closes_at or self.starts_at

    def map_link(self) -> str:
        """An OpenStreetMap search for the address: a link, so no map script is loaded."""
        from urllib.parse import urlencode

        if not self.address:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Registered")
        WAITLISTED = "waitlisted", _("On the waitlist")
        CANCELLED = "cancelled", _("Cancelled")

    HOLDING_A_PLACE = (Status.CONFIRMED, Status.WAITLISTED, Status.PENDING)

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(max_length=2, default="sv")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Order on the waitlist: when the person joined it.
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            # One place per address and event; a cancelled one may register again.
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(status="cancelled"),
                name="registered_once",
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "waitlisted_at"], name="waitlist")]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def is_visitor(self) -> bool:
        return self.user_id is None


class EventInitiative(models.Model):
    """An initiative brought in at a meeting."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="brought_in")
    initiative = models.OneToOneField(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="came_from_event"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("initiative from a meeting")
        verbose_name_plural = _("initiatives from meetings")

    def __str__(self) -> str:
        return f"{self.initiative} ← {self.event}"
