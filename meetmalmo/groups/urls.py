from django.urls import path

from meetmalmo.groups import views

app_name = "groups"

urlpatterns = [
    path("groups/<int:pk>/", views.workspace, name="workspace"),
    path("groups/<int:pk>/invite/", views.invite, name="invite"),
    path("groups/<int:pk>/milestones/", views.milestone_add, name="milestone_add"),
    path(
        "groups/<int:pk>/milestones/<int:milestone_pk>/done/",
        views.milestone_toggle,
        name="milestone_toggle",
    ),
    path("groups/<int:pk>/updates/", views.update_post, name="update"),
    path("groups/<int:pk>/updates/<int:update_pk>/edit/", views.update_edit, name="update_edit"),
    path(
        "groups/<int:pk>/updates/<int:update_pk>/delete/",
        views.update_delete,
        name="update_delete",
    ),
    path("groups/<int:pk>/links/", views.link_add, name="link"),
    path("groups/<int:pk>/handover/", views.handover, name="handover"),
    path(
        "groups/<int:pk>/messages/recipient/",
        views.messages_recipient,
        name="messages_recipient",
    ),
    path("groups/handovers/<int:pk>/accept/", views.handover_accept, name="handover_accept"),
    path("groups/invitations/<uuid:token>/", views.invitation, name="invitation"),
    path("staff/groups/<int:pk>/match/", views.match, name="match"),
    path("staff/groups/<int:pk>/match/invite/", views.invite_resource, name="invite_resource"),
]
