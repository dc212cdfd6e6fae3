from django.urls import path

from meetmalmo.initiatives import views

app_name = "initiatives"

urlpatterns = [
    path("initiatives/new/", views.initiative_new, name="new"),
    path("initiatives/<int:pk>/edit/", views.initiative_edit, name="edit"),
    path("initiatives/attachments/<int:pk>/", views.attachment, name="attachment"),
    path("my/", views.my_page, name="my"),
    path("my/initiatives/<int:pk>/", views.my_initiative, name="mine"),
    path("my/initiatives/<int:pk>/answer/", views.my_answer, name="answer"),
    path("my/initiatives/<int:pk>/withdraw/", views.my_withdraw, name="withdraw"),
]
