import factory
from allauth.account.models import EmailAddress

from meetmalmo.accounts.models import ContactProfile, Organisation, User
from meetmalmo.core.models import Sphere

PASSWORD = "a-long-test-passphrase"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testföretaget {n} AB")
    sphere = Sphere.BUSINESS
    confirmed = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.se")
    name = factory.Sequence(lambda n: f"Person Nummer{n}")
    organisation = factory.SubFactory(OrganisationFactory)

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class ProcessManagerFactory(UserFactory):
    is_process_manager = True
    contact_profile = factory.RelatedFactory(
        "meetmalmo.accounts.tests.factories.ContactProfileFactory", factory_related_name="user"
    )


class ContactProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactProfile

    user = factory.SubFactory(UserFactory, is_process_manager=True)
    title_sv = "Processledare"
    title_en = "Process manager"
    phone = "040-34 10 00"
