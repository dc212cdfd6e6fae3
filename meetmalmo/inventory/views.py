"""Staff pages for the register of existing efforts."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.accounts.decorators import process_manager_required
from meetmalmo.inventory import selectors, services
from meetmalmo.inventory.forms import (
    EffortFilterForm,
    EffortForm,
    GlossaryEntryForm,
    ImportForm,
)
from meetmalmo.inventory.importer import import_efforts
from meetmalmo.inventory.models import Effort, GlossaryEntry


@process_manager_required
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


@process_manager_required
@require_http_methods(["GET", "POST"])
def effort_edit(request, pk=None):
    effort = get_object_or_404(Effort, pk=pk) if pk else None
    form = EffortForm(request.POST or None, instance=effort)
    if request.method == "POST" and form.is_valid():
        services.effort_save(form=form)
        messages.success(request, _("The effort is saved."))
        return redirect("inventory:list")
    return render(request, "inventory/edit.html", {"form": form, "effort": effort})


@process_manager_required
@require_POST
def effort_archive(request, pk):
    effort = get_object_or_404(Effort, pk=pk)
    services.effort_set_archived(effort=effort, archived=not effort.archived)
    messages.success(
        request, _("The effort is archived.") if effort.archived else _("The effort is back.")
    )
    return redirect("inventory:list")


@process_manager_required
@require_http_methods(["GET", "POST"])
def effort_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        dry_run = form.cleaned_data["dry_run"]
        result = import_efforts(form.cleaned_data["file"].read(), dry_run=dry_run)
        if result.ok and not dry_run:
            messages.success(
                request,
                _("Imported: %(created)d created, %(updated)d updated.")
                % {"created": result.created, "updated": result.updated},
            )
            return redirect("inventory:list")
    return render(request, "inventory/import.html", {"form": form, "result": result})


@process_manager_required
def glossary(request):
    entries = GlossaryEntry.objects.all()
    return render(request, "inventory/glossary.html", {"entries": entries})


@process_manager_required
@require_http_methods(["GET", "POST"])
def glossary_edit(request, pk=None):
    entry = get_object_or_404(GlossaryEntry, pk=pk) if pk else None
    form = GlossaryEntryForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The glossary is saved; the next search uses it."))
        return redirect("inventory:glossary")
    return render(request, "inventory/glossary_edit.html", {"form": form, "entry": entry})


@process_manager_required
@require_POST
def glossary_delete(request, pk):
    get_object_or_404(GlossaryEntry, pk=pk).delete()
    messages.success(request, _("The entry is removed from the glossary."))
    return redirect("inventory:glossary")
