"""Related-work search measured on the evaluation set (data/related_evaluation.json): 24
initiatives written by hand, 12 in Swedish and 12 in English, each with the efforts of the demo
register a process manager would link to it."""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from meetmalmo.inventory.evaluation import evaluate, rankings

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
    assert scores["en"].recall >= 0.7, scores["en"].misses
    assert scores["sv"].mrr >= 0.8 and scores["en"].mrr >= 0.7


def test_sqlite_and_postgresql_rank_alike(demo_register):
    assert rankings() == json.loads(EXPECTED_RANKINGS.read_text(encoding="utf-8"))


def test_the_evaluation_command_prints_recall_and_mrr(demo_register, capsys):
    call_command("evaluate_related")
    out = capsys.readouterr().out
    assert "sv: 12 queries, recall@5 1.00" in out
    assert "en: 12 queries, recall@5 0.83" in out
