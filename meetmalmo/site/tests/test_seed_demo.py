import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.core.models import Sphere

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_it_creates_organisations_in_every_sphere_and_prints_the_log_ins():
    output = run()
    assert set(Organisation.objects.values_list("sphere", flat=True)) == set(Sphere.values)
    assert User.objects.filter(is_process_manager=True).count() >= 2
    assert User.objects.filter(is_superuser=True).exists()
    assert "processledare@demo.meetmalmo.se" in output
    assert "password: meetmalmo-demo" in output
    # The demo's people pick their organisations from the list, so every one is confirmed.
    assert not Organisation.objects.filter(confirmed=False).exists()


def test_demo_people_can_sign_in(client):
    run()
    response = client.post(
        "/en/accounts/login/",
        {"login": "processledare@demo.meetmalmo.se", "password": "meetmalmo-demo"},
    )
    assert response.status_code == 302
    assert "Lena Åkesson" in client.get("/en/contact/").content.decode()


def test_running_it_twice_changes_nothing():
    run()
    counts = (Organisation.objects.count(), User.objects.count(), EmailAddress.objects.count())
    output = run()
    assert (
        Organisation.objects.count(),
        User.objects.count(),
        EmailAddress.objects.count(),
    ) == counts
    assert "0 people created" in output


def test_scale_adds_that_many_members_once():
    run("--scale", "40")
    assert User.objects.filter(email__endswith="@scale.meetmalmo.se").count() == 40
    run("--scale", "40")
    assert User.objects.filter(email__endswith="@scale.meetmalmo.se").count() == 40
    assert EmailAddress.objects.filter(verified=True).count() == User.objects.count()


def test_if_empty_leaves_a_database_with_content_alone():
    Organisation.objects.create(name="Befintlig AB", sphere=Sphere.BUSINESS)
    output = run("--if-empty")
    assert Organisation.objects.count() == 1
    assert "0 records created" in output


def test_it_creates_initiatives_in_every_state_with_their_history():
    from meetmalmo.initiatives.models import Initiative
    from meetmalmo.initiatives.selectors import clock
    from meetmalmo.initiatives.workflow import State

    run()
    assert set(Initiative.objects.values_list("state", flat=True)) == set(State.values)
    assert set(Initiative.objects.values_list("language", flat=True)) == {"sv", "en"}
    assert any(clock(i).overdue for i in Initiative.objects.open())
    referred = Initiative.objects.get(state=State.REFERRED)
    assert referred.referred_to is not None
    assert referred.events.filter(to_state=State.REFERRED).exists()


def test_scale_adds_initiatives_with_their_submission_in_the_history():
    from meetmalmo.initiatives.models import CaseEvent, Initiative

    run("--scale", "30")
    scaled = Initiative.objects.filter(title__startswith="Skalinitiativ ")
    assert scaled.count() == 30
    assert CaseEvent.objects.filter(initiative__in=scaled).count() == 30
    run("--scale", "30")
    assert scaled.count() == 30


def test_it_loads_the_register_of_efforts_in_both_languages_and_scales_it():
    from meetmalmo.inventory.models import Effort

    run()
    assert Effort.objects.count() >= 60
    assert set(Effort.objects.values_list("language", flat=True)) == {"sv", "en"}
    assert Effort.objects.filter(internal=True).exists()
    run()
    assert Effort.objects.count() == 61
    run("--scale", "40")
    assert Effort.objects.count() == 61 + 20


def test_demo_people_stay_approved_members_of_their_organisations(client):
    from meetmalmo.accounts.models import MembershipRequest

    run()
    # Loaded by the office, not picked at sign-up: nobody waits for a request to be approved.
    assert not User.objects.filter(organisation=None, is_superuser=False).exists()
    assert not MembershipRequest.objects.exists()
    person = User.objects.get(email="hotell@demo.meetmalmo.se")
    before = person.organisation
    client.post("/en/accounts/login/", {"login": person.email, "password": "meetmalmo-demo"})
    person.refresh_from_db()
    assert person.organisation == before
