"""The Trade and Industry Office's pages: the queue, the case, and the moves made on it."""

from urllib.parse import urlsplit

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.accounts.decorators import process_manager_required, requires
from meetmalmo.core.errors import Refused
from meetmalmo.core.http import found_or_404
from meetmalmo.initiatives import notices, selectors, services
from meetmalmo.initiatives.forms import (
    AssignForm,
    BulkAssignForm,
    BulkReplyForm,
    DecisionForm,
    FocusAreaForm,
    InventoryForm,
    MessageForm,
    NoteForm,
    PersonForm,
    QueueFilterForm,
    ReassignForm,
    RecordInitiativeForm,
    ReplyTemplateForm,
)
from meetmalmo.initiatives.views import send_message
from meetmalmo.initiatives.workflow import TRANSITIONS, State, available_transitions
from meetmalmo.inventory.permissions import can_keep_inventory

PAGE_SIZE = 50


@process_manager_required
def queue(request):
    return _render_queue(request, request.path, request.GET)


def _render_queue(request, path, params, *, failed=None, chosen=(), status=200):
    """The queue as `params` (a query string) asks for it; `failed` is a bulk form that came
    back with errors, shown beside its fields with the cases that were ticked still ticked."""
    tab = params.get("tab", "new")
    if tab not in selectors.QUEUE_TABS:
        tab = "new"
    filters = QueueFilterForm(params or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    cases = selectors.queue(request.user, tab=tab, **criteria)
    page = Paginator(cases, PAGE_SIZE).get_page(params.get("page"))
    for case in page:
        case.clock = selectors.clock(case)
    query = params.copy()
    query.pop("page", None)
    # The two bulk actions share the ticked cases but each needs only its own choice, so the
    # browser must not require the other's (the service checks what is required).
    assign_form = AssignForm(use_required_attribute=False)
    reply_form = BulkReplyForm(use_required_attribute=False)
    if isinstance(failed, BulkAssignForm):
        assign_form = failed
    elif isinstance(failed, BulkReplyForm):
        reply_form = failed
    return render(
        request,
        "initiatives/staff/queue.html",
        {
            "tab": tab,
            "tabs": _tabs(),
            "filters": filters,
            "page": page,
            "query": query.urlencode(),
            "back": path + ("?" + params.urlencode() if params else ""),
            "assign_form": assign_form,
            "reply_form": reply_form,
            "chosen": {str(pk) for pk in chosen},
        },
        status=status,
    )


def _tabs():
    return [
        ("new", _("New")),
        ("mine", _("Mine")),
        ("open", _("All open")),
        ("decided", _("Decided")),
    ]


def _back(request) -> str:
    """The queue page a bulk action came from, if it is one of ours."""
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return back
    return reverse("initiatives:queue")


def _failed_bulk(request, form):
    """The queue the action came from, again, with the form's errors beside its fields."""
    back = urlsplit(_back(request))
    return _render_queue(
        request,
        back.path,
        QueryDict(back.query),
        failed=form,
        chosen=request.POST.getlist("cases"),
        status=400,
    )


@process_manager_required
@require_POST
def bulk_assign(request):
    form = BulkAssignForm(request.POST, use_required_attribute=False)
    if not form.is_valid():
        return _failed_bulk(request, form)
    count = services.assign_many(
        initiatives=form.cleaned_data["cases"],
        assignee=form.cleaned_data["assignee"],
        actor=request.user,
    )
    messages.success(
        request,
        ngettext("%(count)d case assigned.", "%(count)d cases assigned.", count) % {"count": count},
    )
    return redirect(_back(request))


@process_manager_required
@require_POST
def bulk_reply(request):
    """Send the same question to several submitters, each in their own language."""
    form = BulkReplyForm(request.POST, use_required_attribute=False)
    if not form.is_valid():
        return _failed_bulk(request, form)
    count = services.request_information_many(
        initiatives=form.cleaned_data["cases"],
        template=form.cleaned_data["template"],
        actor=request.user,
    )
    messages.success(
        request,
        ngettext("%(count)d question sent.", "%(count)d questions sent.", count) % {"count": count},
    )
    return redirect(_back(request))


@process_manager_required
def case(request, pk):
    initiative = found_or_404(selectors.staff_case(pk))
    services.mark_read(initiative=initiative, user=request.user)
    return _render_case(request, initiative)


def _render_case(request, initiative, *, failed=None, status=200):
    """The case page; `failed` is a form that came back with errors, shown where it was."""
    template_id = request.GET.get("template")
    inventory = selectors.case_inventory(initiative)
    searched = request.GET.get("inventory_q", "")[:1_000].strip()

    def form_for(kind, form_class, **initial):
        if failed is not None and failed.prefix == kind:
            return failed
        if form_class is DecisionForm:
            return form_class(prefix=kind, initial=initial, inventory=inventory)
        return form_class(prefix=kind, initial=initial)

    moves = [
        (
            move,
            form_for(
                move.name,
                DecisionForm,
                reason=selectors.reply_template_text(template_id, move.name, initiative),
            ),
        )
        for move in available_transitions(request.user, initiative)
    ]
    return render(
        request,
        "initiatives/staff/case.html",
        {
            "initiative": initiative,
            "clock": selectors.clock(initiative),
            "history": selectors.case_history(initiative),
            "linked": [entry for entry in inventory if not entry.dismissed],
            "dismissed": [entry for entry in inventory if entry.dismissed],
            "suggestions": selectors.case_suggestions(initiative, inventory, q=searched),
            "verdicts": selectors.effort_verdicts(initiative),
            "searched": searched,
            "moves": moves,
            "templates": list(selectors.reply_templates()),
            "assign_form": AssignForm(initial={"assignee": initiative.assigned_to_id}),
            "note_form": form_for("note", NoteForm),
            "message_form": form_for("message", MessageForm),
            "question_form": form_for(
                "question",
                NoteForm,
                text=selectors.reply_template_text(template_id, "question", initiative),
            ),
        },
        status=status,
    )


@process_manager_required
@require_POST
def transition(request, pk):
    """Make a move. A move with a second look (a decision the submitter is told of) is first
    shown for confirmation with the e-mail that will go out, and made only when confirmed in
    the state the case was in when it was shown."""
    initiative = found_or_404(selectors.staff_case(pk))
    name = request.POST.get("move", "")
    if name not in TRANSITIONS:
        return redirect("initiatives:case", pk=pk)
    move = TRANSITIONS[name]
    form = DecisionForm(request.POST, prefix=name, inventory=selectors.case_inventory(initiative))
    if form.is_valid():
        arguments = {"reason": form.cleaned_data["reason"], **form.referral()}
        try:
            if move.second_look and "confirm" not in request.POST:
                services.check_transition(
                    initiative=initiative, name=name, actor=request.user, **arguments
                )
                if "change" in request.POST:  # back from the confirmation, to change the text
                    form.fields["reason"].widget.attrs["autofocus"] = True
                    return _render_case(request, initiative, failed=form)
                return _confirm(request, initiative, move, form, arguments)
            event = services.perform_transition(
                initiative=initiative,
                name=name,
                actor=request.user,
                expected_state=request.POST.get("state", "") if move.second_look else None,
                **arguments,
            )
        except Refused as refused:
            if refused.field:
                form.add_error(refused.field, refused.message)
            else:
                messages.error(request, refused.message)
        else:
            messages.success(request, _what_happened(request.user, move, event))
            return redirect("initiatives:case", pk=pk)
    return _render_case(request, initiative, failed=form, status=400)


def _confirm(request, initiative, move, form, arguments):
    preview = notices.decision_preview(
        initiative,
        move.name,
        move.notice,
        arguments["reason"],
        {k: v for k, v in arguments.items() if k != "reason"},
    )
    return render(
        request,
        "initiatives/staff/confirm.html",
        {
            "initiative": initiative,
            "move": move,
            "form": form,
            "target_label": State(move.target).label,
            "referral_target": arguments.get("referred_to") or arguments.get("referred_to_effort"),
            "preview": preview,
            "language": initiative.submitter.language if initiative.submitter else "",
        },
    )


def _what_happened(user, move, event) -> str:
    """The message after a move: what the move did, and whether the submitter was e-mailed,
    read from the move itself so that it is true of every move."""
    initiative = event.initiative
    said = [
        _("Done: the case is now %(state)s.") % {"state": initiative.get_state_display().lower()}
    ]
    if move.assigns_actor and initiative.assigned_to_id == user.pk:
        said.append(_("It is assigned to you."))
    if move.notice and initiative.submitter_id:
        said.append(
            _("An e-mail about it is on its way to %(name)s.")
            % {"name": initiative.submitter.name or initiative.submitter.email}
        )
    elif move.notice:
        said.append(_("Nobody was e-mailed: the submitter has deleted their account."))
    else:
        said.append(_("No e-mail was sent to the submitter."))
    return " ".join(said)


@process_manager_required
@require_POST
def assign(request, pk):
    initiative = found_or_404(selectors.staff_case(pk))
    form = AssignForm(request.POST)
    if form.is_valid():
        services.assign(
            initiative=initiative, assignee=form.cleaned_data["assignee"], actor=request.user
        )
        messages.success(request, _("The case is assigned."))
    return redirect("initiatives:case", pk=pk)


@process_manager_required
@require_POST
def note(request, pk):
    initiative = found_or_404(selectors.staff_case(pk))
    form = NoteForm(request.POST, prefix="note")
    if form.is_valid():
        services.add_note(initiative=initiative, actor=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("The note is saved. Only staff can see it."))
        return redirect("initiatives:case", pk=pk)
    return _render_case(request, initiative, failed=form, status=400)


@process_manager_required
@require_POST
def question(request, pk):
    initiative = found_or_404(selectors.staff_case(pk))
    form = NoteForm(request.POST, prefix="question")
    if form.is_valid():
        try:
            services.request_information(
                initiative=initiative, actor=request.user, text=form.cleaned_data["text"]
            )
        except Refused as refused:
            form.add_error("text", refused.message)
        else:
            messages.success(request, _("The question is sent to the submitter."))
            return redirect("initiatives:case", pk=pk)
    return _render_case(request, initiative, failed=form, status=400)


@process_manager_required
@require_POST
def message(request, pk):
    initiative = found_or_404(selectors.staff_case(pk))
    form = MessageForm(request.POST, request.FILES, prefix="message")
    if form.is_valid():
        refusal = send_message(request, initiative, form)
        if refusal:
            form.add_error("text", refusal)
        else:
            messages.success(request, _("The message is sent to the submitter."))
            return redirect("initiatives:case", pk=pk)
    return _render_case(request, initiative, failed=form, status=400)


@process_manager_required
def templates(request):
    return render(
        request, "initiatives/staff/templates.html", {"templates": selectors.reply_templates()}
    )


@process_manager_required
@require_http_methods(["GET", "POST"])
def template_edit(request, pk=None):
    return _edit(
        request,
        ReplyTemplateForm,
        found_or_404(selectors.reply_template(pk)) if pk else None,
        services.reply_template_save,
        section="templates",
        title=_("Reply template"),
        done="initiatives:templates",
    )


@process_manager_required
def focus_areas(request):
    return render(
        request, "initiatives/staff/focus_areas.html", {"focus_areas": selectors.focus_areas()}
    )


@process_manager_required
@require_http_methods(["GET", "POST"])
def focus_area_edit(request, pk=None):
    return _edit(
        request,
        FocusAreaForm,
        found_or_404(selectors.focus_area(pk)) if pk else None,
        services.focus_area_save,
        section="focus_areas",
        title=_("Focus area"),
        done="initiatives:focus_areas",
    )


def _edit(request, form_class, instance, save, *, section, title, done):
    """Create or change one of the office's managed lists."""
    form = form_class(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        save(form=form)
        messages.success(request, _("Saved."))
        return redirect(done)
    return render(
        request,
        "initiatives/staff/edit.html",
        {"form": form, "instance": instance, "section": section, "title": title, "done": done},
    )


@process_manager_required
@require_http_methods(["GET", "POST"])
def record(request):
    """Record an initiative that came in at a meeting, by e-mail or by phone."""
    person_form = PersonForm(request.POST or None, prefix="person")
    form = RecordInitiativeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and person_form.is_valid() and form.is_valid():
        data = {
            k: v for k, v in form.cleaned_data.items() if k not in ("focus_areas", "attachments")
        }
        try:
            initiative = services.initiative_record(
                person_form=person_form,
                data=data,
                focus_areas=form.cleaned_data["focus_areas"],
                attachments=form.cleaned_data["attachments"],
                actor=request.user,
                received_on=person_form.cleaned_data["received_on"],
                assign_to_actor=person_form.cleaned_data["assign_to_me"],
            )
        except Refused as refused:
            person_form.add_error(refused.field or "email", refused.message)
        else:
            messages.success(request, _recorded(request.user, initiative))
            return redirect("initiatives:case", pk=initiative.pk)
    return render(
        request, "initiatives/staff/record.html", {"form": form, "person_form": person_form}
    )


def _recorded(user, initiative) -> str:
    if initiative.assigned_to_id == user.pk:
        return _(
            "The initiative is recorded and assigned to you; a receipt is on its way to %(name)s."
        ) % {"name": initiative.submitter.name}
    return _("The initiative is recorded; a receipt is on its way to %(name)s.") % {
        "name": initiative.submitter.name
    }


@requires(can_keep_inventory)
@require_POST
def inventory_add(request, pk):
    """Link a suggested effort or initiative to the case with a note, or dismiss it."""
    initiative = found_or_404(selectors.staff_case(pk))
    form = InventoryForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
        return redirect(_inventory_url(initiative))
    dismissed = form.cleaned_data["action"] == "dismiss"
    try:
        services.inventory_add(
            initiative=initiative,
            kind=form.cleaned_data["kind"],
            pk=form.cleaned_data["target"],
            note=form.cleaned_data["note"],
            dismissed=dismissed,
            actor=request.user,
        )
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("Marked as not related.") if dismissed else _("Added to the inventory."),
        )
    return redirect(_inventory_url(initiative))


@requires(can_keep_inventory)
@require_POST
def inventory_remove(request, pk, entry_pk):
    entry = found_or_404(selectors.inventory_entry(pk, entry_pk))
    try:
        services.inventory_remove(entry=entry, actor=request.user)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Taken off the inventory."))
    return redirect(_inventory_url(entry.initiative))


def _inventory_url(initiative) -> str:
    return reverse("initiatives:case", args=[initiative.pk]) + "#inventory-title"


@process_manager_required
@require_http_methods(["GET", "POST"])
def reassign(request, pk):
    """Hand a process manager's open cases to a colleague, all of them or those chosen."""
    holder = found_or_404(selectors.process_manager(pk))
    form = ReassignForm(request.POST or None, holder=holder)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.reassign_open_cases(
                from_user=holder,
                to_user=form.cleaned_data["to_user"],
                actor=request.user,
                initiatives=form.cleaned_data["cases"],
            )
        except Refused as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d case handed over to %(name)s.",
                    "%(count)d cases handed over to %(name)s.",
                    count,
                )
                % {"count": count, "name": form.cleaned_data["to_user"].name},
            )
            return redirect(reverse("site:desk") + "?for=office")
    return render(
        request,
        "initiatives/staff/reassign.html",
        {"holder": holder, "form": form},
        status=400 if form.errors else 200,
    )
