from django.urls import path

from meetmalmo.inventory import views

app_name = "inventory"

urlpatterns = [
    path("staff/efforts/", views.effort_list, name="list"),
    path("staff/efforts/new/", views.effort_edit, name="new"),
    path("staff/efforts/import/", views.effort_import, name="import"),
    path("staff/efforts/import/<int:pk>/", views.import_status, name="import_status"),
    path("staff/efforts/<int:pk>/", views.effort_edit, name="edit"),
    path("staff/efforts/<int:pk>/archive/", views.effort_archive, name="archive"),
    path("staff/glossary/", views.glossary, name="glossary"),
    path("staff/glossary/new/", views.glossary_edit, name="glossary_new"),
    path("staff/glossary/<int:pk>/", views.glossary_edit, name="glossary_edit"),
    path("staff/glossary/<int:pk>/delete/", views.glossary_delete, name="glossary_delete"),
]
