"""The person's notifications ("Notiser"), their settings, and the one-click unsubscribe that
e-mails link to."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from meetmalmo.core.errors import Refused
from meetmalmo.core.http import found_or_404
from meetmalmo.notifications import follows, kinds, selectors, services, tokens
from meetmalmo.notifications.forms import FollowByEmailForm, SettingsForm


@login_required
def notification_list(request):
    before = request.GET.get("before", "")
    rows, next_before = selectors.notifications_page(
        request.user, int(before) if before.isdigit() and len(before) < 12 else None
    )
    return render(
        request, "notifications/list.html", {"notifications": rows, "next_before": next_before}
    )


@login_required
def notification_open(request, pk):
    notification = found_or_404(selectors.notification(request.user, pk))
    services.open_one(notification=notification)
    return redirect(notification.path)


@login_required
@require_POST
def read_all(request):
    services.read_all(user=request.user)
    messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    form = SettingsForm(request.POST or None, initial=selectors.preferences(request.user))
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, chosen=form.cleaned_data)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:settings")
    essential = [kind for kind in kinds.registered() if kind.essential]
    return render(
        request,
        "notifications/settings.html",
        {"form": form, "essential": essential},
        status=400 if form.errors else 200,
    )


# Mail programs post here without a session or CSRF token when the reader clicks
# "Unsubscribe" (RFC 8058); the signed token is what authorises the change.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = tokens.read(token)
    person = get_user_model().objects.filter(pk=found[0], is_active=True).first() if found else None
    if person is None:
        return render(request, "notifications/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        stopped = services.stop(user=person, what=found[1])
        return render(request, "notifications/unsubscribe.html", {"done": True, "stopped": stopped})
    return render(request, "notifications/unsubscribe.html", {"token": token})


def _back(request):
    """Where a follow form was sent from, if it is a page of this portal."""
    target = request.POST.get("next", "") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


@login_required
@require_POST
def follow_toggle(request, target, target_id):
    if follows.follows(request.user, target, target_id):
        follows.unfollow(user=request.user, target=target, target_id=target_id)
        messages.success(request, _("You no longer follow it."))
        return redirect(_back(request))
    try:
        follows.follow(user=request.user, target=target, target_id=target_id)
    except Refused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(
            request, _("You follow it now: what is new of it comes to your notifications.")
        )
    return redirect(_back(request))


@require_http_methods(["GET", "POST"])
def follow_email(request, target, target_id):
    # The form has a page of its own, so the public pages that offer it (the news, a project)
    # carry only a link and no CSRF token, and stay in the public cache.
    form = FollowByEmailForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():  # on a POST: shown again, the error beside the field
        return render(
            request,
            "notifications/follow_email.html",
            {
                "form": form,
                "next": _back(request),
                "title": follows.title_of(target, target_id),
                "target": target,
                "target_id": target_id,
            },
            status=400 if request.method == "POST" else 200,
        )
    if not form.is_spam():
        try:
            follows.follow_by_email(
                email=form.cleaned_data["email"],
                language=get_language(),
                target=target,
                target_id=target_id,
            )
        except Refused as refused:
            messages.error(request, refused.message)
            return redirect(_back(request))
    messages.success(
        request,
        _(
            "Check your inbox: we have sent a link that confirms the address. Nothing else is sent "
            "to it until you click it."
        ),
    )
    return redirect(_back(request))


@require_http_methods(["GET", "POST"])
def follow_confirm(request, token):
    if request.method == "POST":
        confirmed = follows.confirm(token=token)
        return render(
            request, "notifications/follow_confirm.html", {"done": True, "confirmed": confirmed}
        )
    return render(request, "notifications/follow_confirm.html", {"token": token})


@csrf_exempt  # a mail program's one-click unsubscribe (RFC 8058); the token authorises it
@require_http_methods(["GET", "POST"])
def follow_stop(request, token):
    if request.method == "POST":
        stopped = follows.stop(token=token)
        return render(request, "notifications/follow_stop.html", {"done": True, "stopped": stopped})
    return render(request, "notifications/follow_stop.html", {"token": token})
