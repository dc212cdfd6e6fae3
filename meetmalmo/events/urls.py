from django.urls import path

from meetmalmo.events import feeds, views

app_name = "events"

urlpatterns = [
    path("events/", views.event_list, name="list"),
    path("events/feed/", feeds.EventFeed(), name="feed"),
    path("events/feed.ics", views.feed_ics, name="feed_ics"),
    path("events/confirm/<str:token>/", views.confirm, name="confirm"),
    path("events/cancel/<str:token>/", views.cancel_link, name="cancel_link"),
    path("events/invitation/<str:token>/", views.invitation, name="invitation"),
    path("events/<slug:slug>/", views.detail, name="detail"),
    path("events/<slug:slug>/event.ics", views.event_ics, name="ics"),
    path("events/<slug:slug>/register/", views.register, name="register"),
    path("events/<slug:slug>/cancel/", views.cancel, name="cancel"),
    path("staff/events/", views.staff_list, name="staff_list"),
    path("staff/events/new/", views.staff_edit, name="staff_new"),
    path("staff/events/<int:pk>/", views.staff_event, name="staff_event"),
    path("staff/events/<int:pk>/edit/", views.staff_edit, name="staff_edit"),
    path("staff/events/<int:pk>/publish/", views.staff_publish, name="staff_publish"),
    path("staff/events/<int:pk>/cancel/", views.staff_cancel, name="staff_cancel"),
    path("staff/events/<int:pk>/message/", views.staff_message, name="staff_message"),
    path("staff/events/<int:pk>/invite/", views.staff_invite, name="staff_invite"),
    path("staff/events/<int:pk>/attendance/", views.staff_attendance, name="staff_attendance"),
    path(
        "staff/events/<int:pk>/attendance/<int:registration_pk>/",
        views.staff_attendance_mark,
        name="staff_attendance_mark",
    ),
    path("staff/events/<int:pk>/minutes/", views.staff_minutes, name="staff_minutes"),
    path(
        "staff/events/<int:pk>/registrations.xlsx",
        views.staff_export_xlsx,
        name="staff_export_xlsx",
    ),
    path(
        "staff/events/<int:pk>/registrations.csv", views.staff_export_csv, name="staff_export_csv"
    ),
]
