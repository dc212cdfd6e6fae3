"""The match list measured on the evaluation set of working groups
(groups/data/matching_evaluation.toml): sixteen groups, each with the resources of the demo pool
a process manager would invite."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from meetmalmo.groups import evaluation
from meetmalmo.resources.models import ResourceProfile
from meetmalmo.resources.selectors import _explain, _profiles, _wanted

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_pool():
    call_command("seed_demo", stdout=io.StringIO())


def test_the_resources_to_invite_are_in_the_first_five(demo_pool):
    score = evaluation.evaluate()
    assert len(score.groups) >= 15
    assert score.precision >= 0.6, [(g.title, g.missed) for g in score.groups]
    assert score.ndcg >= 0.75


def test_the_youth_coach_is_among_the_first_five_for_the_homework_help_group(demo_pool):
    by_title = {group.title: group for group in evaluation.evaluate().groups}
    assert "elin.ahmadi" in by_title["Läxhjälp med företagens volontärer"].ranked[:5]


def test_no_match_list_gives_a_reason_that_holds_for_every_resource(demo_pool):
    with transaction.atomic(), translation.override("sv"):
        for item in evaluation.groups():
            group = evaluation._form(item)
            pool = _profiles().available().exclude(user__memberships__group=group)
            wanted = _wanted(group, ResourceProfile.objects.available())
            reasons = [set(_explain(profile, wanted).reasons) for profile in pool]
            assert len(reasons) > 30
            assert not set.intersection(*reasons), item.get("title") or item["initiative"]
        transaction.set_rollback(True)


def test_the_evaluation_command_prints_precision_and_ndcg(demo_pool, capsys):
    call_command("evaluate_matching")
    out = capsys.readouterr().out
    assert "Läxhjälp med företagens volontärer: precision@5" in out
    assert "16 groups: precision@5 0.64, nDCG 0.79" in out
