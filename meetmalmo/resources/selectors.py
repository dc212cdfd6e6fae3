"""Reads on the resource pool: the staff directory and the match list for a working group."""

from dataclasses import dataclass, field

from django.db.models import (
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
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meetmalmo.inventory import text
from meetmalmo.inventory.related import query_terms
from meetmalmo.resources.models import Competence, Industry, ResourceProfile

# How much each signal weighs in the match list.
FOCUS_AREA, COMPETENCE, INDUSTRY, LANGUAGE, NEW_SPHERE = 3.0, 2.0, 1.5, 1.0, 2.0
HOURS_PER_POINT, MOST_HOUR_POINTS, PER_GROUP = 10, 2.0, 1.0
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
        Subquery(rows.order_by().values("pk").annotate(n=Count("pk")).values("n")[:1]),
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


def directory(
    *,
    focus_area=None,
    competence: str = "",
    industry: str = "",
    language=None,
    min_hours: int | None = None,
    sphere: str = "",
):
    """The pool for staff, everyone who has joined (paused profiles too), with their load. Each
    filter is a condition on the profile itself (no join that repeats rows), so a page of the
    directory is read in the order of the people's names and counted without grouping."""
    found = _profiles()
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
    return found.order_by("user__name", "pk")


@dataclass
class Match:
    profile: ResourceProfile
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


def _stems(value: str) -> set[str]:
    return {t for lang in ("sv", "en") for t in text.terms(value, lang)}


@dataclass(frozen=True)
class Wanted:
    """What a group looks for in a resource, worked out once for the whole pool."""

    language: str
    focus_areas: dict
    competences: frozenset[int]
    industries: frozenset[str]
    spheres: frozenset[str]


def _wanted(group) -> Wanted:
    initiative = group.initiative
    terms = set(query_terms(initiative.own_words))
    spheres = {m.user.organisation.sphere for m in group.memberships.all() if m.user.organisation}
    return Wanted(
        language=initiative.language,
        focus_areas={area.pk: area for area in initiative.focus_areas.all()},
        # The words of the initiative against each competence and industry named in the pool:
        # as many as there are names, however many profiles carry them.
        competences=frozenset(
            pk for pk, name in Competence.objects.values_list("pk", "name") if _stems(name) & terms
        ),
        industries=frozenset(
            code for code, label in Industry.choices if _stems(str(label)[2:]) & terms
        ),
        spheres=frozenset(spheres),
    )


def _score_in_tenths(wanted: Wanted):
    """The match score of every profile, in the database: the same weights as `_explain`."""
    profile = OuterRef("pk")
    shared_areas = _counted(
        FocusAreas.objects.filter(resourceprofile=profile, focusarea__in=list(wanted.focus_areas))
    )
    competences = _counted(
        Competences.objects.filter(resourceprofile=profile, competence__in=wanted.competences)
    )
    language = Exists(
        Languages.objects.filter(resourceprofile=profile, spokenlanguage__code=wanted.language)
    )
    new_sphere = Q(user__organisation__isnull=False) & ~Q(
        user__organisation__sphere__in=wanted.spheres
    )
    return (
        shared_areas * int(FOCUS_AREA * TENTHS)
        + competences * int(COMPETENCE * TENTHS)
        + _flag(Q(industry__in=wanted.industries)) * int(INDUSTRY * TENTHS)
        + _flag(language) * int(LANGUAGE * TENTHS)
        + _flag(new_sphere) * int(NEW_SPHERE * TENTHS)
        + Least(
            F("hours_per_month") * TENTHS / HOURS_PER_POINT, Value(int(MOST_HOUR_POINTS * TENTHS))
        )
        - F("group_count") * int(PER_GROUP * TENTHS)
    )


def _flag(condition):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _explain(profile: ResourceProfile, wanted: Wanted) -> Match:
    """One resource's score with its reasons in words."""
    match = Match(profile)
    shared = [a for a in profile.focus_areas.all() if a.pk in wanted.focus_areas]
    if shared:
        match.score += FOCUS_AREA * len(shared)
        match.reasons.append(
            _("shares focus areas: %(areas)s") % {"areas": ", ".join(a.name for a in shared)}
        )
    competences = [c.name for c in profile.competences.all() if c.pk in wanted.competences]
    if competences:
        match.score += COMPETENCE * len(competences)
        match.reasons.append(_("competence: %(names)s") % {"names": ", ".join(competences)})
    industry = Industry(profile.industry)
    if profile.industry in wanted.industries:
        match.score += INDUSTRY
        match.reasons.append(_("industry %(name)s") % {"name": industry.label})
    if any(lang.code == wanted.language for lang in profile.languages.all()):
        match.score += LANGUAGE
        match.reasons.append(
            _("speaks Swedish") if wanted.language == "sv" else _("speaks English")
        )
    organisation = profile.user.organisation
    if organisation and organisation.sphere not in wanted.spheres:
        match.score += NEW_SPHERE
        match.reasons.append(
            _("brings a new sphere: %(sphere)s") % {"sphere": organisation.get_sphere_display()}
        )
    match.score += min(profile.hours_per_month / HOURS_PER_POINT, MOST_HOUR_POINTS)
    match.reasons.append(_("%(hours)d h/month free") % {"hours": profile.hours_per_month})
    match.score -= PER_GROUP * profile.group_count
    match.reasons.append(
        ngettext("in %(count)d group", "in %(count)d groups", profile.group_count)
        % {"count": profile.group_count}
    )
    return match


def matches(group, *, limit: int = 20) -> list[Match]:
    """Active, consenting resources for a working group, best first, each with its reasons
    in words. Members of the group and people with an open invitation are left out. The
    database ranks the whole pool and hands over the best `limit`; only those are explained."""
    wanted = _wanted(group)
    taken = {m.user_id for m in group.memberships.all()}
    taken |= set(group.invitations.filter(state="pending").values_list("invitee_id", flat=True))
    best = (
        _profiles()
        .available()
        .exclude(user_id__in=taken)
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
