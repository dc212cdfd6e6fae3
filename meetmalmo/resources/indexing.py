"""The pool's profiles in the related-work index, so that matching reads a resource's
competences, title and presentation with the same analysis as an initiative's text (stems in
both languages, Swedish compounds, the register's stop words). The pool is not suggested as
related work: matching asks for it by its kind. Registered when the app is ready."""

from collections.abc import Iterable

from meetmalmo.inventory import related
from meetmalmo.resources.models import ResourceProfile

KIND = "resource"


def indexed():
    return ResourceProfile.objects.prefetch_related("competences")


SOURCE = related.Source(
    kind=KIND,
    documents=indexed,
    # What a person says they know weighs most; their title next; the presentation tells it.
    fields=(("competence_names", 3.0), ("title", 2.0), ("presentation", 1.0)),
    url_name="resources:profile",
    suggested=False,
)


def index_profiles(ids: Iterable[int]) -> None:
    """Bring the index up to date for these profiles (a deleted one leaves it)."""
    related.index(KIND, ids)
