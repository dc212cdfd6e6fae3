from django.urls import path

from meetmalmo.accounts import views

app_name = "accounts"

urlpatterns = [
    path("my/data/", views.my_data, name="data"),
    path("my/delete/", views.delete_account, name="delete"),
    path("my/organisation/", views.organisation, name="organisation"),
    path(
        "my/organisation/requests/<int:pk>/<str:decision>/",
        views.membership_request_decide,
        name="membership_request_decide",
    ),
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
