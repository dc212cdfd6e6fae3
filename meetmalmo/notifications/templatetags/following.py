"""`{% follow_box "project" project.pk %}`: the follow button for a member, a link to the e-mail
form for a visitor (a form would keep the page out of the public cache), on any page of
something that can be followed; `heading` names what is followed where the page is about
something else, `help` what following it brings."""

from django import template

from meetmalmo.notifications import follows

register = template.Library()


@register.inclusion_tag("notifications/includes/follow.html", takes_context=True)
def follow_box(context, target: str, target_id: int, heading: str = "", help: str = ""):
    request = context["request"]
    user = request.user
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "target": target,
        "target_id": target_id,
        "heading": heading,
        "help": help,
        "signed_in": user.is_authenticated,
        "following": user.is_authenticated and follows.follows(user, target, target_id),
    }
