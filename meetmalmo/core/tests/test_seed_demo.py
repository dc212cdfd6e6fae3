import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command

from meetmalmo.accounts.models import Organisation, Sphere, User

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
