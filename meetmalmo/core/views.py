"""The public pages every visitor sees, the health check and the error pages."""

from django.db import DatabaseError, connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from meetmalmo.accounts.selectors import listed_contacts
from meetmalmo.core.public_cache import public_page


@require_GET
@public_page
def home(request):
    from meetmalmo.figures.selectors import public_figures
    from meetmalmo.publishing.models import ProjectStatus
    from meetmalmo.publishing.selectors import news_list, project_list

    return render(
        request,
        "core/home.html",
        {
            "latest_news": news_list()[:3],
            "running_projects": project_list(status=ProjectStatus.RUNNING)[:3],
            "figures": public_figures(),
        },
    )


@require_GET
def how_it_works(request):
    return render(request, "core/how_it_works.html")


@require_GET
def privacy(request):
    return render(request, "core/privacy.html")


@require_GET
def contact(request):
    return render(request, "core/contact.html", {"contacts": listed_contacts()})


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request's context processors: they may be what failed.
    return HttpResponseServerError(loader.get_template("500.html").render())
