"""Related-work search measured on the evaluation sets: 24 short texts written by hand
(data/related_evaluation.json), 12 in Swedish and 12 in English, and 31 whole initiatives with
every field of the form (data/related_initiatives.toml), 19 in Swedish and 12 in English, each
with the efforts of the demo register a process manager would link to it."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from meetmalmo.inventory.evaluation import evaluate, evaluate_initiatives, filler_words, rankings

pytestmark = pytest.mark.django_db

# Written on SQLite by `manage.py evaluate_related --rankings`; write it again when the ranking
# is improved on purpose.
EXPECTED_RANKINGS = Path(__file__).parent / "related_rankings.json"


@pytest.fixture
def demo_register():
    call_command("seed_demo", stdout=io.StringIO())


def test_the_relevant_efforts_are_in_the_first_five(demo_register):
    scores = evaluate()
    assert scores["sv"].queries == scores["en"].queries == 12
    assert scores["sv"].recall >= 0.9, scores["sv"].misses
    assert scores["en"].recall >= 0.75, scores["en"].misses
    assert scores["sv"].mrr >= 0.8 and scores["en"].mrr >= 0.75


def test_sqlite_and_postgresql_rank_alike(demo_register):
    assert rankings() == json.loads(EXPECTED_RANKINGS.read_text(encoding="utf-8"))


def test_the_evaluation_command_prints_recall_and_mrr(demo_register, capsys):
    call_command("evaluate_related")
    out = capsys.readouterr().out
    assert "sv: 12 queries, recall@5 0.96, MRR 0.94" in out
    assert "en: 12 queries, recall@5 0.79, MRR 0.80" in out
    assert "sv whole: 19 initiatives, recall@5 0.93, MRR 1.00" in out
    assert "en whole: 12 initiatives, recall@5 0.88, MRR 0.92" in out
    assert "sv title: 19 initiatives" in out and "en title: 12 initiatives" in out


def test_whole_initiatives_find_their_efforts_at_least_as_well_as_their_titles(demo_register):
    scores = evaluate_initiatives()
    assert scores[("sv", "whole")].queries >= 15 and scores[("en", "whole")].queries >= 10
    assert scores[("sv", "whole")].recall >= 0.9, scores[("sv", "whole")].misses
    assert scores[("en", "whole")].recall >= 0.85, scores[("en", "whole")].misses
    for language in ("sv", "en"):
        whole, title = scores[(language, "whole")], scores[(language, "title")]
        assert whole.mrr >= 0.8
        assert whole.recall >= title.recall and whole.mrr >= title.mrr


def test_the_words_on_the_stop_list_are_those_measured_as_filler(demo_register, capsys):
    # Measured once the stop list applies, the filler words left are subject words only.
    left = {filler.word for filler in filler_words()}
    assert not left & {"vill", "får", "fler", "want", "arbete", "sitt", "emot", "genom"}
    call_command("evaluate_related", "--filler-words")
    assert "school: in 6 texts, helped in 0" in capsys.readouterr().out
