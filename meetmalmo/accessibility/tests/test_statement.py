"""The accessibility statement the Swedish law requires: what it says, and that every page links
to it."""

import re

import pytest

pytestmark = pytest.mark.django_db
URL = "/en/accessibility/"


def text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_the_statement_follows_diggs_model_in_english(client):
    response = client.get(URL)
    assert response.status_code == 200
    content = text(response)
    assert re.findall(r"<h1>(.*?)</h1>", response.content.decode()) == [
        "Accessibility statement for Meet Malmö"
    ]
    assert "The City of Malmö is behind this website." in content
    assert "We want as many people as possible to be able to use it." in content
    for heading in [
        "How accessible is the website?",
        "What can you do if you cannot use parts of the website?",
        "Report a problem or ask for content in another form",
        "Where to complain",
        "Technical information about the website's accessibility",
        "Known gaps",
        "Disproportionate burden",
        "Content not covered by the law",
        "How we tested the website",
    ]:
        assert heading in content


def test_it_says_honestly_that_the_site_is_partly_compliant_and_lists_the_gaps(client):
    content = text(client.get(URL))
    assert "This website is partly compliant with the law" in content
    assert "fully compliant" not in content
    for gap in [
        "Documents attached to initiatives.",
        "Texts written by members.",
        "The administration pages.",
        "The language of comments, updates and messages.",
        "Charts are pictures.",
        "Some content exists in only one language.",
    ]:
        assert gap in content
    assert "We will test them and report the result here by 1 June 2027." in content


def test_it_says_how_to_ask_where_to_complain_and_how_it_was_tested(client):
    response = client.get(URL)
    content = text(response)
    assert "We answer within two weeks." in content
    assert 'href="mailto:meetmalmo@malmo.se"' in response.content.decode()
    assert 'href="https://www.digg.se/tdosanmalan"' in response.content.decode()
    assert "Myndigheten för digital förvaltning, DIGG" in content
    assert "axe-core" in content and "keyboard alone" in content
    assert "at a width of 320 pixels" in content and "of 1280 pixels" in content
    assert "This statement was first prepared on 23 November 2026" in content
    assert '<time datetime="2026-11-23">23 November 2026</time>' in response.content.decode()
    assert "last updated on 2 December 2026" in content


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_statement_is_there_in_both_languages_with_one_heading(client, lang):
    response = client.get(f"/{lang}/accessibility/")
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in response.content.decode()
    assert response.content.decode().count("<h1") == 1


@pytest.mark.parametrize("path", ["/sv/", "/en/how-it-works/", "/en/news/", "/sv/accounts/login/"])
def test_every_page_links_to_the_statement_from_its_footer(client, path):
    content = client.get(path).content.decode()
    footer = content[content.index('<footer class="site-footer">') :]
    lang = path.split("/")[1]
    assert f'href="/{lang}/accessibility/"' in footer


def page_field(response) -> str:
    return re.search(r'<input[^>]*id="id_page"[^>]*>', response.content.decode())[0]


@pytest.mark.parametrize("came_from", ["/en/news/", "/sv/how-it-works/"])
def test_the_page_concerned_starts_as_the_portal_page_the_person_came_from(client, came_from):
    response = client.get(URL, HTTP_REFERER=f"http://testserver{came_from}?page=2#top")
    assert f'value="http://testserver{came_from}"' in page_field(response)


@pytest.mark.parametrize(
    "referer",
    [
        "https://elsewhere.example/en/news/",
        "http://testserver/en/accessibility/",
        "http://testserver/sv/accessibility/",
        "http://testserver/en/no-such-page/",
        # Links that are keys must not travel on in the report's e-mail.
        "http://testserver/en/groups/invitations/8f14e45f-ceea-467f-a0e6-1e5a0b3b2f7d/",
        "http://testserver/en/accounts/password/reset/key/1-set-password/",
        "http://testserver/en/accounts/confirm-email/MQ:1vS2Zp:abc/",
    ],
)
def test_another_site_a_secret_link_or_the_statement_is_not_offered_as_the_page(client, referer):
    assert "value=" not in page_field(client.get(URL, HTTP_REFERER=referer))


def test_the_sitemap_lists_the_statement(client):
    xml = client.get("/sitemap.xml").content.decode()
    assert "/sv/accessibility/" in xml and "/en/accessibility/" in xml
