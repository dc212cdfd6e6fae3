"""Reads on the resource pool: the staff directory and the match list for a working group."""

from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from django.db.models import (
    Avg,
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Least
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meetmalmo.inventory import related, text
from meetmalmo.resources.indexing import KIND
from meetmalmo.resources.models import Competence, Industry, ResourceProfile

# How much each signal weighs in the match list. SUBJECT is the most a profile earns for what
# it knows of the initiative's subject (the best of the pool earns all of it).
FOCUS_AREA, SUBJECT, INDUSTRY, LANGUAGE, NEW_SPHERE = 3.0, 6.0, 1.0, 1.0, 1.0
HOURS_PER_POINT, MOST_HOUR_POINTS, PER_GROUP = 10, 2.0, 1.0
MORE_TIME = 1.25  # hours are a reason from a quarter above the pool's average
# The profiles whose words are read against the subject: the pool's best by the index.
CANDIDATES = 200
SHARED_LABEL_WORD = 3  # a word in this many industries' names tells none of them apart
MIN_TERM = 0.3  # a word the initiative only mentions in passing says nothing of its subject
# The database ranks in tenths of a point, so that its sums are exact integers.
TENTHS = 10

FocusAreas = ResourceProfile.focus_areas.through
Competences = ResourceProfile.competences.through
Languages = ResourceProfile.languages.through
# The working groups' memberships, reached through the person (groups stand above the pool).
Membership = ResourceProfile.user.field.related_model._meta.get_field("memberships").related_model


def _counted(rows) -> Coalesce:
    """How many of `rows` (filtered on the profile by OuterRef) there are, as a subquery: worked
    out only for the rows a page reads, where a join and GROUP BY would count every profile."""
    return Coalesce(
        Subquery(rows.order_by().values("resourceprofile").annotate(n=Count("pk")).values("n")[:1]),
        Value(0),
        output_field=IntegerField(),
    )


def _group_count() -> Coalesce:
    groups = Membership.objects.filter(user=OuterRef("user_id")).order_by()
    return Coalesce(
        Subquery(groups.values("user").annotate(n=Count("group", distinct=True)).values("n")[:1]),
        Value(0),
        output_field=IntegerField(),
    )


def _profiles():
    return (
        ResourceProfile.objects.select_related("user__organisation")
        .prefetch_related("competences", "focus_areas", "languages")
        .annotate(group_count=_group_count())
    )


def _filtered(
    found,
    *,
    focus_area=None,
    competence: str = "",
    industry: str = "",
    language=None,
    min_hours: int | None = None,
    sphere: str = "",
):
    """Each filter is a condition on the profile itself (no join that repeats rows)."""
    if focus_area:
        found = found.filter(
            Exists(FocusAreas.objects.filter(resourceprofile=OuterRef("pk"), focusarea=focus_area))
        )
    if competence:
        found = found.filter(
            Exists(
                Competences.objects.filter(
                    resourceprofile=OuterRef("pk"), competence__name__icontains=competence.strip()
                )
            )
        )
    if industry:
        found = found.filter(industry=industry)
    if language:
        found = found.filter(
            Exists(
                Languages.objects.filter(resourceprofile=OuterRef("pk"), spokenlanguage=language)
            )
        )
    if min_hours:
        found = found.filter(hours_per_month__gte=min_hours)
    if sphere:
        found = found.filter(user__organisation__sphere=sphere)
    return found


def directory(**criteria):
    """The pool for staff, everyone who has joined (paused profiles too), with their load,
    filtered (`_filtered`), so a page of the directory is read in the order of the people's
    names and counted without grouping."""
    return _filtered(_profiles(), **criteria).order_by("user__name", "pk")


def profile(pk: int) -> ResourceProfile | None:
    """One resource's profile for staff, with their load and their groups."""
    return _profiles().filter(pk=pk).first()


@dataclass
class Match:
    profile: ResourceProfile
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Wanted:
    """What a group looks for in a resource, worked out once for the whole pool. A signal that
    holds for every available resource tells none apart: it is left out (None or empty)."""

    language: str | None
    focus_areas: dict
    industries: frozenset[str]
    spheres: frozenset[str] | None  # the group's spheres, when a new one is not everyone's
    subject: dict[int, int]  # profile → tenths for what they know of the initiative's subject
    said: dict[int, list[str]]  # profile → the initiative's words their profile shares
    terms: dict[str, float]  # the initiative's subject, weighted by field
    average_hours: float


def _label_stems(label) -> set[str]:
    """An industry's name in both languages, as stems: the choices are translated."""
    stems = set()
    for language in ("sv", "en"):
        with translation.override(language):
            name = str(label)[2:]
        stems |= {t for lang in ("sv", "en") for t in text.terms(name, lang)}
    return stems


@cache
def _industry_stems() -> dict[str, frozenset[str]]:
    """Each industry's telling stems: a word in the names of several industries ("service",
    "activities", "verksamhet") names none of them."""
    stems = {code: _label_stems(label) for code, label in Industry.choices}
    counted = Counter(stem for found in stems.values() for stem in found)
    return {
        code: frozenset(stem for stem in found if counted[stem] < SHARED_LABEL_WORD)
        for code, found in stems.items()
    }


def _pool_facts(available, *, language, areas, spheres):
    """How many available resources there are, how many speak the language, share a focus
    area or bring a new sphere, and their average hours: one aggregate query."""
    profile = OuterRef("pk")
    return available.aggregate(
        total=Count("pk"),
        speaking=Count(
            "pk",
            filter=Q(
                Exists(
                    Languages.objects.filter(resourceprofile=profile, spokenlanguage__code=language)
                )
            ),
        ),
        sharing=Count(
            "pk",
            filter=Q(
                Exists(FocusAreas.objects.filter(resourceprofile=profile, focusarea__in=areas))
            ),
        ),
        new_sphere=Count(
            "pk",
            filter=Q(user__organisation__isnull=False) & ~Q(user__organisation__sphere__in=spheres),
        ),
        hours=Avg("hours_per_month"),
    )


def _wanted(group, available) -> Wanted:
    initiative = group.initiative
    members = list(group.memberships.all())
    spheres = {m.user.organisation.sphere for m in members if m.user.organisation}
    areas = {area.pk: area for area in initiative.focus_areas.all()}
    facts = _pool_facts(
        available, language=initiative.language, areas=list(areas), spheres=list(spheres)
    )
    total = facts["total"]
    # What the group's members already know counts half: a group needs what it lacks.
    known = Competence.objects.filter(profiles__user__in=[m.user_id for m in members])
    covered = {t for name in known.values_list("name", flat=True) for t in _stems(name)}
    analysed = related.analyse(fields=initiative.weighted_words)
    terms = {t: w for t, w in analysed.weights.items() if w >= MIN_TERM}
    found = related.related(
        "", fields=initiative.weighted_words, kinds=[KIND], limit=CANDIDATES, covered=covered
    )
    best = max((m.score for m in found), default=0.0)
    return Wanted(
        language=initiative.language if 0 < facts["speaking"] < total else None,
        focus_areas=areas if facts["sharing"] < total else {},
        industries=frozenset(
            code for code, stems in _industry_stems().items() if stems & terms.keys()
        ),
        spheres=frozenset(spheres) if facts["new_sphere"] < total else None,
        subject={m.object.pk: round(SUBJECT * TENTHS * m.score / best) for m in found if best},
        said={m.object.pk: m.matched for m in found},
        terms=terms,
        average_hours=facts["hours"] or 0.0,
    )


def _stems(value: str) -> set[str]:
    return {t for lang in ("sv", "en") for t in text.terms(value, lang)}


def _score_in_tenths(wanted: Wanted):
    """The match score of every profile, in the database: the same weights as `_explain`."""
    profile = OuterRef("pk")
    shared_areas = _counted(
        FocusAreas.objects.filter(resourceprofile=profile, focusarea__in=list(wanted.focus_areas))
    )
    score = (
        shared_areas * int(FOCUS_AREA * TENTHS)
        + _subject_tenths(wanted)
        + _flag(Q(industry__in=wanted.industries)) * int(INDUSTRY * TENTHS)
        + Least(
            F("hours_per_month") * TENTHS / HOURS_PER_POINT, Value(int(MOST_HOUR_POINTS * TENTHS))
        )
        - F("group_count") * int(PER_GROUP * TENTHS)
    )
    if wanted.language:
        language = Exists(
            Languages.objects.filter(resourceprofile=profile, spokenlanguage__code=wanted.language)
        )
        score += _flag(language) * int(LANGUAGE * TENTHS)
    if wanted.spheres is not None:
        new_sphere = Q(user__organisation__isnull=False) & ~Q(
            user__organisation__sphere__in=wanted.spheres
        )
        score += _flag(new_sphere) * int(NEW_SPHERE * TENTHS)
    return score


def _subject_tenths(wanted: Wanted):
    """The points for the subject, for the bounded set of candidates the index found."""
    if not wanted.subject:
        return Value(0)
    return Case(
        *(When(pk=pk, then=Value(tenths)) for pk, tenths in sorted(wanted.subject.items())),
        default=Value(0),
        output_field=IntegerField(),
    )


def _flag(condition):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _explain(profile: ResourceProfile, wanted: Wanted) -> Match:
    """One resource's score with its reasons in words: only the reasons that set them apart."""
    match = Match(profile)
    shared = [a for a in profile.focus_areas.all() if a.pk in wanted.focus_areas]
    if shared:
        match.score += FOCUS_AREA * len(shared)
        match.reasons.append(
            _("shares focus areas: %(areas)s") % {"areas": ", ".join(a.name for a in shared)}
        )
    subject = wanted.subject.get(profile.pk, 0)
    if subject:
        match.score += subject / TENTHS
        competences = [
            c.name for c in profile.competences.all() if _stems(c.name) & wanted.terms.keys()
        ]
        if competences:
            match.reasons.append(_("competence: %(names)s") % {"names": ", ".join(competences)})
        else:
            words = ", ".join(wanted.said.get(profile.pk, [])[:4])
            match.reasons.append(_("their profile speaks of: %(words)s") % {"words": words})
    if profile.industry in wanted.industries:
        match.score += INDUSTRY
        match.reasons.append(_("industry %(name)s") % {"name": Industry(profile.industry).label})
    if wanted.language and any(lang.code == wanted.language for lang in profile.languages.all()):
        match.score += LANGUAGE
        match.reasons.append(
            _("speaks Swedish") if wanted.language == "sv" else _("speaks English")
        )
    organisation = profile.user.organisation
    if wanted.spheres is not None and organisation and organisation.sphere not in wanted.spheres:
        match.score += NEW_SPHERE
        match.reasons.append(
            _("brings a new sphere: %(sphere)s") % {"sphere": organisation.get_sphere_display()}
        )
    match.score += min(profile.hours_per_month / HOURS_PER_POINT, MOST_HOUR_POINTS)
    if wanted.average_hours and profile.hours_per_month >= MORE_TIME * wanted.average_hours:
        match.reasons.append(
            _("more time than most: %(hours)d h/month") % {"hours": profile.hours_per_month}
        )
    match.score -= PER_GROUP * profile.group_count
    if profile.group_count:
        match.reasons.append(
            ngettext(
                "already in %(count)d group", "already in %(count)d groups", profile.group_count
            )
            % {"count": profile.group_count}
        )
    return match


def matches(group, *, limit: int = 20, **criteria) -> list[Match]:
    """Active, consenting resources for a working group, best first, each with its reasons
    in words; `criteria` narrow the pool as the directory's filters do. Members of the group
    and people with an open invitation are left out. The database ranks the whole pool and
    hands over the best `limit`; only those are explained."""
    taken = {m.user_id for m in group.memberships.all()}
    taken |= set(group.invitations.filter(state="pending").values_list("invitee_id", flat=True))
    available = _filtered(
        ResourceProfile.objects.available().exclude(user_id__in=taken), **criteria
    )
    wanted = _wanted(group, available)
    best = (
        _filtered(_profiles().available().exclude(user_id__in=taken), **criteria)
        .annotate(score_tenths=_score_in_tenths(wanted))
        .order_by("-score_tenths", "user__name", "pk")[:limit]
    )
    return [_explain(profile, wanted) for profile in best]


def profile_of(user) -> ResourceProfile | None:
    """The member's resource profile, if they have joined the pool."""
    return ResourceProfile.objects.filter(user=user).first()


def competence_suggestions(limit: int = 200) -> list[str]:
    return list(
        Competence.objects.annotate(n=Count("profiles"))
        .filter(~Q(n=0))
        .order_by("-n", "name")
        .values_list("name", flat=True)[:limit]
    )
