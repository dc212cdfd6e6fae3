"""What Meet Malmö has achieved, in numbers: the public headline figures, and the office's
figures for a period. Every figure is counted here and nowhere else, so the pages, the CSV
files and the API give the same answers."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetmalmo.accounts.models import Organisation
from meetmalmo.core.models import FocusArea, Sphere
from meetmalmo.events.selectors import initiatives_per_kind
from meetmalmo.groups.models import WorkingGroup
from meetmalmo.initiatives.models import Channel, Initiative
from meetmalmo.initiatives.selectors import promise, promise_by
from meetmalmo.initiatives.workflow import State
from meetmalmo.publishing.models import Outcome, Project, ProjectStatus
from meetmalmo.publishing.reports import outcome_totals


def outcomes_summed(outcomes=None) -> list[dict]:
    """The published outcomes summed by label and unit, as the figures show them."""
    return [
        {
            "label": r["label"],
            "language": r["language"],
            "unit": r["unit"],
            "total": r["total"],
            "reports": r["reports"],
        }
        for r in outcome_totals(outcomes)
    ]


def involved_organisations():
    """Organisations taking part in what has been brought to life: the organisations that
    brought the initiatives in, the organisations of the working groups' members, and the
    organisations ownership was handed to."""
    alive = Initiative.objects.brought_to_life()
    members = alive.values("group__memberships__user__organisation")
    owners = alive.filter(group__handovers__accepted_at__isnull=False)
    return Organisation.objects.filter(
        Q(pk__in=alive.values("organisation"))
        | Q(pk__in=members)
        | Q(pk__in=owners.values("group__handovers__organisation"))
    )


def public_figures() -> dict:
    """Meet Malmö in numbers, for anyone: counts only, nothing that names a person or tells of
    an initiative that has not been published."""
    published = Project.objects.published()
    organisations = involved_organisations()
    spheres = set(organisations.values_list("sphere", flat=True))
    return {
        "since": settings.START_YEAR,
        "initiatives_brought_in": Initiative.objects.exclude(submitted_at=None).count(),
        "initiatives_brought_to_life": Initiative.objects.brought_to_life().count(),
        "projects_running": published.with_status(ProjectStatus.RUNNING).count(),
        "projects_completed": published.with_status(ProjectStatus.COMPLETED).count(),
        "organisations_involved": organisations.count(),
        # In the order of the list of spheres, so the answer does not depend on the database.
        "spheres_involved": [code for code in Sphere.values if code in spheres],
        # A report counts for the public once its project page is public too, as in the
        # library of results, which sums the same outcomes with the same function.
        "outcomes": outcomes_summed(
            Outcome.objects.filter(report__initiative__project__in=published)
        ),
    }


def public_promise():
    """The promise since the start, as the public page tells it: the same measure as the
    office's figures, counts only."""
    return promise()


# The office's figures for a period --------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """From the first day to the last, both included, in Malmö's time; open at either end."""

    start: date | None = None
    end: date | None = None

    def _midnight(self, day: date) -> datetime:
        return timezone.make_aware(datetime.combine(day, time.min))

    def filter(self, queryset, field: str):
        if self.start:
            queryset = queryset.filter(**{f"{field}__gte": self._midnight(self.start)})
        if self.end:
            queryset = queryset.filter(**{f"{field}__lt": self._midnight(self.end + ONE_DAY)})
        return queryset

    @property
    def slug(self) -> str:
        """For file names: `2026-01-01_2026-03-31`, `all`, `from-2026-01-01`."""
        if self.start and self.end:
            return f"{self.start}_{self.end}"
        if self.start:
            return f"from-{self.start}"
        return f"until-{self.end}" if self.end else "all"


ONE_DAY = timedelta(days=1)


@dataclass
class Table:
    """One figure: a table of numbers, the chart drawn from its first two columns (when it has
    one), and the CSV file made of the same rows."""

    title: str
    description: str
    columns: list[str]
    rows: list[tuple]
    chart: bool = True
    key: str = ""


def submitted(period: Period):
    """Initiatives brought in during the period (drafts are not brought in)."""
    return period.filter(Initiative.objects.exclude(submitted_at=None), "submitted_at")


def _counted(rows, counts) -> list[tuple]:
    return [(label, counts.get(value, 0)) for value, label in rows]


def by_state(period: Period) -> Table:
    counts = dict(submitted(period).values_list("state").annotate(n=Count("id")).order_by())
    states = [(value, label) for value, label in State.choices if value != State.DRAFT]
    return Table(
        _("Initiatives by state"),
        _("Initiatives brought in during the period, by the state they are in now."),
        [_("State"), _("Initiatives")],
        _counted(states, counts),
    )


def by_focus_area(period: Period) -> Table:
    counts = dict(
        FocusArea.objects.filter(initiatives__in=submitted(period))
        .values_list("pk")
        .annotate(n=Count("initiatives"))
        .order_by()
    )
    areas = [(area.pk, area.name) for area in FocusArea.objects.all()]
    return Table(
        _("Initiatives by focus area"),
        _("An initiative may have several focus areas, so the numbers add up to more."),
        [_("Focus area"), _("Initiatives")],
        _counted(areas, counts),
    )


def by_channel(period: Period) -> Table:
    counts = dict(submitted(period).values_list("channel").annotate(n=Count("id")).order_by())
    return Table(
        _("Initiatives by channel"),
        _("How the initiatives reached the office."),
        [_("Channel"), _("Initiatives")],
        _counted(Channel.choices, counts),
    )


def by_meeting_kind(period: Period) -> Table:
    return Table(
        _("Initiatives by kind of meeting"),
        _("The initiatives recorded as brought in at one of the forum's meetings."),
        [_("Kind of meeting"), _("Initiatives")],
        initiatives_per_kind(submitted(period)),
    )


def by_sphere(period: Period) -> Table:
    counts = dict(
        submitted(period).values_list("organisation__sphere").annotate(n=Count("id")).order_by()
    )
    return Table(
        _("Initiatives by the submitter's sphere"),
        _("The sphere of society of the organisation that brought the initiative in."),
        [_("Sphere"), _("Initiatives")],
        _counted(Sphere.choices, counts),
    )


def _month_label(month: date) -> str:
    return date_format(month, "F Y")


def per_month(period: Period) -> Table:
    counts = {
        timezone.localtime(month).date() if isinstance(month, datetime) else month: n
        for month, n in submitted(period)
        .annotate(month=TruncMonth("submitted_at"))
        .values_list("month")
        .annotate(n=Count("id"))
        .order_by()
    }
    first = period.start or min(counts, default=None)
    last = period.end or timezone.localdate()
    months = []
    if first:
        month = first.replace(day=1)
        while month <= last:
            months.append((month, _month_label(month)))
            month = (month + timedelta(days=32)).replace(day=1)
    return Table(
        _("Initiatives per month"),
        _("Initiatives brought in each month of the period."),
        [_("Month"), _("Initiatives")],
        _counted(months, counts),
    )


def _quarter(moment: datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local.year} Q{(local.month - 1) // 3 + 1}"


def decisions_per_quarter(period: Period) -> Table:
    """The promise per quarter: kept when decided within 21 days of receipt, missed when not
    decided by the deadline (counted in the quarter the deadline passed, decided later or not),
    and the median days to decision of the quarter's decisions."""
    rows = [
        (
            quarter,
            result.percent_kept,
            result.kept,
            result.missed,
            result.pending,
            result.median_days,
            result.decided,
        )
        for quarter, result in promise_by(_quarter, period.start, period.end).items()
    ]
    return Table(
        _("The promise of an answer within 21 days, per quarter"),
        _(
            "The office promises an answer within three weeks. A case counts as kept when it "
            "was decided within 21 days of its receipt, and as missed from the day its deadline "
            "passed without a decision, whenever it was decided; the chart shows the share "
            "kept. Open cases whose deadline has not come are pending and not counted; neither "
            "is a case withdrawn before its deadline."
        ),
        [
            _("Quarter"),
            _("Kept (%)"),
            _("Kept"),
            _("Missed"),
            _("Pending"),
            _("Median days to decision"),
            _("Decisions"),
        ],
        rows,
    )


def groups_by_spheres(period: Period) -> Table:
    """How many spheres of society each working group brings together: the spheres of its
    members' organisations."""
    counts = Counter(
        period.filter(WorkingGroup.objects.all(), "created_at")
        .annotate(spheres=Count("memberships__user__organisation__sphere", distinct=True))
        .values_list("spheres", flat=True)
    )
    sizes = [(n, str(n)) for n in range(len(Sphere.choices) + 1)]
    return Table(
        _("Working groups by number of spheres"),
        _(
            "Working groups formed during the period, by how many spheres of society their "
            "members come from. A group should bring together at least three."
        ),
        [_("Spheres"), _("Working groups")],
        _counted(sizes, counts),
    )


def resources(period: Period) -> Table:
    """The pool as it is today; the period does not apply."""
    from meetmalmo.groups.models import Membership
    from meetmalmo.resources.models import ResourceProfile

    pool = ResourceProfile.objects.all()
    working = Membership.objects.filter(
        group__initiative__state__in=[State.ADOPTED, State.GROUP_FORMING, State.ACTIVE]
    )
    return Table(
        _("Resources"),
        _(
            "Business representatives in the pool of resources today: all of them, those "
            "available to be asked, and those working in at least one group that is forming "
            "or active. The period does not apply."
        ),
        [_("Resources"), _("People")],
        [
            (_("In the pool"), pool.count()),
            (_("Available"), pool.filter(active=True, consent=True).count()),
            (_("In a working group"), pool.filter(user__in=working.values("user")).count()),
        ],
    )


def outcomes(period: Period) -> Table:
    reported = period.filter(Outcome.objects.all(), "report__published_at")
    return Table(
        _("Outcomes"),
        _(
            "What the published reports of the period say was achieved, summed by what was "
            "counted and its unit."
        ),
        [_("Outcome"), _("Total"), _("Unit"), _("Reports")],
        [(r["label"], r["total"], r["unit"], r["reports"]) for r in outcomes_summed(reported)],
        chart=False,
    )


# The figures in the order the page shows them; the keys name their CSV files.
TABLES = {
    "states": by_state,
    "focus-areas": by_focus_area,
    "channels": by_channel,
    "meeting-kinds": by_meeting_kind,
    "spheres": by_sphere,
    "months": per_month,
    "decisions": decisions_per_quarter,
    "groups": groups_by_spheres,
    "resources": resources,
    "outcomes": outcomes,
}


def table(key: str, period: Period) -> Table:
    found = TABLES[key](period)
    found.key = key
    return found


def tables(period: Period) -> list[Table]:
    return [table(key, period) for key in TABLES]
