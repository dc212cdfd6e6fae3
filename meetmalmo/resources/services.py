"""Writes on the resource pool."""

from django.db import transaction
from django.utils import timezone

from meetmalmo.resources.indexing import index_profiles
from meetmalmo.resources.models import Competence, ResourceProfile


@transaction.atomic
def profile_save(*, user, form) -> ResourceProfile:
    """Join the pool or change one's profile: the profile, its tags and the moment consent was
    given are saved together."""
    profile = form.save(commit=False)
    profile.user = user
    if profile.consent and profile.consent_at is None:
        profile.consent_at = timezone.now()
    profile.save()
    form.save_m2m()
    competences = []
    for name in form.cleaned_data["competences_text"]:
        existing = Competence.objects.filter(name__iexact=name).first()
        competences.append(existing or Competence.objects.create(name=name))
    profile.competences.set(competences)
    index_profiles([profile.pk])
    return profile


@transaction.atomic
def profile_leave(*, user) -> bool:
    """Leave the pool: the profile is deleted; groups one already sits in are kept."""
    pks = list(ResourceProfile.objects.filter(user=user).values_list("pk", flat=True))
    deleted, _ = ResourceProfile.objects.filter(user=user).delete()
    index_profiles(pks)
    return bool(deleted)
