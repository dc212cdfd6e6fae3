"""The public search: a query analysed as related work analyses it (its stems in Swedish and
English, the glossary's equivalents), scored with BM25 over the search's own index by one
grouped SQL query that reads, per term, only the texts where it weighs most, so the cost follows
the query and not the size of the site. Results are grouped by kind, titles matching first,
with the query's words marked in each title and excerpt."""

import math
import re
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from meetmalmo.core.bilingual import page_language
from meetmalmo.inventory import text
from meetmalmo.inventory.related import query_terms
from meetmalmo.search import pages
from meetmalmo.search.models import Document, Kind, Term

MAX_QUERY = 200  # characters read of a query; a longer one says no more
MAX_TERMS = 24  # the query's most telling terms (a long query adds little beyond them)
# Per term and kind, the texts where it weighs most that are read: a common word is not read
# in every text that has it, so the cost stays the same however large the site grows, and a
# kind with few texts (the projects beside years of news) keeps its best matches.
POSTINGS = 150
CANDIDATES = 1_000  # the best-scored texts that are grouped, filtered and paged
PER_KIND = 5  # results of each kind shown before "all results of this kind"
PAGE_SIZE = 20
EXCERPT = 240
SHORT, EMPTY = "short", "empty"
URL_NAMES = {
    Kind.PROJECT: "publishing:project",
    Kind.RESULT: "publishing:project",
    Kind.ARTICLE: "publishing:article",
    Kind.MEETING: "events:detail",
}
ANCHORS = {Kind.RESULT: "#report-title"}
ORDER = (Kind.PROJECT, Kind.RESULT, Kind.ARTICLE, Kind.MEETING, Kind.PAGE)
SEARCHED = [Kind.PROJECT, Kind.RESULT, Kind.ARTICLE, Kind.MEETING]  # the kinds in the index
TOKEN = re.compile(r"[^\W\d_]+")


@dataclass
class Hit:
    kind: str
    url: str
    title: SafeString
    excerpt: SafeString
    lang: str  # the language it is shown in
    only_in: str  # the one language it exists in, when it is not the page's; else ""
    score: float = 0.0


@dataclass
class Group:
    kind: str
    label: str
    count: int
    hits: list[Hit]


@dataclass
class Results:
    query: str
    problem: str = ""  # EMPTY or SHORT when there is nothing to search for
    counts: dict[str, int] = field(default_factory=dict)
    groups: list[Group] = field(default_factory=list)
    page: Page | None = None  # one kind's results, paged

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def cleaned(query: str) -> str:
    # Control characters and runs of space say nothing; NUL would upset PostgreSQL.
    return " ".join("".join(c if c.isprintable() else " " for c in query[:MAX_QUERY]).split())


def search(query: str, *, kind: str = "", focus_area: str = "", page=1, now=None) -> Results:
    query = cleaned(query)
    if not query:
        return Results(query, problem=EMPTY)
    if not text.WORD.search(query):
        return Results(query, problem=SHORT)
    now = now or timezone.now()
    weights = _weights(query)
    scored = _scored(weights, focus_area, now, [kind] if kind in SEARCHED else SEARCHED)
    scored += _pages(weights, focus_area)
    counts = {k: n for k in ORDER if (n := sum(1 for row in scored if row[0] == k))}
    results = Results(query, counts=counts)
    marks = set(weights)
    if kind:
        chosen = [row for row in scored if row[0] == kind]
        results.page = Paginator(chosen, PAGE_SIZE).get_page(page)
        results.page.object_list = _hits(list(results.page.object_list), marks)
        return results
    shown = [row for k in ORDER for row in [r for r in scored if r[0] == k][:PER_KIND]]
    hits = _hits(shown, marks)
    for k in ORDER:
        if counts.get(k):
            results.groups.append(
                Group(k, Kind(k).label, counts[k], [hit for hit in hits if hit.kind == k])
            )
    return results


def _weights(query: str) -> dict[str, float]:
    """The query's terms; each word's other forms (a Swedish definite form, an accent left
    out) count as well, a little less."""
    weights = query_terms(query)
    for word in text.WORD.findall(query.lower())[:20]:
        for stem in text.search_stems(word[: text.MAX_WORD]):
            weights.setdefault(stem[:64], 0.5)
    return weights


def _scored(weights: dict[str, float], focus_area: str, now, kinds: list[str]) -> list[tuple]:
    """(kind, document id, score) of the best texts, titles matching first."""
    if not weights:
        return []
    documents = max(Document.objects.count(), 1)
    # Counted over every indexed text, scheduled ones too: a term's rarity barely changes, and
    # the count is then read from the index alone.
    frequency = dict(
        Term.objects.filter(term__in=list(weights))
        .values("term")
        .annotate(n=Count("term"))
        .values_list("term", "n")
    )
    idf = {
        term: weight * math.log(1 + (documents - n + 0.5) / (n + 0.5))
        for term, weight in weights.items()
        if (n := frequency.get(term))
    }
    best = sorted(idf.items(), key=lambda item: (-item[1], item[0]))[:MAX_TERMS]
    if not best:
        return []
    terms, docs = Term._meta.db_table, Document._meta.db_table
    parts, params = [], []
    for term, factor in best:
        for kind in kinds:
            parts.append(
                "SELECT * FROM (SELECT document_id, weight * %s AS score, "  # noqa: S608
                f"CASE WHEN in_title THEN %s ELSE 0 END AS titled FROM {terms} "
                "WHERE term = %s AND kind = %s AND visible_from <= %s "
                "ORDER BY weight DESC, document_id LIMIT %s) AS t" + str(len(parts))
            )
            params += [factor, factor, term, kind, now, POSTINGS]
    where = ""
    if focus_area:
        where = "WHERE (' ' || d.focus_areas || ' ') LIKE %s "
        params.append(f"% {focus_area} %")
    sql = (
        "SELECT d.kind, hits.document_id, SUM(hits.score) AS total, SUM(hits.titled) AS titled "  # noqa: S608
        f"FROM ({' UNION ALL '.join(parts)}) AS hits JOIN {docs} AS d ON d.id = hits.document_id "
        f"{where}GROUP BY d.kind, hits.document_id "
        "ORDER BY titled DESC, total DESC, hits.document_id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, CANDIDATES])
        rows = cursor.fetchall()
    # Rounded before the final sort so that both databases order alike.
    return [
        (kind, pk, round(total, 6))
        for kind, pk, total, _titled in sorted(
            rows, key=lambda r: (-round(r[3], 6), -round(r[2], 6), r[1])
        )
    ]


def _pages(weights: dict[str, float], focus_area: str) -> list[tuple]:
    """The site's own pages that the query matches, in the page's language."""
    if focus_area:
        return []
    language = page_language()
    found = []
    for number, page in enumerate(pages.PAGES):
        _title, _body, stems, titled = pages.analysed(page, language)
        score = sum(stems[t] * w for t, w in weights.items() if t in stems)
        if score:
            bonus = sum(w for t, w in weights.items() if t in titled)
            found.append((Kind.PAGE, number, round(score + bonus, 6)))
    return sorted(found, key=lambda row: -row[2])


def _hits(rows: list[tuple], marks: set[str]) -> list[Hit]:
    ids = [pk for kind, pk, _score in rows if kind != Kind.PAGE]
    documents = Document.objects.in_bulk(ids) if ids else {}
    wanted = page_language()
    hits = []
    for kind, pk, score in rows:
        if kind == Kind.PAGE:
            page = pages.PAGES[pk]
            title, body, _stems, _titled = pages.analysed(page, wanted)
            url, lang, only = reverse(page.url_name), wanted, ""
        else:
            document = documents.get(pk)
            if document is None:
                continue  # gone between the two reads
            lang = wanted if getattr(document, f"title_{wanted}") else document.only_language
            title = getattr(document, f"title_{lang}")
            body = getattr(document, f"text_{lang}")
            only = document.only_language if document.only_language != wanted else ""
            url = reverse(URL_NAMES[kind], args=[document.slug]) + ANCHORS.get(kind, "")
        hits.append(
            Hit(
                kind=kind,
                url=url,
                title=highlight(title, marks, lang),
                excerpt=highlight(excerpt(body, marks, lang), marks, lang),
                lang=lang,
                only_in=only,
                score=score,
            )
        )
    return hits


def _matches(word: str, marks: set[str], language: str) -> bool:
    word = word.lower()
    if len(word) < 2 or len(word) > text.MAX_WORD:
        return False
    found = set(text.terms(word, language)) | text.search_stems(word)
    return not found.isdisjoint(marks)


def excerpt(body: str, marks: set[str], language: str) -> str:
    """About `EXCERPT` characters of the text around its first word that matches, cut at
    words, with an ellipsis where it is cut."""
    if len(body) <= EXCERPT:
        return body
    start = 0
    for token in TOKEN.finditer(body):
        if _matches(token.group(), marks, language):
            start = max(0, token.start() - EXCERPT // 3)
            break
    if start:
        start = body.find(" ", start) + 1 or start
    end = start + EXCERPT
    if end < len(body):
        end = body.rfind(" ", start, end) if " " in body[start:end] else end
    return ("… " if start else "") + body[start:end].strip() + (" …" if end < len(body) else "")


def highlight(value: str, marks: set[str], language: str) -> SafeString:
    """The text escaped, each word the query matches (by stem, part or form) in `<mark>`."""
    out, last = [], 0
    for token in TOKEN.finditer(value):
        if _matches(token.group(), marks, language):
            out.append(escape(value[last : token.start()]))
            out.append(f"<mark>{escape(token.group())}</mark>")
            last = token.end()
    out.append(escape(value[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of the text is escaped
