"""Joining the pool of Meet Malmö resources, and the staff directory of it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from meetmalmo.accounts.decorators import requires
from meetmalmo.core.http import found_or_404
from meetmalmo.resources import selectors, services
from meetmalmo.resources.forms import DirectoryFilterForm, ResourceProfileForm
from meetmalmo.resources.permissions import can_join_pool, can_search_pool


@require_http_methods(["GET", "POST"])
def join(request):
    """Join the pool, or change one's profile once joined. A visitor signs up first."""
    if not can_join_pool(request.user):
        return redirect_to_login(request.get_full_path(), login_url=reverse("account_signup"))
    profile = selectors.profile_of(request.user)
    form = ResourceProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        services.profile_save(user=request.user, form=form)
        messages.success(
            request,
            _("Your resource profile is saved.")
            if profile
            else _("Welcome to the pool of Meet Malmö resources!"),
        )
        return redirect("site:my")
    return render(
        request,
        "resources/join.html",
        {
            "form": form,
            "profile": profile,
            "suggestions": selectors.competence_suggestions(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def leave(request):
    """Leaving deletes the profile, so the button on My page leads here to be asked once more."""
    if request.method == "GET":
        if selectors.profile_of(request.user) is None:
            return redirect("site:my")
        return render(request, "resources/leave.html")
    if services.profile_leave(user=request.user):
        messages.success(request, _("You have left the pool; your resource profile is deleted."))
    return redirect("site:my")


@requires(can_search_pool)
def directory(request):
    filters = DirectoryFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    page = Paginator(selectors.directory(**criteria), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "resources/directory.html",
        {"filters": filters, "page": page, "query": query.urlencode()},
    )


@requires(can_search_pool)
def profile(request, pk):
    """One resource's profile for staff, opened from the directory and the match list."""
    found = found_or_404(selectors.profile(pk))
    return render(request, "resources/profile.html", {"profile": found})
