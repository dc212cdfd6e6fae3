"""Published projects and news as plain data, for the API and the open-data files alike: what
of them may be shown, and how, is decided here once. Nothing unpublished, no e-mail address or
phone number, and no person's name but an article's byline and a photo credit."""

from decimal import Decimal
from math import ceil

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation

from meetmalmo.core.bilingual import LANGUAGES, both
from meetmalmo.core.models import FocusArea
from meetmalmo.events import selectors as event_selectors
from meetmalmo.figures.maintained import public_figures
from meetmalmo.publishing import selectors as publishing
from meetmalmo.publishing.models import Outcome, Project, Report
from meetmalmo.search import library as lessons

FILE_CHUNK = 500  # rows read at a time for a file, so memory stays flat with any number


class PastTheEnd(Exception):
    def __init__(self, pages: int):
        self.pages = pages
        super().__init__(pages)


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def in_each_language(name: str, *args) -> dict:
    """The absolute address of a page in each language, as {"sv": …, "en": …}."""
    found = {}
    for language in LANGUAGES:
        with translation.override(language):
            found[language] = absolute(reverse(name, args=args))
    return found


def addresses(name: str, slug: str) -> dict:
    """The public page in each language, as `url_sv` and `url_en`."""
    return {f"url_{language}": url for language, url in in_each_language(name, slug).items()}


def number(value: Decimal) -> int | Decimal:
    """1000 rather than 1000.00, 12.5 rather than 12.50."""
    return int(value) if value == value.to_integral_value() else value.normalize()


def day(moment) -> str:
    return timezone.localtime(moment).date().isoformat() if moment else ""


def image(page) -> dict | None:
    if not page.image:
        return None
    return {
        "url": absolute(page.image.url),
        "alt": both(page, "image_alt"),
        "photo_credit": page.photo_credit,
    }


def focus_area_data(area: FocusArea) -> dict:
    return {"code": area.code, "name": both(area, "name"), "active": area.active}


def focus_areas():
    return FocusArea.objects.all()


def focus_area(code: str) -> FocusArea | None:
    return FocusArea.objects.filter(code=code).first()


def published_project(slug: str) -> Project | None:
    return Project.objects.published().filter(slug=slug).first()


def _outcome(outcome: Outcome) -> dict:
    return {"label": outcome.label, "number": number(outcome.number), "unit": outcome.unit}


def project_data(project: Project, *, detail: bool = False) -> dict:
    """A project from `project_list()` or `project()`, whose relations are prefetched."""
    facts = publishing.project_facts(project)
    reports = getattr(project.initiative, "published_reports", [])
    data = {
        "slug": project.slug,
        "title": both(project, "title"),
        "lead": both(project, "lead"),
        "status": project.status,
        "focus_areas": [focus_area_data(a) for a in project.initiative.focus_areas.all()],
        "owner_organisation": facts["owner"].name,
        "spheres": facts["sphere_codes"],
        "outcomes": [_outcome(o) for report in reports for o in report.outcomes.all()],
        **addresses("publishing:project", project.slug),
        "published": project.published_at,
        "updated": project.updated_at,
        "image": image(project),
    }
    if detail:
        data["body"] = both(project, "body")
        data["milestones"] = [{"title": m.title, "date": m.due} for m in facts["milestones"]]
        data["reports"] = [
            {
                "kind": report.kind,
                "published": report.published_at,
                "summary": report.summary,
                "lessons": report.lessons,
                "outcomes": [_outcome(o) for o in report.outcomes.all()],
            }
            for report in reports
        ]
    return data


def news_data(article) -> dict:
    """An article from `news()` or `news_article()`, with its project selected."""
    project = article.project
    return {
        "slug": article.slug,
        "title": both(article, "title"),
        "lead": both(article, "lead"),
        "body": both(article, "body"),
        "byline": article.byline,
        # The project's page may not be public yet; the site does not link it either.
        "project": project.slug if project is not None and project.is_published else None,
        **addresses("publishing:article", article.slug),
        "published": article.publish_at,
        "updated": article.updated_at,
        "image": image(article),
    }


def events():
    """Published meetings, the latest start first, never a registrant."""
    return event_selectors.published_events().annotate(
        initiatives_brought=Count("brought_in", distinct=True)
    )


def event_data(event) -> dict:
    """A meeting from `events()`."""
    published_minutes = event.minutes_published_at is not None
    return {
        "slug": event.slug,
        "title": both(event, "title"),
        "lead": both(event, "lead"),
        "description": both(event, "description"),
        "kind": event.kind,
        "format": event.format,
        "starts": event.starts_at,
        "ends": event.ends_at,
        "venue": event.venue,
        "address": event.address,
        "languages": event.spoken,
        "accessibility": both(event, "accessibility"),
        "capacity": event.capacity,
        "seats_left": None
        if event.capacity is None
        else max(event.capacity - event.seats_taken, 0),
        "cancelled": event.is_cancelled,
        "cancel_reason": event.cancel_reason,
        "focus_areas": [focus_area_data(area) for area in event.focus_areas.all()],
        "initiatives_brought_in": event.initiatives_brought,
        "minutes": both(event, "minutes") if published_minutes else {"sv": "", "en": ""},
        **addresses("events:detail", event.slug),
        "ics": absolute(reverse("events:ics", args=[event.slug])),
    }


EVENT_COLUMNS = [
    "slug",
    "title_sv",
    "title_en",
    "kind",
    "format",
    "starts",
    "ends",
    "venue",
    "address",
    "capacity",
    "cancelled",
    "focus_areas",
    "initiatives_brought_in",
    "url_sv",
    "url_en",
]


def event_rows():
    """events.csv: one row per published meeting, the latest first."""
    for event in events():
        data = event_data(event)
        yield [
            data["slug"],
            data["title"]["sv"],
            data["title"]["en"],
            data["kind"],
            data["format"],
            data["starts"].isoformat(timespec="seconds"),
            data["ends"].isoformat(timespec="seconds"),
            data["venue"],
            data["address"],
            "" if data["capacity"] is None else data["capacity"],
            data["cancelled"],
            ";".join(area["code"] for area in data["focus_areas"]),
            data["initiatives_brought_in"],
            data["url_sv"],
            data["url_en"],
        ]


def _changed_since(found, since, published_field: str):
    # A page scheduled ahead appears when its date comes, long after its last change.
    if since is None:
        return found
    return found.filter(Q(updated_at__gte=since) | Q(**{f"{published_field}__gte": since}))


def projects(*, status: str = "", focus_area: FocusArea | None = None, updated_since=None):
    found = publishing.project_list(status=status, focus_area=focus_area)
    return _changed_since(found, updated_since, "published_at")


def news(*, project: Project | None = None, updated_since=None):
    # The news pages leave the bodies and the project unread; the API gives them.
    found = publishing.news_list().defer(None).select_related("project")
    if project is not None:
        found = found.filter(project=project)
    return _changed_since(found, updated_since, "publish_at")


def paginate(found, *, page: int, page_size: int) -> tuple[int, int, list]:
    """(count, pages, items of the page); a page past the last is refused, since a harvester
    asking for it has lost its way. An empty list has one empty page."""
    count = found.count()
    pages = max(1, ceil(count / page_size))
    if page > pages:
        raise PastTheEnd(pages)
    start = (page - 1) * page_size
    return count, pages, list(found[start : start + page_size])


PROJECT_COLUMNS = [
    "slug",
    "title_sv",
    "title_en",
    "lead_sv",
    "lead_en",
    "status",
    "focus_areas",
    "owner_organisation",
    "spheres",
    "url_sv",
    "url_en",
    "published",
    "updated",
    "image_url",
    "photo_credit",
]


def project_rows():
    """projects.csv: one row per published project, the latest activity first; lists of codes
    are separated by semicolons."""
    for project in publishing.project_list().iterator(chunk_size=FILE_CHUNK):
        data = project_data(project)
        picture = data["image"] or {"url": "", "photo_credit": ""}
        yield [
            data["slug"],
            data["title"]["sv"],
            data["title"]["en"],
            data["lead"]["sv"],
            data["lead"]["en"],
            data["status"],
            ";".join(area["code"] for area in data["focus_areas"]),
            data["owner_organisation"],
            ";".join(data["spheres"]),
            data["url_sv"],
            data["url_en"],
            data["published"].isoformat(timespec="seconds"),
            data["updated"].isoformat(timespec="seconds"),
            picture["url"],
            picture["photo_credit"],
        ]


OUTCOME_COLUMNS = ["project", "report_kind", "report_published", "label", "number", "unit"]


def outcome_rows():
    """outcomes.csv: one row per outcome of a published report of a published project."""
    found = (
        Outcome.objects.filter(
            report__state=Report.State.PUBLISHED,
            report__initiative__project__in=Project.objects.published(),
        )
        .values_list(
            "report__initiative__project__slug",
            "report__kind",
            "report__published_at",
            "label",
            "number",
            "unit",
        )
        .order_by("report__initiative__project__slug", "report__published_at", "report_id", "id")
    )
    for slug, kind, published, label, value, unit in found.iterator(chunk_size=FILE_CHUNK):
        yield [slug, kind, day(published), label, number(value), unit]


FIGURE_COLUMNS = ["figure", "label", "value", "unit", "reports"]
HEADLINE_UNITS = {
    "since": "year",
    "initiatives_brought_in": "initiatives",
    "initiatives_brought_to_life": "initiatives",
    "projects_running": "projects",
    "projects_completed": "projects",
    "organisations_involved": "organisations",
}


def figure_rows() -> list[list]:
    """figures.csv: one row per headline figure, the spheres involved as a count with their
    codes as the label, then one row per outcome summed over the published reports."""
    figures = public_figures()
    rows = [[name, "", figures[name], unit, ""] for name, unit in HEADLINE_UNITS.items()]
    spheres = figures["spheres_involved"]
    rows.append(["spheres_involved", ";".join(spheres), len(spheres), "spheres", ""])
    rows += [
        ["outcome", o["label"], number(o["total"]), o["unit"], o["reports"]]
        for o in figures["outcomes"]
    ]
    return rows


LESSON_COLUMNS = [
    "project",
    "project_title",
    "report_kind",
    "report_published",
    "report_updated",
    "language",
    "focus_areas",
    "lessons",
    "url",
]


def lesson_rows():
    """lessons.csv: one row per published report that tells its lessons, of a published project,
    the latest first, its lessons as the group wrote them (Markdown)."""
    for report in lessons.with_lessons().iterator(chunk_size=FILE_CHUNK):
        project = report.initiative.project
        yield [
            project.slug,
            getattr(project, f"title_{report.initiative.language}", "") or str(project),
            report.kind,
            day(report.published_at),
            report.updated_at.isoformat(timespec="seconds"),
            report.initiative.language,
            ";".join(area.code for area in report.initiative.focus_areas.all()),
            report.lessons,
            absolute(reverse("publishing:project", args=[project.slug])) + "#lessons",
        ]
