import pytest
from django.utils import translation

from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.core.models import FocusArea
from meetmalmo.groups.models import Membership
from meetmalmo.groups.services import invite
from meetmalmo.groups.tests.factories import forming_group
from meetmalmo.resources.models import ResourceProfile, SpokenLanguage
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
    # Their hours are the same and neither sits in a group: those say nothing of either.
    assert ranked[0][1] == [
        "shares focus areas: Youth employment",
        "competence: hotellrekrytering, restaurang",  # a compound's part matches too
        "industry I Accommodation and food service activities",
        "speaks English",
    ]


def test_fewer_groups_and_more_time_rank_higher(group, process_manager):
    busy = ResourceFactory(user=person("Bo Upptagen"), hours_per_month=10)
    ResourceFactory(user=person("Fia Ledig"), hours_per_month=10)
    ResourceFactory(user=person("Gus Lite"), hours_per_month=2)
    for _ in range(2):
        Membership.objects.create(group=forming_group(process_manager), user=busy.user)
    ranked = names(group)
    assert [name for name, _ in ranked] == ["Fia Ledig", "Gus Lite", "Bo Upptagen"]
    assert "already in 2 groups" in ranked[-1][1]
    assert not any("group" in reason for reason in ranked[0][1])


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


def test_the_match_list_page_lists_and_invites_with_a_role_and_a_message(
    client, group, process_manager, mailoutbox
):
    hanna = ResourceFactory(user=person("Hanna Hotell"), competences=["restaurang"])
    client.force_login(process_manager)
    page = client.get(f"/en/staff/groups/{group.pk}/match/").content.decode()
    assert "Hanna Hotell" in page and "competence: restaurang" in page
    assert f'href="/en/staff/resources/{hanna.pk}/"' in page
    invite_url = f"/en/staff/groups/{group.pk}/match/invite/"
    assert client.get(invite_url, {"user": hanna.user.pk}).status_code == 200
    message = "Du kan rekrytering i köken som ingen annan i gruppen."
    preview = client.post(
        invite_url, {"user": hanna.user.pk, "role": "coordinator", "message": message}
    )
    content = preview.content.decode()
    assert preview.status_code == 200 and message in content and "coordinator" in content
    assert not group.invitations.exists() and not mailoutbox  # nothing is sent by a preview
    sent = client.post(
        invite_url,
        {"user": hanna.user.pk, "role": "coordinator", "message": message, "action": "send"},
    )
    assert sent.status_code == 302
    invitation = group.invitations.get()
    assert (invitation.invitee, invitation.role, invitation.message) == (
        hanna.user,
        "coordinator",
        message,
    )
    after = client.get(f"/en/staff/groups/{group.pk}/match/").content.decode()
    assert f"user={hanna.user.pk}" not in after


def test_the_preview_is_all_in_the_invitees_language_whatever_the_page_is_read_in(
    client, group, process_manager
):
    hanna = ResourceFactory(user=UserFactory(name="Hanna Hotell", language="sv"))
    client.force_login(process_manager)
    preview = client.post(
        f"/en/staff/groups/{group.pk}/match/invite/",
        {"user": hanna.user.pk, "role": "member", "message": ""},
    ).content.decode()
    assert "The e-mail as it will be sent" in preview  # the page itself is in English
    assert "Hej Hanna Hotell," in preview
    assert "(inbjudans egen länk)" in preview
    assert "(the invitation's own link)" not in preview


def test_a_message_too_long_is_answered_beside_the_field_and_kept(client, group, process_manager):
    hanna = ResourceFactory(user=person("Hanna Hotell"))
    client.force_login(process_manager)
    response = client.post(
        f"/en/staff/groups/{group.pk}/match/invite/",
        {"user": hanna.user.pk, "role": "member", "message": "<b>x</b>" * 400, "action": "send"},
    )
    content = response.content.decode()
    assert response.status_code == 400 and not group.invitations.exists()
    assert "Write at most 2000 characters (the message has 3200)." in content
    assert "&lt;b&gt;x&lt;/b&gt;" in content and "<b>x</b>" not in content


def test_the_match_list_filters_by_focus_area_competence_sphere_language_and_time(
    client, group, process_manager
):
    ResourceFactory(user=person("Ada Akademi", sphere="academia"), languages=["en"])
    ResourceFactory(
        user=person("Bert Bolag"),
        competences=["logistik"],
        hours_per_month=20,
        focus_areas=["youth-employment"],
    )
    client.force_login(process_manager)
    url = f"/en/staff/groups/{group.pk}/match/"
    youth = FocusArea.objects.get(code="youth-employment")
    english = SpokenLanguage.objects.get(code="en")
    for params, shown, hidden in [
        ({"focus_area": youth.pk}, "Bert Bolag", "Ada Akademi"),
        ({"competence": "logist"}, "Bert Bolag", "Ada Akademi"),
        ({"sphere": "academia"}, "Ada Akademi", "Bert Bolag"),
        ({"language": english.pk}, "Ada Akademi", "Bert Bolag"),
        ({"min_hours": 10}, "Bert Bolag", "Ada Akademi"),
    ]:
        page = client.get(url, params).content.decode()
        assert shown in page and hidden not in page, params
    page = client.get(url, {"min_hours": "-3"}).content.decode()
    assert "Ada Akademi" in page and "Bert Bolag" in page  # a wrong filter narrows nothing


def test_no_reason_is_true_of_every_resource_in_the_pool(process_manager):
    # A Swedish initiative: everyone in this pool speaks Swedish, and works the same hours.
    swedish = forming_group(process_manager, title="Läxhjälp för elever", language="sv")
    for name in ("Ada Akademi", "Bert Bolag", "Cia Civil"):
        ResourceFactory(user=person(name), languages=["sv", "en"], hours_per_month=5)
    for _, reasons in names(swedish):
        assert not [r for r in reasons if "Swedish" in r or "h/month" in r or "group" in r]


def test_a_generic_word_never_matches_a_competence(process_manager):
    group = forming_group(
        process_manager,
        title="Läxhjälp med anställda",
        summary="Anställda på företagen hjälper elever med läxor; arbete efter jobbet.",
        language="sv",
    )
    ResourceFactory(user=person("Ada Arbetsmiljö"), competences=["arbetsmiljö"])
    ResourceFactory(user=person("Coach Unga"), competences=["läxhjälp", "mentorskap"])
    ranked = names(group)
    assert ranked[0][0] == "Coach Unga" and "competence: läxhjälp" in ranked[0][1]
    assert not [r for _, reasons in ranked for r in reasons if "arbetsmiljö" in r]


def test_what_the_group_lacks_weighs_more_than_what_it_has(group, process_manager):
    already = ResourceFactory(user=person("Redan Rekryterare"), competences=["rekrytering"])
    Membership.objects.create(group=group, user=already.user)
    group.initiative.summary = "Rekrytering av unga och handledning i köket."
    group.initiative.save()
    ResourceFactory(user=person("Fler Rekryterare"), competences=["rekrytering"])
    ResourceFactory(user=person("Hanna Handledare"), competences=["handledning"])
    assert [name for name, _ in names(group)][:2] == ["Hanna Handledare", "Fler Rekryterare"]


def test_a_resource_profile_is_for_process_managers_only(client, process_manager, member):
    hanna = ResourceFactory(
        user=person("Hanna Hotell"), competences=["restaurang"], presentation="Jag driver kök."
    )
    client.force_login(process_manager)
    page = client.get(f"/en/staff/resources/{hanna.pk}/").content.decode()
    assert "Hanna Hotell" in page and "restaurang" in page and hanna.user.email in page
    assert client.get("/en/staff/resources/999999/").status_code == 404
    client.force_login(member)
    assert client.get(f"/en/staff/resources/{hanna.pk}/").status_code == 403
    client.logout()
    assert client.get(f"/en/staff/resources/{hanna.pk}/").status_code == 302


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
    assert page.count("match/invite/?user=") == 20  # the best twenty


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
    wanted = _wanted(group, ResourceProfile.objects.available())
    with translation.override("en"):
        everyone = sorted(
            (
                m
                for m in (
                    _explain(p, wanted)
                    for p in _profiles().available().exclude(user__memberships__group=group)
                )
            ),
            key=lambda m: (-round(m.score, 6), m.profile.user.name, m.profile.pk),
        )
    assert [m.profile.pk for m in best] == [m.profile.pk for m in everyone[:10]]
    scores = _profiles().annotate(tenths=_score_in_tenths(wanted)).values_list("pk", "tenths")
    explained = {m.profile.pk: m.score for m in everyone}
    for pk, tenths in scores:
        if pk in explained:
            assert tenths / TENTHS == pytest.approx(explained[pk])
