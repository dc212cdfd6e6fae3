"""The open-data pages for people, and the files for programs: CSV downloads and the DCAT-AP-SE
catalogue, at addresses without a language since their content has none."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_safe

from meetmalmo.api import datasets, selectors
from meetmalmo.core.csv import csv_response
from meetmalmo.core.http import found_or_404
from meetmalmo.core.models import Sphere
from meetmalmo.core.public_cache import public_page
from meetmalmo.publishing.models import ProjectStatus


@require_GET
@public_page
def index(request):
    return render(
        request,
        "api/open_data.html",
        {
            "datasets": datasets.DATASETS,
            "licence_deed": datasets.LICENCE_DEED.get(get_language(), datasets.LICENCE),
        },
    )


@require_GET
@public_page
def docs(request):
    return render(
        request,
        "api/docs.html",
        {
            "base": f"{settings.SITE_URL}/api/v1",
            "rate_limit": settings.API_RATE_LIMIT,
            "statuses": ProjectStatus.choices,
            "spheres": Sphere.choices,
            "focus_areas": selectors.focus_areas(),
            "licence_deed": datasets.LICENCE_DEED.get(get_language(), datasets.LICENCE),
        },
    )


@require_safe
@public_page
def download(request, key):
    found = found_or_404(datasets.dataset(key))
    return csv_response(found.filename, found.header, found.rows())


@require_safe
@public_page
def catalog(request):
    return render(
        request,
        "api/catalog.rdf",
        {**datasets.catalogue(), **_catalogue_constants()},
        content_type="application/rdf+xml; charset=utf-8",
    )


def _catalogue_constants() -> dict:
    return {
        "site": settings.SITE_URL,
        "contact_email": settings.CONTACT_EMAIL,
        "licence": datasets.LICENCE,
        "themes": datasets.THEMES,
        "csv_format": datasets.CSV_FORMAT,
        "csv_media_type": datasets.CSV_MEDIA_TYPE,
        "periodicity": datasets.CONTINUOUS,
    }
