"""What the portal keeps about one person, for the download of their own data (GDPR art. 15
and 20) and for the deletion of their account (art. 17).

Each app that keeps something about people says so here when it is ready, with a `Holding`:
its part of `data.json`, the files it keeps for them, what it erases or anonymises when the
account goes, and which of its rows mean an account is in use. So the download and the deletion
ask the registry and know no app above accounts. Only the person's own data goes in: what they
wrote and what was written to them, never staff-only notes or other people's data."""

import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.core.files import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import CharField, Model, Q
from django.db.models.functions import Cast
from django.utils import timezone

from meetmalmo.accounts.models import CalendarFeed, MembershipRequest, User


@dataclass(frozen=True)
class Person:
    """Whose data is asked for, with the addresses they have proved are theirs: only these link
    what was sent from or to an address (comments, e-mail) to them."""

    user: User
    addresses: list[str]


@dataclass(frozen=True)
class Holding:
    """What one app keeps about people."""

    # Its part of data.json: a dict of top-level keys.
    export: Callable[[Person], dict]
    # The files it keeps for the person: (path in the ZIP, the stored file).
    files: Callable[[Person], Iterable[tuple[str, File]]] = lambda person: ()
    # Erases or anonymises what is only the person's, inside the deletion's transaction and
    # before the account goes (what points to the account with CASCADE goes with it).
    erase: Callable[[Person], None] = lambda person: None
    # (model, field) pairs: a row there means the account is in use and is not pruned.
    ties: tuple[tuple[type[Model], str], ...] = field(default=())


HOLDINGS: list[Holding] = []


def register(holding: Holding) -> None:
    if holding not in HOLDINGS:
        HOLDINGS.append(holding)


def person(user: User) -> Person:
    return Person(user=user, addresses=verified_addresses(user))


def verified_addresses(user: User) -> list[str]:
    """The addresses the person has proved are theirs: only these link comments to them, since
    anyone may type any address into a comment form or add one to their account unverified."""
    from allauth.account.models import EmailAddress

    return [
        address.lower()
        for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    ]


def email_log_to(addresses: list[str]) -> list:
    """The messages in the e-mail queue (sent, waiting or failed) whose every recipient is one of
    these addresses. The text search only narrows the rows; the recipients decide."""
    from django_tasks_db.models import DBTaskResult

    from meetmalmo.core.mail import deliver_email

    if not addresses:
        return []
    text = Q()
    for address in addresses:
        text |= Q(as_text__icontains=address)
    rows = (
        DBTaskResult.objects.filter(task_path=deliver_email.module_path)
        .annotate(as_text=Cast("args_kwargs", CharField()))
        .filter(text)
        .order_by("enqueued_at")
    )
    wanted = set(addresses)
    found = []
    for row in rows:
        try:
            message = row.args_kwargs["args"][0]
            recipients = {a.lower() for a in message["to"] + message["cc"] + message["bcc"]}
        except (KeyError, IndexError, TypeError, AttributeError):
            continue
        if recipients and recipients <= wanted:
            found.append(row)
    return found


def when(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def focus_area(area) -> dict:
    return {"code": area.code, "name_sv": area.name_sv, "name_en": area.name_en}


def _account(user: User) -> dict:
    organisation = user.organisation
    return {
        "email": user.email,
        "name": user.name,
        "language": user.language,
        "organisation": organisation
        and {
            "name": organisation.name,
            "sphere": organisation.sphere,
            "sphere_display": str(organisation.get_sphere_display()),
            "organisation_number": organisation.org_number,
            "website": organisation.website,
        },
        "process_manager": user.is_process_manager,
        "joined": when(user.date_joined),
        "last_signed_in": when(user.last_login),
    }


def _email_addresses(user: User) -> list[dict]:
    from allauth.account.models import EmailAddress

    return [
        {"email": a.email, "verified": a.verified, "primary": a.primary}
        for a in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ]


def _two_factor(user: User) -> list[dict]:
    """Which second factors are set up, never their secrets."""
    if not apps.is_installed("allauth.mfa"):
        return []
    from allauth.mfa.models import Authenticator

    return [
        {
            "type": a.type,
            "created": when(a.created_at),
            "last_used": when(a.last_used_at),
        }
        for a in Authenticator.objects.filter(user=user).order_by("created_at")
    ]


def _sessions(user: User) -> list[dict]:
    """Where the person is signed in, as the sessions page shows it."""
    from allauth.usersessions.models import UserSession

    return [
        {
            "signed_in": when(s.created_at),
            "last_seen": when(s.last_seen_at),
            "ip_address": s.ip,
            "browser": s.user_agent,
        }
        for s in UserSession.objects.filter(user=user).order_by("created_at", "id")
    ]


def _email_log(addresses: list[str]) -> list[dict]:
    return [
        {
            "subject": row.args_kwargs["args"][0].get("subject", ""),
            "queued": when(row.enqueued_at),
            "finished": when(row.finished_at),
            "status": row.status,
        }
        for row in email_log_to(addresses)
    ]


def _accounts_export(person: Person) -> dict:
    return {
        "account": _account(person.user),
        "email_addresses": _email_addresses(person.user),
        "two_factor": _two_factor(person.user),
        "sessions": _sessions(person.user),
        "email_log": _email_log(person.addresses),
        "calendar_feed": _calendar_feed(person.user),
        "membership_requests": _membership_requests(person.user),
    }


def _membership_requests(user: User) -> list[dict]:
    # Who decided is another person's data: only that and when it was decided is said. The
    # requests go with the account (CASCADE).
    return [
        {
            "organisation": request.organisation.name,
            "status": request.status,
            "asked": when(request.created_at),
            "decided": when(request.decided_at),
        }
        for request in MembershipRequest.objects.filter(user=user).select_related("organisation")
    ]


def _calendar_feed(user: User) -> dict | None:
    # The address itself is not kept, so only when it was made can be told.
    feed = CalendarFeed.objects.filter(user=user).first()
    return {"made": when(feed.created_at)} if feed else None


def _accounts_erase(person: Person) -> None:
    """The e-mail queue's messages to the person. One the worker is sending right now is left
    to finish; the log's pruning takes it."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(pk__in=[row.pk for row in email_log_to(person.addresses)]).exclude(
        pk__in=DBTaskResult.objects.running().values("pk")
    ).delete()


register(Holding(export=_accounts_export, erase=_accounts_erase))


def personal_data(user: User) -> dict:
    """Everything the portal keeps about `user`, as plain data for `data.json`."""
    who = person(user)
    data = {"exported": when(timezone.now())}
    for holding in HOLDINGS:
        data.update(holding.export(who))
    return data


def erase(user: User) -> None:
    """What each app erases or anonymises when the account goes (see `Holding.erase`)."""
    who = person(user)
    for holding in HOLDINGS:
        holding.erase(who)


def ties() -> list[tuple[type[Model], str]]:
    return [tie for holding in HOLDINGS for tie in holding.ties]


def write_zip(user: User, target) -> None:
    """Write the person's data into `target` (a binary file): the files the apps keep for them,
    and `data.json`, UTF-8 and indented. A file lost from the storage must not stop the rest of
    the download: its entry in data.json then says `"file": null`."""
    data = personal_data(user)
    who = person(user)
    missing = set()
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for holding in HOLDINGS:
            for path, stored in holding.files(who):
                try:
                    with stored.open("rb") as source, archive.open(path, "w") as copy:
                        for chunk in iter(lambda source=source: source.read(1024 * 1024), b""):
                            copy.write(chunk)
                except OSError:
                    missing.add(path)
        _forget(data, missing)
        archive.writestr(
            "data.json",
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode(),
        )


def _forget(data, missing: set[str]) -> None:
    """Mark each `"file"` that could not be read as missing (null), wherever it stands."""
    if isinstance(data, dict):
        if data.get("file") in missing:
            data["file"] = None
        for value in data.values():
            _forget(value, missing)
    elif isinstance(data, list):
        for value in data:
            _forget(value, missing)
