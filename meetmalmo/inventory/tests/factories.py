import factory

from meetmalmo.inventory.models import Effort


class EffortFactory(factory.django.DjangoModelFactory):
    """An effort, indexed for related work as the portal's own services would."""

    class Meta:
        model = Effort
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Insats {n}")
    description = "Staden och företagen gör något tillsammans."
    owner_org = "Malmö stad"
    sphere = "city"

    @factory.post_generation
    def focus_areas(self, create, areas, **kwargs):
        if create and areas:
            self.focus_areas.set(areas)

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            from meetmalmo.inventory.related import index_efforts

            index_efforts([instance.pk])
