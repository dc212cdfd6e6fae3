from django.urls import path

from meetmalmo.resources import views

app_name = "resources"

urlpatterns = [
    path("resources/join/", views.join, name="join"),
    path("resources/leave/", views.leave, name="leave"),
    path("staff/resources/", views.directory, name="directory"),
    path("staff/resources/<int:pk>/", views.profile, name="profile"),
]
