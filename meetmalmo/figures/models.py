from django.db import models


class Snapshot(models.Model):
    """Figures counted ahead of the pages that show them (`figures.maintained`): one row per
    set of figures, recounted by the task queue soon after anything they count changes."""

    key = models.SlugField(primary_key=True, max_length=40)
    data = models.JSONField()
    counted_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.key} ({self.counted_at:%Y-%m-%d %H:%M})"
