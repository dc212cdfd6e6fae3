"""The public subscription page and the office's pages that write, preview and send an issue."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meetmalmo.accounts.decorators import requires
from meetmalmo.core.csv import csv_response
from meetmalmo.core.errors import Refused
from meetmalmo.core.http import found_or_404
from meetmalmo.core.mail import render_notice
from meetmalmo.core.xlsx import xlsx_response
from meetmalmo.newsletter import selectors, services
from meetmalmo.newsletter.forms import IssueForm, SubscribeForm
from meetmalmo.publishing.permissions import can_publish


@require_http_methods(["GET", "POST"])
def subscribe(request):
    user = request.user if request.user.is_authenticated else None
    initial = {"language": user.language if user else get_language()}
    form = SubscribeForm(request.POST or None, user=user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if not form.is_spam():
                services.subscribe(
                    email=user.email if user else form.cleaned_data["email"],
                    name="" if user else form.cleaned_data["name"],
                    language=form.cleaned_data["language"],
                    client=request.META.get("REMOTE_ADDR", ""),
                    user=user,
                )
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            if user:
                messages.success(request, _("You subscribe to the newsletter now."))
            else:
                messages.success(
                    request,
                    _(
                        "Check your inbox: we have sent a link that confirms the address. "
                        "Nothing else is sent to it until you click it."
                    ),
                )
            return redirect("newsletter:subscribe")
    return render(
        request,
        "newsletter/subscribe.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


@require_GET
@requires(can_publish)
def staff_issues(request):
    return render(
        request,
        "newsletter/staff/issues.html",
        {"issues": selectors.issues()[:50], "subscribers": selectors.subscriber_count()},
    )


@requires(can_publish)
@require_http_methods(["GET", "POST"])
def staff_issue(request, pk=None):
    issue = found_or_404(selectors.issue(pk)) if pk else None
    form = IssueForm(request.POST or None, instance=issue)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.issue_save(form=form, actor=request.user)
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Saved. Preview it before you send it."))
            return redirect("newsletter:staff_issue", pk=saved.pk)
    return render(
        request,
        "newsletter/staff/issue.html",
        {"form": form, "issue": issue, "subscribers": selectors.subscriber_count()},
        status=400 if form.errors else 200,
    )


class _Preview:
    """Whom the preview is addressed to: a subscriber in that language."""

    def __init__(self, language: str):
        self.language = language
        self.name = _("Subscriber")
        self.email = "subscriber@example.org"


@require_GET
@requires(can_publish)
def preview(request, pk, language):
    if language not in dict(settings.LANGUAGES):
        raise Http404
    issue = found_or_404(selectors.issue(pk))
    recipient = _Preview(language)
    subject, body = render_notice(
        "newsletter/email/issue",
        recipient,
        services.message_context(issue, language, _("(the subscriber's own unsubscribe link)")),
    )
    return render(
        request,
        "newsletter/staff/preview.html",
        {"issue": issue, "language": language, "subject": subject, "body": body},
    )


@requires(can_publish)
@require_POST
def send(request, pk):
    issue = found_or_404(selectors.issue(pk))
    if services.request_send(issue=issue, actor=request.user):
        messages.success(request, _("The issue is being sent to every confirmed subscriber."))
    else:
        messages.info(request, _("This issue has already been sent. Nothing more was sent."))
    return redirect("newsletter:staff_issue", pk=issue.pk)


@require_GET
@requires(can_publish)
def subscribers_export(request, file_format):
    header = [_("E-mail address"), _("Name"), _("Language"), _("Member"), _("Confirmed")]
    rows = [
        [
            subscriber.user.email if subscriber.user_id else subscriber.email,
            subscriber.user.name if subscriber.user_id else subscriber.given_name,
            subscriber.language,
            _("yes") if subscriber.user_id else _("no"),
            subscriber.confirmed_at,
        ]
        for subscriber in selectors.subscribers()
    ]
    if file_format == "xlsx":
        return xlsx_response("newsletter-subscribers.xlsx", _("Subscribers"), header, rows)
    if file_format == "csv":
        return csv_response("newsletter-subscribers.csv", header, rows, bom=True)
    raise Http404
