"""The big lists are read through indexes that match their filter and order
(`site.query_plans`): their count and first page neither scan a big table nor sort it."""

import pytest
from django.utils import timezone

from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.initiatives.workflow import State
from meetmalmo.inventory.models import Effort
from meetmalmo.inventory.tests.factories import EffortFactory
from meetmalmo.publishing.services import project_open
from meetmalmo.publishing.tests.factories import ArticleFactory
from meetmalmo.resources.tests.factories import ResourceFactory
from meetmalmo.site import query_plans

pytestmark = pytest.mark.django_db


@pytest.fixture
def lists(process_manager):
    now = timezone.now()
    for state, holder in ((State.SUBMITTED, process_manager), (State.IN_REVIEW, None)):
        InitiativeFactory(state=state, assigned_to=holder, submitted_at=now, decision_due=now)
        # One waiting for the submitter's answer, one answered, so the desk reads a page of each.
        InitiativeFactory(
            state=state,
            assigned_to=holder,
            submitted_at=now,
            decision_due=now,
            last_question_at=now,
        )
        InitiativeFactory(
            state=state,
            assigned_to=holder,
            submitted_at=now,
            decision_due=now,
            last_question_at=now,
            last_answer_at=now,
        )
    InitiativeFactory(state=State.DECLINED, submitted_at=now, decided_at=now)
    ArticleFactory.create_batch(2)
    group = forming_group(process_manager)
    project_open(group.initiative, None).published_at = now
    group.initiative.project.save()
    EffortFactory.create_batch(2)
    ResourceFactory.create_batch(2)
    return query_plans.lists(process_manager)


def test_every_big_list_reads_index_ranges(lists):
    # The directory is ordered by the people's names, across a join: the database chooses
    # whether to read people in name order by its statistics, so with a few rows it sorts
    # the profiles instead. `make bench` checks it at scale (`bench_plans`).
    del lists["resources"]
    wasteful = {name: query_plans.wasteful_steps(queryset) for name, queryset in lists.items()}
    assert {name: found for name, found in wasteful.items() if found} == {}


def test_a_list_that_sorts_is_caught(lists):
    EffortFactory.create_batch(2)
    # Every effort, in an order no index keeps: its count reads the whole table, and its page
    # sorts it.
    found = query_plans.wasteful_steps(Effort.objects.order_by("description"))
    [(sql, steps)] = [(sql, steps) for sql, steps in found if "ORDER BY" in sql]
    assert "description" in sql
