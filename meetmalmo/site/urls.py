from django.urls import path

from meetmalmo.site import views

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("how-it-works/", views.how_it_works, name="how_it_works"),
    path("contact/", views.contact, name="contact"),
    path("privacy/", views.privacy, name="privacy"),
    path("my/", views.my_page, name="my"),
    path("staff/", views.desk, name="desk"),
]
