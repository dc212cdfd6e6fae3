"""Reads on the register of existing efforts."""

from django.db.models import Q

from meetmalmo.inventory.models import Effort


def efforts(*, q: str = "", sphere: str = "", status: str = "", archived: bool = False):
    found = Effort.objects.all() if archived else Effort.objects.current()
    if q:
        found = found.filter(
            Q(title__icontains=q) | Q(description__icontains=q) | Q(owner_org__icontains=q)
        )
    if sphere:
        found = found.filter(sphere=sphere)
    if status:
        found = found.filter(status=status)
    return found.prefetch_related("focus_areas").order_by("title")
