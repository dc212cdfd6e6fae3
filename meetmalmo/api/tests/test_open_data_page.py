import re

import pytest

from meetmalmo.api.datasets import DATASETS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_page_links_every_dataset_the_api_and_the_catalogue(client, language):
    answer = client.get(f"/{language}/open-data/")
    assert answer.status_code == 200
    page = answer.content.decode()
    assert len(re.findall(r"<h1[ >]", page)) == 1
    for dataset in DATASETS:
        assert f'href="/open-data/{dataset.key}.csv"' in page
        for column in dataset.header:
            assert f"<code>{column}</code>" in page
    assert 'href="/open-data/catalog.rdf"' in page
    assert 'href="/api/v1/openapi.json"' in page
    assert f'href="/{language}/open-data/api/"' in page
    assert "CC0 1.0" in page
    assert f"https://creativecommons.org/publicdomain/zero/1.0/deed.{language}" in page


def test_the_page_is_served_from_the_public_cache_to_visitors(client, django_assert_num_queries):
    client.get("/en/open-data/")
    with django_assert_num_queries(0):
        assert client.get("/en/open-data/").status_code == 200


def test_the_sitemap_lists_the_open_data_pages_in_both_languages(client):
    xml = client.get("/sitemap.xml").content.decode()
    for language in ("sv", "en"):
        assert f"http://testserver/{language}/open-data/</loc>" in xml
        assert f"http://testserver/{language}/open-data/api/</loc>" in xml
