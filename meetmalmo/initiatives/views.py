"""Pages for members: writing an initiative, following it, answering the office."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.core.errors import Refused
from meetmalmo.core.http import found_or_404
from meetmalmo.initiatives import selectors, services
from meetmalmo.initiatives.forms import (
    EffortActionForm,
    InitiativeForm,
    MessageForm,
    TextForm,
)
from meetmalmo.initiatives.models import EffortVerdict
from meetmalmo.initiatives.permissions import can_see_case
from meetmalmo.initiatives.workflow import PUBLIC_LABELS, TRANSITIONS, may
from meetmalmo.inventory.related import INITIATIVE_FIELDS
from meetmalmo.inventory.selectors import suggestions_for_writer


def _signup_first(request):
    """A visitor is taken to sign-up and brought back here afterwards."""
    return redirect_to_login(request.get_full_path(), login_url=reverse("account_signup"))


@require_http_methods(["GET", "POST"])
def initiative_new(request):
    if not request.user.is_authenticated:
        return _signup_first(request)
    return _initiative_form(request, initiative=None)


@login_required
@require_http_methods(["GET", "POST"])
def initiative_edit(request, pk):
    initiative = found_or_404(selectors.member_initiative(request.user, pk))
    if not initiative.is_draft:
        return redirect("initiatives:mine", pk=initiative.pk)
    return _initiative_form(request, initiative=initiative)


def _initiative_form(request, initiative):
    # The form shows what submitting needs; only an explicit "save as draft" asks for less.
    submit = request.POST.get("action") != "draft"
    form = InitiativeForm(
        request.POST or None,
        request.FILES or None,
        instance=initiative,
        draft=request.method == "POST" and not submit,
    )
    if request.method == "POST" and form.is_valid():
        data = {
            k: v for k, v in form.cleaned_data.items() if k not in ("focus_areas", "attachments")
        }
        try:
            saved = services.initiative_save(
                submitter=request.user,
                data=data,
                focus_areas=form.cleaned_data["focus_areas"],
                attachments=form.cleaned_data["attachments"],
                submit=submit,
                initiative=initiative,
            )
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            if submit:
                messages.success(
                    request,
                    _(
                        "Thank you! Your initiative has been sent. "
                        "You will have a decision by %(date)s."
                    )
                    % {"date": _date(saved.decision_due)},
                )
            else:
                messages.success(
                    request, _("Your draft is saved. You can come back to it from My page.")
                )
            return redirect("initiatives:mine", pk=saved.pk)
    suggestions = (
        suggestions_for_writer(
            fields=initiative.weighted_words,
            focus_areas=[area.code for area in initiative.focus_areas.all()],
            unrelated=selectors.unrelated_efforts(initiative),
        )
        if initiative is not None and request.method == "GET"
        else []
    )
    return render(
        request,
        "initiatives/form.html",
        {"form": form, "initiative": initiative, "suggestions": suggestions},
    )


@login_required
def related_work(request):
    """The efforts already under way that resemble what is being written; the form asks for
    them as the writer types (htmx) and shows them beside the text."""
    fields = [(request.GET.get(name, "")[:20_000], weight) for name, weight in INITIATIVE_FIELDS]
    codes = [code[:50] for code in request.GET.getlist("focus_areas")[:20]]
    areas = selectors.focus_areas_chosen(codes)
    suggestions = suggestions_for_writer(fields=fields, focus_areas=[a.code for a in areas])
    return render(
        request, "initiatives/includes/related.html", {"suggestions": suggestions, "asked": True}
    )


def _date(value):
    from django.template.defaultfilters import date

    return date(value, "j F Y")


def _mine(request, initiative, answer_form=None, message_form=None, status=200):
    history = list(selectors.public_history(initiative))
    return render(
        request,
        "initiatives/mine.html",
        {
            "initiative": initiative,
            "public_label": PUBLIC_LABELS[initiative.state],
            "clock": selectors.clock(initiative),
            "history": history,
            "can_withdraw": may(request.user, initiative, TRANSITIONS["withdraw"]),
            "has_question": any(e.kind == "question" for e in history),
            "answer_form": answer_form or TextForm(),
            "message_form": message_form or MessageForm(prefix="message"),
        },
        status=status,
    )


@login_required
def my_initiative(request, pk):
    return _mine(request, found_or_404(selectors.member_initiative(request.user, pk)))


@login_required
@require_POST
def my_answer(request, pk):
    initiative = found_or_404(selectors.member_initiative(request.user, pk))
    form = TextForm(request.POST)
    if form.is_valid():
        try:
            services.answer_request(
                initiative=initiative, actor=request.user, text=form.cleaned_data["text"]
            )
        except Refused as refused:
            form.add_error("text", refused.message)
        else:
            messages.success(request, _("Your answer has been sent to the process manager."))
            return redirect("initiatives:mine", pk=pk)
    return _mine(request, initiative, answer_form=form, status=400)


def send_message(request, initiative, form) -> str | None:
    """Send the message a valid form holds, from the member's page or the staff's case; the
    reason if it is refused."""
    try:
        services.message_send(
            initiative=initiative,
            actor=request.user,
            text=form.cleaned_data["text"],
            attachments=form.cleaned_data["attachments"],
        )
    except Refused as refused:
        return refused.message
    return None


@login_required
@require_POST
def my_message(request, pk):
    initiative = found_or_404(selectors.member_initiative(request.user, pk))
    # Prefixed, as on the staff's case: the answer form on the same page has a "text" too.
    form = MessageForm(request.POST, request.FILES, prefix="message")
    if form.is_valid():
        refusal = send_message(request, initiative, form)
        if refusal:  # a draft has no conversation yet: its page has no form
            messages.error(request, refusal)
        else:
            messages.success(request, _("Your message has been sent to the process manager."))
        return redirect("initiatives:mine", pk=pk)
    return _mine(request, initiative, message_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def my_withdraw(request, pk):
    """Withdrawing cannot be undone, so the page's button leads here to be asked once more;
    the question works without JavaScript."""
    initiative = found_or_404(selectors.member_initiative(request.user, pk))
    if request.method == "GET":
        if not may(request.user, initiative, TRANSITIONS["withdraw"]):
            return redirect("initiatives:mine", pk=pk)
        return render(request, "initiatives/withdraw.html", {"initiative": initiative})
    try:
        services.perform_transition(initiative=initiative, name="withdraw", actor=request.user)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Your initiative has been withdrawn."))
    return redirect("initiatives:mine", pk=pk)


@login_required
def attachment(request, pk):
    attachment = found_or_404(selectors.attachment(pk))
    if not can_see_case(request.user, attachment.initiative):
        raise Http404
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.content_type,
    )


EFFORT_ACTIONS = {
    "close": EffortVerdict.Verdict.CLOSE,
    "unrelated": EffortVerdict.Verdict.UNRELATED,
}


@login_required
@require_http_methods(["GET", "POST"])
def effort_card(request, pk):
    """A suggested effort as a member sees it: what it is, who runs it, its status and its
    published link; never its contact's address. The member asks the office to put them in
    touch (a message on their case) or says the effort is close to their idea or not related."""
    effort = found_or_404(selectors.card_effort(pk))
    cases = selectors.suggestion_cases(request.user)
    chosen = request.GET.get("initiative", "")
    initial = {"initiative": chosen} if chosen.isdigit() else {}
    form = EffortActionForm(request.POST or None, cases=cases, initial=initial)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action", "")
        if form.is_valid() and action in (*EFFORT_ACTIONS, "contact"):
            initiative = form.cleaned_data["initiative"]
            try:
                if action == "contact":
                    services.effort_contact(
                        initiative=initiative,
                        effort=effort,
                        actor=request.user,
                        text=form.cleaned_data["message"],
                    )
                    done = _(
                        "Your question is on your initiative's case; the office answers there."
                    )
                else:
                    services.effort_verdict(
                        initiative=initiative,
                        effort=effort,
                        actor=request.user,
                        verdict=EFFORT_ACTIONS[action],
                    )
                    done = (
                        _("Noted: close to your idea. The office sees it on your case.")
                        if action == "close"
                        else _("Noted: not related. The office sees it on your case.")
                    )
            except Refused as refused:
                form.add_error(
                    refused.field if refused.field in form.fields else None, refused.message
                )
            else:
                messages.success(request, done)
                return redirect(
                    f"{reverse('initiatives:effort', args=[effort.pk])}?initiative={initiative.pk}"
                )
        status = 400
    return render(
        request,
        "initiatives/effort_card.html",
        {"effort": effort, "form": form, "has_cases": cases.exists()},
        status=status,
    )
