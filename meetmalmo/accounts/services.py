"""Writes about people and organisations."""

from django.db import transaction

from meetmalmo.accounts.models import ContactProfile, Organisation, User


def organisation_create(
    *, name: str, sphere: str, org_number: str = "", website: str = ""
) -> Organisation:
    organisation = Organisation(
        name=name.strip(), sphere=sphere, org_number=org_number.strip(), website=website.strip()
    )
    organisation.full_clean()
    organisation.save()
    return organisation


@transaction.atomic
def make_process_manager(
    *, user: User, title_sv: str = "", title_en: str = "", phone: str = "", listed: bool = True
) -> ContactProfile:
    """Give someone the process manager role and a public contact card."""
    user.is_process_manager = True
    user.save(update_fields=["is_process_manager"])
    profile, _ = ContactProfile.objects.get_or_create(
        user=user,
        defaults={
            "title_sv": title_sv or "Processledare",
            "title_en": title_en or "Process manager",
            "phone": phone,
            "listed": listed,
        },
    )
    changed = {
        field: value
        for field, value in {"title_sv": title_sv, "title_en": title_en, "phone": phone}.items()
        if value and getattr(profile, field) != value
    }
    if changed:
        for field, value in changed.items():
            setattr(profile, field, value)
        profile.save(update_fields=list(changed))
    return profile


@transaction.atomic
def remove_process_manager(*, user: User) -> None:
    user.is_process_manager = False
    user.save(update_fields=["is_process_manager"])
    ContactProfile.objects.filter(user=user).update(listed=False)


@transaction.atomic
def contact_get_or_create(
    *, email: str, name: str, organisation: Organisation | None, new_organisation: dict | None
) -> User:
    """The person an initiative came from: their account, or a new unverified contact who can
    claim it later by resetting the password for that address."""
    from allauth.account.models import EmailAddress

    existing = User.objects.filter(email__iexact=email.strip()).first()
    if existing:
        return existing
    user = User(
        email=email.strip().lower(),
        name=name.strip(),
        organisation=organisation or organisation_create(**new_organisation),
    )
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    return user
