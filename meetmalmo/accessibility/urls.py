from django.urls import path

from meetmalmo.accessibility import views

app_name = "accessibility"

urlpatterns = [
    path("accessibility/", views.statement, name="statement"),
]
