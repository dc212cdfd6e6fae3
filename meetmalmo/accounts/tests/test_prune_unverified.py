"""`prune_unverified` removes accounts nobody ever verified after 30 days, and nothing else."""

import io
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command
from django.utils import timezone

from meetmalmo.accounts.models import User
from meetmalmo.accounts.services import contact_get_or_create
from meetmalmo.accounts.tests.factories import OrganisationFactory, UserFactory
from meetmalmo.initiatives.tests.factories import InitiativeFactory
from meetmalmo.publishing.tests.factories import CommentFactory
from meetmalmo.resources.tests.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def unverified(email: str, age: timedelta, **extra) -> User:
    user = User.objects.create_user(email=email, password="x" * 12, name=email, **extra)
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - age)
    EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    return user


def prune(*args) -> str:
    out = io.StringIO()
    call_command("prune_unverified", *args, stdout=out)
    return out.getvalue()


def remaining() -> set[str]:
    return set(User.objects.values_list("email", flat=True))


def test_unverified_accounts_go_after_30_days_and_not_before():
    unverified("old@example.se", timedelta(days=30, minutes=1))
    unverified("young@example.se", timedelta(days=29, hours=23, minutes=59))
    assert prune() == "Unverified accounts older than 30 days deleted: 1.\n"
    assert remaining() == {"young@example.se"}
    assert not EmailAddress.objects.filter(email="old@example.se").exists()


def test_verified_staff_and_signed_in_accounts_are_kept():
    old = timedelta(days=400)
    verified = UserFactory(email="verified@example.se")
    User.objects.filter(pk=verified.pk).update(date_joined=timezone.now() - old)
    unverified("manager@example.se", old, is_process_manager=True)
    unverified("admin@example.se", old, is_staff=True, is_superuser=True)
    unverified("signed-in@example.se", old, last_login=timezone.now())
    assert prune().endswith("deleted: 0.\n")
    assert remaining() == {
        "verified@example.se",
        "manager@example.se",
        "admin@example.se",
        "signed-in@example.se",
    }


def test_an_account_without_any_address_row_counts_as_unverified():
    user = User.objects.create_user(email="bare@example.se", name="Bare")
    User.objects.filter(pk=user.pk).update(date_joined=timezone.now() - timedelta(days=31))
    prune()
    assert "bare@example.se" not in remaining()


def test_a_contact_with_an_initiative_or_a_profile_is_kept():
    contact = contact_get_or_create(
        email="kontakt@example.se",
        name="Kontakt",
        organisation=OrganisationFactory(),
        new_organisation=None,
    )
    InitiativeFactory(submitter=contact)
    User.objects.filter(pk=contact.pk).update(date_joined=timezone.now() - timedelta(days=90))
    ResourceFactory(user=unverified("resurs@example.se", timedelta(days=90)))
    assert prune().endswith("deleted: 0.\n")
    assert {"kontakt@example.se", "resurs@example.se"} <= remaining()


def test_comments_from_the_same_address_are_left_alone():
    unverified("skribent@example.se", timedelta(days=31))
    comment = CommentFactory(name="Skribent", email="skribent@example.se")
    prune()
    comment.refresh_from_db()
    assert (comment.name, comment.email) == ("Skribent", "skribent@example.se")


def test_a_dry_run_counts_and_deletes_nothing():
    unverified("old@example.se", timedelta(days=31))
    assert prune("--dry-run") == "Unverified accounts older than 30 days: 1 (none deleted).\n"
    assert remaining() == {"old@example.se"}


def test_the_age_can_be_chosen_and_a_second_run_finds_nothing():
    unverified("week@example.se", timedelta(days=8))
    assert prune("--days", "7").endswith("deleted: 1.\n")
    assert prune("--days", "7").endswith("deleted: 0.\n")


@pytest.mark.parametrize("days", ["0", "-3", "tretti", "1e9x", "99999999999"])
def test_a_bad_age_is_refused(days):
    with pytest.raises(CommandError, match="--days must be a whole number from 1 to 36500"):
        prune("--days", days)
