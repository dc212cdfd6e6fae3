from django.contrib import admin

from meetmalmo.resources.models import Competence, ResourceProfile, SpokenLanguage


@admin.register(ResourceProfile)
class ResourceProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "title", "industry", "hours_per_month", "active", "consent"]
    list_filter = ["active", "consent", "industry"]
    search_fields = ["user__name", "user__email", "title"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    readonly_fields = ["consent_at"]


@admin.register(Competence)
class CompetenceAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(SpokenLanguage)
class SpokenLanguageAdmin(admin.ModelAdmin):
    list_display = ["code", "name_sv", "name_en"]
