from django.urls import path, re_path

from meetmalmo.site import calendar_views, views

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("how-it-works/", views.how_it_works, name="how_it_works"),
    path("contact/", views.contact, name="contact"),
    path("privacy/", views.privacy, name="privacy"),
    path("my/", views.my_page, name="my"),
    path("staff/", views.desk, name="desk"),
    path("staff/calendar/", calendar_views.staff_calendar, name="calendar"),
]

# A calendar subscribes to one address whatever the language (the feed speaks its owner's),
# so the feed stands outside the language prefix.
feeds = (
    [re_path(r"^calendar/(?P<token>[\w-]{1,100})\.ics$", calendar_views.feed, name="feed")],
    "staff_calendar",
)
