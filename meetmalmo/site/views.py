"""The pages that span every app: the home page, what Meet Malmö is and how it works, the
contacts, the privacy notice, a member's own page, and the process manager's desk."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from meetmalmo.accounts.decorators import process_manager_required
from meetmalmo.accounts.selectors import (
    has_two_factor,
    listed_contacts,
    membership_requests_to_decide,
    waiting_membership_request,
)
from meetmalmo.core.public_cache import public_page
from meetmalmo.events.selectors import next_events
from meetmalmo.figures.maintained import public_figures
from meetmalmo.groups import selectors as groups
from meetmalmo.initiatives import selectors as initiatives
from meetmalmo.initiatives.staff_views import queue
from meetmalmo.initiatives.workflow import PUBLIC_LABELS
from meetmalmo.publishing.models import ProjectStatus
from meetmalmo.publishing.selectors import news_list, project_headlines
from meetmalmo.resources.selectors import profile_of
from meetmalmo.site import desk as desk_lists


@require_GET
@public_page
def home(request):
    return render(
        request,
        "site/home.html",
        {
            "latest_news": news_list()[:3],
            "next_events": next_events(),
            "running_projects": project_headlines(status=ProjectStatus.RUNNING, limit=3),
            "figures": public_figures(),
        },
    )


@require_GET
def how_it_works(request):
    return render(request, "site/how_it_works.html")


@require_GET
def privacy(request):
    return render(request, "site/privacy.html")


@require_GET
def contact(request):
    return render(request, "site/contact.html", {"contacts": listed_contacts()})


@login_required
def my_page(request):
    """A member's initiatives with their public state and clock, their groups, what waits for
    their answer, their resource profile, whether they sign in with two factors, and their
    organisation's requests to join."""
    cases = list(initiatives.member_initiatives(request.user))
    for case in cases:
        case.public_label = PUBLIC_LABELS[case.state]
        case.clock = initiatives.clock(case)
    return render(
        request,
        "site/my.html",
        {
            "initiatives": cases,
            "groups": list(groups.groups_of(request.user)),
            "invitations": list(groups.invitations_of(request.user)),
            "handovers": list(groups.handovers_waiting_for(request.user)),
            "profile": profile_of(request.user),
            "two_factor": has_two_factor(request.user),
            "waiting_request": waiting_membership_request(request.user),
            "requests_to_decide": membership_requests_to_decide(request.user).count(),
        },
    )


@process_manager_required
@require_GET
def desk(request):
    """The staff pages' first page: the process manager's own open work or, with
    `?for=office`, the whole office's. With any other tab (`?tab=new` …) it is the queue, as
    it was before the desk."""
    if request.GET.get("tab", "desk") != "desk":
        return queue(request)
    office = request.GET.get("for") == "office"
    return render(
        request,
        "site/desk.html",
        {
            "office": office,
            "lists": desk_lists.desk(request.user, office=office),
            "promise": desk_lists.promise_this_year(request.user, office=office),
            "rows": desk_lists.ROWS,
            "workload": desk_lists.workload(),
        },
    )
