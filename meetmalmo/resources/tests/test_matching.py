import pytest
from django.utils import translation

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import Membership
from meetmalmo.groups.services import invite
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.resources.selectors import (
    TENTHS,
    _explain,
    _profiles,
    _score_in_tenths,
    _wanted,
    matches,
)
from meetmalmo.resources.tests.factories import ResourceFactory, bulk_resources

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(process_manager):
    group = forming_group(
        process_manager,
        title="Sommarjobb på hotell och restauranger",
        summary="Unga får sitt första jobb i besöksnäringen.",
        language="en",
    )
    group.initiative.focus_areas.set(FocusArea.objects.filter(code="youth-employment"))
    return group


def person(name, sphere="business"):
    return UserFactory(name=name, organisation=OrganisationFactory(sphere=sphere))


def names(group):
    with translation.override("en"):
        return [(m.profile.user.name, m.reasons) for m in matches(group)]


def test_the_best_suited_resource_comes_first_with_its_reasons(group):
    ResourceFactory(
        user=person("Hanna Hotell"),
        competences=["hotellrekrytering", "restaurang"],
        focus_areas=["youth-employment"],
        languages=["sv", "en"],
        industry="I",
        hours_per_month=8,
    )
    ResourceFactory(user=person("Olle Övrig"), competences=["bokföring"], industry="K")
    ranked = names(group)
    assert [name for name, _ in ranked] == ["Hanna Hotell", "Olle Övrig"]
    assert ranked[0][1] == [
        "shares focus areas: Youth employment",
        "competence: hotellrekrytering, restaurang",  # a compound's part matches too
        "industry I Accommodation and food service activities",
        "speaks English",
        "8 h/month free",
        "in 0 groups",
    ]


def test_fewer_groups_and_more_time_rank_higher(group, process_manager):
    busy = ResourceFactory(user=person("Bo Upptagen"), hours_per_month=10)
    ResourceFactory(user=person("Fia Ledig"), hours_per_month=10)
    ResourceFactory(user=person("Gus Lite"), hours_per_month=2)
    for _ in range(2):
        Membership.objects.create(group=forming_group(process_manager), user=busy.user)
    ranked = names(group)
    assert [name for name, _ in ranked] == ["Fia Ledig", "Gus Lite", "Bo Upptagen"]
    assert "in 2 groups" in ranked[-1][1]


def test_a_missing_sphere_counts(group):
    # The group has the submitter's business sphere; academia is new to it.
    ResourceFactory(user=person("Ada Akademi", sphere="academia"))
    ResourceFactory(user=person("Bert Bolag", sphere="business"))
    ranked = names(group)
    assert ranked[0][0] == "Ada Akademi"
    assert "brings a new sphere: Academia" in ranked[0][1]


def test_paused_non_consenting_members_and_invited_never_appear(group, process_manager):
    ResourceFactory(user=person("Paus Ad"), active=False)
    ResourceFactory(user=person("Nej Tack"), consent=False)
    closed = ResourceFactory(user=person("Stängd Konto"))
    closed.user.is_active = False
    closed.user.save()
    member = ResourceFactory(user=person("Redan Med"))
    Membership.objects.create(group=group, user=member.user)
    invited = ResourceFactory(user=person("Bjuden In"))
    invite(group=group, invitee=invited.user, actor=process_manager)
    ResourceFactory(user=person("Kvar Här"))
    assert [name for name, _ in names(group)] == ["Kvar Här"]


def test_the_match_list_page_lists_and_invites(client, group, process_manager, mailoutbox):
    ResourceFactory(user=person("Hanna Hotell"), competences=["restaurang"])
    client.force_login(process_manager)
    page = client.get(f"/en/staff/groups/{group.pk}/match/").content.decode()
    assert "Hanna Hotell" in page and "competence: restaurang" in page
    hanna = ResourceFactory._meta.model.objects.get(user__name="Hanna Hotell").user
    response = client.post(f"/en/staff/groups/{group.pk}/match/invite/", {"user": hanna.pk})
    assert response.status_code == 302
    assert group.invitations.get().invitee == hanna
    after = client.get(f"/en/staff/groups/{group.pk}/match/").content.decode()
    assert f'name="user" value="{hanna.pk}"' not in after


def test_the_match_list_keeps_its_number_of_queries_from_10_to_1000_resources(
    client, group, process_manager, django_assert_num_queries, django_assert_max_num_queries
):
    bulk_resources(10, "small")
    client.force_login(process_manager)
    with django_assert_max_num_queries(60) as small:
        client.get(f"/en/staff/groups/{group.pk}/match/")
    bulk_resources(990, "large")
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get(f"/en/staff/groups/{group.pk}/match/").content.decode()
    assert page.count('name="user"') == 20  # the best twenty


def test_the_database_ranks_by_the_score_the_reasons_explain(group, process_manager):
    """The pool is ranked in SQL and only the best are explained: both must give one score,
    and the list must be the best of the whole pool, not of some part of it."""
    for n, (hours, areas, industry) in enumerate(
        [(3, [], "K"), (25, ["youth-employment"], "I"), (12, [], "I"), (7, [], "K")] * 8
    ):
        ResourceFactory(
            user=person(f"Resurs {n:02d}", sphere="academia" if n % 3 else "business"),
            competences=["restaurang"] if n % 4 == 0 else ["bokföring"],
            focus_areas=areas,
            languages=["en"] if n % 2 else ["sv"],
            industry=industry,
            hours_per_month=hours,
        )
    busy = ResourceFactory(user=person("Bo Upptagen"), hours_per_month=25, industry="I")
    Membership.objects.create(group=forming_group(process_manager), user=busy.user)
    best = matches(group, limit=10)
    with translation.override("en"):
        everyone = sorted(
            (
                m
                for m in (
                    _explain(p, _wanted(group))
                    for p in _profiles().available().exclude(user__memberships__group=group)
                )
            ),
            key=lambda m: (-round(m.score, 6), m.profile.user.name, m.profile.pk),
        )
    assert [m.profile.pk for m in best] == [m.profile.pk for m in everyone[:10]]
    scores = (
        _profiles().annotate(tenths=_score_in_tenths(_wanted(group))).values_list("pk", "tenths")
    )
    explained = {m.profile.pk: m.score for m in everyone}
    for pk, tenths in scores:
        if pk in explained:
            assert tenths / TENTHS == pytest.approx(explained[pk])
