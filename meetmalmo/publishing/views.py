"""Public news pages with comments, and the staff pages that write and moderate them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.accounts.decorators import requires
from meetmalmo.core.errors import Refused
from meetmalmo.core.http import canonical_url, found_or_404
from meetmalmo.core.public_cache import public_page
from meetmalmo.events.selectors import events_for_initiative
from meetmalmo.groups import contact
from meetmalmo.groups.selectors import workspace
from meetmalmo.publishing import reports, selectors, services
from meetmalmo.publishing.forms import (
    PREVIEW,
    PUBLISH_NOW,
    SAVE,
    SCHEDULE,
    CommentAnswerForm,
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
    can_answer_comments,
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
            "canonical": canonical_url(request),
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
            services.comment_submit(article=found, form=form, language=get_language())
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


SAVED = {
    SAVE: gettext_lazy("Saved."),
    PUBLISH_NOW: gettext_lazy("Published: the page is on the site."),
    SCHEDULE: gettext_lazy("Scheduled: the page is published at the date and time given."),
}


def _edit_page(request, instance, form_class, save, kind):
    """Write or change an article or a project page: save it, publish it now, schedule it,
    or preview it as readers will without saving. An image chosen before a preview is kept
    for the save that follows."""
    action = request.POST.get("action", SAVE)
    if action not in (SAVE, PUBLISH_NOW, SCHEDULE, PREVIEW):
        action = SAVE
    pending = selectors.pending_image(request.POST.get("pending_image", ""))
    # As stored: the form writes what was typed onto the instance while it validates.
    status = _status(instance, form_class.date_field)
    live_url = instance.get_absolute_url() if status == "published" else ""
    form = form_class(
        request.POST or None,
        request.FILES or None,
        instance=instance,
        action=action,
        writer=request.user,
        pending_image=pending,
    )
    preview, facts = None, {}
    token = request.POST.get("pending_image", "") if pending else ""
    if request.method == "POST" and form.is_valid():
        try:
            if action == PREVIEW:
                preview, kept = services.page_preview(
                    form=form, actor=request.user, pending_image=pending
                )
                token = kept or token
            else:
                saved = save(
                    form=form,
                    actor=request.user,
                    publish_now=action == PUBLISH_NOW,
                    pending_image=pending,
                )
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            if preview is None:
                messages.success(request, SAVED[action])
                return redirect(f"publishing:staff_{kind}", pk=saved.pk)
            if kind == "project":
                facts = {
                    **selectors.staff_project_facts(preview),
                    "events": events_for_initiative(preview.initiative_id),
                }
    elif request.method == "POST" and _image_to_keep(form):
        # The page is answered with errors, and a browser never fills a file field again: the
        # image is kept so that it need not be chosen once more.
        token = services.preview_image_keep(form.cleaned_data["image"])
    return render(
        request,
        "publishing/staff/page.html",
        {
            "form": form,
            "page": instance,
            "kind": kind,
            "preview": preview,
            "status": status,
            "live_url": live_url,
            "pending_image": token,
            "preview_languages": [("sv", _("In Swedish")), ("en", _("In English"))],
            **facts,
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


def _status(page, date_field: str) -> str:
    if page is None:
        return ""
    if page.is_published:
        return "published"
    return "scheduled" if getattr(page, date_field) else "draft"


def _image_to_keep(form) -> bool:
    return (
        "image" in form.files
        and "image" not in form.errors
        and bool(form.cleaned_data.get("image"))
        and "image" in form.changed_data
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


@requires(can_answer_comments)
@require_http_methods(["GET", "POST"])
def comment_answer(request, pk):
    """The office answers an approved comment; it shows under the comment."""
    found = found_or_404(selectors.comment_to_answer(pk))
    form = CommentAnswerForm(request.POST or None, initial={"answer": found.answer})
    told = found.answered_at is None and found.wants_answer and bool(found.email)
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_answer(
                comment=found, answer=form.cleaned_data["answer"], actor=request.user
            )
        except Refused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(
                request,
                _("The answer is published under the comment, and the writer is told by e-mail.")
                if told
                else _("The answer is published under the comment."),
            )
            return redirect(request.path)
    return render(
        request,
        "publishing/staff/answer.html",
        {"comment": found, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@public_page
def projects(request):
    filters = ProjectFilterForm(request.GET or None)
    criteria = filters.cleaned_data if filters.is_valid() else {}
    found = selectors.project_cards(**criteria)
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
            "events": events_for_initiative(found.initiative_id),
            "canonical": canonical_url(request),
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
