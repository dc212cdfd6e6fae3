"""A member's own account: downloading what the portal keeps about them, and deleting it."""

import tempfile

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.accounts import personal_data, selectors, services
from meetmalmo.accounts.decorators import requires
from meetmalmo.accounts.forms import DeleteAccountForm
from meetmalmo.accounts.permissions import can_confirm_organisations, can_delete_own_account
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
def organisations_to_confirm(request):
    return render(
        request,
        "accounts/organisations_to_confirm.html",
        {"organisations": selectors.organisations_to_confirm()},
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
