from django.urls import path

from meetmalmo.inventory import views

app_name = "inventory"

urlpatterns = [
    path("staff/efforts/", views.effort_list, name="list"),
    path("staff/efforts/new/", views.effort_edit, name="new"),
    path("staff/efforts/import/", views.effort_import, name="import"),
    path("staff/efforts/<int:pk>/", views.effort_edit, name="edit"),
    path("staff/efforts/<int:pk>/archive/", views.effort_archive, name="archive"),
]
