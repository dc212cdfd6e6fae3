"""The health check and the error pages."""

import sys

from django.db import DatabaseError, OperationalError
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from meetmalmo.core import health


@never_cache
@require_GET
def healthz(request):
    """503 unless the database answers with the portal's tables; the age of the oldest waiting
    task is a field of its own, for a monitor to alert on, and does not change the status."""
    try:
        health.check_database()
        waiting = health.oldest_ready_task_seconds()
    except health.DatabaseEmpty:
        return JsonResponse({"status": "error", "database": "empty"}, status=503)
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "oldest_ready_task_seconds": waiting})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request's context processors: they may be what failed.
    if database_busy(sys.exc_info()[1]):
        return database_busy_response()
    return HttpResponseServerError(loader.get_template("500.html").render())


def database_busy(error) -> bool:
    """SQLite has one writer at a time; a write that waited the whole busy timeout fails with
    "database is locked". It passes in a moment, so the person is asked to try again."""
    return isinstance(error, OperationalError) and "locked" in str(error)


def database_busy_response() -> HttpResponse:
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = "5"
    return response
