from django.contrib import admin

from meetmalmo.groups.models import (
    Handover,
    Invitation,
    Membership,
    ProjectMessage,
    WorkingGroup,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["initiative", "created_at"]
    search_fields = ["initiative__title"]
    list_select_related = ["initiative"]
    inlines = [MembershipInline]
    readonly_fields = ["initiative"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["invitee", "group", "role", "state", "expires_at"]
    list_filter = ["state"]
    list_select_related = ["invitee", "group__initiative"]
    readonly_fields = ["token", "invited_by", "answered_at", "reminded_at"]


@admin.register(Handover)
class HandoverAdmin(admin.ModelAdmin):
    list_display = ["group", "organisation", "person", "date", "accepted_at"]
    list_select_related = ["group__initiative", "organisation", "person"]
    readonly_fields = ["recorded_by", "accepted_at"]


@admin.register(ProjectMessage)
class ProjectMessageAdmin(admin.ModelAdmin):
    list_display = ["name", "initiative", "sent_to", "offers_help", "spam", "created_at"]
    list_filter = ["spam", "sent_to", "offers_help"]
    search_fields = ["name", "email", "organisation", "initiative__title"]
    list_select_related = ["initiative"]
    readonly_fields = ["initiative", "sender", "sent_to", "language", "created_at"]

    def has_add_permission(self, request):
        return False  # they come from the project page
