import io
import json

import pytest
from django.core.management import CommandError, call_command

from meetmalmo.inventory.tests.factories import EffortFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("related", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def efforts():
    return [
        EffortFactory(title="Sommarjobb för unga", description="Ungdomar får sommarjobb."),
        EffortFactory(title="Läxhjälp", description="Studenter hjälper elever med läxor."),
    ]


def test_it_prints_the_ranked_list(efforts):
    out = run("--text", "summer jobs for young people")
    assert out.startswith("1. [effort] Sommarjobb för unga (score ")
    assert "summer jobs" in out and f"/en/staff/efforts/{efforts[0].pk}/" in out


def test_json_gives_title_kind_score_url_and_matched_best_first(efforts):
    found = json.loads(run("--text", "sommarjobb och läxhjälp för unga", "--json", "--limit", "2"))
    assert [f["title"] for f in found][0] == "Sommarjobb för unga"
    assert set(found[0]) >= {"title", "kind", "score", "url", "matched", "id"}
    assert found[0]["kind"] == "effort" and found[0]["score"] >= found[1]["score"]


@pytest.mark.parametrize("text", ["", "och", "مرحبا", "x" * 10_000])
def test_texts_without_matches_answer_plainly(efforts, text):
    assert run("--text", text) == "Nothing related found.\n"
    assert json.loads(run("--text", text, "--json")) == []


@pytest.mark.parametrize("limit", ["0", "101"])
def test_a_limit_out_of_range_is_refused(efforts, limit):
    with pytest.raises(CommandError, match="--limit must be between 1 and 100"):
        run("--text", "jobb", "--limit", limit)


def test_rebuilding_the_index_counts_what_it_indexed(efforts):
    out = io.StringIO()
    call_command("rebuild_related_index", stdout=out)
    assert out.getvalue() == "Indexed 2 texts for related work and matching.\n"
