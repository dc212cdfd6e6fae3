from django.urls import path

from meetmalmo.figures import views

app_name = "figures"

urlpatterns = [
    path("figures/", views.public_figures, name="public"),
    path("staff/figures/", views.staff_figures, name="staff"),
    path("staff/figures/summary/", views.staff_summary, name="summary"),
    path("staff/figures/summary.pdf", views.staff_summary_pdf, name="summary_pdf"),
    path("staff/figures/initiatives.csv", views.staff_export, name="export"),
    path("staff/figures/initiatives.xlsx", views.staff_export_xlsx, name="export_xlsx"),
    path("staff/figures/<slug:key>.csv", views.staff_table_csv, name="table_csv"),
    path("staff/figures/<slug:key>.xlsx", views.staff_table_xlsx, name="table_xlsx"),
]
