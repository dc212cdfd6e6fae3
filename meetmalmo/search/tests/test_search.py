import time
from datetime import timedelta

import pytest
from django.utils import timezone

from meetmalmo.events.models import Event
from meetmalmo.events.tests.factories import EventFactory
from meetmalmo.publishing.tests.factories import ArticleFactory
from meetmalmo.search import selectors
from meetmalmo.search.models import Kind
from meetmalmo.search.tests.helpers import project, report

pytestmark = pytest.mark.django_db


def titles(results, kind=None):
    return [
        str(hit.title).replace("<mark>", "").replace("</mark>", "")
        for group in results.groups
        if kind is None or group.kind == kind
        for hit in group.hits
    ]


def test_an_english_query_finds_a_swedish_project_marked_as_swedish(client):
    project("sommarjobb", title_sv="Sommarjobb på hotell", lead_sv="Unga får sitt första jobb.")
    response = client.get("/en/search/", {"q": "summer jobs"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Sommarjobb på hotell" in page.replace("<mark>", "").replace("</mark>", "")
    assert 'lang="sv"' in page
    assert "in Swedish" in page
    assert 'href="/en/projects/sommarjobb/"' in page


def test_a_title_match_ranks_above_a_text_that_only_mentions_the_word(rf):
    project(
        "text",
        title_sv="Arbetsmarknad i Malmö",
        body_sv="Här talar vi om hamnen. Hamnen, hamnen och hamnen igen: hamnen är allt.",
    )
    project("titel", title_sv="Hamnen som mötesplats", body_sv="Ett samarbete i staden.")
    found = titles(selectors.search("hamnen"), Kind.PROJECT)
    assert found == ["Hamnen som mötesplats", "Arbetsmarknad i Malmö"]


def test_nothing_unpublished_is_found():
    project("utkast", title_sv="Hemligt utkast om cyklar")
    Event.objects.all().delete()
    draft = project("draft", title_sv="Cykelverkstad för unga", published=False)
    ArticleFactory(title_sv="Cykelnyhet som väntar", publish_at=None)
    ArticleFactory(title_sv="Cykelnyhet i morgon", publish_at=timezone.now() + timedelta(days=1))
    report(draft, summary="Cyklar lagades.", lessons="Cyklar behöver reservdelar.")
    results = selectors.search("cykel")
    assert results.total == 0, titles(results)


def test_a_scheduled_article_is_found_once_its_time_has_come():
    ArticleFactory(
        slug="cyklar", title_sv="Cyklar i hamnen", publish_at=timezone.now() + timedelta(hours=1)
    )
    assert selectors.search("cyklar").total == 0
    later = timezone.now() + timedelta(hours=2)
    assert titles(selectors.search("cyklar", now=later)) == ["Cyklar i hamnen"]


def test_an_unpublished_project_leaves_the_search():
    page = project("hamn", title_sv="Hamnen som mötesplats")
    assert selectors.search("hamnen").counts.get(Kind.PROJECT) == 1
    page.published_at = None
    page.save()
    assert Kind.PROJECT not in selectors.search("hamnen").counts


def test_results_are_grouped_by_kind_with_their_counts():
    page = project("hamn", title_sv="Hamnen som mötesplats")
    report(page, summary="Tusen besökare i hamnen.", lessons="Hamnen lockar när det är ljust.")
    ArticleFactory(slug="hamnnytt", title_sv="Nytt om hamnen", title_en="News of the harbour")
    results = selectors.search("hamnen")
    kinds = [group.kind for group in results.groups]
    assert kinds[:3] == [Kind.PROJECT, Kind.RESULT, Kind.ARTICLE]
    assert [results.counts[kind] for kind in kinds[:3]] == [1, 1, 1]
    assert results.groups[1].hits[0].url == "/sv/projects/hamn/#report-title"


def test_the_kind_filter_pages_one_kind(client):
    for n in range(25):
        project(f"hamn-{n}", title_sv=f"Hamnen {n}")
    ArticleFactory(title_sv="Nytt om hamnen")
    first = client.get("/sv/search/", {"q": "hamnen", "kind": "project"}).content.decode()
    assert "Sida 1 av 2" in first and "Nytt om hamnen" not in first
    second = client.get("/sv/search/", {"q": "hamnen", "kind": "project", "page": 2})
    assert second.content.decode().count('class="search-hit"') == 5


def test_the_focus_area_filter_keeps_that_area_only():
    project("a", title_sv="Hamnen och jobben", focus=["competence-supply"])
    project("b", title_sv="Hamnen och turisterna", focus=["tourism-events"])
    found = titles(selectors.search("hamnen", focus_area="tourism-events"))
    assert found == ["Hamnen och turisterna"]


def test_the_query_words_are_marked_in_title_and_excerpt():
    project(
        "hamn", title_sv="Hamnen som mötesplats", lead_sv="I hamnens gamla magasin <b>möts</b> vi."
    )
    hit = selectors.search("hamnen").groups[0].hits[0]
    assert str(hit.title) == "<mark>Hamnen</mark> som mötesplats"
    assert "<mark>hamnens</mark>" in str(hit.excerpt)
    assert "<b>" not in str(hit.excerpt) and "&lt;b&gt;" not in str(hit.excerpt)


def test_how_it_works_is_found(client):
    page = client.get("/en/search/", {"q": "working group triage"}).content.decode()
    assert 'href="/en/how-it-works/"' in page


def test_published_meetings_are_found_and_drafts_are_not():
    EventFactory(slug="frukost", title_sv="Frukostmöte om hamnen", state=Event.State.PUBLISHED)
    EventFactory(slug="utkast", title_sv="Hamnen i utkast", state=Event.State.DRAFT)
    results = selectors.search("hamnen", kind=Kind.MEETING)
    assert [hit.url for hit in results.page] == ["/sv/events/frukost/"]


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("", "Type what you are looking for"),
        ("   ", "Type what you are looking for"),
        ("a", "Type at least two letters."),
        ("x" * 5_000, "Nothing was found"),
        ("hamnen " * 800, "result"),
        ("<script>alert(1)</script>", "Nothing was found"),
        ("' OR 1=1; DROP TABLE search_term; --", "Nothing was found"),
        ("%_%", "Type at least two letters."),
        ("\x00hamnen", "result"),
    ],
)
def test_bad_queries_get_a_clear_page(client, query, answer):
    project("hamn", title_sv="Hamnen", title_en="The harbour")
    started = time.perf_counter()
    response = client.get("/en/search/", {"q": query})
    assert time.perf_counter() - started < 2  # quickly, however long or odd the query
    assert response.status_code == 200
    page = response.content.decode()
    assert answer in page
    assert "<script>alert" not in page
    assert page.count("<h1") == 1


def test_bad_filters_are_answered_beside_the_field(client):
    response = client.get("/en/search/", {"q": "hamnen", "kind": "secret", "focus_area": "nope"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_the_header_has_a_search_box(client):
    page = client.get("/en/").content.decode()
    assert 'role="search"' in page and 'action="/en/search/"' in page
    assert '<label for="site-search-q"' in page
