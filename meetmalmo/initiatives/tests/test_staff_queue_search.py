"""The queue's search: Swedish forms of a word through the index, and who sent the case."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.initiatives.indexing import index_initiatives
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State

pytestmark = pytest.mark.django_db


def case(title, **extra):
    texts = {"summary": "En idé från näringslivet.", "description": "Mer om idén.", "challenge": ""}
    initiative = InitiativeFactory(title=title, state=State.SUBMITTED, **texts, **extra)
    index_initiatives([initiative.pk])
    return initiative


def titles(client, q):
    response = client.get("/en/staff/", {"tab": "open", "q": q})
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def cases(client, process_manager):
    client.force_login(process_manager)
    organisation = OrganisationFactory(name="Möllans Lokalföreningen")
    submitter = UserFactory(
        name="Karin Åkesson Lindqvist", email="karin.lindqvist@bageri.example.se"
    )
    return {
        "cafe": case("Ett kafé och bageri vid Möllan", submitter=submitter),
        "hotel": case("Fler hotell i Västra hamnen", organisation=organisation),
        "other": case("Sommarjobb för unga"),
    }


@pytest.mark.parametrize("word", ["bageriet", "kafét", "kaféer", "kaféet", "kafe", "BAGERIET"])
def test_a_swedish_form_of_a_word_in_the_title_finds_the_case(client, cases, word):
    content = titles(client, word)
    assert "Ett kafé och bageri" in content
    assert "Sommarjobb" not in content


def test_the_definite_form_of_hotell_finds_the_hotel_case(client, cases):
    content = titles(client, "hotellet")
    assert "Fler hotell" in content and "Ett kafé" not in content


def test_the_submitters_surname_finds_their_cases(client, cases):
    content = titles(client, "lindqvist")
    assert "Ett kafé och bageri" in content
    assert "Fler hotell" not in content and "Sommarjobb" not in content


def test_the_submitters_e_mail_finds_their_cases(client, cases):
    content = titles(client, "karin.lindqvist@bageri.example.se")
    assert "Ett kafé och bageri" in content and "Fler hotell" not in content
    assert "Ett kafé och bageri" in titles(client, "@bageri.example.se")
    assert "Ett kafé och bageri" not in titles(client, "someone.else@example.se")


def test_the_organisations_name_finds_its_cases(client, cases):
    content = titles(client, "lokalföreningen")
    assert "Fler hotell" in content and "Ett kafé" not in content


def test_every_word_must_match(client, cases):
    assert "Ett kafé och bageri" in titles(client, "bageriet lindqvist")
    assert "Ett kafé och bageri" not in titles(client, "bageriet hotellet")
    assert "Ett kafé och bageri" not in titles(client, "karin.lindqvist@bageri.example.se hotell")


@pytest.mark.parametrize(
    "hostile", ["x" * 200, "%", "_", "'; DROP TABLE x;--", "مرحبا", "@", "a@" * 100, "é" * 60]
)
def test_a_hostile_query_finds_nothing_and_is_no_error(client, cases, hostile):
    assert "Ett kafé och bageri" not in titles(client, hostile)


def test_a_huge_query_is_refused_beside_the_field_keeping_what_was_typed(client, cases):
    content = titles(client, "bageriet " * 600)
    assert "at most 200 characters" in content
    assert "bageriet bageriet" in content
    assert "Null characters are not allowed." in titles(client, "bageriet\x00")


def test_the_search_costs_the_same_number_of_queries_however_many_cases(client, cases):
    def count():
        with CaptureQueriesContext(connection) as queries:
            titles(client, "bageriet lindqvist karin@example.se")
        return len(queries)

    before = count()
    for n in range(15):
        case(f"Bageriet nummer {n}", submitter=UserFactory(name=f"Anna Lindqvist {n}"))
    assert count() == before
