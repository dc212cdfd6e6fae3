from django.contrib import admin

from meetmalmo.initiatives.indexing import index_initiatives
from meetmalmo.initiatives.models import CaseEvent, Initiative


class CaseEventInline(admin.TabularInline):
    """The case history, read-only: it is append-only everywhere, here too."""

    model = CaseEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "kind", "actor", "from_state", "to_state", "reason", "internal"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "organisation", "state", "channel", "assigned_to", "decision_due"]
    list_filter = ["state", "channel", "focus_areas"]
    search_fields = ["title", "summary", "organisation__name", "submitter__name"]
    list_select_related = ["organisation", "assigned_to"]
    autocomplete_fields = ["submitter", "organisation", "recorded_by", "assigned_to", "referred_to"]
    # State and dates change only through the workflow, which writes the case history.
    readonly_fields = ["state", "submitted_at", "decision_due", "decided_at", "referred_to_effort"]
    inlines = [CaseEventInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An administrator's correction of the text is found by related-work search at once.
        index_initiatives([form.instance.pk])


@admin.register(CaseEvent)
class CaseEventAdmin(admin.ModelAdmin):
    list_display = ["initiative", "kind", "actor", "from_state", "to_state", "created_at"]
    list_filter = ["kind", "to_state"]
    list_select_related = ["initiative", "actor"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
