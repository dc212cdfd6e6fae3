"""Following: an app registers what can be followed (a project, the news, a focus area) and,
when something new comes of it, tells its followers through `tell`. A member hears of it in
their notifications, by their settings for the kind "following"; a visitor who confirmed their
address gets the e-mail, with a link that stops it in one click."""

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from meetmalmo.core.errors import Refused
from meetmalmo.core.mail import absolute, send_notice
from meetmalmo.notifications import kinds
from meetmalmo.notifications.models import Follow
from meetmalmo.notifications.services import notify

FOLLOWING = kinds.Kind("following", gettext_lazy("News, reports and meetings of what I follow"))


@dataclass(frozen=True)
class Followable:
    code: str
    # The title of the thing to follow with this id, or None when it cannot be followed
    # (unpublished, or no such thing): nobody follows what the public cannot see.
    title: Callable[[int], str | None]
    visitors: bool = True  # whether an address without an account may follow it


_FOLLOWABLE: dict[str, Followable] = {}


def register(followable: Followable) -> None:
    _FOLLOWABLE[followable.code] = followable


def title_of(target: str, target_id: int) -> str | None:
    followable = _FOLLOWABLE.get(target)
    return followable.title(target_id) if followable else None


def _check(target: str, target_id: int, visitor: bool) -> None:
    followable = _FOLLOWABLE.get(target)
    if followable is None or (visitor and not followable.visitors):
        raise Refused(gettext_lazy("This cannot be followed."))
    if followable.title(target_id) is None:
        raise Refused(gettext_lazy("This cannot be followed."))


def follow(*, user, target: str, target_id: int) -> Follow:
    _check(target, target_id, visitor=False)
    found, _created = Follow.objects.get_or_create(
        user=user,
        target=target,
        target_id=target_id,
        defaults={"language": user.language, "confirmed_at": timezone.now()},
    )
    return found


def unfollow(*, user, target: str, target_id: int) -> None:
    Follow.objects.filter(user=user, target=target, target_id=target_id).delete()


def follows(user, target: str, target_id: int) -> bool:
    return Follow.objects.filter(user=user, target=target, target_id=target_id).exists()


def follow_by_email(
    *, email: str, language: str, target: str, target_id: int, name: str = ""
) -> None:
    """A visitor's address: kept unconfirmed and sent the link that confirms it. An address
    already following is sent nothing, so the form says the same whoever's address it is."""
    _check(target, target_id, visitor=True)
    email = email.strip().lower()
    try:
        with transaction.atomic():
            pending = Follow.objects.create(
                email=email,
                given_name=name.strip(),
                language=language,
                target=target,
                target_id=target_id,
            )
    except IntegrityError:
        return
    recipient = SimpleNamespace(email=email, language=language, name=email)
    with translation.override(language):
        link = absolute(reverse("notifications:follow_confirm", args=[pending.token]))
    send_notice(
        "notifications/email/follow_confirm",
        recipient,
        {"title": title_of(target, target_id), "link": link},
    )


def confirm(*, token) -> Follow | None:
    """The confirmation link, once: None for an unknown or an already confirmed one."""
    updated = Follow.objects.filter(token=token, confirmed_at=None).update(
        confirmed_at=timezone.now()
    )
    return Follow.objects.filter(token=token).first() if updated else None


def stop(*, token) -> bool:
    return Follow.objects.filter(token=token).delete()[0] > 0


def tell(*, targets: list[tuple[str, int]], template: str, context: dict, page: tuple) -> int:
    """Tell the followers of any of `targets` something new, each once and in their language:
    members in their notifications (and by e-mail as they chose), confirmed visitors by
    e-mail. `page` is the URL name and arguments of where it is. Returns how many were told."""
    wanted = Q()
    for target, target_id in targets:
        wanted |= Q(target=target, target_id=target_id)
    followers = (
        Follow.objects.filter(wanted, confirmed_at__isnull=False)
        .select_related("user")
        .order_by("id")
    )
    seen, told = set(), 0
    for follower in followers:
        who = ("user", follower.user_id) if follower.user_id else ("email", follower.email)
        if who in seen:
            continue
        seen.add(who)
        with translation.override(follower.language):
            link = absolute(reverse(page[0], args=page[1:]))
        if follower.user_id:
            told += (
                notify(
                    recipient=follower.user,
                    kind=FOLLOWING.code,
                    template=template,
                    context=context,
                    link=link,
                )
                is not None
            )
            continue
        stop_link = stop_link_for(follower)
        send_notice(
            template,
            follower,
            {**context, "link": link},
            headers=one_click_stop(stop_link),
            footer=_stop_footer(follower.language, stop_link),
        )
        told += 1
    return told


def stop_link_for(follower: Follow) -> str:
    """The follower's own link that stops it, in their language: it names nobody else."""
    with translation.override(follower.language):
        return absolute(reverse("notifications:follow_stop", args=[follower.token]))


def one_click_stop(link: str) -> dict:
    """The headers by which a mail program offers to stop such e-mail in one click (RFC 8058)."""
    return {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _stop_footer(language: str, link: str) -> str:
    from django.utils.translation import gettext

    with translation.override(language):
        return gettext("You follow this on the Meet Malmö portal. Stop following: %(link)s") % {
            "link": link
        }
