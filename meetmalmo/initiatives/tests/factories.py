import factory

from meetmalmo.accounts.tests.factories import UserFactory
from meetmalmo.initiatives.models import Initiative


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    title = factory.Sequence(lambda n: f"Sommarjobb i besöksnäringen {n}")
    summary = "Unga Malmöbor får sitt första jobb på hotell och restauranger."
    description = "Hotell, restauranger och staden samarbetar om sommarjobb för unga."
    challenge = "Många unga saknar kontakter in i arbetslivet."
    benefit_city = "Fler unga i arbete."
    benefit_business = "Branschen hittar framtidens medarbetare."
    submitter = factory.SubFactory(UserFactory)
    organisation = factory.SelfAttribute("submitter.organisation")
