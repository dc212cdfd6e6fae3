"""The demo tells one story, the one Meet Malmö tells of itself: fifteen collaboration
initiatives brought to life since it started in the autumn of 2015. The figures are counted
from the demo's data, so the home page, the figures page and the news must agree."""

import io

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command

from meetmalmo.figures.selectors import public_figures

pytestmark = pytest.mark.django_db

HEADLINE = {
    "sv": "<strong>15</strong> initiativ har fått liv sedan 2015",
    "en": "<strong>15</strong> initiatives brought to life since 2015",
}
# How the news writes the number of initiatives brought to life.
IN_WORDS = {15: {"sv": "femton", "en": "fifteen"}}
ARTICLE = "femton-initiativ-har-fatt-liv"


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=io.StringIO())
    cache.clear()  # the public pages would otherwise come from the cache of an earlier test


def test_fifteen_initiatives_have_been_brought_to_life_since_2015(demo):
    figures = public_figures()
    assert figures["initiatives_brought_to_life"] == 15
    assert figures["since"] == settings.START_YEAR == 2015


def test_the_home_page_and_the_figures_page_say_fifteen_in_both_languages(demo, client):
    for language in ("sv", "en"):
        for page in ("", "figures/"):
            response = client.get(f"/{language}/{page}")
            assert response.status_code == 200
            assert HEADLINE[language] in response.content.decode(), f"/{language}/{page}"


def test_the_news_article_gives_the_same_number_and_year(demo, client):
    words = IN_WORDS[public_figures()["initiatives_brought_to_life"]]
    for language in ("sv", "en"):
        response = client.get(f"/{language}/news/{ARTICLE}/")
        assert response.status_code == 200
        text = response.content.decode()
        assert words[language] in text.lower()
        assert f"{settings.START_YEAR}" in text
