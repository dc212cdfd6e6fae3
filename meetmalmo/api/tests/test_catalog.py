"""The DCAT-AP-SE catalogue that Sweden's data portal harvests."""

import xml.etree.ElementTree as ET

import pytest

from meetmalmo.api.datasets import DATASETS
from meetmalmo.api.tests.builders import running_project

pytestmark = pytest.mark.django_db

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}
RESOURCE = f"{{{NS['rdf']}}}resource"
ABOUT = f"{{{NS['rdf']}}}about"
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CC0 = "http://creativecommons.org/publicdomain/zero/1.0/"
SITE = "https://meetmalmo.example.se"


@pytest.fixture
def catalogue(client, settings):
    settings.SITE_URL = SITE
    settings.CONTACT_EMAIL = "meetmalmo@malmo.se"
    running_project()
    answer = client.get("/open-data/catalog.rdf")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/rdf+xml; charset=utf-8"
    return ET.fromstring(answer.content)  # noqa: S314 - the portal's own answer


def one(element, path):
    found = element.findall(path, NS)
    assert len(found) == 1, path
    return found[0]


def languages(element, path):
    return {node.get(LANG): node.text for node in element.findall(path, NS)}


def resources(element, path):
    return [node.get(RESOURCE) for node in element.findall(path, NS)]


def by_about(root, kind):
    return {node.get(ABOUT): node for node in root.findall(kind, NS)}


def test_the_catalogue_has_the_mandatory_properties(catalogue):
    catalog = one(catalogue, "dcat:Catalog")
    assert catalog.get(ABOUT) == f"{SITE}/open-data/catalog.rdf"
    assert set(languages(catalog, "dcterms:title")) == {"sv", "en"}
    assert all(languages(catalog, "dcterms:description").values())
    assert resources(catalog, "dcterms:license") == [CC0]
    assert len(resources(catalog, "dcterms:language")) == 2
    assert one(catalog, "dcterms:issued").text and one(catalog, "dcterms:modified").text
    assert resources(catalog, "foaf:homepage") == [f"{SITE}/sv/open-data/"]
    publisher = by_about(catalogue, "foaf:Agent")[one(catalog, "dcterms:publisher").get(RESOURCE)]
    assert languages(publisher, "foaf:name") == {"sv": "Malmö stad", "en": "City of Malmö"}
    assert len(resources(catalog, "dcat:dataset")) == len(DATASETS)


def test_every_dataset_has_its_description_contact_theme_and_distribution(catalogue):
    datasets = by_about(catalogue, "dcat:Dataset")
    assert set(resources(one(catalogue, "dcat:Catalog"), "dcat:dataset")) == set(datasets)
    contacts = by_about(catalogue, "vcard:Organization")
    for dataset in datasets.values():
        assert set(languages(dataset, "dcterms:title")) == {"sv", "en"}
        assert set(languages(dataset, "dcterms:description")) == {"sv", "en"}
        assert dataset.findall("dcat:keyword", NS)
        assert resources(dataset, "dcterms:publisher")
        contact = contacts[one(dataset, "dcat:contactPoint").get(RESOURCE)]
        assert one(contact, "vcard:fn").text
        assert resources(contact, "vcard:hasEmail") == ["mailto:meetmalmo@malmo.se"]
        assert "http://publications.europa.eu/resource/authority/data-theme/ECON" in resources(
            dataset, "dcat:theme"
        )
        assert resources(dataset, "dcterms:accrualPeriodicity")
        assert one(dataset, "dcterms:modified").text
        distribution = one(dataset, "dcat:distribution/dcat:Distribution")
        assert resources(distribution, "dcterms:license") == [CC0]
        assert resources(distribution, "dcterms:format") == [
            "http://publications.europa.eu/resource/authority/file-type/CSV"
        ]
        assert resources(distribution, "dcat:mediaType") == [
            "https://www.iana.org/assignments/media-types/text/csv"
        ]
        titles = languages(distribution, "dcterms:title")
        assert set(titles) == {"sv", "en"} and titles["en"].endswith("(CSV)")


def test_every_address_in_the_catalogue_answers(catalogue, client):
    distributions = catalogue.findall(".//dcat:Distribution", NS)
    urls = {
        url
        for distribution in distributions
        for url in resources(distribution, "dcat:accessURL")
        + resources(distribution, "dcat:downloadURL")
    }
    service = one(catalogue, "dcat:DataService")
    urls |= set(
        resources(service, "dcat:endpointURL") + resources(service, "dcat:endpointDescription")
    )
    urls |= set(resources(one(catalogue, "dcat:Catalog"), "foaf:homepage"))
    # each file, the catalogue, the API and its description, the open-data page
    assert len(urls) == len(DATASETS) + 3
    for url in urls:
        assert url.startswith(SITE)
        assert client.get(url.removeprefix(SITE)).status_code == 200, url


def test_the_api_is_a_data_service_described_by_its_openapi_document(catalogue):
    service = one(catalogue, "dcat:DataService")
    assert resources(service, "dcat:endpointURL") == [f"{SITE}/api/v1/"]
    assert resources(service, "dcat:endpointDescription") == [f"{SITE}/api/v1/openapi.json"]
    assert resources(one(catalogue, "dcat:Catalog"), "dcat:service") == [service.get(ABOUT)]
    assert len(resources(service, "dcat:servesDataset")) == len(DATASETS)
