"""Earlier initiatives as related work: which of them the register's related-work index holds,
and which of their fields it reads. Registered when the app is ready."""

from collections.abc import Iterable

from meetmalmo.initiatives.models import Initiative
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory import related
from meetmalmo.inventory.models import Kind

# A draft is its writer's alone and a withdrawn case is no longer anyone's work.
NOT_SUGGESTED = (State.DRAFT, State.WITHDRAWN)


def suggestable():
    return Initiative.objects.exclude(state__in=NOT_SUGGESTED).select_related("organisation")


SOURCE = related.Source(
    kind=Kind.INITIATIVE,
    documents=suggestable,
    fields=related.INITIATIVE_FIELDS,
    url_name="initiatives:case",
)


def index_initiatives(ids: Iterable[int]) -> None:
    """Bring the index up to date for these initiatives (drafts and withdrawn ones leave it)."""
    related.index(Kind.INITIATIVE, ids)
