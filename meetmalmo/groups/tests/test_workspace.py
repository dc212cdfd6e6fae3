import pytest

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.groups.models import Link, Membership, Milestone, Update
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.initiatives.models import CaseEvent
from meetmalmo.initiatives.workflow import State
from meetmalmo.resources.tests.factories import bulk_resources

pytestmark = pytest.mark.django_db


@pytest.fixture
def group(process_manager):
    group = forming_group(process_manager, title="Sommarjobb på hotell")
    Membership.objects.create(
        group=group,
        user=UserFactory(name="Maja Medlem", email="maja@hotell.se"),
        role="member",
    )
    return group


def url(group, action=""):
    return f"/en/groups/{group.pk}/{action}"


def member(group, role):
    return group.memberships.get(role=role).user


def test_forming_a_group_makes_the_submitter_owner_and_the_manager_process_support(
    process_manager,
):
    group = forming_group(process_manager)
    assert group.initiative.state == State.GROUP_FORMING
    roles = {m.user: m.role for m in group.memberships.all()}
    assert roles == {group.initiative.submitter: "owner", process_manager: "process_support"}


def test_members_see_each_others_contacts_and_the_spheres(client, group):
    client.force_login(member(group, "member"))
    page = client.get(url(group)).content.decode()
    assert "maja@hotell.se" in page and group.initiative.submitter.email in page
    assert "Fewer than three spheres" in page


def test_three_spheres_remove_the_warning(client, group):
    for sphere in ("city", "academia"):
        Membership.objects.create(
            group=group, user=UserFactory(organisation=OrganisationFactory(sphere=sphere))
        )
    client.force_login(group.memberships.get(user__email="maja@hotell.se").user)
    page = client.get(url(group)).content.decode()
    assert "brings together 3 spheres" in page and "Fewer than three spheres" not in page


def test_the_owner_adds_milestones_and_links_and_a_member_may_not(client, group):
    owner, plain = member(group, "owner"), member(group, "member")
    client.force_login(owner)
    client.post(
        url(group, "milestones/"),
        {"milestone-title": "Första mötet", "milestone-due": "2026-12-01"},
    )
    client.post(url(group, "links/"), {"link-title": "Plan", "link-url": "https://x.se/plan.pdf"})
    milestone = Milestone.objects.get()
    client.post(url(group, f"milestones/{milestone.pk}/done/"))
    milestone.refresh_from_db()
    assert milestone.done and Link.objects.get().url == "https://x.se/plan.pdf"
    client.force_login(plain)
    refused = client.post(
        url(group, "milestones/"),
        {"milestone-title": "Kapad", "milestone-due": "2026-12-01"},
        follow=True,
    )
    assert "Only the owner and process support" in refused.content.decode()
    client.post(url(group, f"milestones/{milestone.pk}/done/"))
    milestone.refresh_from_db()
    assert milestone.done and Milestone.objects.count() == 1


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"link-title": "x", "link-url": "javascript:alert(1)"}, "link-url", ""),
        ({"link-title": "", "link-url": "https://x.se"}, "link-title", "required"),
    ],
)
def test_bad_links_are_refused_beside_the_field(client, group, data, field, message):
    client.force_login(member(group, "owner"))
    response = client.post(url(group, "links/"), data)
    content = response.content.decode()
    assert response.status_code == 400 and f'id="id_{field}_error"' in content
    assert message in content and not Link.objects.exists()


def test_a_bad_milestone_date_is_explained(client, group):
    client.force_login(member(group, "owner"))
    response = client.post(
        url(group, "milestones/"), {"milestone-title": "Möte", "milestone-due": "31/31"}
    )
    assert 'id="id_milestone-due_error"' in response.content.decode()
    assert 'value="Möte"' in response.content.decode() and not Milestone.objects.exists()


def test_members_post_updates_in_markdown_without_scripts(client, group):
    client.force_login(member(group, "member"))
    client.post(
        url(group, "updates/"),
        {"update-body": "**12 företag** kom. <script>alert(1)</script> [länk](javascript:x)"},
    )
    page = client.get(url(group)).content.decode()
    assert "<strong>12 företag</strong>" in page
    assert "<script>alert" not in page and "javascript:x" not in page
    assert Update.objects.get().author == member(group, "member")
    too_long = client.post(url(group, "updates/"), {"update-body": "x" * 5001})
    assert too_long.status_code == 400 and Update.objects.count() == 1


def test_outsiders_and_members_of_other_groups_get_not_found(
    client, group, process_manager, other_member
):
    other_group = forming_group(process_manager)
    client.force_login(member(group, "member"))
    for path in ["", "updates/", "milestones/", "links/"]:
        method = client.get if not path else client.post
        assert method(url(other_group, path), {"update-body": "x"}).status_code == 404
    assert not Update.objects.exists()
    client.force_login(other_member)
    assert client.get(url(group)).status_code == 404
    client.logout()
    assert client.get(url(group)).status_code == 302
    assert client.get("/en/groups/999999/").status_code == 302


@pytest.mark.parametrize("role", ["member", "other_member", "administrator"])
def test_staff_actions_are_refused_to_everyone_else(client, request, group, role):
    user = member(group, "member") if role == "member" else request.getfixturevalue(role)
    client.force_login(user)
    for action in ["invite/", "handover/"]:
        assert client.post(url(group, action), {}).status_code == 403
    assert client.get(f"/en/staff/groups/{group.pk}/match/").status_code == 403


def test_the_workspace_keeps_its_number_of_queries(
    client, group, process_manager, django_assert_num_queries, django_assert_max_num_queries
):
    client.force_login(process_manager)
    Milestone.objects.create(group=group, title="Start", due="2026-12-01")
    Update.objects.create(group=group, author=process_manager, body="Start")
    Link.objects.create(group=group, title="Plan", url="https://x.se")
    with django_assert_max_num_queries(60) as small:
        client.get(url(group))
    bulk_resources(30)
    from meetmalmo.resources.models import ResourceProfile

    for profile in ResourceProfile.objects.select_related("user")[:30]:
        Membership.objects.create(group=group, user=profile.user)
    for i in range(10):
        Milestone.objects.create(group=group, title=f"M{i}", due="2026-12-01")
        Update.objects.create(group=group, author=process_manager, body=f"Uppdatering {i}")
        Link.objects.create(group=group, title=f"L{i}", url="https://x.se")
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(url(group))


def test_completing_the_work_tells_the_members(
    client, group, process_manager, mailoutbox, django_capture_on_commit_callbacks
):
    from meetmalmo.initiatives.services import perform_transition

    perform_transition(initiative=group.initiative, name="activate", actor=process_manager)
    with django_capture_on_commit_callbacks(execute=True):
        perform_transition(initiative=group.initiative, name="complete", actor=process_manager)
    told = sorted(m.to[0] for m in mailoutbox if "Sommarjobb på hotell" in m.subject)
    assert told == sorted([group.initiative.submitter.email, "maja@hotell.se"])
    assert CaseEvent.objects.filter(initiative=group.initiative, to_state="completed").exists()


WORKSPACE = {
    "visitor": 302,
    "group_member": 200,
    "other_member": 404,
    "administrator": 404,
    "process_manager": 200,
}


@pytest.mark.parametrize("role", WORKSPACE)
def test_who_sees_the_workspace(client, request, group, role):
    if role == "group_member":
        client.force_login(member(group, "member"))
    elif role != "visitor":
        client.force_login(request.getfixturevalue(role))
    response = client.get(url(group))
    assert response.status_code == WORKSPACE[role]
    assert ("maja@hotell.se" in response.content.decode()) == (WORKSPACE[role] == 200)
    posted = client.post(url(group, "updates/"), {"update-body": "Hej"})
    assert posted.status_code == (302 if WORKSPACE[role] in (200, 302) else 404)
    assert Update.objects.exists() == (WORKSPACE[role] == 200)
