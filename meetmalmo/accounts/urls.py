from django.urls import path

from meetmalmo.accounts import views

app_name = "accounts"

urlpatterns = [
    path("my/data/", views.my_data, name="data"),
    path("my/delete/", views.delete_account, name="delete"),
]
