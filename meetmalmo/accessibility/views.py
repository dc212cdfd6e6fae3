"""The accessibility statement, with the form that reports a problem to the office."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from meetmalmo.accessibility import services
from meetmalmo.accessibility import statement as facts
from meetmalmo.accessibility.forms import AccessibilityReportForm
from meetmalmo.core.errors import Refused
from meetmalmo.core.http import client_address


@require_http_methods(["GET", "HEAD", "POST"])
def statement(request):
    if request.method == "POST":
        form = AccessibilityReportForm(request.POST)
        if form.is_valid():
            try:
                services.report_submit(
                    form=form, language=get_language(), client=client_address(request)
                )
            except Refused as refused:
                form.renew_start()  # this one was used: the next sending needs another
                form.add_error(None, refused.message)
            else:
                messages.success(
                    request,
                    _("Thank you! Your message has been sent. We answer within two weeks."),
                )
                return redirect("accessibility:statement")
        return _page(request, form, status=400)
    return _page(request, AccessibilityReportForm(initial={"page": _came_from(request)}))


# Addresses that are keys themselves (an invitation's reply link, a password reset or e-mail
# confirmation link) are not offered: the report is e-mailed to the office.
SECRET_ARGUMENTS = {"token", "key", "uidb36", "uidb64"}


def _came_from(request) -> str:
    """The portal page the person came from, as a start for "the page concerned"."""
    parts = urlsplit(request.headers.get("Referer", ""))
    if parts.netloc != request.get_host():
        return ""
    language = parts.path.split("/")[1] if parts.path.count("/") > 1 else ""
    try:
        # In the language of the page it names: each language resolves only its own prefix.
        with translation.override(language if language in dict(settings.LANGUAGES) else None):
            match = resolve(parts.path)
    except Resolver404:
        return ""
    if match.view_name == "accessibility:statement" or SECRET_ARGUMENTS & set(match.kwargs):
        return ""
    return f"{parts.scheme}://{parts.netloc}{parts.path}"[:500]


def _page(request, form, status=200):
    context = {
        "form": form,
        "first_prepared": facts.FIRST_PREPARED,
        "reviewed": facts.REVIEWED,
        "pages_tested": facts.PAGES_TESTED,
        "next_review": facts.NEXT_REVIEW,
        "digg_report_url": facts.DIGG_REPORT_URL,
        "digg_url": facts.DIGG_URL,
        "wcag_url": facts.WCAG_URL,
    }
    return render(request, "accessibility/statement.html", context, status=status)
