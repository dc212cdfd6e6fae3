"""What happened that a person is told about, how they want to hear of each kind, and the
digests already sent."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    AT_ONCE = "at_once", _("By e-mail at once")
    DAILY = "daily", _("In a daily digest")
    WEEKLY = "weekly", _("In a weekly digest")
    OFF = "off", _("Only here, no e-mail")


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=40)
    text = models.CharField(_("what happened"), max_length=300)
    path = models.CharField(max_length=500)  # the page it is about, in the recipient's language
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # When the e-mail about it went, at once or in a digest; none while a digest is to come.
    emailed_at = models.DateTimeField(null=True, blank=True)
    in_digest = models.CharField(max_length=10, choices=Frequency.choices, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_list"),
            models.Index(fields=["in_digest", "emailed_at"], name="notification_digest"),
        ]

    def __str__(self) -> str:
        return self.text


class Preference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    kind = models.CharField(max_length=40)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.frequency}"


class Digest(models.Model):
    """One digest sent: a person's daily digest of a day, or weekly of a week (its Monday).
    The constraint is what makes it go once per period, however often the job runs."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    period = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)
    count = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "frequency", "period"], name="one_digest_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.frequency} {self.period}"


class Follow(models.Model):
    """Someone following something an app registered as followable (`follows.register`): a
    member by their account, a visitor by an e-mail address confirmed through a link (double
    opt-in) before anything is sent to it. `target_id` is 0 for a target without objects,
    such as the news."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="follows",
    )
    email = models.EmailField(blank=True)
    given_name = models.CharField(max_length=100, blank=True)  # a visitor's, if they gave it
    language = models.CharField(max_length=2, choices=settings.LANGUAGES)
    target = models.CharField(max_length=30)
    target_id = models.PositiveIntegerField(default=0)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "target", "target_id"],
                condition=models.Q(user__isnull=False),
                name="follow_once_per_member",
            ),
            models.UniqueConstraint(
                fields=["email", "target", "target_id"],
                condition=models.Q(user__isnull=True),
                name="follow_once_per_address",
            ),
        ]
        indexes = [models.Index(fields=["target", "target_id"], name="follow_target")]

    def __str__(self) -> str:
        return f"{self.target} {self.target_id}"

    @property
    def name(self) -> str:
        """How an e-mail greets a follower: by name for a member, by the name they gave or the
        address for a visitor."""
        return self.user.name if self.user_id else (self.given_name or self.email)
