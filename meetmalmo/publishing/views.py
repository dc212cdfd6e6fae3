"""Public news pages with comments, and the staff pages that write and moderate them."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.accounts.decorators import process_manager_required
from meetmalmo.publishing import selectors, services
from meetmalmo.publishing.forms import CommentForm, NewsArticleForm
from meetmalmo.publishing.models import Comment, NewsArticle

PAGE_SIZE = 10


def news(request):
    page = Paginator(selectors.news_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "publishing/news.html", {"page": page, "query": ""})


def article(request, slug):
    found = selectors.news_article(slug)
    if isinstance(found, str):
        return redirect("publishing:article", slug=found, permanent=True)
    return _article(request, found, CommentForm())


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
    found = selectors.news_article(slug)
    if isinstance(found, str):
        found = get_object_or_404(NewsArticle, slug=found)
    form = CommentForm(request.POST)
    htmx = request.headers.get("HX-Request") == "true"
    if form.is_valid():
        try:
            services.comment_submit(article=found, form=form)
        except services.PublishingRefused as refused:
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


@process_manager_required
def staff_news(request):
    page = Paginator(selectors.staff_articles(), 30).get_page(request.GET.get("page"))
    return render(request, "publishing/staff/news.html", {"page": page, "query": ""})


@process_manager_required
@require_http_methods(["GET", "POST"])
def staff_article(request, pk=None):
    """Write or change an article; "Preview" shows it as readers will, without saving."""
    instance = get_object_or_404(NewsArticle, pk=pk) if pk else None
    form = NewsArticleForm(request.POST or None, request.FILES or None, instance=instance)
    preview = None
    if request.method == "POST" and form.is_valid():
        if request.POST.get("action") == "preview":
            preview = form.save(commit=False)
        else:
            try:
                saved = services.article_save(form=form, actor=request.user)
            except services.PublishingRefused as refused:
                form.add_error(None, refused.message)
            else:
                messages.success(request, _("The article is saved."))
                return redirect("publishing:staff_article", pk=saved.pk)
    return render(
        request,
        "publishing/staff/article.html",
        {"form": form, "article": instance, "preview": preview},
        status=400 if request.method == "POST" and form.errors else 200,
    )


@process_manager_required
@require_http_methods(["GET", "POST"])
def moderation(request):
    state = request.GET.get("state", Comment.State.PENDING)
    if state not in Comment.State.values:
        state = Comment.State.PENDING
    if request.method == "POST":
        ids = [value for value in request.POST.getlist("comments")[:500] if value.isdigit()]
        chosen = list(Comment.objects.filter(pk__in=ids))
        if not chosen:
            messages.error(request, _("Choose at least one comment."))
        else:
            try:
                count = services.comments_moderate(
                    comments=chosen, state=request.POST.get("action", ""), actor=request.user
                )
            except services.PublishingRefused as refused:
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
