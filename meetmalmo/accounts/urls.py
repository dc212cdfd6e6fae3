from django.urls import path

from meetmalmo.accounts import views

app_name = "accounts"

urlpatterns = [
    path("my/data/", views.my_data, name="data"),
    path("my/delete/", views.delete_account, name="delete"),
    path(
        "staff/organisations/",
        views.organisations_to_confirm,
        name="organisations_to_confirm",
    ),
    path(
        "staff/organisations/<int:pk>/confirm/",
        views.organisation_confirm,
        name="organisation_confirm",
    ),
]
