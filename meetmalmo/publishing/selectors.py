"""Reads on news: what the public may see, in a fixed number of queries."""

from django.core import signing
from django.core.files.storage import default_storage
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce

from meetmalmo.core.models import Sphere
from meetmalmo.publishing.models import Comment, NewsArticle, Project, Report, SlugRedirect

# Where an image chosen in the editor is kept while it is previewed, and how long its token
# is good for.
PREVIEWS = "previews"
PENDING_SALT = "meetmalmo.publishing.pending-image"
PENDING_MAX_AGE = 60 * 60 * 24


def pending_image(token: str) -> str:
    """The kept preview image a signed token from the editor names, if it is still there."""
    try:
        name = signing.loads(token or "", salt=PENDING_SALT, max_age=PENDING_MAX_AGE)
    except signing.BadSignature:
        return ""
    if not isinstance(name, str) or not name.startswith(f"{PREVIEWS}/"):
        return ""
    return name if default_storage.exists(name) else ""


def news_list():
    return NewsArticle.objects.published().only(
        "slug",
        "title_sv",
        "title_en",
        "lead_sv",
        "lead_en",
        "publish_at",
        "byline",
        "image",
        "image_alt_sv",
        "image_alt_en",
        "updated_at",
    )


def news_article(slug: str) -> NewsArticle | str | None:
    """The published article at this address, or the address it has moved to; else nothing."""
    return _published_or_moved(
        NewsArticle.objects.published().select_related("project", "event"), slug, "article"
    )


def _published_or_moved(published, slug: str, kind: str):
    found = published.filter(slug=slug).first()
    if found is not None:
        return found
    moved = SlugRedirect.objects.filter(old_slug=slug, **{f"{kind}__isnull": False})
    moved = moved.select_related(kind).first()
    if moved is not None and getattr(moved, kind).is_published:
        return getattr(moved, kind).slug
    return None


def _projects():
    from meetmalmo.groups.models import Handover, Membership, Milestone

    return Project.objects.select_related("initiative__organisation").prefetch_related(
        "initiative__focus_areas",
        Prefetch(
            "initiative__group__memberships",
            queryset=Membership.objects.select_related("user__organisation"),
        ),
        Prefetch(
            "initiative__group__handovers",
            # The owner is the one whose accepted handover has reached its agreed date.
            queryset=Handover.objects.in_effect()
            .order_by("date", "created_at", "id")
            .select_related("organisation"),
        ),
        Prefetch("initiative__group__milestones", queryset=Milestone.objects.filter(done=True)),
        Prefetch(
            "initiative__reports",
            queryset=Report.objects.filter(state=Report.State.PUBLISHED).prefetch_related(
                "outcomes"
            ),
            to_attr="published_reports",
        ),
    )


def _listed(found, status: str, focus_area):
    found = found.published()
    if status:
        found = found.with_status(status)
    if focus_area:
        found = found.filter(initiative__focus_areas=focus_area)
    return found.order_by("-updated_at", "-id")


def project_list(*, status: str = "", focus_area=None):
    """Published projects, the latest activity first, with everything their facts are made of
    (`project_facts`): for the API, the feed and the open data."""
    return _listed(_projects(), status, focus_area)


def project_cards(*, status: str = "", focus_area=None):
    """The public list's projects, as `project_list`, with only what a card of the list shows:
    the status (from the initiative's state) and the focus areas. The group, its members,
    handovers and milestones and the reports with their outcomes are read by the project's own
    page, not for each of the twelve cards."""
    found = Project.objects.select_related("initiative").prefetch_related("initiative__focus_areas")
    return _listed(found, status, focus_area)


def project_headlines(*, status: str, limit: int):
    """The latest published projects of a status with their titles and leads only, for a
    list of links (the home page): none of what a project's own page shows is read."""
    return (
        Project.objects.published()
        .with_status(status)
        .only("slug", "title_sv", "title_en", "lead_sv", "lead_en", "updated_at")
        .order_by("-updated_at", "-id")[:limit]
    )


def project(slug: str) -> Project | str | None:
    """The published project at this address, or the address it has moved to; else nothing."""
    return _published_or_moved(_projects().published(), slug, "project")


def project_facts(project: Project) -> dict:
    """Who carries the project: the owner organisation (after a handover, the new owner's),
    the spheres involved (names for pages, codes in the order of the list of spheres for
    data) and the milestones reached, from the prefetched group."""
    initiative = project.initiative
    group = getattr(initiative, "group", None)
    owner = initiative.organisation
    organisations, milestones = [], []
    if group is not None:
        handovers = list(group.handovers.all())
        owner = handovers[-1].organisation if handovers else owner
        organisations = [
            m.user.organisation for m in group.memberships.all() if m.user.organisation
        ]
        milestones = list(group.milestones.all())
    codes = {organisation.sphere for organisation in organisations}
    published = getattr(initiative, "published_reports", [])
    return {
        "owner": owner,
        # Each sphere's name once, not once per member: a list of projects makes many facts.
        "spheres": sorted(str(Sphere(code).label) for code in codes),
        "sphere_codes": [code for code in Sphere.values if code in codes],
        "milestones": milestones,
        "report": published[0] if published else None,
    }


def approved_comments(article: NewsArticle):
    return article.comments.filter(state=Comment.State.APPROVED)


def staff_articles():
    """Every article, the latest changed first, with its comments waiting for moderation:
    counted by a subquery for the rows of a page only, not by grouping every article."""
    pending = (
        Comment.objects.filter(article=OuterRef("pk"), state=Comment.State.PENDING)
        .order_by()
        .values("article")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )
    return NewsArticle.objects.annotate(
        pending=Coalesce(Subquery(pending), Value(0), output_field=IntegerField())
    ).order_by("-updated_at", "-id")


def moderation_queue(state: str = Comment.State.PENDING):
    return Comment.objects.filter(state=state).select_related("article").order_by("created_at")


def staff_article(pk: int) -> NewsArticle | None:
    """An article for the office to write, published or not."""
    return NewsArticle.objects.filter(pk=pk).first()


def staff_projects():
    """Every project page, the latest changed first, with only what the office's table shows:
    not the pages' texts nor the initiatives' own words."""
    return (
        Project.objects.select_related("initiative")
        .only("title_sv", "title_en", "published_at", "updated_at", "initiative__state")
        .order_by("-updated_at", "-id")
    )


def staff_project(pk: int) -> Project | None:
    return Project.objects.select_related("initiative").filter(pk=pk).first()


def staff_project_facts(project: Project) -> dict:
    """What a project's public page shows beside its own text, for the editor's preview."""
    found = _projects().filter(pk=project.pk).first()
    return project_facts(found) if found else {}


def comment_to_answer(pk: int) -> Comment | None:
    """A comment the office may answer: an approved one."""
    return (
        Comment.objects.filter(pk=pk, state=Comment.State.APPROVED)
        .select_related("article", "answered_by")
        .first()
    )


def comments_chosen(ids) -> list[Comment]:
    """The comments a moderator ticked, by id; anything that is not an id is left out."""
    return list(Comment.objects.filter(pk__in=[i for i in ids if str(i).isdigit()]))


def group_report(initiative, pk: int) -> Report | None:
    """A report of this initiative only."""
    return Report.objects.filter(pk=pk, initiative=initiative).first()


def report_of_group(group_pk: int, pk: int) -> Report | None:
    """A report of the working group's initiative only."""
    return Report.objects.filter(pk=pk, initiative__group__pk=group_pk).first()
