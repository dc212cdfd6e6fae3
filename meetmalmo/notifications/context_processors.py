from django.utils.functional import SimpleLazyObject

from meetmalmo.notifications.selectors import unread_count


def unread(request):
    """The count in the header's "Notifications" link, counted only on a page that shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": SimpleLazyObject(lambda: unread_count(user))}
