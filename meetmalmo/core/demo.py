"""Demo content: organisations in every sphere, process managers and members with Malmö names.
Idempotent: running it again changes nothing that is already there."""

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db import transaction

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.accounts.services import make_process_manager
from meetmalmo.core.models import Sphere

DEMO_PASSWORD = "meetmalmo-demo"  # noqa: S105 - printed on purpose for people trying the demo

ORGANISATIONS = [
    ("Malmö stad, Näringslivskontoret", Sphere.CITY, "212000-1124", "https://malmo.se"),
    ("Malmö stad, Arbetsmarknads- och socialförvaltningen", Sphere.CITY, "", ""),
    ("Region Skåne", Sphere.PUBLIC_AUTHORITY, "", "https://www.skane.se"),
    ("Arbetsförmedlingen Malmö", Sphere.PUBLIC_AUTHORITY, "", ""),
    ("Besöksnäringens branschråd Syd", Sphere.INDUSTRY_ORG, "", ""),
    ("Spelbranschens nätverk Öresund", Sphere.INDUSTRY_ORG, "", ""),
    ("Malmö universitet", Sphere.ACADEMIA, "", "https://mau.se"),
    ("Föreningen Unga Möjligheter Malmö", Sphere.CIVIL_SOCIETY, "", ""),
    ("Hamnkvarterens Hotell AB", Sphere.BUSINESS, "556677-8899", ""),
    ("Västra Hamnen Spelstudio AB", Sphere.BUSINESS, "", ""),
    ("Öresund Logistik AB", Sphere.BUSINESS, "", ""),
    ("Möllans Bageri & Kafé AB", Sphere.BUSINESS, "", ""),
]

PROCESS_MANAGERS = [
    # email, name, organisation, title_sv, title_en, phone
    (
        "processledare@demo.meetmalmo.se",
        "Lena Åkesson",
        0,
        "Processledare, Meet Malmö",
        "Process manager, Meet Malmö",
        "040-34 10 00",
    ),
    (
        "processledare2@demo.meetmalmo.se",
        "Omar Haddad",
        0,
        "Processledare, Meet Malmö",
        "Process manager, Meet Malmö",
        "040-34 10 01",
    ),
]

MEMBERS = [
    ("hotell@demo.meetmalmo.se", "Sara Lindqvist", 8),
    ("spel@demo.meetmalmo.se", "Jonas Persson", 9),
    ("logistik@demo.meetmalmo.se", "Amina Yusuf", 10),
    ("bageri@demo.meetmalmo.se", "Erik Nilsson", 11),
    ("region@demo.meetmalmo.se", "Maria Håkansson", 2),
    ("universitet@demo.meetmalmo.se", "Daniel Berg", 6),
    ("forening@demo.meetmalmo.se", "Fatima Karimi", 7),
    ("bransch@demo.meetmalmo.se", "Johan Ek", 4),
]

ADMIN = ("admin@demo.meetmalmo.se", "Karin Administratör", 0)

SCALE_DOMAIN = "scale.meetmalmo.se"
SCALE_FIRST = [
    "Anna",
    "Ali",
    "Emma",
    "Hugo",
    "Leila",
    "Oskar",
    "Sofia",
    "Mohammed",
    "Elin",
    "Viktor",
]
SCALE_LAST = [
    "Andersson",
    "Johansson",
    "Karlsson",
    "Nilsson",
    "Eriksson",
    "Larsson",
    "Olsson",
    "Persson",
    "Svensson",
    "Gustafsson",
]


def _ensure_user(email, name, organisation, password_hash, **extra) -> tuple[User, bool]:
    user, created = User.objects.get_or_create(
        email=email,
        defaults={"name": name, "organisation": organisation, "password": password_hash, **extra},
    )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user, created


@transaction.atomic
def seed(scale: int = 0) -> dict:
    """Create the demo content; `scale` adds that many extra members for benchmarks."""
    password_hash = make_password(DEMO_PASSWORD)
    organisations = []
    for name, sphere, number, website in ORGANISATIONS:
        organisation, _ = Organisation.objects.get_or_create(
            name=name, defaults={"sphere": sphere, "org_number": number, "website": website}
        )
        organisations.append(organisation)

    created = 0
    email, name, org_index = ADMIN
    _user, new = _ensure_user(
        email, name, organisations[org_index], password_hash, is_staff=True, is_superuser=True
    )
    created += new
    for email, name, org_index, title_sv, title_en, phone in PROCESS_MANAGERS:
        user, new = _ensure_user(email, name, organisations[org_index], password_hash)
        created += new
        make_process_manager(user=user, title_sv=title_sv, title_en=title_en, phone=phone)
    for email, name, org_index in MEMBERS:
        created += _ensure_user(email, name, organisations[org_index], password_hash)[1]
    created += _seed_scale(scale, organisations, password_hash)
    return {"organisations": len(organisations), "people_created": created}


def _scale_name(i: int) -> str:
    first = SCALE_FIRST[i % len(SCALE_FIRST)]
    return f"{first} {SCALE_LAST[(i // len(SCALE_FIRST)) % len(SCALE_LAST)]}"


def _seed_scale(scale: int, organisations: list[Organisation], password_hash: str) -> int:
    """Bulk-insert `scale` extra members (same addresses every run, so it stays idempotent)."""
    if scale <= 0:
        return 0
    emails = [f"member{i}@{SCALE_DOMAIN}" for i in range(1, scale + 1)]
    existing = set(
        User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}").values_list("email", flat=True)
    )
    new_users = [
        User(
            email=email,
            name=_scale_name(i),
            organisation=organisations[i % len(organisations)],
            password=password_hash,
        )
        for i, email in enumerate(emails)
        if email not in existing
    ]
    User.objects.bulk_create(new_users, batch_size=1000)
    new_emails = {u.email for u in new_users}
    users = [
        u
        for u in User.objects.filter(email__endswith=f"@{SCALE_DOMAIN}").only("id", "email")
        if u.email in new_emails
    ]
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=1000,
    )
    return len(new_users)


def demo_logins() -> list[tuple[str, str]]:
    return [
        ("process manager", PROCESS_MANAGERS[0][0]),
        ("member (business)", MEMBERS[0][0]),
        ("administrator (/admin/)", ADMIN[0]),
    ]
