"""An issue of the newsletter, written by the office in Swedish and English from recent news and
projects, and its deliveries: one row per subscriber, created when the sending is asked for,
which is what makes each subscriber get the issue once however the sending is interrupted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from meetmalmo.core.bilingual import Translated
from meetmalmo.notifications.models import Follow
from meetmalmo.publishing.models import NewsArticle, Project


class Issue(Translated, models.Model):
    TRANSLATED = ("subject", "intro")

    subject_sv = models.CharField(_("subject (Swedish)"), max_length=150)
    subject_en = models.CharField(_("subject (English)"), max_length=150)
    intro_sv = models.TextField(
        _("introduction (Swedish)"), max_length=5000, help_text=_("Markdown is allowed.")
    )
    intro_en = models.TextField(
        _("introduction (English)"), max_length=5000, help_text=_("Markdown is allowed.")
    )
    articles = models.ManyToManyField(
        NewsArticle, verbose_name=_("news"), blank=True, related_name="+"
    )
    projects = models.ManyToManyField(
        Project, verbose_name=_("projects"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Set once, by the first request to send it; an issue asked to be sent can no longer change.
    send_requested_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.subject_sv or self.subject_en


class Delivery(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    # None once the subscriber has left: the row still counts what was sent.
    subscriber = models.ForeignKey(Follow, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="deliver_issue_once")
        ]
        indexes = [models.Index(fields=["issue", "sent_at", "failed_at"], name="delivery_todo")]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscriber_id}"
