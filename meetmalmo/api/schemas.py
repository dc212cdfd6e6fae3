"""The shapes of the API's questions and answers; the OpenAPI document is built from them, so
every field says what it holds."""

from datetime import UTC, datetime
from datetime import date as Date
from typing import Annotated, Literal

from django.utils import timezone
from ninja import Field, Schema
from pydantic import BeforeValidator, WithJsonSchema

from meetmalmo.core.models import Sphere
from meetmalmo.publishing.models import ProjectStatus, Report

SLUG = r"^[-a-zA-Z0-9_]+$"


def slug_or_blank(longest: int) -> str:
    """A filter by slug or code, which may be left blank (no filter, of any length), as the
    document says; the length is in the pattern since a blank is not held to it."""
    return rf"^(\s*|[-a-zA-Z0-9_]{{1,{longest}}})$"


def _blank_is_none(value):
    """`?status=` from a form with "all" chosen asks for no filter."""
    return None if isinstance(value, str) and not value.strip() else value


def _moment(value):
    """An ISO 8601 date (midnight in Malmö) or date and time (Malmö time unless it names its
    offset); only what the database can hold."""
    value = _blank_is_none(value)
    if value is None or isinstance(value, datetime):
        return value
    try:
        moment = datetime.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError("Give an ISO 8601 date or date and time, e.g. 2025-01-31") from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    try:
        moment.astimezone(UTC)
    except OverflowError:
        raise ValueError("The date is out of range") from None
    return moment


Moment = Annotated[
    datetime | None,
    BeforeValidator(_moment),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "format": "date-time"},
                # Blank, as a form sends a field left empty: no filter.
                {"type": "string", "pattern": "^\\s*$"},
            ],
            "examples": ["2025-01-31", "2025-01-31T12:00:00+01:00"],
        }
    ),
]


class Paging(Schema):
    page: int = Field(1, ge=1, description="Page number, from 1.")
    page_size: int = Field(20, ge=1, le=100, description="Items per page, 1 to 100.")


class ProjectQuery(Paging):
    status: Annotated[ProjectStatus | None, BeforeValidator(_blank_is_none)] = Field(
        None, description="Only projects with this status."
    )
    focus_area: Annotated[str | None, BeforeValidator(_blank_is_none)] = Field(
        None,
        pattern=slug_or_blank(50),
        description="Only projects in this focus area: a code from `/api/v1/focus-areas`.",
    )
    updated_since: Moment = Field(
        None,
        description="Only projects changed or published at or after this date or time "
        "(a date alone means midnight, Swedish time).",
    )


class NewsQuery(Paging):
    project: Annotated[str | None, BeforeValidator(_blank_is_none)] = Field(
        None,
        pattern=slug_or_blank(120),
        description="Only articles about this published project, by its `slug`.",
    )
    updated_since: Moment = Field(
        None,
        description="Only articles changed or published at or after this date or time "
        "(a date alone means midnight, Swedish time).",
    )


class Texts(Schema):
    sv: str = Field(description="In Swedish; empty when the text is written in English only.")
    en: str = Field(description="In English; empty when the text is written in Swedish only.")


class FocusAreaRef(Schema):
    code: str = Field(description="Stable code, used in filters and CSV files.")
    name: Texts


class FocusAreaOut(FocusAreaRef):
    active: bool = Field(description="Still offered for new initiatives.")


class Image(Schema):
    url: str = Field(description="Absolute address of the image.")
    alt: Texts = Field(description="A description of the image for people who cannot see it.")
    photo_credit: str = Field(description="Who took the photo; may be empty.")


class OutcomeOut(Schema):
    label: str = Field(description='What was counted, e.g. "young people reached".')
    number: float
    unit: str = Field(description='e.g. "people".')


class ProjectOut(Schema):
    slug: str = Field(description="The project's address, the same in both languages.")
    title: Texts
    lead: Texts
    status: ProjectStatus
    focus_areas: list[FocusAreaRef]
    owner_organisation: str = Field(
        description="The organisation that owns the work (after a handover, the new owner)."
    )
    spheres: list[Sphere] = Field(
        description="Spheres of society of the working group's member organisations."
    )
    outcomes: list[OutcomeOut] = Field(description="Outcomes of the published reports.")
    url_sv: str = Field(description="The public page in Swedish.")
    url_en: str = Field(description="The public page in English.")
    published: datetime
    updated: datetime
    image: Image | None


class Milestone(Schema):
    title: str
    date: Date


class ReportOut(Schema):
    kind: Literal[tuple(Report.Kind.values)] = Field(description="A final or a yearly report.")
    published: datetime | None
    summary: str = Field(description="What was done and for whom, as Markdown.")
    lessons: str = Field(description="Lessons learned, as Markdown; may be empty.")
    outcomes: list[OutcomeOut]


class ProjectDetail(ProjectOut):
    body: Texts = Field(description="The page's text, as Markdown.")
    milestones: list[Milestone] = Field(description="Milestones the working group has reached.")
    reports: list[ReportOut] = Field(description="Published reports, the newest first.")


class NewsOut(Schema):
    slug: str = Field(description="The article's address, the same in both languages.")
    title: Texts
    lead: Texts
    body: Texts = Field(description="The article's text, as Markdown.")
    byline: str = Field(description="Who wrote the article.")
    project: str | None = Field(description="The `slug` of the published project it is about.")
    url_sv: str = Field(description="The article in Swedish.")
    url_en: str = Field(description="The article in English.")
    published: datetime
    updated: datetime
    image: Image | None


class Paged(Schema):
    count: int = Field(description="Items that match, on all pages.")
    page: int
    page_size: int
    pages: int = Field(description="Number of pages; an empty list has one, empty.")
    next: str | None = Field(description="Absolute address of the next page, or null.")
    previous: str | None = Field(description="Absolute address of the previous page, or null.")


class ProjectPage(Paged):
    items: list[ProjectOut]


class NewsPage(Paged):
    items: list[NewsOut]


class EventOut(Schema):
    slug: str = Field(description="The meeting's address, the same in both languages.")
    title: Texts
    lead: Texts
    description: Texts = Field(description="What the meeting is about, as Markdown.")
    kind: str = Field(description="breakfast, forum, workshop, public or other.")
    format: str = Field(description="in_person, online or hybrid.")
    starts: datetime
    ends: datetime
    venue: str
    address: str
    languages: str = Field(description="sv, en or sv_en: the language spoken.")
    accessibility: Texts = Field(description="The venue's accessibility.")
    capacity: int | None = Field(description="Seats; null for no limit.")
    seats_left: int | None = Field(description="Seats not yet taken; null for no limit.")
    cancelled: bool
    cancel_reason: str
    focus_areas: list[FocusAreaRef]
    initiatives_brought_in: int = Field(description="Initiatives recorded as brought in there.")
    minutes: Texts = Field(description="The published minutes, as Markdown; empty before.")
    url_sv: str = Field(description="The meeting in Swedish.")
    url_en: str = Field(description="The meeting in English.")
    ics: str = Field(description="The meeting as an iCalendar file.")


class EventPage(Paged):
    items: list[EventOut]


class OutcomeSum(Schema):
    label: str
    unit: str
    total: float = Field(description="Summed over the published reports.")
    reports: int = Field(description="Published reports that counted it.")


class Figures(Schema):
    since: int = Field(description="The year Meet Malmö started.")
    initiatives_brought_in: int
    initiatives_brought_to_life: int = Field(description="Initiatives adopted, at any stage since.")
    projects_running: int
    projects_completed: int
    organisations_involved: int
    spheres_involved: list[Sphere]
    outcomes: list[OutcomeSum]


class Index(Schema):
    title: str
    version: str
    licence: str = Field(description="The licence of everything the API gives: CC0 1.0.")
    projects: str
    news: str
    events: str
    figures: str
    focus_areas: str
    openapi: str = Field(description="This API described in OpenAPI 3.1.")
    documentation: Texts = Field(description="How to use the API, for people.")
    open_data: Texts = Field(description="The open-data page, with the CSV files.")


class Message(Schema):
    detail: str


class Problem(Schema):
    loc: list[str | int] = Field(description='Where, e.g. ["query", "page"].')
    msg: str
    type: str


class Problems(Schema):
    detail: list[Problem]
