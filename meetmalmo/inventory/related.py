"""Related work: the existing efforts and earlier initiatives that share most with a text.

Each effort and initiative is analysed once, when it changes, into weighted stems in the
`IndexTerm` table (BM25 weights: a word repeated counts less each time, long texts are damped).
A query is analysed the same way in both languages, widened with the glossary, and scored by one
grouped SQL query over the rows of its terms only, so the cost follows the query, not the size of
the register. Focus areas (`fa:<code>`) and the organisation (`org:<id>`) are terms beside the
words. The ranking is computed the same way on SQLite and PostgreSQL.
"""

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import connection, models
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils.translation import gettext

from meetmalmo.core.models import FocusArea
from meetmalmo.inventory import text
from meetmalmo.inventory.language import detect_language
from meetmalmo.inventory.models import Effort, GlossaryEntry, IndexTerm, Kind

K1, B, AVERAGE_LENGTH = 1.2, 0.5, 40  # BM25: saturation, length damping, a typical text's words
SIGNAL_WEIGHT = 1.0  # a shared focus area or organisation, as much as one shared word
OTHER_LANGUAGE = 0.5  # the query's words read as the other language
GLOSSARY = 0.7  # a glossary equivalent counts a little less than the word itself
MAX_QUERY_TERMS = 40  # the most telling terms of a long text are enough
# Per query term, the texts where it weighs most that are read. The ranking is exact while no
# term is in more texts than this; beyond, a text is found by its strongest terms.
POSTINGS = 500
TERM_LENGTH = IndexTerm._meta.get_field("term").max_length


@dataclass(frozen=True)
class Source:
    """One kind of text the index holds. Its objects have `title`, `language`, `focus_areas`
    and `organisation_id`; `documents` gives those that may be suggested (what is not among
    them leaves the index when it is indexed again)."""

    kind: str
    documents: Callable[[], models.QuerySet]
    fields: tuple[tuple[str, int], ...]  # (field, weight)
    url_name: str  # the staff page of one object, by its id


# Filled by the apps whose texts are related work: the register's efforts here, earlier
# initiatives by the initiatives app when it is ready, so that this module needs no app above.
SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    SOURCES[source.kind] = source


register(
    Source(
        kind=Kind.EFFORT,
        documents=lambda: Effort.objects.current(),
        fields=(("title", 3), ("description", 1), ("owner_org", 1)),
        url_name="inventory:edit",
    )
)


@dataclass
class Match:
    kind: str
    object: models.Model
    score: float
    matched: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.object.title

    @property
    def key(self) -> tuple[str, int]:
        return self.kind, self.object.pk

    def url(self) -> str:
        return reverse(SOURCES[self.kind].url_name, args=[self.object.pk])

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.object.pk,
            "title": self.title,
            "score": self.score,
            "matched": self.matched,
            "url": self.url(),
        }


# Indexing -----------------------------------------------------------------------------------


def _weights(fields: Iterable[tuple[str, int]], language: str) -> tuple[dict, dict]:
    counted: Counter = Counter()
    shown: dict[str, str] = {}
    length = 0
    for value, weight in fields:
        for term, count in text.terms(value, language).items():
            counted[term] += count * weight
        for term, word in text.surface_words(value, language).items():
            shown.setdefault(term, word)
        length += len(text.words(value))
    damping = K1 * (1 - B + B * length / AVERAGE_LENGTH)
    return {term: tf * (K1 + 1) / (tf + damping) for term, tf in counted.items()}, shown


def _rows(kind, pk, fields, language, focus_codes, organisation_id) -> list[IndexTerm]:
    weights, shown = _weights(fields, language)
    for code in focus_codes:
        weights[f"fa:{code}"] = SIGNAL_WEIGHT
        shown[f"fa:{code}"] = f"fa:{code}"
    if organisation_id:
        weights[f"org:{organisation_id}"] = SIGNAL_WEIGHT
        shown[f"org:{organisation_id}"] = f"org:{organisation_id}"
    return [
        IndexTerm(
            kind=kind,
            object_id=pk,
            term=term[:TERM_LENGTH],
            word=shown.get(term, term)[:TERM_LENGTH],
            weight=weight,
        )
        for term, weight in weights.items()
    ]


def _chunks(ids, size=500):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def index(kind: str, ids: Iterable[int]) -> None:
    """Bring the index up to date for these objects of one kind."""
    source = SOURCES[kind]
    for chunk in _chunks(ids):
        IndexTerm.objects.filter(kind=kind, object_id__in=chunk).delete()
        rows = []
        for item in source.documents().filter(pk__in=chunk).prefetch_related("focus_areas"):
            fields = [(getattr(item, name), weight) for name, weight in source.fields]
            codes = [area.code for area in item.focus_areas.all()]
            rows += _rows(kind, item.pk, fields, item.language, codes, item.organisation_id)
        IndexTerm.objects.bulk_create(rows, batch_size=2000)


def index_efforts(ids: Iterable[int]) -> None:
    """Bring the index up to date for these efforts (archived ones leave it)."""
    index(Kind.EFFORT, ids)


def rebuild() -> int:
    """Index everything afresh; returns how many texts are indexed."""
    IndexTerm.objects.all().delete()
    for kind, source in SOURCES.items():
        index(kind, source.documents().values_list("pk", flat=True))
    with connection.cursor() as cursor:  # fresh statistics, or PostgreSQL plans a full scan
        cursor.execute(f"ANALYZE {IndexTerm._meta.db_table}")
    return IndexTerm.objects.values("kind", "object_id").distinct().count()


# Querying -----------------------------------------------------------------------------------

_glossary_cache: dict = {}


def _glossary() -> list[tuple[list[frozenset], dict]]:
    """Each entry as (its phrases' stem sets in sv and en, the terms it adds to a query);
    analysed once per change of the glossary."""
    version = GlossaryEntry.objects.aggregate(n=Count("id"), at=Max("updated_at"))
    key = (version["n"], version["at"])
    if _glossary_cache.get("key") != key:
        analysed = []
        for entry in GlossaryEntry.objects.all():
            triggers, adds = [], Counter()
            for language in ("sv", "en"):
                for phrase in entry.phrases(language):
                    stems = frozenset(text.stem(w, language) for w in text.words(phrase))
                    if stems:
                        triggers.append((language, stems))
                    for term, weight in text.terms(phrase, language).items():
                        adds[term] = max(adds[term], min(weight, 1.0))
            analysed.append((triggers, dict(adds)))
        _glossary_cache.update(key=key, entries=analysed)
    return _glossary_cache["entries"]


def query_terms(
    query: str, *, focus_areas: Iterable[str] = (), organisation_id: int | None = None
) -> dict[str, float]:
    """The weighted terms of a query: its stems in its own language, half-weight stems in the
    other, the glossary's equivalents of what it mentions, and the signals."""
    language = detect_language(query)
    other = "en" if language == "sv" else "sv"
    weights: dict[str, float] = {}
    for term, count in text.terms(query, other).items():
        weights[term] = OTHER_LANGUAGE * min(count, 1.0)
    for term, count in text.terms(query, language).items():
        weights[term] = min(count, 1.0)
    # The glossary is triggered by whole words only: a compound's parts are too loose a reason.
    stems = {lang: {text.stem(w, lang) for w in text.words(query)} for lang in ("sv", "en")}
    for triggers, adds in _glossary():
        if any(phrase <= stems[lang] for lang, phrase in triggers):
            for term, weight in adds.items():
                weights[term] = max(weights.get(term, 0.0), GLOSSARY * weight)
    for code in focus_areas:
        weights[f"fa:{code}"] = SIGNAL_WEIGHT
    if organisation_id:
        weights[f"org:{organisation_id}"] = SIGNAL_WEIGHT
    return {term[:TERM_LENGTH]: weight for term, weight in weights.items()}


def text_filter(query: str, kind: str, fields: Iterable[str]) -> Q:
    """A filter for a list search: every word of the query must match, by its stem in either
    language (`hamnen` finds `hamnens`, `bageriet` finds `bageri`) or as written inside one of
    `fields` (part of a name)."""
    condition = Q()
    for word in text.WORD.findall(query[:1_000].lower())[:10] or [query.strip()]:
        if not word:
            continue
        stems = text.search_stems(word[: text.MAX_WORD])
        matches = IndexTerm.objects.filter(kind=kind, term__in=stems).values("object_id")
        either = Q(pk__in=matches)
        for name in fields:
            either |= Q(**{f"{name}__icontains": word})
        condition &= either
    return condition


def _document_count() -> int:
    return sum(source.documents().count() for source in SOURCES.values())


def related(
    query: str,
    *,
    kinds: Iterable[str] | None = None,
    limit: int = 10,
    focus_areas: Iterable[str] = (),
    organisation_id: int | None = None,
    exclude: Iterable[tuple[str, int]] = (),
) -> list[Match]:
    """The efforts and initiatives most related to a text, best first, with the words that
    matched. `exclude` holds (kind, id) pairs not to suggest, such as the case itself."""
    weights = query_terms(query, focus_areas=focus_areas, organisation_id=organisation_id)
    kinds = list(SOURCES if kinds is None else kinds)
    if not weights or not kinds or limit < 1:
        return []
    documents = max(_document_count(), 1)
    frequency = dict(
        IndexTerm.objects.filter(term__in=list(weights))
        .values("term")
        .annotate(n=Count("id"))
        .values_list("term", "n")
    )
    idf = {
        term: weight * math.log(1 + (documents - n + 0.5) / (n + 0.5))
        for term, weight in weights.items()
        if (n := frequency.get(term))
    }
    best = sorted(idf.items(), key=lambda item: (-item[1], item[0]))[:MAX_QUERY_TERMS]
    if not best:
        return []
    scored = _score(best, kinds, list(exclude), limit * 2)
    # Rounding before the final sort makes the order the same on both databases, whose float
    # sums may differ in the last digits.
    top = sorted(
        ((round(score, 6), kind, pk) for kind, pk, score in scored),
        key=lambda row: (-row[0], row[1], row[2]),
    )[:limit]
    return _matches(top, [term for term, _ in best])


def _score(best, kinds, exclude, limit) -> list[tuple[str, int, float]]:
    """Sum each text's weights over the query's terms, reading for each term only the
    `POSTINGS` texts where it weighs most (an index range, however common the term is).
    Raw SQL because SQLite takes a LIMIT inside UNION ALL only in a subquery. Only the table
    name and placeholders are put into the text; every value is a parameter."""
    table = IndexTerm._meta.db_table
    # Both kinds are the usual case; leaving the filter out keeps the plan a plain index range.
    only = [] if set(kinds) >= set(SOURCES) else [kinds[0]]
    where = " AND kind = %s" if only else ""
    where += "".join(" AND NOT (kind = %s AND object_id = %s)" for _ in exclude)
    exclusions = [value for pair in exclude for value in pair]
    parts, params = [], []
    for term, factor in best:
        parts.append(
            f"SELECT * FROM (SELECT kind, object_id, weight * %s AS score FROM {table} "  # noqa: S608
            f"WHERE term = %s{where} "
            "ORDER BY weight DESC, kind, object_id LIMIT %s) AS t" + str(len(parts))
        )
        params += [factor, term, *only, *exclusions, POSTINGS]
    sql = (
        f"SELECT kind, object_id, SUM(score) AS total FROM ({' UNION ALL '.join(parts)}) AS hits "  # noqa: S608
        "GROUP BY kind, object_id ORDER BY total DESC, kind, object_id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return cursor.fetchall()


def _matches(top, terms) -> list[Match]:
    if not top:
        return []
    ids = {kind: [pk for _, k, pk in top if k == kind] for kind in SOURCES}
    objects = {kind: SOURCES[kind].documents().in_bulk(pks) for kind, pks in ids.items()}
    words: dict[tuple[str, int], list[str]] = {}
    documents = Q()
    for kind, pks in ids.items():
        if pks:
            documents |= Q(kind=kind, object_id__in=pks)
    areas = {f"fa:{area.code}": area.name for area in FocusArea.objects.all()}
    for kind, pk, word in (
        IndexTerm.objects.filter(documents, term__in=terms)
        .order_by("-weight", "term")
        .values_list("kind", "object_id", "word")
    ):
        shown = _label(word, areas)
        if shown and shown not in words.setdefault((kind, pk), []):
            words[(kind, pk)].append(shown)
    return [
        Match(
            kind=kind,
            object=objects[kind][pk],
            score=round(score, 2),
            matched=words.get((kind, pk), []),
        )
        for score, kind, pk in top
        if pk in objects[kind]
    ]


def _label(word: str, areas: dict[str, str]) -> str:
    """How a matched term reads: a word as written, a focus area by its name."""
    if word.startswith("fa:"):
        return areas.get(word, "")
    if word.startswith("org:"):
        return gettext("same organisation")
    return word
