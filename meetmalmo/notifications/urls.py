from django.urls import path

from meetmalmo.notifications import views

app_name = "notifications"

urlpatterns = [
    path("notifications/", views.notification_list, name="list"),
    path("notifications/<int:pk>/", views.notification_open, name="open"),
    path("notifications/read/", views.read_all, name="read_all"),
    path("notifications/settings/", views.notification_settings, name="settings"),
    path("notifications/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("follow/<slug:target>/<int:target_id>/", views.follow_toggle, name="follow"),
    path("follow/<slug:target>/<int:target_id>/email/", views.follow_email, name="follow_email"),
    path("follow/confirm/<uuid:token>/", views.follow_confirm, name="follow_confirm"),
    path("follow/stop/<uuid:token>/", views.follow_stop, name="follow_stop"),
]
