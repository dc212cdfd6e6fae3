"""The office's figures with charts and tables, their CSV files and Excel workbooks, the
export of initiatives, and the public page of Meet Malmö in numbers."""

from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from meetmalmo.accounts.decorators import requires
from meetmalmo.core.csv import csv_response, dialect_for
from meetmalmo.core.models import Sphere
from meetmalmo.core.public_cache import public_page
from meetmalmo.core.xlsx import xlsx_response
from meetmalmo.figures import exports, maintained, selectors, summary
from meetmalmo.figures.charts import bar_chart
from meetmalmo.figures.forms import PeriodForm, SummaryPeriodForm
from meetmalmo.figures.pdf import summary_pdf
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
        # Since the start, the figures are read as last counted; a period is counted now.
        found = (
            maintained.office_tables()
            if form.period == selectors.Period()
            else selectors.tables(form.period)
        )
        for table in found:
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
        f"meetmalmo-{key}-{form.period.slug}.csv",
        table.columns,
        table.rows,
        bom=True,
        dialect=dialect_for(request.LANGUAGE_CODE),
    )


@require_GET
@requires(can_see_office_figures)
def staff_table_xlsx(request, key):
    if key not in selectors.TABLES:
        raise Http404
    form = _period_form(request)
    if not form.is_valid():
        return _bad_period(form)
    table = selectors.table(key, form.period)
    return xlsx_response(
        f"meetmalmo-{key}-{form.period.slug}.xlsx", table.title, table.columns, table.rows
    )


@require_GET
@requires(can_see_office_figures)
def staff_export(request):
    form = _period_form(request)
    if not form.is_valid():
        return _bad_period(form)
    header, rows = exports.initiatives(form.period)
    return csv_response(
        f"meetmalmo-initiatives-{form.period.slug}.csv",
        header,
        rows,
        bom=True,
        dialect=dialect_for(request.LANGUAGE_CODE),
    )


@require_GET
@requires(can_see_office_figures)
def staff_export_xlsx(request):
    form = _period_form(request)
    if not form.is_valid():
        return _bad_period(form)
    header, rows = exports.initiatives(form.period)
    return xlsx_response(
        f"meetmalmo-initiatives-{form.period.slug}.xlsx", _("Initiatives"), header, rows
    )


def _summary_form(request) -> SummaryPeriodForm:
    return SummaryPeriodForm(request.GET if request.GET else {})


@require_GET
@requires(can_see_office_figures)
def staff_summary(request):
    form = _summary_form(request)
    context = {"form": form, "query": request.GET.urlencode()}
    if form.is_valid():
        # Since the start, as last counted; a period is counted now.
        context.update(
            period_title=summary.period_title(form.period),
            sections=(
                maintained.summary_sections()
                if form.period == selectors.Period()
                else summary.sections(summary.period_summary(form.period))
            ),
        )
    return render(request, "figures/summary.html", context)


@require_GET
@requires(can_see_office_figures)
def staff_summary_pdf(request):
    form = _summary_form(request)
    if not form.is_valid():
        return _bad_period(form)
    found = summary.period_summary(form.period)
    content = summary_pdf(
        _("Meet Malmö in the period"),
        summary.period_title(form.period),
        summary.sections(found),
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, f"meetmalmo-summary-{form.period.slug}.pdf"
    )
    return response


@require_GET
@public_page
def public_figures(request):
    figures = maintained.public_figures()
    spheres = [Sphere(code).label for code in figures["spheres_involved"]]
    return render(
        request,
        "figures/public.html",
        {"figures": figures, "sphere_names": spheres, "promise": maintained.public_promise()},
    )
