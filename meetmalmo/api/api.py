"""The public read API, /api/v1/: published projects and news, the headline figures and the
focus areas, as JSON. Each endpoint parses its question, asks one selector and answers; the
caching, CORS and rate-limit headers are added by `meetmalmo.api.middleware`."""

import re

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import reverse
from ninja import NinjaAPI, Query
from ninja.decorators import decorate_view
from ninja.errors import HttpError, ValidationError

from meetmalmo.api import schemas, selectors
from meetmalmo.api.datasets import LICENCE
from meetmalmo.core.public_cache import public_page
from meetmalmo.figures.maintained import public_figures
from meetmalmo.publishing import selectors as publishing

DESCRIPTION = """Published projects and news of Meet Malmö, where the City of Malmö and its
business community work together, with the headline figures and the focus areas. Read-only,
open to anyone without a key, under the CC0 1.0 licence: use it for anything, no attribution
needed.

Texts come in Swedish (`sv`) and English (`en`); one of them may be empty. Lists are paged with
`page` and `page_size`. Answers carry an `ETag` (send it back as `If-None-Match` to get
*304 Not Modified*) and may be cached for 60 seconds. Any origin may read the API from a
browser. A client sending too many requests a minute gets *429* with `Retry-After`.

Errors are JSON: `{"detail": "…"}`, or for a bad parameter *422* with
`{"detail": [{"loc": ["query", "<parameter>"], "msg": "…", "type": "…"}]}`."""

api = NinjaAPI(
    title="Meet Malmö open data API",
    version="1",
    description=DESCRIPTION,
    # Swagger's page loads scripts from a CDN, which the content security policy blocks; the
    # human documentation is a page of the site instead.
    docs_url=None,
    urls_namespace="api-v1",
    servers=[{"url": settings.SITE_URL}],
    openapi_extra={
        "info": {
            "license": {"name": "CC0 1.0 Universal", "identifier": "CC0-1.0"},
            "contact": {
                "name": "Meet Malmö, City of Malmö",
                "url": f"{settings.SITE_URL}/en/contact/",
            },
        }
    },
)

SLUG = re.compile(schemas.SLUG)
ERRORS = {422: schemas.Problems, 429: schemas.Message}
NOT_FOUND = {301: None, 304: None, 404: schemas.Message}


def _bad(parameter: str, message: str, kind: str) -> ValidationError:
    return ValidationError([{"loc": ["query", parameter], "msg": message, "type": kind}])


def _page(request, found, query: schemas.Paging, serialise) -> dict:
    try:
        count, pages, items = selectors.paginate(found, page=query.page, page_size=query.page_size)
    except selectors.PastTheEnd as end:
        message = f"Page {query.page} is past the last page, {end.pages}."
        raise _bad("page", message, "past_the_end") from None

    def link(number):
        params = request.GET.copy()
        params["page"] = str(number)
        return f"{selectors.absolute(request.path)}?{params.urlencode()}"

    return {
        "count": count,
        "page": query.page,
        "page_size": query.page_size,
        "pages": pages,
        "next": link(query.page + 1) if query.page < pages else None,
        "previous": link(query.page - 1) if query.page > 1 else None,
        "items": [serialise(item) for item in items],
    }


def _published(read, slug: str, what: str):
    """The published item at this address, or the address it has moved to; else 404."""
    found = read(slug) if SLUG.match(slug) else None
    if found is not None:
        return found
    raise HttpError(404, f"No published {what} has this address.")


def _moved(name: str, slug: str):
    return HttpResponsePermanentRedirect(reverse(f"api-v1:{name}", kwargs={"slug": slug}))


@api.get(
    "/",
    response={200: schemas.Index, 304: None, 429: schemas.Message},
    url_name="index",
    operation_id="getIndex",
    tags=["about"],
    summary="What the API offers",
    description="Links to the endpoints, this description and the documentation for people.",
)
@decorate_view(public_page)
def index(request):
    def link(name):
        return selectors.absolute(reverse(name))

    return {
        "title": api.title,
        "version": api.version,
        "licence": LICENCE,
        "projects": link("api-v1:projects"),
        "news": link("api-v1:news"),
        "events": link("api-v1:events"),
        "figures": link("api-v1:figures"),
        "focus_areas": link("api-v1:focus_areas"),
        "openapi": link("api-v1:openapi-json"),
        "documentation": selectors.in_each_language("api:docs"),
        "open_data": selectors.in_each_language("api:open_data"),
    }


@api.get(
    "/projects",
    response={200: schemas.ProjectPage, 304: None, **ERRORS},
    url_name="projects",
    operation_id="listProjects",
    tags=["projects"],
    summary="Published projects",
    description="Projects that came out of Meet Malmö, the latest activity first, with their "
    "status, focus areas, owner organisation, the spheres of society involved and the outcomes "
    "of their published reports. An unknown `status` or `focus_area`, or a page past the last, "
    "answers 422.",
)
@decorate_view(public_page)
def projects(request, query: Query[schemas.ProjectQuery]):
    area = None
    if query.focus_area:
        area = selectors.focus_area(query.focus_area)
        if area is None:
            raise _bad("focus_area", "No focus area has this code.", "unknown_focus_area")
    found = selectors.projects(
        status=query.status or "", focus_area=area, updated_since=query.updated_since
    )
    return _page(request, found, query, selectors.project_data)


@api.get(
    "/projects/{slug}",
    response={200: schemas.ProjectDetail, **NOT_FOUND, 429: schemas.Message},
    url_name="project",
    operation_id="getProject",
    tags=["projects"],
    summary="One published project",
    description="A project with its text, the milestones reached and its published reports. "
    "An address the project had before answers 301 with the new one; an unknown or unpublished "
    "project answers 404.",
)
@decorate_view(public_page)
def project(request, slug: str):
    found = _published(publishing.project, slug, "project")
    if isinstance(found, str):
        return _moved("project", found)
    return selectors.project_data(found, detail=True)


@api.get(
    "/news",
    response={200: schemas.NewsPage, 304: None, **ERRORS},
    url_name="news",
    operation_id="listNews",
    tags=["news"],
    summary="Published news",
    description="News articles, the newest first, with their text as Markdown. An unknown "
    "`project`, or a page past the last, answers 422.",
)
@decorate_view(public_page)
def news(request, query: Query[schemas.NewsQuery]):
    about = None
    if query.project:
        about = selectors.published_project(query.project)
        if about is None:
            raise _bad("project", "No published project has this slug.", "unknown_project")
    found = selectors.news(project=about, updated_since=query.updated_since)
    return _page(request, found, query, selectors.news_data)


@api.get(
    "/events",
    response={200: schemas.EventPage, 304: None, **ERRORS},
    url_name="events",
    operation_id="listEvents",
    tags=["events"],
    summary="Published meetings and events",
    description="The forum's breakfasts, forum meetings, workshops and public events, the "
    "latest start first, with seats left and how many initiatives were brought in at each; "
    "cancelled ones say so. Nobody registered is named. A page past the last answers 422.",
)
@decorate_view(public_page)
def events(request, query: Query[schemas.Paging]):
    return _page(request, selectors.events(), query, selectors.event_data)


@api.get(
    "/news/{slug}",
    response={200: schemas.NewsOut, **NOT_FOUND, 429: schemas.Message},
    url_name="article",
    operation_id="getNews",
    tags=["news"],
    summary="One published news article",
    description="An address the article had before answers 301 with the new one; an unknown or "
    "unpublished article answers 404.",
)
@decorate_view(public_page)
def article(request, slug: str):
    found = _published(publishing.news_article, slug, "article")
    if isinstance(found, str):
        return _moved("article", found)
    return selectors.news_data(found)


@api.get(
    "/figures",
    response={200: schemas.Figures, 304: None, 429: schemas.Message},
    url_name="figures",
    operation_id="getFigures",
    tags=["figures"],
    summary="Meet Malmö in numbers",
    description="The headline figures since the start: initiatives brought in and brought to "
    "life, projects running and completed, organisations and spheres of society involved, and "
    "the outcomes of the published reports summed by label and unit.",
)
@decorate_view(public_page)
def figures(request):
    return public_figures()


@api.get(
    "/focus-areas",
    response={200: list[schemas.FocusAreaOut], 304: None, 429: schemas.Message},
    url_name="focus_areas",
    operation_id="listFocusAreas",
    tags=["focus areas"],
    summary="Focus areas",
    description="The themes projects are filed under, in the office's order; their codes are "
    "what `focus_area` filters by.",
)
@decorate_view(public_page)
def focus_areas(request):
    return [selectors.focus_area_data(area) for area in selectors.focus_areas()]
