"""Reads on the register of existing efforts."""

from meetmalmo.inventory import related
from meetmalmo.inventory.models import Effort, EffortImport, GlossaryEntry, Kind


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


def effort_import(pk: int) -> EffortImport | None:
    return EffortImport.objects.select_related("uploaded_by").filter(pk=pk).first()


def import_under_way() -> EffortImport | None:
    """The import being checked or saved now, if any: one at a time, so that two files with
    the same efforts cannot both add them."""
    return EffortImport.objects.filter(state__in=EffortImport.RUNNING).first()


def glossary():
    return GlossaryEntry.objects.all()


def glossary_entry(pk: int) -> GlossaryEntry | None:
    return GlossaryEntry.objects.filter(pk=pk).first()


def suggestions_for_writer(
    *, text: str = "", fields=(), focus_areas=(), limit: int = 5, unrelated=()
) -> list[related.Match]:
    """Existing efforts related to an initiative being written, from its text or its weighted
    fields. Members see efforts only: other people's initiatives are not theirs to read. Fewer
    than two words with a subject find nothing: one word is too little to go on. The efforts
    in `unrelated` (ids the writer said are not related) are not suggested again."""
    return related.related(
        text,
        fields=fields,
        kinds=[Kind.EFFORT],
        focus_areas=focus_areas,
        limit=limit,
        min_words=2,
        exclude=[(Kind.EFFORT, pk) for pk in unrelated],
    )
