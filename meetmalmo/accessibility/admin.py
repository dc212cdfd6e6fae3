from django.contrib import admin

from meetmalmo.accessibility.models import AccessibilityReport


@admin.register(AccessibilityReport)
class AccessibilityReportAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "email", "page", "handled", "spam"]
    list_filter = ["handled", "spam", "kind", "language"]
    list_editable = ["handled"]
    search_fields = ["name", "email", "page", "description"]
    date_hierarchy = "created_at"
    readonly_fields = ["kind", "name", "email", "page", "description", "language", "created_at"]
    fields = [*readonly_fields, "spam", "handled"]

    def has_add_permission(self, request):
        return False  # reports come from the form
