"""Reads on the register of existing efforts."""

from meetmalmo.inventory import related
from meetmalmo.inventory.models import Effort, GlossaryEntry, InventoryEntry, Kind


def efforts(*, q: str = "", sphere: str = "", status: str = "", archived: bool = False):
    found = Effort.objects.all() if archived else Effort.objects.current()
    if q:
        found = found.filter(
            related.text_filter(q, Kind.EFFORT, ["title", "description", "owner_org"])
        )
    if sphere:
        found = found.filter(sphere=sphere)
    if status:
        found = found.filter(status=status)
    return found.prefetch_related("focus_areas").order_by("title")


def effort(pk: int) -> Effort | None:
    """An effort of the register, archived or not."""
    return Effort.objects.filter(pk=pk).first()


def inventory_entry(case_pk: int, entry_pk: int) -> InventoryEntry | None:
    """One entry of a case's inventory, found only under its own case."""
    return (
        InventoryEntry.objects.select_related("initiative", "effort", "related_initiative")
        .filter(pk=entry_pk, initiative_id=case_pk)
        .first()
    )


def glossary():
    return GlossaryEntry.objects.all()


def glossary_entry(pk: int) -> GlossaryEntry | None:
    return GlossaryEntry.objects.filter(pk=pk).first()


def case_inventory(initiative) -> list[InventoryEntry]:
    """What staff have linked to a case or dismissed, oldest first."""
    return list(
        initiative.inventory.select_related(
            "effort", "related_initiative__organisation", "added_by"
        )
    )


def case_suggestions(initiative, entries, *, q: str = "", limit: int = 6) -> list[related.Match]:
    """Related work for a case that is not yet in its inventory: from the case's own text,
    focus areas and organisation, or from the words staff searched for."""
    exclude = [(Kind.INITIATIVE, initiative.pk)] + [(e.kind, e.target.pk) for e in entries]
    if q:
        return related.related(q, exclude=exclude, limit=limit)
    return related.related(
        initiative_text(initiative),
        focus_areas=[area.code for area in initiative.focus_areas.all()],
        organisation_id=initiative.organisation_id,
        exclude=exclude,
        limit=limit,
    )


def initiative_text(initiative) -> str:
    return "\n".join(
        [initiative.title, initiative.summary, initiative.description, initiative.challenge]
    )


def suggestions_for_writer(*, text: str, focus_areas=(), limit: int = 5) -> list[related.Match]:
    """Existing efforts related to an initiative being written. Members see efforts only:
    other people's initiatives are not theirs to read."""
    if len(text.split()) < 2 and not focus_areas:
        return []
    return related.related(text, kinds=[Kind.EFFORT], focus_areas=focus_areas, limit=limit)
