from django.urls import path

from meetmalmo.publishing import feeds, views

app_name = "publishing"

urlpatterns = [
    path("news/", views.news, name="news"),
    path("news/feed/", feeds.NewsFeed(), name="news_feed"),
    path("news/<slug:slug>/", views.article, name="article"),
    path("news/<slug:slug>/comments/", views.comment, name="comment"),
    path("staff/news/", views.staff_news, name="staff_news"),
    path("staff/news/new/", views.staff_article, name="staff_article_new"),
    path("staff/news/<int:pk>/", views.staff_article, name="staff_article"),
    path("staff/comments/", views.moderation, name="moderation"),
]
