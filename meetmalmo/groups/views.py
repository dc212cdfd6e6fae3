"""The working group's workspace, its invitations and the handover of ownership."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.accounts.decorators import process_manager_required
from meetmalmo.accounts.permissions import is_process_manager
from meetmalmo.accounts.selectors import active_person
from meetmalmo.core.errors import Refused
from meetmalmo.core.http import found_or_404
from meetmalmo.groups import contact, notices, selectors, services
from meetmalmo.groups.forms import (
    AnswerForm,
    HandoverForm,
    InviteForm,
    LinkForm,
    MilestoneForm,
    ResourceInviteForm,
    UpdateForm,
)
from meetmalmo.groups.permissions import (
    can_accept_handover,
    can_change_update,
    can_choose_message_recipient,
    can_edit_group,
    can_read_project_messages,
    is_invited,
)
from meetmalmo.initiatives.workflow import State
from meetmalmo.resources.forms import DirectoryFilterForm
from meetmalmo.resources.selectors import matches

MESSAGES_SHOWN = 50  # the latest messages from the project page; older ones are in the admin
FORMS = {
    "invite": InviteForm,
    "milestone": MilestoneForm,
    "update": UpdateForm,
    "link": LinkForm,
    "handover": HandoverForm,
}


@login_required
def workspace(request, pk):
    return _render(request, found_or_404(selectors.workspace(pk, request.user)))


def _render(request, group, *, failed=None, status=200):
    forms = {
        name: failed if failed is not None and failed.prefix == name else form(prefix=name)
        for name, form in FORMS.items()
    }
    return render(
        request,
        "groups/workspace.html",
        {
            "group": group,
            "initiative": group.initiative,
            "spheres": selectors.spheres(group),
            "owner": services.current_owner(group),
            "waiting": [h for h in group.handovers.all() if h.accepted_at is None],
            "can_edit": can_edit_group(request.user, group),
            "staff": is_process_manager(request.user),
            "forms": forms,
            "report_states": (State.ACTIVE, State.COMPLETED),
            "project_messages": contact.project_messages(group)[:MESSAGES_SHOWN]
            if can_read_project_messages(request.user, group)
            else None,
            "can_choose_recipient": can_choose_message_recipient(request.user, group),
        },
        status=status,
    )


def _act(request, pk, name, action):
    """Run one workspace form: on success back to the page, else the page with the errors."""
    group = found_or_404(selectors.workspace(pk, request.user))
    form = FORMS[name](request.POST, prefix=name)
    if form.is_valid():
        try:
            message = action(group, form)
        except Refused as refused:
            if refused.field not in form.fields:
                messages.error(request, refused.message)
                return redirect("groups:workspace", pk=group.pk)
            form.add_error(refused.field, refused.message)
        else:
            messages.success(request, message)
            return redirect("groups:workspace", pk=group.pk)
    return _render(request, group, failed=form, status=400)


@process_manager_required
@require_POST
def invite(request, pk):
    def action(group, form):
        services.invite(
            group=group,
            invitee=form.invitee,
            actor=request.user,
            role=form.cleaned_data["role"],
            message=form.cleaned_data["message"],
        )
        return _("The invitation is sent.")

    return _act(request, pk, "invite", action)


@process_manager_required
@require_http_methods(["GET", "POST"])
def invite_resource(request, pk):
    """Invite someone from the match list: a role and a personal message, previewed as the
    e-mail the person will read, then sent."""
    group = found_or_404(selectors.workspace(pk, request.user))
    invitee = found_or_404(active_person(request.POST.get("user") or request.GET.get("user", "")))
    form = ResourceInviteForm(request.POST or None)
    preview = None
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif request.POST.get("action") == "send":
            try:
                services.invite(
                    group=group,
                    invitee=invitee,
                    actor=request.user,
                    role=form.cleaned_data["role"],
                    message=form.cleaned_data["message"],
                )
            except Refused as refused:
                messages.error(request, refused.message)
            else:
                messages.success(
                    request,
                    _("%(name)s is invited; the e-mail is on its way.") % {"name": invitee.name},
                )
            return redirect("groups:match", pk=group.pk)
        else:
            preview = notices.invitation_preview(
                group=group,
                invitee=invitee,
                actor=request.user,
                role=form.cleaned_data["role"],
                message=form.cleaned_data["message"],
            )
    return render(
        request,
        "groups/invite_resource.html",
        {"group": group, "invitee": invitee, "form": form, "preview": preview},
        status=status,
    )


@process_manager_required
def match(request, pk):
    group = found_or_404(selectors.workspace(pk, request.user))
    filters = DirectoryFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    return render(
        request,
        "groups/match.html",
        {
            "group": group,
            "initiative": group.initiative,
            "filters": filters,
            "filtered": any(criteria.values()),
            "matches": matches(group, **criteria),
        },
    )


@login_required
@require_POST
def milestone_add(request, pk):
    def action(group, form):
        services.milestone_add(group=group, actor=request.user, **form.cleaned_data)
        return _("The milestone is added.")

    return _act(request, pk, "milestone", action)


@login_required
@require_POST
def milestone_toggle(request, pk, milestone_pk):
    group = found_or_404(selectors.workspace(pk, request.user))
    milestone = found_or_404(selectors.milestone(group, milestone_pk))
    try:
        services.milestone_toggle(milestone=milestone, actor=request.user)
    except Refused as refused:
        messages.error(request, refused.message)
    return redirect("groups:workspace", pk=group.pk)


@login_required
@require_POST
def update_post(request, pk):
    def action(group, form):
        services.update_post(group=group, actor=request.user, body=form.cleaned_data["body"])
        return _("Your update is posted.")

    return _act(request, pk, "update", action)


def _own_update(request, pk, update_pk):
    group = found_or_404(selectors.workspace(pk, request.user))
    update = found_or_404(selectors.update(group, update_pk))
    if not can_change_update(request.user, update):
        raise Http404  # another's update: nothing to change here
    return group, update


@login_required
@require_http_methods(["GET", "POST"])
def update_edit(request, pk, update_pk):
    group, update = _own_update(request, pk, update_pk)
    form = UpdateForm(request.POST or None, instance=update)
    if request.method == "POST" and form.is_valid():
        services.update_edit(update=update, actor=request.user, body=form.cleaned_data["body"])
        messages.success(request, _("Your update is changed."))
        return redirect("groups:workspace", pk=group.pk)
    return render(
        request,
        "groups/update_edit.html",
        {"group": group, "initiative": group.initiative, "update": update, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def update_delete(request, pk, update_pk):
    """Deleting asks once more, on a page of its own that works without JavaScript."""
    group, update = _own_update(request, pk, update_pk)
    if request.method == "POST":
        services.update_delete(update=update, actor=request.user)
        messages.success(request, _("Your update is deleted."))
        return redirect("groups:workspace", pk=group.pk)
    return render(
        request,
        "groups/update_delete.html",
        {"group": group, "initiative": group.initiative, "update": update},
    )


@login_required
@require_POST
def link_add(request, pk):
    def action(group, form):
        services.link_add(group=group, actor=request.user, **form.cleaned_data)
        return _("The link is added.")

    return _act(request, pk, "link", action)


@process_manager_required
@require_POST
def handover(request, pk):
    def action(group, form):
        services.handover_record(
            group=group,
            actor=request.user,
            organisation=form.cleaned_data["organisation"],
            person=form.person,
            date=form.cleaned_data["date"],
            note=form.cleaned_data["note"],
        )
        return _("The handover is recorded; the new owner is asked to accept it.")

    return _act(request, pk, "handover", action)


@login_required
@require_POST
def handover_accept(request, pk):
    handover = found_or_404(selectors.handover(pk))
    if not can_accept_handover(request.user, handover):
        found_or_404(selectors.workspace(handover.group_id, request.user))  # 404 for outsiders
    try:
        handover = services.handover_accept(handover=handover, user=request.user)
    except Refused as refused:
        messages.error(request, refused.message)
        return redirect("groups:workspace", pk=handover.group_id)
    if handover.in_effect():
        messages.success(request, _("You are now the owner of the work."))
    else:
        messages.success(
            request,
            _("Accepted. You become the owner of the work on %(date)s.")
            % {"date": date_format(handover.date, "j F Y")},
        )
    return redirect("groups:workspace", pk=handover.group_id)


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """The link in the invitation e-mail: only for the person invited, and only once."""
    invitation = found_or_404(selectors.invitation(token))
    problem = None
    try:
        services.check_invitation(invitation, request.user)
    except Refused as refused:
        problem = refused.message
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and problem is None and form.is_valid():
        accept = request.POST.get("action") == "accept"
        try:
            services.answer_invitation(
                invitation=invitation,
                user=request.user,
                accept=accept,
                answer=form.cleaned_data["answer"],
            )
        except Refused as refused:
            problem = refused.message
        else:
            if accept:
                messages.success(request, _("Welcome to the working group!"))
                return redirect("groups:workspace", pk=invitation.group_id)
            messages.success(
                request, _("You have declined the invitation. Thank you for answering.")
            )
            return redirect("site:my")
    status = 200 if problem is None else (410 if is_invited(request.user, invitation) else 403)
    return render(
        request,
        "groups/invitation.html",
        {"invitation": invitation, "form": form, "problem": problem},
        status=status,
    )


@login_required
@require_POST
def messages_recipient(request, pk):
    """The owner chooses whether messages from the project page come to them or the office."""
    group = found_or_404(selectors.workspace(pk, request.user))
    to_owner = request.POST.get("to") == "owner"
    try:
        contact.messages_recipient_choose(group=group, actor=request.user, to_owner=to_owner)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request,
            _("Messages from the project page now come to you.")
            if to_owner
            else _("Messages from the project page now go to the Trade and Industry Office."),
        )
    return redirect(f"{reverse('groups:workspace', args=[group.pk])}#contact-title")
