"""Initiatives, their append-only case history, and the inventory of related work staff keep
for each case."""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.workflow import BROUGHT_TO_LIFE_STATES, OPEN_STATES, State
from meetmalmo.inventory.models import Effort, Kind
from meetmalmo.inventory.related import INITIATIVE_FIELDS

DECISION_DAYS = 21
# Meet Malmö began in 2015: nothing can have been received before it.
EARLIEST_RECEIVED_ON = date(2015, 1, 1)


class Channel(models.TextChoices):
    PORTAL = "portal", _("Portal")
    MEETING = "meeting", _("Meeting")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")


class Language(models.TextChoices):
    SV = "sv", _("Swedish")
    EN = "en", _("English")


class InitiativeQuerySet(models.QuerySet):
    def open(self):
        """Cases still waiting for a decision: the clock runs for them."""
        return self.filter(is_open=True)

    def decided(self):
        return self.filter(decided_at__isnull=False)

    def brought_to_life(self):
        """Adopted, whatever became of the work afterwards."""
        return self.filter(state__in=BROUGHT_TO_LIFE_STATES)

    def of_submitter(self, user):
        return self.filter(submitter=user)


class Initiative(models.Model):
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=500)
    description = models.TextField(_("description"), max_length=20_000)
    challenge = models.TextField(_("the challenge it addresses"), max_length=5_000)
    benefit_city = models.TextField(_("expected benefit for the city"), max_length=5_000)
    benefit_business = models.TextField(
        _("expected benefit for the business community"), max_length=5_000
    )
    proposed_partners = models.TextField(_("proposed partners"), max_length=5_000, blank=True)
    focus_areas = models.ManyToManyField(
        FocusArea, verbose_name=_("focus areas"), related_name="initiatives"
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.SV
    )
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.PORTAL
    )
    criterion_strategic = models.BooleanField(
        _("strategic for the city and its business community"), default=False
    )
    criterion_cooperation = models.BooleanField(_("needs cooperation"), default=False)
    criterion_social = models.BooleanField(_("socially sustainable"), default=False)

    # Empty once the person has deleted their account: the case stays with the organisation.
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitter"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="initiatives",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="initiatives",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("process manager"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_initiatives",
    )
    referred_to = models.ForeignKey(
        "self",
        verbose_name=_("referred to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )
    referred_to_effort = models.ForeignKey(
        Effort,
        verbose_name=_("referred to the effort"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="referrals",
    )

    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The day a process manager received it at a meeting, by phone or by e-mail: the 21 days
    # run from then, not from the day it was typed in. Empty for what came in through the portal.
    received_on = models.DateField(_("received on"), null=True, blank=True)
    decision_due = models.DateTimeField(_("decision due"), null=True, blank=True, db_index=True)
    # Whether the case waits for a decision, kept by the database itself from the state: one
    # value to look up, where the open states are several (see `open()`).
    is_open = models.GeneratedField(
        expression=models.Case(
            models.When(state__in=sorted(OPEN_STATES), then=models.Value(True)),
            default=models.Value(False),
        ),
        output_field=models.BooleanField(),
        db_persist=True,
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # The latest request for information and the submitter's latest answer, written in the
    # same transaction as their events (`services.request_information`, `answer_request`), so
    # the desk finds the cases waiting for an answer, or answered and unread, through an index
    # instead of looking up the latest events of every open case.
    last_question_at = models.DateTimeField(_("latest request for information"), null=True)
    last_answer_at = models.DateTimeField(_("latest answer from the submitter"), null=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["state", "decision_due"]),
            # The queue's tabs and the desk's lists of open cases, by deadline: the office's,
            # nobody's and one process manager's, each read in order a page at a time.
            # Partial, on the condition `open()` filters on, so that counting reads them alone.
            models.Index(
                fields=["decision_due", "id"],
                condition=models.Q(is_open=True),
                name="initiative_open_due",
            ),
            models.Index(
                fields=["assigned_to", "decision_due", "id"],
                condition=models.Q(is_open=True),
                name="initiative_holder_due",
            ),
            models.Index(fields=["decided_at", "id"], name="initiative_decided"),
            # The desk's cases waiting for the submitter and answered but unread, the office's
            # and one process manager's, in the order the desk lists them; only open cases with
            # a question or an answer are in them, so counting them reads a few entries.
            models.Index(
                fields=["last_question_at", "id"],
                condition=models.Q(is_open=True, last_question_at__isnull=False),
                name="initiative_open_asked",
            ),
            models.Index(
                fields=["assigned_to", "last_question_at", "id"],
                condition=models.Q(is_open=True, last_question_at__isnull=False),
                name="initiative_holder_asked",
            ),
            models.Index(
                fields=["last_answer_at", "id"],
                condition=models.Q(is_open=True, last_answer_at__isnull=False),
                name="initiative_open_answered",
            ),
            models.Index(
                fields=["assigned_to", "last_answer_at", "id"],
                condition=models.Q(is_open=True, last_answer_at__isnull=False),
                name="initiative_holder_answered",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_draft(self) -> bool:
        return self.state == State.DRAFT

    @property
    def own_words(self) -> str:
        """What the submitter wrote, as related-work search and resource matching read it."""
        return "\n".join([self.title, self.summary, self.description, self.challenge])

    @property
    def weighted_words(self) -> list[tuple[str, float]]:
        """What the submitter wrote, field by field with the weight each has for its subject,
        as related work and resource matching read it."""
        return [(getattr(self, name), weight) for name, weight in INITIATIVE_FIELDS]

    @property
    def referral_target(self):
        """The earlier initiative or the existing effort this one was referred to."""
        return self.referred_to or self.referred_to_effort

    def start_clock(self, at) -> None:
        self.submitted_at = at
        self.decision_due = at + timedelta(days=DECISION_DAYS)


class CaseEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("The case history is append-only")

    def delete(self):
        raise TypeError("The case history is append-only")

    def public(self):
        """What the submitter may see: everything but internal notes."""
        return self.filter(internal=False)


class CaseEvent(models.Model):
    """One entry of a case's history. Written once, never changed or removed."""

    class Kind(models.TextChoices):
        TRANSITION = "transition", _("Change of state")
        ASSIGNMENT = "assignment", _("Assignment")
        NOTE = "note", _("Internal note")
        QUESTION = "question", _("Request for information")
        ANSWER = "answer", _("Answer from the submitter")
        INVENTORY = "inventory", _("Inventory")
        OWNERSHIP = "ownership", _("Ownership")
        HANDOVER = "handover", _("Handover proposed")
        MESSAGE = "message", _("Message")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    from_state = models.CharField(_("from"), max_length=20, choices=State.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=20, choices=State.choices, blank=True)
    transition = models.CharField(_("move"), max_length=30, blank=True)
    reason = models.TextField(_("why"), blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    internal = models.BooleanField(_("staff only"), default=False)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    objects = CaseEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["created_at", "id"]
        # A case's latest event of a kind (the question waiting, the withdrawal) without sorting.
        indexes = [
            models.Index(
                fields=["initiative", "kind", "created_at", "id"], name="caseevent_kind_time"
            )
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.kind} {self.from_state}→{self.to_state}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("The case history is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The case history is append-only")


class Reminder(models.Model):
    """A reminder that has been sent; the unique constraint makes sending it twice impossible,
    so `send_reminders` can run every hour."""

    class Kind(models.TextChoices):
        DAY_14 = "day_14", _("Day 14 of 21")
        OVERDUE = "overdue", _("Decision overdue")
        UNASSIGNED = "unassigned", _("Unassigned for two days")
        REPORT_DUE = "report_due", _("Report due")

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "kind"], name="one_reminder_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.initiative_id}: {self.kind}"


def _private_storage():
    # Attachments never go under MEDIA_ROOT: only a permission-checked view serves them.
    from django.core.files.storage import storages

    return storages["private"]


class Attachment(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="attachments")
    # A file sent later with a message of the case's conversation; none for the initiative's own.
    event = models.ForeignKey(
        CaseEvent,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )
    file = models.FileField(upload_to="attachments/%Y/%m/", storage=_private_storage)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name


class ReplyTemplate(models.Model):
    """A reply the office reuses, in both languages; the process manager adjusts it per case."""

    class Kind(models.TextChoices):
        ADOPT = "adopt", _("Adopt")
        DECLINE = "decline", _("Decline")
        REFER = "refer", _("Refer to existing work")
        QUESTION = "question", _("Request for information")

    kind = models.CharField(_("used for"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=100)
    body_sv = models.TextField(_("text (Swedish)"), max_length=5_000)
    body_en = models.TextField(_("text (English)"), max_length=5_000)

    class Meta:
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    def body_for(self, language: str) -> str:
        return self.body_en if language == "en" else self.body_sv


class InventoryEntry(models.Model):
    """An effort or an earlier initiative that staff considered for an initiative: linked with a
    note on how it relates, or dismissed so that it is not suggested again."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="inventory")
    effort = models.ForeignKey(
        Effort,
        verbose_name=_("existing effort"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="inventory_entries",
    )
    related_initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("earlier initiative"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("how it relates"), max_length=2_000, blank=True)
    dismissed = models.BooleanField(_("not related"), default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # The table keeps the name it was created with, so existing databases move nothing.
        db_table = "inventory_inventoryentry"
        verbose_name = _("inventory entry")
        verbose_name_plural = _("inventory entries")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effort__isnull=False, related_initiative__isnull=True)
                | models.Q(effort__isnull=True, related_initiative__isnull=False),
                name="inventory_one_target",
            ),
            models.UniqueConstraint(fields=["initiative", "effort"], name="inventory_effort_once"),
            models.UniqueConstraint(
                fields=["initiative", "related_initiative"], name="inventory_initiative_once"
            ),
        ]

    def __str__(self) -> str:
        return str(self.target)

    @property
    def target(self):
        return self.effort or self.related_initiative

    @property
    def kind(self) -> str:
        return Kind.EFFORT if self.effort_id else Kind.INITIATIVE


class CaseRead(models.Model):
    """When a process manager last opened a case, so that the desk can tell which of the
    submitters' answers nobody in the office has read yet."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(_("last opened"))

    class Meta:
        verbose_name = _("case read")
        verbose_name_plural = _("cases read")
        constraints = [
            models.UniqueConstraint(fields=["initiative", "user"], name="case_read_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.initiative}"


class EffortVerdict(models.Model):
    """What the submitter said of an effort suggested to them: close to their idea, or not
    related. The process manager reads it on the case beside the inventory."""

    class Verdict(models.TextChoices):
        CLOSE = "close", _("Close to my idea")
        UNRELATED = "unrelated", _("Not related")

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="effort_verdicts"
    )
    effort = models.ForeignKey(Effort, on_delete=models.CASCADE, related_name="+")
    verdict = models.CharField(_("verdict"), max_length=10, choices=Verdict.choices)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("submitter's verdict on an effort")
        verbose_name_plural = _("submitters' verdicts on efforts")
        ordering = ["updated_at", "id"]
        constraints = [
            # One verdict per effort and case: saying it again changes it.
            models.UniqueConstraint(fields=["initiative", "effort"], name="verdict_once")
        ]

    def __str__(self) -> str:
        return f"{self.initiative}: {self.effort} ({self.get_verdict_display()})"
