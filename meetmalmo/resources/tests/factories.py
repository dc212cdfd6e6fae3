import factory

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.core.models import FocusArea
from meetmalmo.resources.indexing import index_profiles
from meetmalmo.resources.models import Competence, ResourceProfile, SpokenLanguage


class ResourceFactory(factory.django.DjangoModelFactory):
    """A resource; pass names, codes and language codes: `competences=["rekrytering"]`,
    `focus_areas=["youth-employment"]`, `languages=["sv"]`."""

    class Meta:
        model = ResourceProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    title = "Rekryteringschef"
    industry = "I"
    hours_per_month = 8
    consent = True

    @factory.post_generation
    def competences(self, create, names, **kwargs):
        if create and names:
            self.competences.set(Competence.objects.get_or_create(name=n)[0] for n in names)

    @factory.post_generation
    def focus_areas(self, create, codes, **kwargs):
        if create and codes:
            self.focus_areas.set(FocusArea.objects.filter(code__in=codes))

    @factory.post_generation
    def languages(self, create, codes, **kwargs):
        if create:
            self.languages.set(SpokenLanguage.objects.filter(code__in=codes or ["sv"]))

    @factory.post_generation
    def indexed(self, create, extracted, **kwargs):
        # As `services.profile_save` does: matching reads the profile's words from the index.
        if create:
            index_profiles([self.pk])


def bulk_resources(count: int, prefix: str = "bulk") -> None:
    """Many resources at once, each with a competence, a focus area and a language."""
    from meetmalmo.accounts.models import Organisation, User

    organisation = Organisation.objects.create(name=f"{prefix} AB", sphere="business")
    users = User.objects.bulk_create(
        User(email=f"{prefix}{i}@example.se", name=f"{prefix} {i}", organisation=organisation)
        for i in range(count)
    )
    users = list(User.objects.filter(email__startswith=prefix, organisation=organisation))
    competence = Competence.objects.get_or_create(name="restaurang")[0]
    area = FocusArea.objects.get(code="youth-employment")
    language = SpokenLanguage.objects.get(code="sv")
    ResourceProfile.objects.bulk_create(
        ResourceProfile(user=u, title="Chef", industry="I", hours_per_month=5, consent=True)
        for u in users
    )
    profiles = list(ResourceProfile.objects.filter(user__in=users).values_list("pk", flat=True))
    for relation, target in (
        (ResourceProfile.competences, {"competence_id": competence.pk}),
        (ResourceProfile.focus_areas, {"focusarea_id": area.pk}),
        (ResourceProfile.languages, {"spokenlanguage_id": language.pk}),
    ):
        relation.through.objects.bulk_create(
            relation.through(resourceprofile_id=pk, **target) for pk in profiles
        )
