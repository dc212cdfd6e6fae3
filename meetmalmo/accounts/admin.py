from allauth.usersessions import admin as usersessions_admin
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from meetmalmo.accounts.models import ApprovedDomain, ContactProfile, Organisation, User
from meetmalmo.accounts.services import (
    make_process_manager,
    organisations_merge,
    remove_process_manager,
)


class ApprovedDomainInline(admin.TabularInline):
    """The e-mail domains that make someone this organisation's member without a request; the
    model refuses public webmail."""

    model = ApprovedDomain
    extra = 0
    fields = ["domain"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    inlines = [ApprovedDomainInline]
    list_display = ["name", "sphere", "org_number", "website", "confirmed"]
    list_filter = ["confirmed", "sphere"]
    search_fields = ["name", "org_number"]
    readonly_fields = ["created_by"]
    actions = ["confirm", "merge"]

    @admin.action(description=_("Confirm the chosen organisations"))
    def confirm(self, request, queryset):
        count = queryset.filter(confirmed=False).update(confirmed=True)
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation is confirmed.",
                "%(count)d organisations are confirmed.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Merge the chosen organisations into the oldest of them"))
    def merge(self, request, queryset):
        chosen = list(queryset.order_by("created_at", "pk"))
        if len(chosen) < 2:
            self.message_user(request, _("Choose two or more organisations to merge."), "error")
            return
        merged = organisations_merge(keep=chosen[0], duplicates=chosen[1:])
        self.message_user(
            request,
            ngettext(
                "%(count)d organisation is merged into %(name)s, with its people and initiatives.",
                "%(count)d organisations are merged into %(name)s, with their people and "
                "initiatives.",
                merged,
            )
            % {"count": merged, "name": chosen[0].name},
        )


class ContactProfileInline(admin.StackedInline):
    model = ContactProfile
    can_delete = False
    extra = 0


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["name"]
    list_display = ["name", "email", "organisation", "is_process_manager", "is_superuser"]
    list_filter = ["is_process_manager", "is_superuser", "is_active", "organisation__sphere"]
    search_fields = ["name", "email", "organisation__name"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]
    inlines = [ContactProfileInline]
    actions = ["make_process_managers", "remove_process_managers"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Person"), {"fields": ["name", "organisation", "language"]}),
        (
            _("Roles"),
            {"fields": ["is_active", "is_process_manager", "is_staff", "is_superuser", "groups"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "name", "password1", "password2"]}),
    ]

    @admin.action(description=_("Make the selected people process managers"))
    def make_process_managers(self, request, queryset):
        for user in queryset:
            make_process_manager(user=user)
        count = queryset.count()
        self.message_user(
            request,
            ngettext(
                "%(count)d person is now a process manager.",
                "%(count)d people are now process managers.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Remove the process manager role"))
    def remove_process_managers(self, request, queryset):
        for user in queryset:
            remove_process_manager(user=user)
        self.message_user(request, _("The role was removed."), messages.SUCCESS)


# allauth's list of sessions is left out of the admin: deleting a row there would not sign the
# person out (only the record of the session goes), and its search asks for a username, which
# accounts here do not have. An administrator closes an account instead (not active), which
# ends its sessions at their next request.
# Its admin module is imported first, so that its registration is there to take back.
admin.site.unregister(usersessions_admin.UserSession)
