import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from meetmalmo.core.models import FocusArea
from meetmalmo.initiatives.services import perform_transition
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory import services
from meetmalmo.inventory.importer import import_efforts
from meetmalmo.inventory.models import GlossaryEntry, IndexTerm
from meetmalmo.inventory.related import related
from meetmalmo.inventory.tests.factories import EffortFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    return {
        "summer": EffortFactory(
            title="Sommarjobb för unga i Malmö stad",
            description="Staden erbjuder ungdomar sommarjobb i förvaltningar och föreningar.",
        ),
        "gaming": EffortFactory(
            title="Spelbranschens kompetensråd",
            description="Spelföretag och skolor tar fram utbildningar för spelutvecklare.",
            owner_org="Game Habitat",
            sphere="industry_org",
        ),
        "harbour": EffortFactory(
            title="Hamnens framtid",
            description="Nya bostäder och arbetsplatser i det gamla hamnområdet.",
        ),
        "english": EffortFactory(
            title="Hospitality training for newcomers",
            description="Newly arrived adults learn hotel and restaurant work with a mentor.",
            owner_org="Visita",
            sphere="industry_org",
            language="en",
        ),
    }


def titles(text, **kwargs):
    return [match.title for match in related(text, **kwargs)]


def test_a_swedish_text_finds_the_effort_on_the_same_subject_first(register):
    assert titles("Vi vill ge fler ungdomar ett sommarjobb")[0] == register["summer"].title


def test_a_compound_finds_its_parts_and_the_reverse(register):
    assert titles("jobb för unga")[0] == register["summer"].title
    assert register["harbour"].title in titles("hamnen")
    assert titles("utveckling av spel")[0] == register["gaming"].title


def test_an_english_text_finds_a_swedish_effort_through_the_glossary(register):
    found = related("Summer jobs for young people")
    assert found[0].title == register["summer"].title
    # The person's own words explain the match, never the glossary's Swedish or a stem.
    assert "Summer jobs" in found[0].matched
    assert "sommarjobb" not in found[0].matched and "ungdom" not in found[0].matched


def test_a_swedish_text_finds_an_english_effort(register):
    assert (
        titles("Nyanlända lär sig jobba på hotell och restaurang")[0] == register["english"].title
    )


def test_staff_extend_the_glossary_and_the_next_search_uses_it(register):
    assert register["harbour"].title not in titles("wharf")
    GlossaryEntry.objects.create(swedish="hamnområde, hamn", english="wharf, quayside")
    assert titles("wharf")[0] == register["harbour"].title


def test_focus_areas_and_the_organisation_count_beside_the_words(register, organisation):
    youth = FocusArea.objects.get(code="youth-employment")
    areas_only = EffortFactory(title="Något helt annat", focus_areas=[youth])
    same_org = EffortFactory(title="Ännu något annat", organisation=organisation)
    with translation.override("en"):
        found = related(
            "sommarjobb", focus_areas=["youth-employment"], organisation_id=organisation.pk
        )
    by_title = {m.title: m for m in found}
    assert youth.name_en in by_title[areas_only.title].matched
    assert "same organisation" in by_title[same_org.title].matched
    assert found[0].title == register["summer"].title


def test_archived_efforts_drafts_and_withdrawn_initiatives_are_never_suggested(register):
    services.effort_set_archived(effort=register["summer"], archived=True)
    draft = InitiativeFactory(title="Sommarjobb på hotell", state=State.DRAFT)
    submitted = InitiativeFactory(title="Sommarjobb i hamnen", state=State.DRAFT)
    perform_transition(initiative=submitted, name="submit", actor=submitted.submitter)
    found = titles("sommarjobb")
    assert register["summer"].title not in found and draft.title not in found
    assert submitted.title in found
    perform_transition(initiative=submitted, name="withdraw", actor=submitted.submitter)
    assert submitted.title not in titles("sommarjobb")
    services.effort_set_archived(effort=register["summer"], archived=False)
    assert titles("sommarjobb")[0] == register["summer"].title


def test_kinds_and_exclusions_narrow_the_list(register):
    case = InitiativeFactory(title="Sommarjobb för alla", state=State.DRAFT)
    perform_transition(initiative=case, name="submit", actor=case.submitter)
    assert case.title in titles("sommarjobb")
    assert case.title not in titles("sommarjobb", kinds=["effort"])
    assert case.title not in titles("sommarjobb", exclude=[("initiative", case.pk)])


def test_an_edited_effort_is_found_by_its_new_words(register):
    from meetmalmo.inventory.forms import EffortForm

    effort = register["harbour"]
    form = EffortForm(
        {
            "title": "Kryssningsturism",
            "description": "Kryssningsfartyg i hamnen.",
            "owner_org": "Copenhagen Malmö Port",
            "sphere": "business",
            "status": "active",
            "language": "sv",
        },
        instance=effort,
    )
    assert form.is_valid(), form.errors
    services.effort_save(form=form)
    assert titles("kryssningsturism") == ["Kryssningsturism"]
    assert "Hamnens framtid" not in titles("bostäder arbetsplatser")


def test_re_importing_a_file_keeps_one_set_of_index_rows():
    data = (
        "title,description,owner_org,sphere,contact_email,url,focus_areas,status\n"
        "Läxhjälp,Studenter hjälper elever med läxor.,Röda Korset,civil_society,,,,active\n"
    ).encode()
    assert import_efforts(data).ok and import_efforts(data).ok
    rows = IndexTerm.objects.filter(term="läxhjälp")
    assert rows.count() == 1
    assert titles("läxhjälp för elever") == ["Läxhjälp"]


@pytest.mark.parametrize(
    "text",
    ["", "   ", "och att det", "sommarjobb", "x" * 10_000, "jobb " * 5_000, "مرحبا بالعالم", "😀"],
)
def test_any_text_gets_an_answer(register, text):
    found = related(text)
    assert isinstance(found, list) and len(found) <= 10


def test_the_number_of_queries_does_not_grow_with_the_register(register):
    def count():
        with CaptureQueriesContext(connection) as queries:
            related("sommarjobb för unga i hamnen med spel")
        return len(queries)

    small = count()
    for n in range(40):
        EffortFactory(title=f"Sommarjobb {n}", description="Unga i hamnen spelar.")
    assert count() == small


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares with PostgreSQL")
def test_the_stems_are_those_of_postgresqls_swedish_and_english_configurations():
    from meetmalmo.inventory import text

    words = [
        "ungdomarna",
        "sommarjobbet",
        "restaurangerna",
        "företagare",
        "nyanlända",
        "hamnen",
        "kompetensförsörjningen",
        "utbildningar",
        "spelbranschens",
        "arbetsgivarna",
        "att",
        "och",
    ]
    # PostgreSQL's stop words are dropped as PostgreSQL drops them; the register's own stop
    # list (data/register.stop) is beside them and not compared here.
    english = ["jobs", "hospitality", "newcomers", "training", "young", "business", "the", "and"]
    with connection.cursor() as cursor:
        for config, language, vocabulary in (("swedish", "sv", words), ("english", "en", english)):
            for word in vocabulary:
                cursor.execute("SELECT to_tsvector(%s::regconfig, %s)::text", [config, word])
                lexeme = cursor.fetchone()[0].split(":")[0].strip("'")
                ours = [text.stem(w, language) for w in text.words(word)]
                assert ours == ([lexeme] if lexeme else []), word


def test_the_words_in_common_are_the_persons_own_as_written(register):
    written = "Ungdomarna på Hotell Hamnkrogen vill ha sommarjobben"
    found = related(written)
    said = written.split(" ")
    for match in found:
        assert match.matched and all(word in said for word in match.matched), match.matched
    assert "sommarjobben" in found[0].matched and "Ungdomarna" in found[0].matched


def test_a_whole_initiative_is_read_field_by_field_and_stays_on_its_subject(register):
    fields = [
        ("Sommarjobb för ungdomar", 3.0),
        ("Unga får sitt första sommarjobb hos oss.", 2.0),
        ("Vi tar emot resenärer i hamnen och i hamnområdet, hamnen växer.", 1.0),
        ("Hamnen och hamnområdet behöver folk.", 0.5),
    ]
    found = related("", fields=fields)
    assert found[0].title == register["summer"].title
    # The harbour, written in passing in the long fields, comes after the subject.
    assert [m.title for m in found].index(register["harbour"].title) > 0


def test_filler_words_and_their_compound_parts_find_nothing(register):
    EffortFactory(title="Bättre arbetsmiljö i lagret", description="Säkrare lager.")
    assert related("få sitt emot genom arbete") == []
    assert "Bättre arbetsmiljö i lagret" not in titles("arbete för anställda")


def test_one_word_or_an_empty_text_finds_nothing_for_a_writer(register):
    from meetmalmo.inventory.selectors import suggestions_for_writer

    assert suggestions_for_writer(text="") == []
    assert suggestions_for_writer(text="sommarjobb") == []
    assert suggestions_for_writer(fields=[("sommarjobb", 3.0), ("", 1.0)]) == []
    assert (
        suggestions_for_writer(text="sommarjobb för ungdomar")[0].title == register["summer"].title
    )


def test_staff_read_how_strong_a_suggestion_is_instead_of_points(register):
    found = related("Sommarjobb för unga i Malmö stad, och spel")
    assert [m.rank for m in found] == list(range(1, len(found) + 1))
    assert found[0].strength == "strong"
    assert {m.strength for m in found} <= {"strong", "medium", "weak"}
    with translation.override("sv"):
        assert found[0].strength_label() == "stark"


def test_a_text_of_twenty_thousand_characters_answers_as_fast_as_a_short_one(register):
    import time

    long_text = ("Sommarjobb för unga på hotell i hamnen med spel och kultur. " * 400)[:20_000]
    related(long_text)  # warm the caches, as a running portal has them
    started = time.perf_counter()
    found = related("", fields=[("Sommarjobb för unga", 3.0), (long_text, 1.0)])
    assert time.perf_counter() - started < 0.5
    assert found[0].title == register["summer"].title
