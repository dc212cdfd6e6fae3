"""Staff pages for the register of existing efforts."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.accounts.decorators import requires
from meetmalmo.core.http import found_or_404
from meetmalmo.inventory import selectors, services
from meetmalmo.inventory.forms import (
    EffortFilterForm,
    EffortForm,
    GlossaryEntryForm,
    ImportForm,
)
from meetmalmo.inventory.permissions import can_keep_register


@requires(can_keep_register)
def effort_list(request):
    filters = EffortFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    page = Paginator(selectors.efforts(**criteria), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "inventory/list.html",
        {"filters": filters, "page": page, "query": query.urlencode()},
    )


@requires(can_keep_register)
@require_http_methods(["GET", "POST"])
def effort_edit(request, pk=None):
    effort = found_or_404(selectors.effort(pk)) if pk else None
    form = EffortForm(request.POST or None, instance=effort)
    if request.method == "POST" and form.is_valid():
        services.effort_save(form=form)
        messages.success(request, _("The effort is saved."))
        return redirect("inventory:list")
    return render(request, "inventory/edit.html", {"form": form, "effort": effort})


@requires(can_keep_register)
@require_POST
def effort_archive(request, pk):
    effort = found_or_404(selectors.effort(pk))
    services.effort_set_archived(effort=effort, archived=not effort.archived)
    messages.success(
        request, _("The effort is archived.") if effort.archived else _("The effort is back.")
    )
    return redirect("inventory:list")


@requires(can_keep_register)
@require_http_methods(["GET", "POST"])
def effort_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    under_way = selectors.import_under_way()
    if request.method == "POST" and form.is_valid():
        if under_way is None:
            run = services.effort_import_start(
                upload=form.cleaned_data["file"],
                dry_run=form.cleaned_data["dry_run"],
                actor=request.user,
            )
            return redirect("inventory:import_status", run.pk)
        form.add_error("file", _("Another file is being imported. Send this one when it is done."))
    return render(request, "inventory/import.html", {"form": form, "under_way": under_way})


@requires(can_keep_register)
def import_status(request, pk):
    run = found_or_404(selectors.effort_import(pk))
    if request.headers.get("HX-Request") == "true":
        if not run.running:
            # The result replaces the whole page, with its table of bad lines and its focus.
            response = HttpResponse()
            response["HX-Refresh"] = "true"
            return response
        return render(request, "inventory/includes/import_progress.html", {"run": run})
    return render(request, "inventory/import_status.html", {"run": run})


@requires(can_keep_register)
def glossary(request):
    return render(request, "inventory/glossary.html", {"entries": selectors.glossary()})


@requires(can_keep_register)
@require_http_methods(["GET", "POST"])
def glossary_edit(request, pk=None):
    entry = found_or_404(selectors.glossary_entry(pk)) if pk else None
    form = GlossaryEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        services.glossary_entry_save(form=form)
        messages.success(request, _("The glossary is saved; the next search uses it."))
        return redirect("inventory:glossary")
    return render(request, "inventory/glossary_edit.html", {"form": form, "entry": entry})


@requires(can_keep_register)
@require_POST
def glossary_delete(request, pk):
    services.glossary_entry_delete(entry=found_or_404(selectors.glossary_entry(pk)))
    messages.success(request, _("The entry is removed from the glossary."))
    return redirect("inventory:glossary")
