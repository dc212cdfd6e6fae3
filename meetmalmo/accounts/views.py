"""A member's own account: downloading what the portal keeps about them, deleting it, and the
organisation they belong to or ask to join; the office's page of organisations."""

import tempfile

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.accounts import personal_data, selectors, services
from meetmalmo.accounts.decorators import requires
from meetmalmo.accounts.forms import ApprovedDomainForm, DeleteAccountForm, JoinOrganisationForm
from meetmalmo.accounts.permissions import (
    can_confirm_organisations,
    can_decide_membership_request,
    can_delete_own_account,
    is_process_manager,
)
from meetmalmo.core.errors import Refused
from meetmalmo.core.http import found_or_404


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def my_data(request):
    """GET explains what the download holds; POST (a form, so no link or prefetch starts it)
    answers with the ZIP of the signed-in person's own data."""
    if request.method == "GET":
        return render(request, "accounts/data.html")
    # On disk, not in memory: attachments make it large. FileResponse closes (and so removes) it.
    archive = tempfile.TemporaryFile()  # noqa: SIM115
    personal_data.write_zip(request.user, archive)
    archive.seek(0)
    name = f"meetmalmo-data-{timezone.localdate().isoformat()}.zip"
    return FileResponse(archive, as_attachment=True, filename=name, content_type="application/zip")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    allowed = can_delete_own_account(request.user)
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and allowed and form.is_valid():
        try:
            services.account_delete(user=request.user)
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            logout(request)
            messages.success(
                request,
                _(
                    "Your account has been deleted and you are signed out. Initiatives you "
                    "brought in stay with your organisation, shown as from a former member."
                ),
            )
            return redirect("site:home")
    status = 200
    if request.method == "POST":
        status = 403 if not allowed else 400
    return render(
        request, "accounts/delete.html", {"form": form, "allowed": allowed}, status=status
    )


@requires(can_confirm_organisations)
@require_http_methods(["GET", "POST"])
def organisations_to_confirm(request):
    """The office's organisation page: organisations to confirm, requests to join that wait,
    and the e-mail domains that make someone a member without asking (POST adds one)."""
    form = ApprovedDomainForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                approved = services.approved_domain_add(
                    organisation=form.cleaned_data["organisation"],
                    domain=form.cleaned_data["domain"],
                    actor=request.user,
                )
            except ValidationError as error:
                form.add_error("domain", error.messages)
            else:
                messages.success(
                    request,
                    _("%(domain)s is approved for %(name)s.")
                    % {"domain": approved.domain, "name": approved.organisation.name},
                )
                return redirect("accounts:organisations_to_confirm")
        status = 400
    return render(
        request,
        "accounts/organisations_to_confirm.html",
        {
            "organisations": selectors.organisations_to_confirm(),
            "membership_requests": selectors.membership_requests_to_decide(request.user),
            "approved_domains": selectors.approved_domains(),
            "domain_form": form,
        },
        status=status,
    )


@requires(can_confirm_organisations)
@require_POST
def organisation_confirm(request, pk):
    organisation = found_or_404(selectors.organisation_to_confirm(pk))
    services.organisation_confirm(organisation=organisation, actor=request.user)
    messages.success(
        request,
        _("%(name)s is confirmed: everyone can now pick it.") % {"name": organisation.name},
    )
    return redirect("accounts:organisations_to_confirm")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def organisation(request):
    """The person's organisation, or the request to join one that waits and who decides it; a
    form to ask when they have neither; and the requests they may decide for their own."""
    waiting = selectors.waiting_membership_request(request.user)
    may_ask = request.user.organisation_id is None and waiting is None
    form = JoinOrganisationForm(request.POST or None) if may_ask else None
    status = 200
    if request.method == "POST":
        if form is None:
            status = 400
            messages.error(request, _("You already belong to an organisation or have asked."))
        elif form.is_valid():
            try:
                services.membership_request_create(
                    user=request.user, organisation=form.cleaned_data["organisation"]
                )
            except Refused as refused:
                form.add_error("organisation", refused.message)
            else:
                messages.success(
                    request,
                    _("Your request to join %(name)s is sent.")
                    % {"name": form.cleaned_data["organisation"].name},
                )
                return redirect("accounts:organisation")
            status = 400
        else:
            status = 400
    deciders = selectors.deciders_of(waiting.organisation) if waiting else None
    return render(
        request,
        "accounts/organisation.html",
        {
            "waiting": waiting,
            "deciders": deciders,
            "form": form,
            "membership_requests": selectors.membership_requests_to_decide(request.user),
        },
        status=status,
    )


@login_required
@require_POST
def membership_request_decide(request, pk, decision):
    """Approve or decline one waiting request; one the person may not decide is not found."""
    if decision not in ("approve", "decline"):
        raise Http404
    membership_request = found_or_404(selectors.membership_request(pk))
    if not can_decide_membership_request(request.user, membership_request):
        raise Http404
    person, name = membership_request.user.name, membership_request.organisation.name
    try:
        services.membership_request_decide(
            membership_request=membership_request,
            actor=request.user,
            approve=decision == "approve",
        )
    except Refused as refused:
        # Decided by someone else a moment ago: said, not a failure.
        messages.error(request, refused.message)
    else:
        if decision == "approve":
            done = _("%(person)s now belongs to %(name)s.")
        else:
            done = _("The request of %(person)s to join %(name)s is declined.")
        messages.success(request, done % {"person": person, "name": name})
    if is_process_manager(request.user):
        return redirect("accounts:organisations_to_confirm")
    return redirect("accounts:organisation")
