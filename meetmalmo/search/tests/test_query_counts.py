"""The search, the library and contacting a project keep their number of queries from the demo
to `seed_demo --scale 400`: their cost follows the query and the page, not the site's size."""

import io

import pytest
from django.core.management import call_command

from meetmalmo.core.tests.test_query_counts import _count
from meetmalmo.publishing.models import Project

pytestmark = pytest.mark.django_db(transaction=False)


@pytest.fixture(autouse=True)
def _indexed_at_once():
    """Here the real deferral is kept: the demo is indexed by `seed_demo` itself."""


def _pages():
    project = Project.objects.published().order_by("id")[0]
    return [
        (None, path)
        for path in (
            "/sv/search/?q=hotell",
            "/sv/search/?q=sommarjobb+unga",
            "/en/search/?q=summer+jobs",
            "/sv/search/?q=hotell&kind=project",
            "/sv/search/?q=hotell&kind=project&page=2",
            "/sv/search/?q=malm%C3%B6&focus_area=youth-employment",
            "/sv/search/?q=x",
            "/sv/results/",
            "/sv/results/?focus_area=youth-employment&sphere=business",
            "/sv/results/?outcome=unga+som+n%C3%A5ddes",
            "/sv/results/lessons/youth-employment/",
            "/sv/results/lessons/feed/",
            "/open-data/lessons.csv",
            f"/sv/projects/{project.slug}/contact/",
        )
    ]


def test_the_search_and_the_library_make_no_more_queries_with_more_data(client):
    call_command("seed_demo", stdout=io.StringIO())
    demo = _count(client, _pages())
    call_command("seed_demo", "--scale", "400", stdout=io.StringIO())
    grown = _count(client, _pages())
    changed = {path: (demo[path], grown[path]) for path in demo if demo[path] != grown[path]}
    assert not changed, f"queries (demo, scaled) differ: {changed}"
    print(demo)
