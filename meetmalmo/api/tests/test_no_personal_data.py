"""Everything the API and the open-data files give, on the demo content: no e-mail address,
no phone number, no person's name except an article's author and a photographer, and nothing
that is not published."""

import csv
import io
import json
import re

import pytest
from django.core.management import call_command

from meetmalmo.accounts.models import User
from meetmalmo.api.tests.builders import scheduled_project
from meetmalmo.publishing.models import NewsArticle, Project

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Swedish numbers as people write them: 040-34 10 00, 0701234567, +46 40 34 10 00.
PHONE = re.compile(r"(?<![\w.:-])(?:\+\d{2}[ -]?|0)\d{1,3}(?:[ -]?\d{2,3}){2,4}(?![\w-])")
CREDITS = {"byline", "photo_credit"}  # the only names of people the data may hold


@pytest.fixture
def demo(client, settings):
    settings.API_RATE_LIMIT = 0
    call_command("seed_demo", stdout=io.StringIO())
    scheduled_project()


def without_credits(data):
    if isinstance(data, dict):
        return {k: without_credits(v) for k, v in data.items() if k not in CREDITS}
    if isinstance(data, list):
        return [without_credits(item) for item in data]
    return data


def everything(client) -> dict[str, str]:
    """What each address answers, as text, with bylines and photo credits taken out."""
    answers = {}

    def get_json(path, **params):
        answer = client.get(path, params)
        assert answer.status_code == 200, path
        data = answer.json()
        answers[answer.request["PATH_INFO"] + str(params)] = json.dumps(
            without_credits(data), ensure_ascii=False
        )
        return data

    paths = ("/api/v1/", "/api/v1/figures", "/api/v1/focus-areas", "/api/v1/openapi.json")
    for path in (*paths, "/api/v1/events"):
        get_json(path)
    for kind in ("projects", "news"):
        listing = get_json(f"/api/v1/{kind}", page_size=100)
        assert listing["pages"] == 1
        for item in listing["items"]:
            get_json(f"/api/v1/{kind}/{item['slug']}")
    for name in ("projects", "outcomes", "figures", "events"):
        rows = list(
            csv.DictReader(io.StringIO(client.get(f"/open-data/{name}.csv").content.decode()))
        )
        assert rows, name
        answers[name] = json.dumps(without_credits(rows), ensure_ascii=False)
    return answers


def test_no_email_address_or_phone_number_is_given(demo, client):
    for where, text in everything(client).items():
        assert not EMAIL.search(text), (where, EMAIL.search(text).group())
        assert not PHONE.search(text), (where, PHONE.search(text).group())


def test_no_one_is_named_but_authors_and_photographers(demo, client):
    names = set(User.objects.exclude(name="").values_list("name", flat=True))
    assert len(names) > 20
    for where, text in everything(client).items():
        named = [name for name in names if name in text]
        assert not named, (where, named)


def test_the_checks_would_notice_personal_data():
    assert EMAIL.search('"lead": "Skriv till lena.akesson@malmo.se"')
    for number in ("040-34 10 00", "0701234567", "+46 40 34 10 00", "070-123 45 67"):
        assert PHONE.search(f"Ring {number} i dag"), number
    for harmless in ("2026-01-05T08:00:00.120Z", "1000.0", "projekt-0123456", "12.5"):
        assert not PHONE.search(harmless), harmless


def test_nothing_unpublished_appears_in_a_list_or_at_its_address(demo, client):
    hidden_projects = Project.objects.exclude(pk__in=Project.objects.published())
    hidden_articles = NewsArticle.objects.exclude(pk__in=NewsArticle.objects.published())
    assert hidden_projects.filter(published_at__isnull=True).exists()
    assert hidden_projects.filter(published_at__isnull=False).exists()  # scheduled
    assert hidden_articles.filter(publish_at__isnull=True).exists()
    assert hidden_articles.filter(publish_at__isnull=False).exists()  # scheduled
    text = "\n".join(everything(client).values())
    for kind, hidden in (("projects", hidden_projects), ("news", hidden_articles)):
        for item in hidden:
            assert f'"{item.slug}"' not in text and f"/{item.slug}/" not in text, item.slug
            assert client.get(f"/api/v1/{kind}/{item.slug}").status_code == 404
