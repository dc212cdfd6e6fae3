"""The office's figures with charts and tables, their CSV files, the export of initiatives,
and the public page of Meet Malmö in numbers."""

from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from meetmalmo.accounts.decorators import requires
from meetmalmo.core.csv import csv_response
from meetmalmo.core.models import Sphere
from meetmalmo.core.public_cache import public_page
from meetmalmo.figures import exports, selectors
from meetmalmo.figures.charts import bar_chart
from meetmalmo.figures.forms import PeriodForm
from meetmalmo.figures.permissions import can_see_office_figures


def _period_form(request) -> PeriodForm:
    return PeriodForm(request.GET if request.GET else {})


def _bad_period(form) -> HttpResponseBadRequest:
    errors = "\n".join(str(e) for errors in form.errors.values() for e in errors)
    return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")


@require_GET
@requires(can_see_office_figures)
def staff_figures(request):
    form = _period_form(request)
    figures = []
    if form.is_valid():
        for table in selectors.tables(form.period):
            figures.append((table, bar_chart(table) if table.chart and table.rows else None))
    today = timezone.localdate()
    return render(
        request,
        "figures/staff.html",
        {
            "form": form,
            "figures": figures,
            "query": request.GET.urlencode(),
            "presets": {
                "this_year": f"start={today.replace(month=1, day=1)}&end={today}",
                "last_year": (
                    f"start={today.replace(year=today.year - 1, month=1, day=1)}"
                    f"&end={today.replace(year=today.year - 1, month=12, day=31)}"
                ),
            },
        },
    )


@require_GET
@requires(can_see_office_figures)
def staff_table_csv(request, key):
    if key not in selectors.TABLES:
        raise Http404
    form = _period_form(request)
    if not form.is_valid():
        return _bad_period(form)
    table = selectors.table(key, form.period)
    return csv_response(
        f"meetmalmo-{key}-{form.period.slug}.csv", table.columns, table.rows, bom=True
    )


@require_GET
@requires(can_see_office_figures)
def staff_export(request):
    form = _period_form(request)
    if not form.is_valid():
        return _bad_period(form)
    header, rows = exports.initiatives(form.period)
    return csv_response(f"meetmalmo-initiatives-{form.period.slug}.csv", header, rows, bom=True)


@require_GET
@public_page
def public_figures(request):
    figures = selectors.public_figures()
    spheres = [Sphere(code).label for code in figures["spheres_involved"]]
    return render(
        request,
        "figures/public.html",
        {"figures": figures, "sphere_names": spheres, "promise": selectors.public_promise()},
    )
