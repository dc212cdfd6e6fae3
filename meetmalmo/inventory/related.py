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
from django.utils.translation import gettext, pgettext

from meetmalmo.core.models import FocusArea
from meetmalmo.inventory import text
from meetmalmo.inventory.language import detect_language
from meetmalmo.inventory.models import Effort, GlossaryEntry, IndexTerm, Kind

K1, B = 1.2, 0.5  # BM25: saturation, length damping
# A typical field's words: a title or a name is short, a description runs on.
AVERAGE_LENGTH = 40
AVERAGE_FIELD_LENGTH = {"title": 6, "owner_org": 4, "summary": 20}
SIGNAL_WEIGHT = 1.0  # a shared focus area or organisation, as much as one shared word
OTHER_LANGUAGE = 0.5  # the query's words read as the other language
GLOSSARY = 0.85  # a glossary equivalent counts a little less than the words the person wrote
# A long text triggers many glossary entries; only those of its strongest words widen it, or
# the equivalents of passing words (a harbour in a jobs text) outweigh the subject.
MAX_EXPANSIONS = 12
LONG_TEXT = 40  # words with a subject: a sentence or two is read whole, glossary and all
COVERED = 0.5  # a term the asker already has
QUERY_K1 = 0.6  # a word repeated in one field of the query soon says no more
MAX_QUERY_TERMS = 40  # the most telling terms of a long text are enough
# Below this share of the best answer's score, a suggestion is weak; above the second, strong.
MEDIUM, STRONG = 0.45, 0.75
# Per query term, the texts where it weighs most that are read. The ranking is exact while no
# term is in more texts than this; beyond, a text is found by its strongest terms.
POSTINGS = 500
TERM_LENGTH = IndexTerm._meta.get_field("term").max_length
# The initiative form's fields and how much each says of the subject: the title and summary
# name it, the description and challenge tell it at length, benefits and partners drift to
# the city at large. Related work and matching read an initiative with these weights.
INITIATIVE_FIELDS = (
    ("title", 3.0),
    ("summary", 2.0),
    ("description", 1.0),
    ("challenge", 1.0),
    ("benefit_city", 0.5),
    ("benefit_business", 0.5),
    ("proposed_partners", 0.5),
)


@dataclass(frozen=True)
class Source:
    """One kind of text the index holds. Its objects have `title`, `language`, `focus_areas`
    and `organisation_id`; `documents` gives those that may be suggested (what is not among
    them leaves the index when it is indexed again)."""

    kind: str
    documents: Callable[[], models.QuerySet]
    fields: tuple[tuple[str, float], ...]  # (field, weight)
    url_name: str  # the staff page of one object, by its id
    # Related work suggests it; a source that is not suggested (the resource pool, read by
    # matching) is searched only when it is asked for by its kind.
    suggested: bool = True


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
    rank: int = 0
    strength: str = ""  # strong, medium or weak: how close it is to the best answer

    def strength_label(self) -> str:
        return {
            "strong": pgettext("related work", "strong"),
            "medium": pgettext("related work", "medium"),
            "weak": pgettext("related work", "weak"),
        }.get(self.strength, "")

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
            "rank": self.rank,
            "strength": self.strength,
            "url": self.url(),
        }


# Indexing -----------------------------------------------------------------------------------


def _weights(fields: Iterable[tuple], language: str) -> tuple[dict, dict]:
    """BM25 per field (BM25F): each field saturates on its own length, so a long description
    cannot outweigh the title, and the fields' weights are summed."""
    weights: Counter = Counter()
    shown: dict[str, str] = {}
    for field_name, value, weight in fields:
        counted = text.terms(value, language)
        length = len(text.words(value))
        average = AVERAGE_FIELD_LENGTH.get(field_name, AVERAGE_LENGTH)
        damping = K1 * (1 - B + B * length / average)
        for term, tf in counted.items():
            weights[term] += weight * tf * (K1 + 1) / (tf + damping)
        for term, word in text.surface_words(value, language).items():
            shown.setdefault(term, word)
    return dict(weights), shown


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
            fields = [(name, getattr(item, name), weight) for name, weight in source.fields]
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


@dataclass
class Analysed:
    """A query as terms: the weight of each, and the person's own word behind it (the word
    as written for their stems, the word that called a glossary entry for its equivalents)."""

    weights: dict[str, float]
    words: dict[str, str]
    language: str
    length: int  # how many words with a subject the person wrote


def _field_terms(value: str, language: str, weight: float) -> dict[str, float]:
    """A field's stems, each saturating quickly (the same word again says little more)."""
    return {
        term: weight * count * (QUERY_K1 + 1) / (count + QUERY_K1)
        for term, count in text.terms(value, language).items()
    }


def analyse(
    query: str = "",
    *,
    fields: Iterable[tuple[str, float]] = (),
    focus_areas: Iterable[str] = (),
    organisation_id: int | None = None,
) -> Analysed:
    """The weighted terms of a query, written as one text or as (text, weight) fields (the
    title above the description): its stems in its own language, half-weight stems in the
    other, the glossary's equivalents of its strongest words (fewer than the words themselves
    and weighing less), and the signals."""
    parts = [(value, float(weight)) for value, weight in fields if value]
    if query:
        parts.append((query, 1.0))
    whole = "\n".join(value for value, _ in parts)
    language = detect_language(whole)
    other = "en" if language == "sv" else "sv"
    top = max((weight for _, weight in parts), default=1.0)
    own: Counter = Counter()
    crossed: Counter = Counter()
    words: dict[str, str] = {}
    by_word: Counter = Counter()  # how much each written word weighs, for the glossary's order
    for value, weight in parts:
        for term, w in _field_terms(value, language, weight / top).items():
            own[term] += w
        for term, w in _field_terms(value, other, weight / top).items():
            crossed[term] += w
        for lang in (language, other):
            for term, word in text.written_words(value, lang).items():
                words.setdefault(term, word)
        for word in text.words(value):
            by_word[word] += weight / top
    weights: dict[str, float] = {term: OTHER_LANGUAGE * w for term, w in crossed.items()}
    weights.update(own)
    # The glossary is triggered by whole words only: a compound's parts are too loose a reason.
    stems: dict[str, dict[str, float]] = {"sv": {}, "en": {}}
    written: dict[str, dict[str, str]] = {"sv": {}, "en": {}}
    for lang in ("sv", "en"):
        for word, weight in by_word.items():
            key = text.stem(word, lang)
            stems[lang][key] = max(stems[lang].get(key, 0.0), weight)
        for value, _ in parts:
            for key, word in text.written_words(value, lang).items():
                written[lang].setdefault(key, word)
    triggered = []
    for triggers, adds in _glossary():
        # An entry weighs as much as the strongest of its phrases the person wrote.
        found = [
            (min(stems[lang][s] for s in phrase), lang, phrase)
            for lang, phrase in triggers
            if phrase <= stems[lang].keys()
        ]
        if found:
            strength, lang, phrase = max(found, key=lambda f: (f[0], f[1], sorted(f[2])))
            said = _said(phrase, written[lang], whole)
            triggered.append((strength, said, adds))
    triggered.sort(key=lambda item: (-item[0], item[1]))
    if len(by_word) > LONG_TEXT:
        triggered = triggered[:MAX_EXPANSIONS]
    for strength, word, adds in triggered:
        for term, weight in adds.items():
            added = GLOSSARY * min(weight, 1.0) * min(strength, 1.0)
            if added > weights.get(term, 0.0):
                weights[term] = added
                words[term] = word
    for code in focus_areas:
        weights[f"fa:{code}"] = SIGNAL_WEIGHT
    if organisation_id:
        weights[f"org:{organisation_id}"] = SIGNAL_WEIGHT
    return Analysed(
        weights={term[:TERM_LENGTH]: weight for term, weight in weights.items()},
        words={term[:TERM_LENGTH]: word for term, word in words.items()},
        language=language,
        length=len(by_word),
    )


def _said(phrase: frozenset, written: dict[str, str], whole: str) -> str:
    """How the person wrote a glossary phrase: its words together when they stand together in
    the text ("summer jobs"), else its first word alone."""
    words = [word for key, word in written.items() if key in phrase]
    together = " ".join(words)
    return together if together.lower() in whole.lower() else words[0]


def query_terms(
    query: str,
    *,
    focus_areas: Iterable[str] = (),
    organisation_id: int | None = None,
    fields: Iterable[tuple[str, float]] = (),
) -> dict[str, float]:
    """The weighted terms of a query (see `analyse`)."""
    return analyse(
        query, fields=fields, focus_areas=focus_areas, organisation_id=organisation_id
    ).weights


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


def _suggested() -> list[str]:
    return [kind for kind, source in SOURCES.items() if source.suggested]


def _document_count(kinds: Iterable[str]) -> int:
    return sum(SOURCES[kind].documents().count() for kind in kinds)


def related(
    query: str,
    *,
    kinds: Iterable[str] | None = None,
    limit: int = 10,
    focus_areas: Iterable[str] = (),
    organisation_id: int | None = None,
    exclude: Iterable[tuple[str, int]] = (),
    fields: Iterable[tuple[str, float]] = (),
    min_words: int = 1,
    covered: Iterable[str] = (),
) -> list[Match]:
    """The efforts and initiatives most related to a text, best first, with the person's words
    that matched. `fields` gives the text as (text, weight) parts instead of, or beside,
    `query`; a text of fewer than `min_words` words with a subject, and no focus area, finds
    nothing rather than noise. `exclude` holds (kind, id) pairs not to suggest, such as the
    case itself. `covered` holds terms the asker already has (a group's competences): they
    count half, so that what is still lacking weighs most."""
    focus_areas = list(focus_areas)
    analysed = analyse(
        query, fields=fields, focus_areas=focus_areas, organisation_id=organisation_id
    )
    weights = analysed.weights
    for term in set(covered) & set(weights):
        weights[term] *= COVERED
    kinds = [kind for kind in (_suggested() if kinds is None else kinds) if kind in SOURCES]
    if not weights or not kinds or limit < 1:
        return []
    if analysed.length < min_words and not focus_areas:
        return []
    # How distinctive a term is, among the texts of its register: related work's efforts and
    # initiatives together, or the kind asked for when it is not suggested.
    register = _suggested() if set(kinds) <= set(_suggested()) else kinds
    documents = max(_document_count(register), 1)
    frequency = dict(
        IndexTerm.objects.filter(term__in=list(weights), kind__in=register)
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
    return _matches(top, dict(best), analysed.words)


def _score(best, kinds, exclude, limit) -> list[tuple[str, int, float]]:
    """Sum each text's weights over the query's terms, reading for each term only the
    `POSTINGS` texts where it weighs most (an index range, however common the term is).
    Raw SQL because SQLite takes a LIMIT inside UNION ALL only in a subquery. Only the table
    name and placeholders are put into the text; every value is a parameter."""
    table = IndexTerm._meta.db_table
    # The kind is a condition on the rows of the index range of each term.
    only = sorted(set(kinds))
    where = f" AND kind IN ({', '.join(['%s'] * len(only))})"
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


def _matches(top, factors: dict[str, float], said: dict[str, str]) -> list[Match]:
    if not top:
        return []
    ids = {kind: [pk for _, k, pk in top if k == kind] for kind in SOURCES}
    objects = {
        kind: SOURCES[kind].documents().in_bulk(pks) if pks else {} for kind, pks in ids.items()
    }
    shared: dict[tuple[str, int], list[tuple[float, str]]] = {}
    documents = Q()
    for kind, pks in ids.items():
        if pks:
            documents |= Q(kind=kind, object_id__in=pks)
    areas = {f"fa:{area.code}": area.name for area in FocusArea.objects.all()}
    for kind, pk, term, weight in IndexTerm.objects.filter(
        documents, term__in=list(factors)
    ).values_list("kind", "object_id", "term", "weight"):
        shown = _label(term, areas, said)
        if shown:
            shared.setdefault((kind, pk), []).append((weight * factors[term], shown))
    best = top[0][0] if top else 0.0
    found = []
    for score, kind, pk in top:
        if pk not in objects[kind]:
            continue
        words: list[str] = []
        said_already: set[str] = set()
        # The words that weigh most in the match come first, each once: a glossary phrase
        # ("hotell restauranger") hides the single words it already shows.
        for _, shown in sorted(shared.get((kind, pk), []), key=lambda row: (-row[0], row[1])):
            tokens = set(shown.lower().split())
            if not tokens <= said_already:
                words.append(shown)
                said_already |= tokens
        share = score / best if best else 0.0
        strength = "strong" if share >= STRONG else "medium" if share >= MEDIUM else "weak"
        found.append(
            Match(
                kind=kind,
                object=objects[kind][pk],
                score=round(score, 2),
                matched=words,
                rank=len(found) + 1,
                strength=strength,
            )
        )
    return found


def _label(term: str, areas: dict[str, str], said: dict[str, str]) -> str:
    """How a matched term reads: as the person wrote the word, a focus area by its name."""
    if term.startswith("fa:"):
        return areas.get(term, "")
    if term.startswith("org:"):
        return gettext("same organisation")
    return said.get(term, "")
