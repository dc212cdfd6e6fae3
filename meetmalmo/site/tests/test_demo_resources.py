import io

import pytest
from django.core.management import call_command

from meetmalmo.accounts.models import User
from meetmalmo.core.models import Sphere
from meetmalmo.resources.models import Competence, ResourceProfile

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_the_demo_has_a_varied_pool_of_consenting_resources():
    output = run()
    profiles = ResourceProfile.objects.all()
    assert profiles.count() >= 40
    assert f"{profiles.count()} resources created" in output
    assert 3 <= profiles.filter(active=False).count() <= 4
    assert not profiles.filter(consent=False).exists()
    assert not profiles.filter(consent_at=None).exists()
    assert profiles.available().count() == profiles.filter(active=True).count()
    assert all(
        p.user.email.endswith("@demo.meetmalmo.se") and p.user.has_usable_password()
        for p in profiles.select_related("user")
    )
    assert len(set(profiles.values_list("industry", flat=True))) >= 10
    spheres = set(profiles.values_list("user__organisation__sphere", flat=True))
    assert Sphere.BUSINESS in spheres and len(spheres) >= 3
    for profile in profiles.prefetch_related("competences", "focus_areas", "languages"):
        assert 1 <= len(profile.competences.all()) <= 4
        assert 1 <= len(profile.focus_areas.all()) <= 3
        assert 1 <= len(profile.languages.all()) <= 3
        assert 2 <= profile.hours_per_month <= 20
        assert profile.presentation
    # Tags are shared, so that the suggestions have something to offer.
    assert Competence.objects.filter(profiles__isnull=False).distinct().count() < sum(
        p.competences.count() for p in profiles
    )


def test_a_demo_resource_can_sign_in(client):
    run()
    response = client.post(
        "/en/accounts/login/",
        {"login": "anna.bergstrom@demo.meetmalmo.se", "password": "meetmalmo-demo"},
    )
    assert response.status_code == 302


def test_running_it_twice_creates_no_resources():
    run()
    counts = (ResourceProfile.objects.count(), User.objects.count(), Competence.objects.count())
    output = run()
    assert (
        ResourceProfile.objects.count(),
        User.objects.count(),
        Competence.objects.count(),
    ) == counts
    assert "0 resources created" in output


def test_scale_adds_resources_once():
    run()
    demo = ResourceProfile.objects.count()
    run("--scale", "50")
    scaled = ResourceProfile.objects.filter(user__email__endswith="@pool.scale.meetmalmo.se")
    assert scaled.count() == 25
    assert ResourceProfile.objects.count() == demo + 25
    assert not scaled.filter(competences=None).exists()
    assert not scaled.filter(languages=None).exists()
    assert scaled.available().exists()
    run("--scale", "50")
    assert ResourceProfile.objects.count() == demo + 25
    # The bulk members keep their own domain.
    assert User.objects.filter(email__endswith="@scale.meetmalmo.se").count() == 50
