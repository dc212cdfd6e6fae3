"""The staff calendar: the page where a process manager makes or revokes their private
calendar address, and the feed that address serves to their calendar."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from meetmalmo.accounts import services as accounts
from meetmalmo.accounts.decorators import process_manager_required
from meetmalmo.accounts.selectors import calendar_feed, calendar_feed_owner
from meetmalmo.core.http import found_or_404
from meetmalmo.core.mail import absolute
from meetmalmo.groups.selectors import milestones_supported_by
from meetmalmo.initiatives.selectors import deadlines_of
from meetmalmo.site import calendar


@process_manager_required
@never_cache
@require_http_methods(["GET", "POST"])
def staff_calendar(request):
    address, status = None, 200
    action = request.POST.get("action") if request.method == "POST" else None
    if action == "revoke":
        if accounts.calendar_feed_revoke(user=request.user):
            messages.success(request, _("The calendar address is revoked: it shows nothing more."))
        return redirect("site:calendar")
    if action == "create":
        # Shown in this answer only: the secret is not kept, so it cannot be shown again.
        token = accounts.calendar_feed_create(user=request.user)
        address = absolute(reverse("staff_calendar:feed", args=[token]))
    elif request.method == "POST":
        status = 400
    return render(
        request,
        "site/staff_calendar.html",
        {"feed": calendar_feed(request.user), "address": address, "refused": status == 400},
        status=status,
    )


@require_GET
@never_cache  # private: neither a shared cache nor the browser keeps it
def feed(request, token):
    person = found_or_404(calendar_feed_owner(token))
    body = calendar.feed(person, deadlines_of(person), milestones_supported_by(person))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="meetmalmo.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
