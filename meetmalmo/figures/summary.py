"""Meet Malmö in the period: the one page the office reports to the politicians with. The
promise kept, what was adopted, the working groups formed and the spheres they bring together,
and the results reported with their outcomes summed. Counted from the same selectors as the
office's figures, so both give the same answers."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count
from django.utils.formats import date_format, number_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meetmalmo.figures.selectors import Period, outcomes_summed, submitted
from meetmalmo.groups.models import WorkingGroup
from meetmalmo.initiatives.models import Initiative
from meetmalmo.initiatives.selectors import Promise, promise
from meetmalmo.initiatives.workflow import BROUGHT_TO_LIFE_STATES
from meetmalmo.publishing.models import Outcome, Report

# A page for the politicians names the adopted initiatives up to this many; the count says
# how many there were in all.
NAMED = 15
# A group should bring together at least this many spheres of society.
SPHERES_WANTED = 3


@dataclass(frozen=True)
class Summary:
    period: Period
    brought_in: int
    promise: Promise
    adopted: int
    adopted_named: list
    groups: int
    groups_with_enough_spheres: int
    spheres_in_groups: list[tuple[int, int]]
    reports: int
    outcomes: list[dict]

    @property
    def adopted_unnamed(self) -> int:
        return self.adopted - len(self.adopted_named)


def period_summary(period: Period) -> Summary:
    """Everything on the page in a fixed number of queries, whatever the period holds."""
    adopted = period.filter(
        Initiative.objects.filter(state__in=BROUGHT_TO_LIFE_STATES).exclude(decided_at=None),
        "decided_at",
    )
    groups = (
        period.filter(WorkingGroup.objects.all(), "created_at")
        .annotate(spheres=Count("memberships__user__organisation__sphere", distinct=True))
        .values_list("spheres", flat=True)
        .order_by()
    )
    by_spheres: dict[int, int] = {}
    for spheres in groups:
        by_spheres[spheres] = by_spheres.get(spheres, 0) + 1
    reports = period.filter(Report.objects.filter(state=Report.State.PUBLISHED), "published_at")
    return Summary(
        period=period,
        brought_in=submitted(period).count(),
        promise=promise(period.start, period.end),
        adopted=adopted.count(),
        adopted_named=list(
            adopted.select_related("organisation").order_by("decided_at", "id")[:NAMED]
        ),
        groups=sum(by_spheres.values()),
        groups_with_enough_spheres=sum(
            n for spheres, n in by_spheres.items() if spheres >= SPHERES_WANTED
        ),
        spheres_in_groups=sorted(by_spheres.items()),
        reports=reports.count(),
        outcomes=outcomes_summed(period.filter(Outcome.objects.all(), "report__published_at")),
    )


@dataclass(frozen=True)
class Section:
    """One part of the page, as the printable page and the PDF both show it."""

    key: str
    title: str
    paragraphs: list[str]
    columns: list[str]
    rows: list[tuple]


def period_title(period: Period) -> str:
    if period.start and period.end:
        return _("From %(start)s to %(end)s") % {
            "start": date_format(period.start, "j F Y"),
            "end": date_format(period.end, "j F Y"),
        }
    if period.start:
        return _("From %(start)s until today") % {"start": date_format(period.start, "j F Y")}
    if period.end:
        return _("From the start to %(end)s") % {"end": date_format(period.end, "j F Y")}
    return _("Since the start")


def _number(value) -> str:
    # A sum keeps its column's decimals on PostgreSQL (12.50) and not on SQLite (12.5).
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else value.normalize()
    return number_format(value, force_grouping=True)


def sections(summary: Summary) -> list[Section]:
    kept = summary.promise
    if kept.counted:
        promise_text = [
            _(
                "%(percent)s %% of the promises kept: %(kept)s of %(counted)s initiatives were "
                "decided within 21 days of their receipt; %(missed)s were not."
            )
            % {
                "percent": kept.percent_kept,
                "kept": kept.kept,
                "counted": kept.counted,
                "missed": kept.missed,
            }
        ]
    else:
        promise_text = [_("No initiative reached its deadline in the period.")]
    if kept.pending:
        promise_text.append(
            ngettext(
                "%(count)s open case has not reached its deadline yet and is not counted.",
                "%(count)s open cases have not reached their deadline yet and are not counted.",
                kept.pending,
            )
            % {"count": kept.pending}
        )
    if kept.median_days is not None:
        promise_text.append(
            _("Median days to decision: %(days)s.") % {"days": number_format(kept.median_days)}
        )
    adopted_text = [
        ngettext(
            "%(count)s initiative brought in during the period.",
            "%(count)s initiatives brought in during the period.",
            summary.brought_in,
        )
        % {"count": summary.brought_in},
        ngettext(
            "%(count)s initiative adopted.",
            "%(count)s initiatives adopted.",
            summary.adopted,
        )
        % {"count": summary.adopted},
    ]
    if summary.adopted_unnamed:
        adopted_text.append(
            ngettext(
                "The first %(named)s are named here; %(count)s more was adopted.",
                "The first %(named)s are named here; %(count)s more were adopted.",
                summary.adopted_unnamed,
            )
            % {"named": len(summary.adopted_named), "count": summary.adopted_unnamed}
        )
    groups_text = [
        ngettext(
            "%(count)s working group formed; %(enough)s of them bring together at least "
            "three spheres of society.",
            "%(count)s working groups formed; %(enough)s of them bring together at least "
            "three spheres of society.",
            summary.groups,
        )
        % {"count": summary.groups, "enough": summary.groups_with_enough_spheres}
    ]
    results_text = [
        ngettext(
            "%(count)s report published.",
            "%(count)s reports published.",
            summary.reports,
        )
        % {"count": summary.reports}
    ]
    return [
        Section("promise", _("The promise of an answer within three weeks"), promise_text, [], []),
        Section(
            "adopted",
            _("What was adopted"),
            adopted_text,
            [_("Initiative"), _("Organisation"), _("Adopted")],
            [
                (i.title, i.organisation.name, date_format(localtime(i.decided_at), "j M Y"))
                for i in summary.adopted_named
            ],
        ),
        Section(
            "groups",
            _("Working groups formed"),
            groups_text,
            [_("Spheres of society"), _("Working groups")] if summary.groups else [],
            [(str(spheres), str(n)) for spheres, n in summary.spheres_in_groups],
        ),
        Section(
            "results",
            _("Results reported"),
            results_text,
            [_("Outcome"), _("Total"), _("Unit")] if summary.outcomes else [],
            [(o["label"], _number(o["total"]), o["unit"]) for o in summary.outcomes],
        ),
    ]
