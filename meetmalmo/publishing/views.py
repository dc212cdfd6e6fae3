"""Public news pages with comments, and the staff pages that write and moderate them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.accounts.decorators import requires
from meetmalmo.core.errors import Refused
from meetmalmo.core.http import found_or_404
from meetmalmo.core.public_cache import public_page
from meetmalmo.events.selectors import events_for_initiative
from meetmalmo.groups import contact
from meetmalmo.groups.selectors import workspace
from meetmalmo.publishing import reports, selectors, services
from meetmalmo.publishing.forms import (
    CommentForm,
    NewsArticleForm,
    OutcomeFormSet,
    ProjectFilterForm,
    ProjectForm,
    ProjectMessageForm,
    ReportDecisionForm,
    ReportForm,
)
from meetmalmo.publishing.models import Comment, Report
from meetmalmo.publishing.permissions import (
    can_decide_report,
    can_moderate_comments,
    can_publish,
    can_write_report,
)

PAGE_SIZE = 10


@public_page
def news(request):
    page = Paginator(selectors.news_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "publishing/news.html", {"page": page, "query": ""})


@public_page
def article(request, slug):
    found = found_or_404(selectors.news_article(slug))
    if isinstance(found, str):
        return redirect("publishing:article", slug=found, permanent=True)
    return _article(request, found, CommentForm(initial=_commenter(request.user)))


def _commenter(user) -> dict:
    """A signed-in person's name and address, so they need not type them again. The page is
    not kept in the public cache for a signed-in person, so nobody else sees them."""
    if not user.is_authenticated:
        return {}
    return {"name": user.name, "email": user.email}


def _article(request, found, form, status=200):
    return render(
        request,
        "publishing/article.html",
        {
            "article": found,
            "comments": selectors.approved_comments(found),
            "form": form,
            "canonical": request.build_absolute_uri(request.path),
        },
        status=status,
    )


@require_POST
def comment(request, slug):
    """A comment is held for moderation. With htmx the form answers in place; without it, a
    normal post and redirect."""
    found = found_or_404(selectors.news_article(slug))
    if isinstance(found, str):
        found = found_or_404(selectors.news_article(found))
    form = CommentForm(request.POST)
    htmx = request.headers.get("HX-Request") == "true"
    if form.is_valid():
        try:
            services.comment_submit(article=found, form=form)
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            if htmx:
                return render(request, "publishing/includes/comment_sent.html")
            messages.success(request, _("Thank you! Your comment awaits moderation."))
            return redirect(f"{found.get_absolute_url()}#comments-title")
    if htmx:
        return render(
            request, "publishing/includes/comment_form.html", {"form": form, "article": found}
        )
    return _article(request, found, form, status=400)


@requires(can_publish)
def staff_news(request):
    page = Paginator(selectors.staff_articles(), 30).get_page(request.GET.get("page"))
    return render(request, "publishing/staff/news.html", {"page": page, "query": ""})


@requires(can_publish)
@require_http_methods(["GET", "POST"])
def staff_article(request, pk=None):
    instance = found_or_404(selectors.staff_article(pk)) if pk else None
    return _edit_page(request, instance, NewsArticleForm, services.article_save, "article")


def _edit_page(request, instance, form_class, save, kind):
    """Write or change an article or a project page; "Preview" shows it as readers will,
    without saving."""
    form = form_class(request.POST or None, request.FILES or None, instance=instance)
    preview = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "preview":
            preview = form.save(commit=False)
        else:
            try:
                saved = save(form=form, actor=request.user)
            except Refused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, _("Saved."))
                return redirect(f"publishing:staff_{kind}", pk=saved.pk)
    return render(
        request,
        "publishing/staff/page.html",
        {"form": form, "page": instance, "kind": kind, "preview": preview},
        status=400 if request.method == "POST" and form.errors else 200,
    )


@requires(can_moderate_comments)
@require_http_methods(["GET", "POST"])
def moderation(request):
    state = request.GET.get("state", Comment.State.PENDING)
    if state not in Comment.State.values:
        state = Comment.State.PENDING
    if request.method == "POST":
        chosen = selectors.comments_chosen(request.POST.getlist("comments")[:500])
        if not chosen:
            messages.error(request, _("Choose at least one comment."))
        else:
            try:
                count = services.comments_moderate(
                    comments=chosen, state=request.POST.get("action", ""), actor=request.user
                )
            except Refused as refused:
                messages.error(request, refused.message)
            else:
                messages.success(
                    request,
                    ngettext("%(count)d comment moderated.", "%(count)d comments moderated.", count)
                    % {"count": count},
                )
        return redirect(f"{request.path}?state={state}")
    page = Paginator(selectors.moderation_queue(state), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "publishing/staff/comments.html",
        {"page": page, "state": state, "states": Comment.State.choices, "query": f"state={state}"},
    )


@public_page
def projects(request):
    filters = ProjectFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    found = selectors.project_list(**criteria)
    page = Paginator(found, 12).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "publishing/projects.html",
        {"page": page, "filters": filters, "query": query.urlencode()},
    )


@public_page
def project(request, slug):
    found = found_or_404(selectors.project(slug))
    if isinstance(found, str):
        return redirect("publishing:project", slug=found, permanent=True)
    return render(
        request,
        "publishing/project.html",
        {
            "project": found,
            **selectors.project_facts(found),
            "body": selectors.project_body(found),
            "events": events_for_initiative(found.initiative_id),
            "canonical": request.build_absolute_uri(request.path),
        },
    )


@requires(can_publish)
def staff_projects(request):
    page = Paginator(selectors.staff_projects(), 30).get_page(request.GET.get("page"))
    return render(request, "publishing/staff/projects.html", {"page": page, "query": ""})


@requires(can_publish)
@require_http_methods(["GET", "POST"])
def staff_project(request, pk):
    instance = found_or_404(selectors.staff_project(pk))
    return _edit_page(request, instance, ProjectForm, services.project_save, "project")


@login_required
@require_http_methods(["GET", "POST"])
def report_edit(request, group_pk, pk=None):
    """Write a report (the group's owner and process support), or review it (staff)."""
    group = found_or_404(workspace(group_pk, request.user))
    initiative = group.initiative
    report = found_or_404(selectors.group_report(initiative, pk)) if pk else None
    if not can_write_report(request.user, initiative):
        raise Http404
    editable = report is None or report.state in (Report.State.DRAFT, Report.State.RETURNED)
    form = ReportForm(request.POST or None, instance=report)
    outcomes = OutcomeFormSet(request.POST or None, instance=report or Report(), prefix="outcomes")
    if request.method == "POST" and editable and form.is_valid() and outcomes.is_valid():
        try:
            saved = reports.report_save(
                initiative=initiative,
                form=form,
                outcomes=outcomes,
                actor=request.user,
                submit=request.POST.get("action") == "submit",
            )
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request,
                _("The report is sent to the office for publishing.")
                if saved.state == Report.State.SUBMITTED
                else _("The report is saved as a draft."),
            )
            return redirect("publishing:report", group_pk=group.pk, pk=saved.pk)
    return render(
        request,
        "publishing/report.html",
        {
            "group": group,
            "initiative": initiative,
            "report": report,
            "editable": editable,
            "form": form,
            "outcomes": outcomes,
            "labels": reports.label_suggestions(),
            "decision": ReportDecisionForm(),
        },
        status=400 if request.method == "POST" else 200,
    )


@requires(can_decide_report)
@require_POST
def report_decide(request, group_pk, pk):
    report = found_or_404(selectors.report_of_group(group_pk, pk))
    form = ReportDecisionForm(request.POST)
    if form.is_valid():
        try:
            reports.report_decide(
                report=report,
                actor=request.user,
                publish=request.POST.get("action") == "publish",
                comment=form.cleaned_data["comment"],
            )
        except Refused as refused:
            messages.error(request, refused.message)
        else:
            messages.success(request, _("Done: the group sees the report's new state."))
    else:
        messages.error(request, " ".join(form.errors.get("comment", [])))
    return redirect("publishing:report", group_pk=group_pk, pk=pk)


@require_http_methods(["GET", "POST"])
def project_contact(request, slug):
    """ "Contact the project", on a page of its own so that the project page stays in the public
    cache. The message goes to the office, or to the owner if they agreed; spam is kept apart
    without telling the sender."""
    found = found_or_404(selectors.project(slug))
    if isinstance(found, str):
        return redirect("publishing:project_contact", slug=found)
    member = request.user.is_authenticated
    form = ProjectMessageForm(request.POST or None, initial=_commenter(request.user), member=member)
    if request.method == "POST" and form.is_valid():
        try:
            contact.project_message_send(
                initiative=found.initiative,
                form=form,
                sender=request.user,
                title=found.text("title").value,
                page_path=found.get_absolute_url(),
                client=request.META.get("REMOTE_ADDR", ""),
                language=get_language() or "sv",
            )
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request,
                _("Thank you! Your message is passed on; the answer comes by e-mail."),
            )
            return redirect(found.get_absolute_url())
    return render(
        request,
        "publishing/project_contact.html",
        {"project": found, "form": form},
        status=400 if request.method == "POST" else 200,
    )
