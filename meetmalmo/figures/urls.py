from django.urls import path

from meetmalmo.figures import views

app_name = "figures"

urlpatterns = [
    path("figures/", views.public_figures, name="public"),
    path("staff/figures/", views.staff_figures, name="staff"),
    path("staff/figures/initiatives.csv", views.staff_export, name="export"),
    path("staff/figures/<slug:key>.csv", views.staff_table_csv, name="table_csv"),
]
