import pytest

from meetmalmo.core.models import FocusArea
from meetmalmo.resources.models import Competence, ResourceProfile, SpokenLanguage

pytestmark = pytest.mark.django_db
URL = "/en/resources/join/"


def good(**changes):
    data = {
        "title": "HR manager",
        "industry": "I",
        "competences_text": "hospitality recruitment, Mentorskap, hospitality recruitment",
        "focus_areas": [FocusArea.objects.get(code="youth-employment").pk],
        "languages": [SpokenLanguage.objects.get(code="en").pk],
        "hours_per_month": "8",
        "presentation": "I hire 200 young people every summer.",
        "active": "on",
        "consent": "on",
    }
    data.update(changes)
    return data


def test_a_visitor_signs_up_first_and_comes_back(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/signup/") and "next=/en/resources/join/" in (
        response.url
    )


def test_a_member_joins_the_pool(client, member):
    client.force_login(member)
    page = client.get(URL).content.decode()
    assert "Become a Meet Malmö resource" in page and "may contact me" in page
    response = client.post(URL, good())
    assert response.status_code == 302 and response.url == "/en/my/"
    profile = ResourceProfile.objects.get(user=member)
    assert sorted(c.name for c in profile.competences.all()) == [
        "Mentorskap",
        "hospitality recruitment",
    ]
    assert profile.consent and profile.consent_at is not None and profile.active
    my = client.get("/en/my/").content.decode()
    assert "You are in the pool of resources" in my


def test_existing_competences_are_suggested_and_reused(client, member):
    Competence.objects.create(name="Rekrytering")
    client.force_login(member)
    assert '<option value="Rekrytering">' not in client.get(URL).content.decode()  # unused
    client.post(URL, good(competences_text="rekrytering"))
    assert Competence.objects.filter(name__iexact="rekrytering").count() == 1
    assert '<option value="Rekrytering">' in client.get(URL).content.decode()


def test_a_resource_pauses_and_leaves(client, member):
    client.force_login(member)
    client.post(URL, good())
    client.post(URL, good(active=""))
    assert not ResourceProfile.objects.get(user=member).active
    assert "Your resource profile is paused" in client.get("/en/my/").content.decode()
    question = client.get("/en/resources/leave/").content.decode()
    assert "<h1>Leave the pool of resources?</h1>" in question
    assert ResourceProfile.objects.filter(user=member).exists()  # asking deletes nothing
    client.post("/en/resources/leave/")
    assert not ResourceProfile.objects.filter(user=member).exists()
    assert client.get("/en/resources/leave/")["Location"] == "/en/my/"


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"hours_per_month": "201"}, "hours_per_month", "At most 200 hours a month."),
        ({"hours_per_month": "-1"}, "hours_per_month", "Hours cannot be negative."),
        ({"hours_per_month": "many"}, "hours_per_month", "Enter a whole number."),
        ({"consent": ""}, "consent", "Without your consent we cannot suggest you to groups."),
        ({"industry": "Z"}, "industry", "Select a valid choice."),
        ({"focus_areas": ["999999"]}, "focus_areas", "Select a valid choice."),
        ({"focus_areas": []}, "focus_areas", "Choose at least one focus area."),
        ({"languages": []}, "languages", "Choose at least one language."),
        ({"competences_text": " , ,"}, "competences_text", "Write at least one competence."),
        (
            {"competences_text": ",".join(f"c{i}" for i in range(16))},
            "competences_text",
            "At most 15",
        ),
        ({"competences_text": "x" * 61}, "competences_text", "at most 60 characters"),
        ({"presentation": "<script>" * 200}, "presentation", "at most 1000 characters"),
        ({"title": ""}, "title", "This field is required."),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_nothing_is_saved(
    client, member, changes, field, message
):
    client.force_login(member)
    response = client.post(URL, good(**changes))
    content = response.content.decode()
    assert response.status_code == 200
    assert f'id="id_{field}_error"' in content and message in content
    assert 'value="HR manager"' in content or field == "title"
    assert not ResourceProfile.objects.exists() and not Competence.objects.exists()


def test_errors_are_in_swedish_on_the_swedish_page(client, member):
    client.force_login(member)
    content = client.post("/sv/resources/join/", good(hours_per_month="500")).content.decode()
    assert "Högst 200 timmar per månad." in content
