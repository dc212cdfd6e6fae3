"""The language switcher, the alternate-language links and a page's canonical address are built
from the path of the address asked for, never from a host in it: an address such as
`//evil.example/sv/` answers 404, and its switcher must not link to the other host."""

import re

import pytest
from django.test import RequestFactory

from meetmalmo.core.http import canonical_url

pytestmark = pytest.mark.django_db

HOSTILE = ["//evil.example/sv/", "///evil.example/sv/", "/\\evil.example/sv/", "/\\/evil.example/"]


def links(page: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', page)


@pytest.mark.parametrize("path", HOSTILE)
def test_a_404_for_an_address_with_a_host_links_to_no_other_host(client, path):
    response = client.get("/", PATH_INFO=path)
    assert response.status_code == 404
    page = response.content.decode()
    assert "Svenska" in page and "English" in page  # the switcher is there
    other_host = [href for href in links(page) if re.match(r"^(https?:)?[/\\]{2}", href)]
    assert not other_host, other_host


def test_the_switcher_keeps_the_query_of_the_page(client):
    page = client.get("/sv/how-it-works/?utm_source=nyhetsbrev").content.decode()
    assert 'href="/en/how-it-works/?utm_source=nyhetsbrev"' in page


def test_the_switcher_links_to_the_same_page_with_letters_of_the_language(client):
    page = client.get("/sv/nyheter-åäö/").content.decode()  # a 404 with Swedish letters
    assert 'href="/sv/nyheter-%C3%A5%C3%A4%C3%B6/"' in page


@pytest.mark.parametrize("path", HOSTILE)
def test_the_canonical_address_stays_on_the_host_asked_for(path):
    request = RequestFactory().get("/", PATH_INFO=path)
    assert canonical_url(request).startswith("http://testserver/")
