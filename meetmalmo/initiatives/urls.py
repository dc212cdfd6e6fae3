from django.urls import path

from meetmalmo.initiatives import staff_views, views

app_name = "initiatives"

urlpatterns = [
    path("initiatives/new/", views.initiative_new, name="new"),
    path("initiatives/related/", views.related_work, name="related"),
    path("initiatives/efforts/<int:pk>/", views.effort_card, name="effort"),
    path("initiatives/<int:pk>/edit/", views.initiative_edit, name="edit"),
    path("initiatives/attachments/<int:pk>/", views.attachment, name="attachment"),
    path("my/initiatives/<int:pk>/", views.my_initiative, name="mine"),
    path("my/initiatives/<int:pk>/answer/", views.my_answer, name="answer"),
    path("my/initiatives/<int:pk>/message/", views.my_message, name="message"),
    path("my/initiatives/<int:pk>/withdraw/", views.my_withdraw, name="withdraw"),
]

urlpatterns += [
    # The queue's tabs also answer at /staff/?tab=…, the desk's address (the site app's).
    path("staff/queue/", staff_views.queue, name="queue"),
    path("staff/reassign/<int:pk>/", staff_views.reassign, name="reassign"),
    path("staff/assign/", staff_views.bulk_assign, name="bulk_assign"),
    path("staff/reply/", staff_views.bulk_reply, name="bulk_reply"),
    path("staff/record/", staff_views.record, name="record"),
    path("staff/cases/<int:pk>/", staff_views.case, name="case"),
    path("staff/cases/<int:pk>/move/", staff_views.transition, name="transition"),
    path("staff/cases/<int:pk>/assign/", staff_views.assign, name="assign"),
    path("staff/cases/<int:pk>/note/", staff_views.note, name="note"),
    path("staff/cases/<int:pk>/question/", staff_views.question, name="question"),
    path("staff/cases/<int:pk>/message/", staff_views.message, name="staff_message"),
    path("staff/cases/<int:pk>/inventory/", staff_views.inventory_add, name="inventory_add"),
    path(
        "staff/cases/<int:pk>/inventory/<int:entry_pk>/remove/",
        staff_views.inventory_remove,
        name="inventory_remove",
    ),
    path("staff/focus-areas/", staff_views.focus_areas, name="focus_areas"),
    path("staff/focus-areas/new/", staff_views.focus_area_edit, name="focus_area_new"),
    path("staff/focus-areas/<int:pk>/", staff_views.focus_area_edit, name="focus_area_edit"),
    path("staff/templates/", staff_views.templates, name="templates"),
    path("staff/templates/new/", staff_views.template_edit, name="template_new"),
    path("staff/templates/<int:pk>/", staff_views.template_edit, name="template_edit"),
]
