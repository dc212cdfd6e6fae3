import re

import pytest
from django.test import override_settings
from django.urls import path

from meetmalmo.accounts.tests.factories import ContactProfileFactory, ProcessManagerFactory

pytestmark = pytest.mark.django_db


def h1s(response) -> list[str]:
    return re.findall(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("page", ["", "how-it-works/", "contact/"])
def test_each_public_page_has_its_language_and_one_heading(client, lang, page):
    response = client.get(f"/{lang}/{page}")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()
    assert len(h1s(response)) == 1


def test_the_root_sends_a_visitor_to_swedish_by_default(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


def test_the_root_sends_an_english_browser_to_english(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response["Location"] == "/en/"


def test_the_home_page_offers_the_two_ways_in(client):
    content = client.get("/en/").content.decode()
    assert "Bring in an initiative" in content
    assert "Join as a Meet Malmö resource" in content


def test_the_home_page_is_swedish_under_sv(client):
    content = client.get("/sv/").content.decode()
    assert "Lämna in ett initiativ" in content
    assert "Bring in an initiative" not in content


def test_how_it_works_states_the_three_week_promise_and_criteria(client):
    content = client.get("/en/how-it-works/").content.decode()
    assert "within three weeks" in content
    for criterion in ["Strategic", "Built on cooperation", "Socially sustainable"]:
        assert criterion in content
    assert content.count("<li>\n    <h2>") == 5


def test_the_language_switcher_links_to_the_same_page(client):
    content = client.get("/sv/how-it-works/").content.decode()
    assert 'href="/en/how-it-works/" lang="en"' in content
    assert 'href="/sv/how-it-works/" lang="sv" hreflang="sv" aria-current="true"' in content


def test_contact_lists_listed_process_managers_in_the_page_language(client):
    manager = ProcessManagerFactory(name="Lena Åkesson")
    manager.contact_profile.title_en = "Process manager, Meet Malmö"
    manager.contact_profile.title_sv = "Processledare, Meet Malmö"
    manager.contact_profile.save()
    hidden = ContactProfileFactory(listed=False, user__name="Dold Person")

    english = client.get("/en/contact/").content.decode()
    swedish = client.get("/sv/contact/").content.decode()

    assert "Lena Åkesson" in english and "Process manager, Meet Malmö" in english
    assert "Processledare, Meet Malmö" in swedish
    assert manager.email in english
    assert hidden.user.name not in english
    assert "meetmalmo@malmo.se" in english


def test_contact_does_not_list_members_who_are_not_process_managers(client, member):
    assert member.name not in client.get("/en/contact/").content.decode()


def test_contact_keeps_a_fixed_number_of_queries(client, django_assert_num_queries):
    ProcessManagerFactory()
    with django_assert_num_queries(1):
        client.get("/en/contact/")
    for _ in range(5):
        ProcessManagerFactory()
    with django_assert_num_queries(1):
        client.get("/en/contact/")


@pytest.mark.parametrize(
    ("lang", "text"), [("sv", "Vi kunde inte hitta sidan"), ("en", "We could not find that page")]
)
def test_a_missing_page_answers_404_in_the_page_language(client, lang, text):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    assert text in response.content.decode()
    assert f'<html lang="{lang}">' in response.content.decode()


def _forbidden(request):
    from django.core.exceptions import PermissionDenied

    raise PermissionDenied


def _broken(request):
    raise RuntimeError("boom")


urlpatterns_with_errors = [
    path("sv/forbidden/", _forbidden),
    path("en/broken/", _broken),
]


class ErrorURLs:
    """The portal's own URLs plus two that fail on purpose."""

    from meetmalmo.urls import handler403, handler404, handler500  # noqa: F401
    from meetmalmo.urls import urlpatterns as _portal

    urlpatterns = urlpatterns_with_errors + _portal


@override_settings(ROOT_URLCONF=ErrorURLs)
def test_a_refused_page_answers_403_with_a_helpful_page(client):
    response = client.get("/sv/forbidden/")
    assert response.status_code == 403
    assert "Du har inte tillgång till den här sidan" in response.content.decode()


@override_settings(ROOT_URLCONF=ErrorURLs)
def test_a_crash_answers_500_without_leaking_details(client):
    client.raise_request_exception = False
    response = client.get("/en/broken/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Something went wrong on our side" in content
    assert "boom" not in content


def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    policy = client.get("/sv/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
