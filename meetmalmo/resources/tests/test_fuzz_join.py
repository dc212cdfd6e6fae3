"""Joining the pool of resources with hostile input: the form again with a message beside the
field and no profile, or the profile saved as typed."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetmalmo.core.tests import hostile
from meetmalmo.resources.forms import ResourceProfileForm
from meetmalmo.resources.models import Competence, ResourceProfile
from meetmalmo.resources.tests.test_join import good

pytestmark = pytest.mark.django_db

competences = st.one_of(
    hostile.text(longer_than=1_000),
    st.lists(hostile.text(longer_than=60), min_size=1, max_size=20).map(", ".join),
    st.sampled_from([",,,", " , ", "a," * 16, "ÅÄÖ, åäö, ÅÄÖ", "x" * 61]),
)
CHANGES = hostile.changes(
    {
        "title": hostile.text(longer_than=120),
        "industry": hostile.choice(),
        "competences_text": competences,
        "focus_areas": hostile.choice(),
        "languages": hostile.choice(),
        "hours_per_month": hostile.number(),
        "presentation": hostile.text(longer_than=1_000),
        "active": hostile.choice(),
        "consent": hostile.choice(),
    }
)


def counted():
    return [
        ResourceProfile.objects.all(),
        Competence.objects.all(),
        ResourceProfile.competences.through.objects.all(),
        ResourceProfile.focus_areas.through.objects.all(),
    ]


@hostile.fuzz(max_examples=120)
@given(changed=CHANGES, lang=st.sampled_from(["sv", "en"]))
def test_joining_with_hostile_input_is_refused_beside_the_field_or_saves_the_profile(
    client, member, changed, lang
):
    client.force_login(member)
    data = hostile.apply(good(), changed)
    refused = hostile.must_refuse(ResourceProfileForm(), data)
    with hostile.rolled_back():
        before = hostile.counts(counted())
        response = client.post(f"/{lang}/resources/join/", data)
        hostile.assert_nothing_unescaped(response)
        if response.status_code == 302:
            assert not refused, f"accepted although {refused} break the form's rules"
            profile = ResourceProfile.objects.get(user=member)
            hostile.assert_within_limits(profile)
            for competence in profile.competences.all():
                hostile.assert_within_limits(competence)
            assert profile.title == hostile.typed(data, "title").strip()
            assert 0 <= profile.hours_per_month <= 200
        else:
            hostile.assert_refused(
                response,
                fields=refused,
                lang=lang,
                kept=hostile.typed_text(changed, ResourceProfileForm()),
            )
            assert hostile.counts(counted()) == before
