"""What the resources app keeps about a person (see accounts.personal_data): their resource
profile, which goes with the account."""

from meetmalmo.accounts.personal_data import Holding, Person, focus_area, when
from meetmalmo.inventory.models import IndexTerm
from meetmalmo.resources.indexing import KIND
from meetmalmo.resources.models import ResourceProfile


def _resource_profile(user) -> dict | None:
    profile = (
        ResourceProfile.objects.filter(user=user)
        .prefetch_related("competences", "focus_areas", "languages")
        .first()
    )
    if profile is None:
        return None
    return {
        "title": profile.title,
        "industry": profile.industry,
        "industry_display": str(profile.get_industry_display()),
        "competences": [c.name for c in profile.competences.all()],
        "focus_areas": [focus_area(area) for area in profile.focus_areas.all()],
        "languages": [language.code for language in profile.languages.all()],
        "hours_per_month": profile.hours_per_month,
        "presentation": profile.presentation,
        "active": profile.active,
        "consent_to_be_contacted": profile.consent,
        "consent_given": when(profile.consent_at),
        "created": when(profile.created_at),
        "updated": when(profile.updated_at),
    }


def _export(person: Person) -> dict:
    return {"resource_profile": _resource_profile(person.user)}


def _erase(person: Person) -> None:
    # The profile goes with the account; its words go from the matching index with it.
    pks = list(ResourceProfile.objects.filter(user=person.user).values_list("pk", flat=True))
    IndexTerm.objects.filter(kind=KIND, object_id__in=pks).delete()


HOLDING = Holding(export=_export, erase=_erase, ties=((ResourceProfile, "user"),))
