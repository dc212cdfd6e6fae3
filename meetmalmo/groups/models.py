"""Working groups: the people from several spheres who carry out an adopted initiative, their
invitations, milestones, updates and links, and the handover of ownership."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from meetmalmo.accounts.validators import validate_http_url

INVITATION_DAYS = 14


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    PROCESS_SUPPORT = "process_support", _("Process support")
    COORDINATOR = "coordinator", _("Coordinator (the City)")
    MEMBER = "member", _("Member")


EDITING_ROLES = (Role.OWNER, Role.PROCESS_SUPPORT)


class WorkingGroup(models.Model):
    initiative = models.OneToOneField(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="group"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The owner's own choice: messages sent from the project page go to them, not the office.
    owner_answers_messages = models.BooleanField(
        _("messages from the project page come to the owner"), default=False
    )

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def __str__(self) -> str:
        return str(self.initiative)


class Membership(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        ordering = ["joined_at", "id"]
        constraints = [models.UniqueConstraint(fields=["group", "user"], name="member_once")]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


def _expiry():
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class Invitation(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", pgettext_lazy("invitation", "Waiting for an answer")
        ACCEPTED = "accepted", pgettext_lazy("invitation", "Accepted")
        DECLINED = "declined", pgettext_lazy("invitation", "Declined")
        EXPIRED = "expired", pgettext_lazy("invitation", "Expired")

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="invitations")
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    message = models.TextField(_("message to the invitee"), max_length=2_000, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=_expiry)
    answered_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(_("message with the answer"), max_length=2_000, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            # One open invitation per person and group: inviting again needs an answer first.
            models.UniqueConstraint(
                fields=["group", "invitee"],
                condition=models.Q(state="pending"),
                name="one_pending_invitation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.invitee} → {self.group}"

    @property
    def shown_state(self) -> str:
        """The state as people should read it: a pending invitation past its date has expired,
        even before the hourly job writes so."""
        if self.state == self.State.PENDING and self.expires_at <= timezone.now():
            return self.State.EXPIRED.label
        return self.get_state_display()


class Milestone(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("milestone"), max_length=200)
    due = models.DateField(_("due date"))
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due", "id"]

    def __str__(self) -> str:
        return self.title


class Update(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="updates")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True)
    body = models.TextField(_("update"), max_length=5_000, help_text=_("Markdown is allowed."))
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("update")
        verbose_name_plural = _("updates")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.body[:60]


class Link(models.Model):
    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="links")
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500, validators=[validate_http_url])

    class Meta:
        verbose_name = _("document or link")
        verbose_name_plural = _("documents and links")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class HandoverQuerySet(models.QuerySet):
    def in_effect(self, today=None):
        """Accepted handovers whose agreed date has come: those that decide who owns the work."""
        return self.filter(accepted_at__isnull=False, date__lte=today or timezone.localdate())

    def due(self, today=None):
        """Accepted handovers whose date has come but whose ownership has not yet passed."""
        return self.in_effect(today).filter(applied_at=None)


class Handover(models.Model):
    """Ownership passing to an organisation and a named person, who accepts it. It takes
    effect on its agreed date (`date`), which may come before or after the acceptance."""

    group = models.ForeignKey(WorkingGroup, on_delete=models.CASCADE, related_name="handovers")
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT
    )
    # Empty once the person has deleted their account; the handover stays in the history.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("new owner"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="handovers",
    )
    date = models.DateField(_("from"))
    note = models.TextField(_("note"), max_length=2_000, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    # When the owner's role actually moved: at acceptance, or on the agreed date if it was later.
    applied_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = HandoverQuerySet.as_manager()

    class Meta:
        verbose_name = _("ownership handover")
        verbose_name_plural = _("ownership handovers")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.date})"

    def in_effect(self, today=None) -> bool:
        return self.accepted_at is not None and self.date <= (today or timezone.localdate())


class ProjectMessage(models.Model):
    """A message sent from a project's public page: to the office, or to the group's owner when
    they agreed to answer such messages. A signed-in member may offer themselves as a resource
    for the work with it. The sender's address is seen by whoever answers; the owner's never by
    the sender."""

    class SentTo(models.TextChoices):
        OFFICE = "office", _("the office")
        OWNER = "owner", _("the owner")

    initiative = models.ForeignKey(
        "initiatives.Initiative", on_delete=models.CASCADE, related_name="project_messages"
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=120, blank=True)
    message = models.TextField(_("message"), max_length=3_000)
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="project_messages",
    )
    offers_help = models.BooleanField(
        _("I offer myself as a Meet Malmö resource for this project"), default=False
    )
    sent_to = models.CharField(max_length=10, choices=SentTo.choices, default=SentTo.OFFICE)
    language = models.CharField(max_length=2, default="sv")
    spam = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message from the project page")
        verbose_name_plural = _("messages from the project page")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["initiative", "spam", "-created_at"], name="projmsg_list")]

    def __str__(self) -> str:
        return f"{self.name}: {self.message[:40]}"
