"""Reads on the resource pool: the staff directory and the match list for a working group."""

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meetmalmo.inventory import text
from meetmalmo.inventory.related import query_terms
from meetmalmo.resources.models import Industry, ResourceProfile

# How much each signal weighs in the match list.
FOCUS_AREA, COMPETENCE, INDUSTRY, LANGUAGE, NEW_SPHERE = 3.0, 2.0, 1.5, 1.0, 2.0
HOURS_PER_POINT, MOST_HOUR_POINTS, PER_GROUP = 10, 2.0, 1.0


def _profiles():
    return (
        ResourceProfile.objects.select_related("user__organisation")
        .prefetch_related("competences", "focus_areas", "languages")
        .annotate(group_count=Count("user__memberships", distinct=True))
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
    """The pool for staff, everyone who has joined (paused profiles too), with their load."""
    found = _profiles()
    if focus_area:
        found = found.filter(focus_areas=focus_area)
    if competence:
        found = found.filter(competences__name__icontains=competence.strip())
    if industry:
        found = found.filter(industry=industry)
    if language:
        found = found.filter(languages=language)
    if min_hours:
        found = found.filter(hours_per_month__gte=min_hours)
    if sphere:
        found = found.filter(user__organisation__sphere=sphere)
    return found.distinct().order_by("user__name", "pk")


@dataclass
class Match:
    profile: ResourceProfile
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


def _stems(value: str) -> set[str]:
    return {t for lang in ("sv", "en") for t in text.terms(value, lang)}


def matches(group, *, limit: int = 20) -> list[Match]:
    """Active, consenting resources for a working group, best first, each with its reasons
    in words. Members of the group and people with an open invitation are left out."""
    initiative = group.initiative
    wanted = {area.pk: area for area in initiative.focus_areas.all()}
    terms = set(query_terms(initiative.own_words))
    spheres = {m.user.organisation.sphere for m in group.memberships.all() if m.user.organisation}
    taken = {m.user_id for m in group.memberships.all()}
    taken |= set(group.invitations.filter(state="pending").values_list("invitee_id", flat=True))
    found = []
    for profile in _profiles().available().exclude(user_id__in=taken):
        match = Match(profile)
        shared = [a for a in profile.focus_areas.all() if a.pk in wanted]
        if shared:
            match.score += FOCUS_AREA * len(shared)
            match.reasons.append(
                _("shares focus areas: %(areas)s") % {"areas": ", ".join(a.name for a in shared)}
            )
        competences = [c.name for c in profile.competences.all() if _stems(c.name) & terms]
        if competences:
            match.score += COMPETENCE * len(competences)
            match.reasons.append(_("competence: %(names)s") % {"names": ", ".join(competences)})
        industry = Industry(profile.industry)
        if _stems(str(industry.label)[2:]) & terms:
            match.score += INDUSTRY
            match.reasons.append(_("industry %(name)s") % {"name": industry.label})
        if any(lang.code == initiative.language for lang in profile.languages.all()):
            match.score += LANGUAGE
            match.reasons.append(
                _("speaks Swedish") if initiative.language == "sv" else _("speaks English")
            )
        organisation = profile.user.organisation
        if organisation and organisation.sphere not in spheres:
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
        found.append(match)
    found.sort(key=lambda m: (-m.score, m.profile.user.name, m.profile.pk))
    return found[:limit]


def profile_of(user) -> ResourceProfile | None:
    """The member's resource profile, if they have joined the pool."""
    return ResourceProfile.objects.filter(user=user).first()


def competence_suggestions(limit: int = 200) -> list[str]:
    from meetmalmo.resources.models import Competence

    return list(
        Competence.objects.annotate(n=Count("profiles"))
        .filter(~Q(n=0))
        .order_by("-n", "name")
        .values_list("name", flat=True)[:limit]
    )
