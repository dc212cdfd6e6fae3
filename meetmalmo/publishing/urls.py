from django.urls import path

from meetmalmo.publishing import feeds, views

app_name = "publishing"

urlpatterns = [
    path("news/", views.news, name="news"),
    path("news/feed/", feeds.NewsFeed(), name="news_feed"),
    path("news/<slug:slug>/", views.article, name="article"),
    path("news/<slug:slug>/comments/", views.comment, name="comment"),
    path("projects/", views.projects, name="projects"),
    path("projects/feed/", feeds.ProjectFeed(), name="projects_feed"),
    path("projects/<slug:slug>/", views.project, name="project"),
    path("projects/<slug:slug>/contact/", views.project_contact, name="project_contact"),
    path("staff/projects/", views.staff_projects, name="staff_projects"),
    path("staff/projects/<int:pk>/", views.staff_project, name="staff_project"),
    path("groups/<int:group_pk>/reports/new/", views.report_edit, name="report_new"),
    path("groups/<int:group_pk>/reports/<int:pk>/", views.report_edit, name="report"),
    path(
        "groups/<int:group_pk>/reports/<int:pk>/decide/", views.report_decide, name="report_decide"
    ),
    path("staff/news/", views.staff_news, name="staff_news"),
    path("staff/news/new/", views.staff_article, name="staff_article_new"),
    path("staff/news/<int:pk>/", views.staff_article, name="staff_article"),
    path("staff/comments/", views.moderation, name="moderation"),
    path("staff/comments/<int:pk>/answer/", views.comment_answer, name="comment_answer"),
]
