"""The open datasets: what each file holds, described once for the open-data page and for the
DCAT-AP-SE catalogue that Sweden's data portal (dataportal.se) harvests."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Max, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetmalmo.api import selectors
from meetmalmo.events.models import Event
from meetmalmo.publishing.models import Project, Report

# CC0: Sweden's data portal recommends it for open data; nothing to attribute, nothing to ask.
LICENCE = "http://creativecommons.org/publicdomain/zero/1.0/"
LICENCE_DEED = {
    "sv": "https://creativecommons.org/publicdomain/zero/1.0/deed.sv",
    "en": "https://creativecommons.org/publicdomain/zero/1.0/deed.en",
}
EU = "http://publications.europa.eu/resource/authority/"
THEMES = (f"{EU}data-theme/ECON", f"{EU}data-theme/SOCI")
CSV_FORMAT = f"{EU}file-type/CSV"
CSV_MEDIA_TYPE = "https://www.iana.org/assignments/media-types/text/csv"
CONTINUOUS = f"{EU}frequency/CONT"


@dataclass(frozen=True)
class Dataset:
    key: str
    title: str
    description: str
    keywords: tuple[str, ...]
    columns: tuple[tuple[str, str], ...]  # (name, what it holds)
    rows: Callable[[], Iterable]

    @property
    def filename(self) -> str:
        return f"{self.key}.csv"

    @property
    def header(self) -> list[str]:
        return [name for name, _description in self.columns]


def _described(names: list[str], descriptions: dict) -> tuple[tuple[str, str], ...]:
    # A column without a description stops start-up, so the page cannot fall behind the file.
    return tuple((name, descriptions[name]) for name in names)


DATASETS = (
    Dataset(
        key="projects",
        title=_("Meet Malmö projects"),
        description=_(
            "The published projects that came out of Meet Malmö, where the City of Malmö and "
            "its business community work together: status, focus areas, owner organisation, "
            "the spheres of society involved and the addresses of their pages."
        ),
        keywords=(_("projects"), _("business"), _("social sustainability"), _("employment")),
        columns=_described(
            selectors.PROJECT_COLUMNS,
            {
                "slug": _("The project's stable identifier, the last part of its address."),
                "title_sv": _("Title in Swedish."),
                "title_en": _("Title in English."),
                "lead_sv": _("Short description in Swedish."),
                "lead_en": _("Short description in English."),
                "status": _("starting, running, completed or discontinued."),
                "focus_areas": _("Codes of its focus areas, separated by semicolons."),
                "owner_organisation": _("The organisation that owns the work."),
                "spheres": _(
                    "Spheres of society of the working group's organisations, as codes "
                    "separated by semicolons."
                ),
                "url_sv": _("The project's page in Swedish."),
                "url_en": _("The project's page in English."),
                "published": _("When the page was published (ISO 8601, UTC)."),
                "updated": _("When the project last changed (ISO 8601, UTC)."),
                "image_url": _("Address of its image, if any."),
                "photo_credit": _("Who took the photo, if any."),
            },
        ),
        rows=selectors.project_rows,
    ),
    Dataset(
        key="outcomes",
        title=_("Outcomes of Meet Malmö projects"),
        description=_(
            "What the projects achieved, as reported by their working groups: one row per "
            "outcome of a published report, with a number and a unit."
        ),
        keywords=(_("outcomes"), _("results"), _("projects"), _("employment")),
        columns=_described(
            selectors.OUTCOME_COLUMNS,
            {
                "project": _("The project's identifier, as in the projects file."),
                "report_kind": _("final or yearly."),
                "report_published": _("The day the report was published (ISO 8601)."),
                "label": _("What was counted, e.g. young people reached."),
                "number": _("How many."),
                "unit": _("The unit of the number, e.g. people."),
            },
        ),
        rows=selectors.outcome_rows,
    ),
    Dataset(
        key="figures",
        title=_("Meet Malmö in numbers"),
        description=_(
            "The headline figures since the start: initiatives brought in and brought to life, "
            "projects running and completed, organisations and spheres involved, and the "
            "outcomes of all published reports summed by label and unit."
        ),
        keywords=(_("statistics"), _("initiatives"), _("business"), _("social sustainability")),
        columns=_described(
            selectors.FIGURE_COLUMNS,
            {
                "figure": _(
                    "The figure's name, e.g. initiatives_brought_to_life; outcome for a sum of "
                    "outcomes."
                ),
                "label": _(
                    "For an outcome, what was counted; for spheres_involved, the spheres' codes."
                ),
                "value": _("The number."),
                "unit": _("Its unit."),
                "reports": _("For an outcome, how many published reports counted it."),
            },
        ),
        rows=selectors.figure_rows,
    ),
    Dataset(
        key="events",
        title=_("Meet Malmö meetings and events"),
        description=_(
            "The forum's published breakfast meetings, forum meetings, workshops and public "
            "events: when and where, seats, whether cancelled, and how many initiatives were "
            "brought in at each. Nobody registered is named."
        ),
        keywords=(_("meetings"), _("events"), _("business"), _("initiatives")),
        columns=_described(
            selectors.EVENT_COLUMNS,
            {
                "slug": _("The meeting's stable identifier, the last part of its address."),
                "title_sv": _("Title in Swedish."),
                "title_en": _("Title in English."),
                "kind": _("breakfast, forum, workshop, public or other."),
                "format": _("in_person, online or hybrid."),
                "starts": _("When it starts (ISO 8601, Swedish time)."),
                "ends": _("When it ends (ISO 8601, Swedish time)."),
                "venue": _("The venue's name."),
                "address": _("The venue's address."),
                "capacity": _("Seats; empty for no limit."),
                "cancelled": _("True when the meeting was cancelled."),
                "focus_areas": _("Codes of its focus areas, separated by semicolons."),
                "initiatives_brought_in": _("Initiatives recorded as brought in there."),
                "url_sv": _("The meeting's page in Swedish."),
                "url_en": _("The meeting's page in English."),
            },
        ),
        rows=selectors.event_rows,
    ),
    Dataset(
        key="lessons",
        title=_("Lessons learned in Meet Malmö projects"),
        description=_(
            "What the working groups learned, as they wrote it in their published reports: one "
            "row per report that tells its lessons, with its project and focus areas."
        ),
        keywords=(_("lessons learned"), _("results"), _("projects"), _("cooperation")),
        columns=_described(
            selectors.LESSON_COLUMNS,
            {
                "project": _("The project's identifier, as in the projects file."),
                "project_title": _("The project's title, in the language of the report."),
                "report_kind": _("final or yearly."),
                "report_published": _("The day the report was published (ISO 8601)."),
                "report_updated": _("When the report last changed (ISO 8601, UTC)."),
                "language": _("The language the report is written in: sv or en."),
                "focus_areas": _("Codes of the project's focus areas, separated by semicolons."),
                "lessons": _("The lessons learned, as written (Markdown)."),
                "url": _("The project's page, at its lessons."),
            },
        ),
        rows=selectors.lesson_rows,
    ),
)
BY_KEY = {dataset.key: dataset for dataset in DATASETS}


def dataset(key: str) -> Dataset | None:
    return BY_KEY.get(key)


def catalogue() -> dict:
    """When the data was first issued and last changed, for the catalogue: the projects change
    with their pages, the outcomes with the reports, the figures every day."""
    published = Project.objects.published()
    projects = published.aggregate(
        first=Min("published_at"), updated=Max("updated_at"), latest=Max("published_at")
    )
    reports = Report.objects.filter(
        state=Report.State.PUBLISHED, initiative__project__in=published
    ).aggregate(latest=Max("published_at"))
    today = timezone.localdate()

    def day(*moments):
        found = [timezone.localtime(m).date() for m in moments if m is not None]
        return max(found) if found else today

    modified = {
        "projects": day(projects["updated"], projects["latest"]),
        "outcomes": day(reports["latest"]),
        "figures": today,
        "events": day(Event.objects.published().aggregate(updated=Max("updated_at"))["updated"]),
        "lessons": day(
            Report.objects.filter(
                state=Report.State.PUBLISHED, initiative__project__in=published
            ).aggregate(updated=Max("updated_at"))["updated"]
        ),
    }
    return {
        "issued": day(projects["first"]),
        "modified": max(modified.values()),
        "datasets": [(item, modified[item.key]) for item in DATASETS],
    }
