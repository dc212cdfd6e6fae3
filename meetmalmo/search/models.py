"""The public search's index: one document per published item (a project, a news article, a
meeting, a report's results and lessons) with its texts in both languages, and its weighted
terms, analysed as related work analyses texts (`inventory.text`). It is kept apart from
related work's own index so that neither ranking counts the other's texts."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PROJECT = "project", _("Projects")
    RESULT = "result", _("Results and lessons")
    ARTICLE = "article", _("News")
    MEETING = "meeting", _("Meetings")
    PAGE = "page", _("About Meet Malmö")


class Document(models.Model):
    kind = models.CharField(max_length=10, choices=Kind.choices)
    object_id = models.PositiveIntegerField()
    slug = models.SlugField(max_length=120)  # the page's address (a result's: its project's)
    title_sv = models.CharField(max_length=200, blank=True)
    title_en = models.CharField(max_length=200, blank=True)
    # The opening of its text, from which the excerpt shown in a result is taken.
    text_sv = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    languages = models.CharField(max_length=5)  # "sv", "en" or "sv en": what it is written in
    focus_areas = models.CharField(max_length=500, blank=True)  # codes, space-separated
    # None: not public (a draft); a future time: public from then (a scheduled article).
    visible_from = models.DateTimeField(null=True)
    updated_at = models.DateTimeField()  # when the item itself last changed

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_once")
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"

    @property
    def only_language(self) -> str:
        """The one language it exists in, or "" when it exists in both."""
        return "" if " " in self.languages else self.languages


class Term(models.Model):
    """A stem of a document with its BM25 weight. Its document's kind and publication time are
    repeated here so that a query reads one index range per term and nothing else."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=64)
    weight = models.FloatField()
    in_title = models.BooleanField(default=False)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    visible_from = models.DateTimeField(null=True)

    class Meta:
        # Per term and kind, the strongest first: each kind's best texts are read in order.
        indexes = [models.Index(fields=["term", "kind", "-weight"], name="search_term_weight")]

    def __str__(self) -> str:
        return self.term
