from django.urls import path

from meetmalmo.search import feeds, views

app_name = "search"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("results/", views.library, name="library"),
    path("results/lessons/feed/", feeds.LessonFeed(), name="lessons_feed"),
    path("results/lessons/<slug:code>/", views.lessons, name="lessons"),
]
