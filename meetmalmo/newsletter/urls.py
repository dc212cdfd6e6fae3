from django.urls import path

from meetmalmo.newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("newsletter/", views.subscribe, name="subscribe"),
    path("staff/newsletter/", views.staff_issues, name="staff_issues"),
    path("staff/newsletter/new/", views.staff_issue, name="staff_issue_new"),
    path("staff/newsletter/<int:pk>/", views.staff_issue, name="staff_issue"),
    path("staff/newsletter/<int:pk>/preview/<str:language>/", views.preview, name="preview"),
    path("staff/newsletter/<int:pk>/send/", views.send, name="send"),
    path(
        "staff/newsletter/subscribers.<str:file_format>",
        views.subscribers_export,
        name="subscribers_export",
    ),
]
