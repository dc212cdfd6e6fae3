"""Sign-up with hostile input: the form again with a message beside the field and nobody
created, or a member created with what was typed."""

import pytest
from allauth.account.forms import SignupForm
from allauth.account.models import EmailAddress
from hypothesis import given
from hypothesis import strategies as st

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.accounts.tests.factories import OrganisationFactory
from meetmalmo.accounts.tests.test_signup import GOOD
from meetmalmo.core.tests import hostile

pytestmark = pytest.mark.django_db

# Addresses Django calls valid, around the 254 characters an address can have.
long_emails = st.builds(
    lambda size, domain: "a" * (size - len(domain)) + domain,
    st.integers(min_value=240, max_value=330),
    st.sampled_from(["@example.se", "@exämple.se", "@İstanbul.example.com"]),
)
emails = st.one_of(
    hostile.text(longer_than=320),
    long_emails,
    st.sampled_from(
        ["a@b", "sara@hamnhotellet.se,x@y.se", "<script>@x.se", "SARA@HAMNHOTELLET.SE", "@x.se"]
    ),
    st.emails(),
)
CHANGES = hostile.changes(
    {
        "email": emails,
        "name": hostile.text(longer_than=150),
        "password1": hostile.text(longer_than=4096),
        "organisation": hostile.choice(),
        "new_organisation_name": hostile.text(longer_than=200),
        "new_organisation_sphere": hostile.choice(),
        "new_organisation_number": st.one_of(
            hostile.text(longer_than=11), st.sampled_from(["212000-1124", "2120001124"])
        ),
        "new_organisation_website": st.one_of(
            hostile.text(longer_than=300), st.sampled_from(["http://x", "ftp://a.se"])
        ),
    }
)


def counted():
    return [User.objects.all(), EmailAddress.objects.all(), Organisation.objects.all()]


@hostile.fuzz(max_examples=150)
@given(changed=CHANGES, lang=st.sampled_from(["sv", "en"]))
def test_sign_up_with_hostile_input_is_refused_beside_the_field_or_creates_the_member(
    client, changed, lang
):
    data = hostile.apply(GOOD, changed)
    refused = hostile.must_refuse(SignupForm(), data)
    with hostile.rolled_back():
        OrganisationFactory(name="Malmö universitet", sphere="academia")
        before = hostile.counts(counted())
        response = client.post(f"/{lang}/accounts/signup/", data)
        hostile.assert_nothing_unescaped(response)
        if response.status_code == 302:
            assert not refused, f"accepted although {refused} break the form's rules"
            user = User.objects.latest("pk")
            hostile.assert_within_limits(user)
            hostile.assert_within_limits(user.organisation)
            hostile.assert_within_limits(EmailAddress.objects.get(user=user))
            assert user.email == hostile.typed(data, "email").strip().lower()
            assert user.name == hostile.typed(data, "name").strip()
            assert hostile.counts(counted())[:2] == [before[0] + 1, before[1] + 1]
        else:
            hostile.assert_refused(
                response,
                fields=refused,
                lang=lang,
                kept=hostile.typed_text(changed, SignupForm()),
            )
            assert hostile.counts(counted()) == before
