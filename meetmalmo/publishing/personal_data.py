"""What the publishing app keeps about a person (see accounts.personal_data): the reports they
wrote, and the comments sent from an address they have verified (anyone may type any address
into a comment form, so only a verified one links a comment to them)."""

from django.db import transaction
from django.db.models import Q

from meetmalmo.accounts.personal_data import Holding, Person, when
from meetmalmo.core import public_cache
from meetmalmo.publishing.models import Comment, Report


def comments_of(addresses: list[str]):
    """Comments sent with one of these addresses, compared without case."""
    if not addresses:
        return Comment.objects.none()
    match = Q()
    for address in addresses:
        match |= Q(email__iexact=address)
    return Comment.objects.filter(match)


def _reports(user) -> list[dict]:
    reports = (
        Report.objects.filter(author=user)
        .select_related("initiative")
        .prefetch_related("outcomes")
        .order_by("created_at", "id")
    )
    return [
        {
            "initiative": r.initiative.title,
            "kind": r.kind,
            "state": r.state,
            "summary": r.summary,
            "outcomes": [
                {"label": o.label, "number": o.number, "unit": o.unit} for o in r.outcomes.all()
            ],
            "lessons": r.lessons,
            "links": r.link_list,
            "comment_from_the_office": r.comment,
            "created": when(r.created_at),
            "updated": when(r.updated_at),
            "submitted": when(r.submitted_at),
            "published": when(r.published_at),
        }
        for r in reports
    ]


def _comments(addresses: list[str]) -> list[dict]:
    comments = comments_of(addresses).select_related("article").order_by("created_at", "id")
    return [
        {
            "article": c.article.title_sv or c.article.title_en,
            "name": c.name,
            "email": c.email,
            "text": c.text,
            "state": c.state,
            "sent": when(c.created_at),
            "tell_me_when_the_office_answers": c.wants_answer,
            "answer_from_the_office": c.answer,
            "answered": when(c.answered_at),
        }
        for c in comments
    ]


def _export(person: Person) -> dict:
    return {"reports": _reports(person.user), "comments": _comments(person.addresses)}


def _erase(person: Person) -> None:
    """Comments stay on their articles with name and address blanked; reports stay with their
    initiative, their author shown as a former member."""
    comments_of(person.addresses).update(name="", email="", wants_answer=False)
    transaction.on_commit(public_cache.clear)  # comments on cached article pages


HOLDING = Holding(export=_export, erase=_erase, ties=((Report, "author"),))
