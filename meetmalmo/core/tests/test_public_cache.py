import pytest

from meetmalmo.publishing.tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_an_anonymous_visitor_gets_public_pages_from_the_cache(client, django_assert_num_queries):
    ArticleFactory(title_en="Cached news")
    first = client.get("/en/news/")
    with django_assert_num_queries(0):
        second = client.get("/en/news/")
    assert second.content == first.content and b"Cached news" in second.content


def test_publishing_clears_the_cache_at_once(
    client, process_manager, django_capture_on_commit_callbacks
):
    ArticleFactory(title_en="Old news")
    client.get("/en/news/")
    client.force_login(process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/staff/news/new/",
            {
                "slug": "fresh",
                "title_en": "Fresh news",
                "body_en": "x",
                "byline": "x",
                "publish_at": "2020-01-01T10:00",
                "action": "save",
            },
        )
    client.logout()
    assert b"Fresh news" in client.get("/en/news/").content


def test_signed_in_people_and_visitors_with_a_message_never_share_a_cached_page(
    client, member, django_assert_max_num_queries
):
    client.get("/en/news/")
    client.force_login(member)
    page = client.get("/en/news/").content.decode()
    assert "Signed in as" in page
    client.logout()
    assert "Signed in as" not in client.get("/en/news/").content.decode()


def test_pages_with_a_form_are_not_cached(client, django_assert_max_num_queries):
    ArticleFactory(slug="med-formular")
    client.get("/en/news/med-formular/")
    client.cookies.clear()
    with django_assert_max_num_queries(50) as second:
        client.get("/en/news/med-formular/")
    assert len(second.captured_queries) > 0


def test_each_language_and_page_has_its_own_entry(client):
    ArticleFactory(title_sv="Svensk rubrik", title_en="English title")
    assert b"Svensk rubrik" in client.get("/sv/news/").content
    assert b"English title" in client.get("/en/news/").content
    assert b"Svensk rubrik" in client.get("/sv/news/").content


@pytest.mark.parametrize("path", ["/en/", "/sv/projects/", "/en/news/?page=2"])
def test_the_home_page_and_lists_are_cached(client, path, django_assert_num_queries):
    ArticleFactory()
    client.get(path)
    with django_assert_num_queries(0):
        assert client.get(path).status_code == 200
