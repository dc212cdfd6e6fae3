"""The public search and the library of results and lessons."""

from django.core.paginator import Paginator
from django.shortcuts import render

from meetmalmo.core.http import found_or_404
from meetmalmo.core.public_cache import public_page
from meetmalmo.search import library as books
from meetmalmo.search import selectors
from meetmalmo.search.forms import LibraryFilterForm, SearchForm
from meetmalmo.search.models import Kind

LIBRARY_PAGE = 10


def _query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@public_page
def search(request):
    form = SearchForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {}
    results = None
    if request.GET:
        results = selectors.search(
            criteria.get("q") or request.GET.get("q", "")[: selectors.MAX_QUERY],
            kind=criteria.get("kind") or "",
            focus_area=criteria["focus_area"].code if criteria.get("focus_area") else "",
            page=request.GET.get("page"),
        )
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "results": results,
            "kind_label": Kind(criteria["kind"]).label if criteria.get("kind") else "",
            "query": _query(request),
        },
    )


@public_page
def library(request):
    years, labels = books.years(), books.outcome_labels()
    filters = LibraryFilterForm(request.GET or None, years=years, labels=labels)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    found = books.library(**{k: v for k, v in criteria.items() if v})
    page = Paginator(found["reports"], LIBRARY_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "search/library.html",
        {
            "filters": filters,
            "page": page,
            "totals": found["totals"],
            "areas": books.lesson_areas(),
            "query": _query(request),
        },
    )


@public_page
def lessons(request, code):
    area = found_or_404(books.focus_area(code))
    page = Paginator(books.with_lessons(area), LIBRARY_PAGE).get_page(request.GET.get("page"))
    return render(request, "search/lessons.html", {"area": area, "page": page, "query": ""})
