from django.contrib import admin

from meetmalmo.core.models import FocusArea


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "code", "position", "active"]
    list_editable = ["position", "active"]
    prepopulated_fields = {"code": ["name_en"]}
