"""What the public search holds and how it is kept current: each kind of published item is
described once (`SOURCES`: its titles, its texts with their weights, its focus areas and from
when it is public), analysed into weighted stems in both languages with related work's analysis
(`inventory.text`: Snowball stems, Swedish compounds, stop words), and indexed again whenever it
changes, once the change is committed."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db import connection, models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.html import strip_tags

from meetmalmo.core.markdown import render
from meetmalmo.events.models import Event
from meetmalmo.inventory import text
from meetmalmo.inventory.related import AVERAGE_LENGTH, K1, B
from meetmalmo.publishing.models import NewsArticle, Outcome, Project, Report
from meetmalmo.search.models import Document, Kind, Term

EXCERPT_CHARS = 1_000  # what a result's excerpt is chosen from
TITLE_WEIGHT, LEAD_WEIGHT = 3, 2


@dataclass
class Entry:
    """One item as the search reads it."""

    slug: str
    titles: dict[str, str]  # by language; only the languages it is written in
    texts: dict[str, list[tuple[str, int]]]  # by language: (text, weight), the title included
    focus_areas: list[str]
    visible_from: datetime | None
    updated_at: datetime
    excerpts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Source:
    kind: str
    items: Callable[[], models.QuerySet]  # every item that may be public, now or later
    describe: Callable[[models.Model], Entry]


def plain(markdown: str) -> str:
    return " ".join(strip_tags(render(markdown)).split())


def _bilingual(item, fields: Iterable[tuple[str, int]], excerpt: tuple[str, ...]) -> tuple:
    titles, texts, excerpts = {}, {}, {}
    for language in ("sv", "en"):
        title = getattr(item, f"title_{language}")
        if not title:
            continue
        titles[language] = title
        texts[language] = [(getattr(item, f"{name}_{language}"), w) for name, w in fields]
        excerpts[language] = plain(
            " ".join(getattr(item, f"{name}_{language}") for name in excerpt)
        )[:EXCERPT_CHARS]
    return titles, texts, excerpts


PAGE_FIELDS = (("title", TITLE_WEIGHT), ("lead", LEAD_WEIGHT), ("body", 1))


def _project(project: Project) -> Entry:
    titles, texts, excerpts = _bilingual(project, PAGE_FIELDS, ("lead", "body"))
    return Entry(
        slug=project.slug,
        titles=titles,
        texts=texts,
        excerpts=excerpts,
        focus_areas=[area.code for area in project.initiative.focus_areas.all()],
        visible_from=project.published_at,
        updated_at=project.updated_at,
    )


def _article(article: NewsArticle) -> Entry:
    titles, texts, excerpts = _bilingual(article, PAGE_FIELDS, ("lead", "body"))
    project = article.project
    return Entry(
        slug=article.slug,
        titles=titles,
        texts=texts,
        excerpts=excerpts,
        focus_areas=[a.code for a in project.initiative.focus_areas.all()] if project else [],
        visible_from=article.publish_at,
        updated_at=article.updated_at,
    )


def _meeting(event: Event) -> Entry:
    fields = (("title", TITLE_WEIGHT), ("lead", LEAD_WEIGHT), ("description", 1))
    titles, texts, excerpts = _bilingual(event, fields, ("lead", "description"))
    public = event.state != Event.State.DRAFT
    return Entry(
        slug=event.slug,
        titles=titles,
        texts=texts,
        excerpts=excerpts,
        focus_areas=[area.code for area in event.focus_areas.all()],
        # A meeting is public from its publication; the model keeps no time for it.
        visible_from=event.created_at if public else None,
        updated_at=event.updated_at,
    )


def result_project(report: Report) -> Project | None:
    return getattr(report.initiative, "project", None)


def _result(report: Report) -> Entry:
    """A report's summary, outcomes and lessons, in the language its group wrote it, under its
    project's title; public once both the report and the project page are."""
    project = result_project(report)
    language = report.initiative.language if report.initiative.language in ("sv", "en") else "sv"
    shown = project.text("title") if project else None
    title = (
        getattr(project, f"title_{language}") or (shown.value if shown else "")
        if project
        else report.initiative.title
    )
    outcomes = " ".join(f"{o.label} {o.unit}" for o in report.outcomes.all())
    published = report.state == Report.State.PUBLISHED and project and project.published_at
    return Entry(
        slug=project.slug if project else "",
        titles={language: title},
        texts={
            language: [
                (title, TITLE_WEIGHT),
                (report.summary, 1),
                (outcomes, LEAD_WEIGHT),
                (report.lessons, 1),
            ]
        },
        excerpts={language: plain(f"{report.lessons}\n\n{report.summary}")[:EXCERPT_CHARS]},
        focus_areas=[area.code for area in report.initiative.focus_areas.all()],
        visible_from=max(report.published_at, project.published_at) if published else None,
        updated_at=max(report.updated_at, project.updated_at) if project else report.updated_at,
    )


SOURCES: dict[str, Source] = {
    Kind.PROJECT: Source(
        Kind.PROJECT,
        lambda: Project.objects.prefetch_related("initiative__focus_areas"),
        _project,
    ),
    Kind.ARTICLE: Source(
        Kind.ARTICLE,
        lambda: NewsArticle.objects.select_related("project").prefetch_related(
            "project__initiative__focus_areas"
        ),
        _article,
    ),
    Kind.MEETING: Source(
        Kind.MEETING, lambda: Event.objects.prefetch_related("focus_areas"), _meeting
    ),
    Kind.RESULT: Source(
        Kind.RESULT,
        lambda: Report.objects.select_related("initiative__project").prefetch_related(
            "outcomes", "initiative__focus_areas"
        ),
        _result,
    ),
}


def weights(texts: dict[str, list[tuple[str, int]]]) -> tuple[dict[str, float], set[str]]:
    """BM25 weights of a document's stems over its languages (the stronger where a stem is in
    both), and the stems of its titles."""
    best: dict[str, float] = {}
    titled: set[str] = set()
    for language, fields in texts.items():
        counted: Counter = Counter()
        length = 0
        for value, weight in fields:
            for term, count in text.terms(value, language).items():
                counted[term] += count * weight
            length += len(text.words(value))
        titled |= set(text.terms(fields[0][0], language)) if fields else set()
        damping = K1 * (1 - B + B * length / AVERAGE_LENGTH)
        for term, tf in counted.items():
            best[term] = max(best.get(term, 0.0), tf * (K1 + 1) / (tf + damping))
    return best, titled


def _chunks(ids, size=500):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


TERM_LENGTH = Term._meta.get_field("term").max_length


def index(kind: str, ids: Iterable[int]) -> None:
    """Bring the search up to date for these items of one kind (a deleted one leaves it)."""
    source = SOURCES[kind]
    for chunk in _chunks(ids):
        Document.objects.filter(kind=kind, object_id__in=chunk).delete()
        documents, terms = [], []
        for item in source.items().filter(pk__in=chunk):
            entry = source.describe(item)
            if entry.visible_from is None or not entry.titles:
                continue  # never public as it stands: nothing to find
            document = Document(
                kind=kind,
                object_id=item.pk,
                slug=entry.slug,
                title_sv=entry.titles.get("sv", "")[:200],
                title_en=entry.titles.get("en", "")[:200],
                text_sv=entry.excerpts.get("sv", ""),
                text_en=entry.excerpts.get("en", ""),
                languages=" ".join(code for code in ("sv", "en") if code in entry.titles),
                focus_areas=" ".join(entry.focus_areas)[:500],
                visible_from=entry.visible_from,
                updated_at=entry.updated_at,
            )
            documents.append(document)
            found, titled = weights(entry.texts)
            terms.append((document, found, titled))
        Document.objects.bulk_create(documents, batch_size=500)
        rows = [
            Term(
                document=document,
                term=term[:TERM_LENGTH],
                weight=weight,
                in_title=term in titled,
                kind=kind,
                visible_from=document.visible_from,
            )
            for document, found, titled in terms
            for term, weight in found.items()
        ]
        Term.objects.bulk_create(rows, batch_size=2000)


def rebuild() -> int:
    """Index everything afresh; returns how many items the search holds."""
    Document.objects.all().delete()
    for kind, source in SOURCES.items():
        index(kind, source.items().values_list("pk", flat=True))
    with connection.cursor() as cursor:  # fresh statistics, or PostgreSQL plans a full scan
        cursor.execute(f"ANALYZE {Term._meta.db_table}")
    return Document.objects.count()


# Keeping the index current -------------------------------------------------------------------


def _later(kind: str, ids: list[int]) -> None:
    # Once committed, and once per item however often it is saved in the transaction.
    transaction.on_commit(lambda: index(kind, ids))


def _on_project(instance: Project, **kwargs):
    _later(Kind.PROJECT, [instance.pk])
    # Its report's results are public with the page, and carry its title.
    _later(
        Kind.RESULT,
        list(
            Report.objects.filter(initiative_id=instance.initiative_id).values_list("pk", flat=True)
        ),
    )


def _on_article(instance: NewsArticle, **kwargs):
    _later(Kind.ARTICLE, [instance.pk])


def _on_event(instance: Event, **kwargs):
    _later(Kind.MEETING, [instance.pk])


def _on_report(instance: Report, **kwargs):
    _later(Kind.RESULT, [instance.pk])


def _on_outcome(instance: Outcome, **kwargs):
    _later(Kind.RESULT, [instance.report_id])


def subscribe() -> None:
    for model, handler in (
        (Project, _on_project),
        (NewsArticle, _on_article),
        (Event, _on_event),
        (Report, _on_report),
        (Outcome, _on_outcome),
    ):
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(handler, sender=model, dispatch_uid=f"search.{model.__name__}.{name}")
