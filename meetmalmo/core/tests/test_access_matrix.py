"""Who may open every address of the portal (SPEC §2 roles, §7 per-object access checks).

Every URL pattern the resolver knows (the language prefix as /sv/, allauth's and the admin's
included patterns, the API, the open-data files, the feeds, /healthz, /media/) is requested with
a GET as each role, in one world that holds an object of every kind, and the answer must be the
one in `TABLE`. A pattern without a row fails, so no address is added without deciding who may
open it. Where a row lists POST answers, a POST by each of those roles must change nothing in
the database and schedule nothing (no e-mail), and the same POST by the role named `allowed`
must change something, so the refusal is not an artefact of a bad payload.

The roles: a visitor; a member who owns nothing; the other member, who owns what a member owns
(the case in review with its attachment, the draft and, as the submitter of its initiative, the
working group: URLs carry their ids, so the member asks for someone else's object and the other
member for their own); a plain member of that group (also the person named in its handover); a
resource (invited to the group); a process manager; an administrator (staff and superuser, not a
process manager)."""

from datetime import timedelta
from types import SimpleNamespace
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import timezone, translation
from django.utils.regex_helper import normalize

pytestmark = pytest.mark.django_db

ROLES = (
    "visitor",
    "member",
    "other_member",
    "group_member",
    "resource",
    "process_manager",
    "administrator",
)
# Neither staff nor in the group: no page they can open may show the private facts below.
OUTSIDERS = ("visitor", "member", "resource")


class Outcome(NamedTuple):
    """What a request answers: a status and, for a redirect, where it leads (`to`, the path)
    and the page it brings the person back to afterwards (`next`). `{w.…}` is filled from the
    world and `{page}` with the address asked for."""

    name: str
    status: int
    to: str = ""
    next: str | None = None

    def __repr__(self) -> str:
        return self.name

    def problem(self, response, world, page) -> str:
        """Why the response is not this outcome, or nothing."""
        answer = f"{response.status_code} {response.get('Location', '')}".strip()
        if response.status_code != self.status:
            return f"expected {self.name}, got {answer}"
        if not self.to:
            return ""
        location = urlsplit(response["Location"])
        if location.path != self.to.format(w=world, page=page):
            return f"expected {self.name} ({self.to}), got {answer}"
        if self.next is not None:
            back = parse_qs(location.query).get("next", [""])[0]
            if back != self.next.format(w=world, page=page):
                return f"expected {self.name} back to {self.next}, got {answer}"
        return ""


OK = Outcome("OK", 200)
DENIED = Outcome("DENIED", 403)  # refused, and it says so
HIDDEN = Outcome("HIDDEN", 404)  # not theirs, and nothing tells them it exists
WRONG_METHOD = Outcome("WRONG_METHOD", 405)
LOGIN = Outcome("LOGIN", 302, "/sv/accounts/login/", "{page}")
SIGNUP = Outcome("SIGNUP", 302, "/sv/accounts/signup/", "{page}")
ADMIN_LOGIN = Outcome("ADMIN_LOGIN", 302, "/sv/admin/login/", "{page}")
REAUTHENTICATE = Outcome("REAUTHENTICATE", 302, "/sv/accounts/reauthenticate/", "{page}")
HOME = Outcome("HOME", 302, "/sv/")


def to(path: str, next: str | None = None) -> Outcome:
    """A redirect that is the page's normal answer, such as a form already done."""
    return Outcome(f"TO {path}", 302, path, next)


def roles(default: Outcome, *, but=(), **special: Outcome) -> dict[str, Outcome]:
    """Each role's outcome: `default` unless named; the roles in `but` are left out."""
    assert set(special) | set(but) <= set(ROLES), (set(special) | set(but)) - set(ROLES)
    return {role: special.get(role, default) for role in ROLES if role not in but}


PUBLIC = roles(OK)
SIGNED_IN = roles(OK, visitor=LOGIN)
STAFF = roles(DENIED, visitor=LOGIN, process_manager=OK)
STAFF_ACTION = roles(DENIED, visitor=LOGIN, process_manager=WRONG_METHOD)
ADMIN = roles(ADMIN_LOGIN, administrator=OK)
GET_ONLY = roles(WRONG_METHOD, but=("process_manager",))


class Row(NamedTuple):
    get: dict[str, Outcome]
    kwargs: dict[str, str] = {}  # the URL's arguments; `{w.…}` names an object of the world
    query: str = ""
    post: dict[str, Outcome] = {}  # roles whose POST must change nothing, and their answer
    data: dict | None = None  # the POST's fields; `{w.…}` filled as in kwargs
    allowed: str = ""  # a role whose POST with `data` does change the database
    skip: str = ""  # why the pattern is not requested


def staff(get=STAFF, *, post=None, data=None, **kwargs) -> Row:
    """A process managers' page or action: everyone else's POST is answered as their GET is,
    unless `post` says otherwise, and changes nothing."""
    if post is None:
        post = {role: get[role] for role in ROLES if role != "process_manager"}
    allowed = "process_manager" if data is not None else ""
    return Row(get, kwargs, post=post, data=data, allowed=allowed)


# A member's own object: the other member's, so the others are told nothing of it.
OWNER = roles(HIDDEN, visitor=LOGIN, other_member=OK)
# A member's action is POST only, and the method is checked before anything is looked up.
MEMBER_ACTION = roles(WRONG_METHOD, visitor=LOGIN)
# A plain member of the group is sent back to the workspace with a message, nothing saved.
BACK_TO_GROUP = to("/sv/groups/{w.group.pk}/")
GROUP_EDIT_REFUSED = roles(
    HIDDEN, visitor=LOGIN, group_member=BACK_TO_GROUP, but=("other_member", "process_manager")
)
GROUP_POST_REFUSED = roles(
    HIDDEN, visitor=LOGIN, but=("other_member", "group_member", "process_manager")
)
REPORT_WRITERS = roles(HIDDEN, visitor=LOGIN, other_member=OK, process_manager=OK)
REPORT_DATA = {
    "summary": "Tusen unga mötte hotellen.",
    "lessons": "",
    "links": "",
    "outcomes-TOTAL_FORMS": "0",
    "outcomes-INITIAL_FORMS": "0",
    "outcomes-MIN_NUM_FORMS": "0",
    "outcomes-MAX_NUM_FORMS": "30",
    "action": "draft",
}

TABLE: dict[str, Row] = {
    # Outside the language prefix: for programs and servers.
    "healthz": Row(PUBLIC),
    "sitemap": Row(PUBLIC),
    # Uploaded photos (attachments are kept elsewhere, see initiatives:attachment); no listing.
    "^media/(?P<path>.*)$": Row(roles(HIDDEN), {"path": ""}),
    "api-v1:index": Row(PUBLIC),
    "api-v1:api-root": Row(PUBLIC, skip="the same address as api-v1:index, which answers it"),
    "api-v1:openapi-json": Row(PUBLIC),
    "api-v1:projects": Row(PUBLIC),
    "api-v1:project": Row(PUBLIC, {"slug": "{w.project.slug}"}),
    "api-v1:news": Row(PUBLIC),
    "api-v1:events": Row(PUBLIC),
    "api-v1:article": Row(PUBLIC, {"slug": "{w.article.slug}"}),
    "api-v1:figures": Row(PUBLIC),
    "api-v1:focus_areas": Row(PUBLIC),
    "open_data:catalog": Row(PUBLIC),
    "open_data:download": Row(PUBLIC, {"key": "projects"}),
    # A process manager's calendar: the secret in the address decides, not who asks (calendar
    # clients send no cookies), and it shows that manager's items only. A wrong, replaced or
    # revoked secret finds nothing (site/tests/test_staff_calendar.py).
    "staff_calendar:feed": Row(PUBLIC, {"token": "{w.calendar_token}"}),
    # Public pages.
    "site:home": Row(PUBLIC),
    "site:how_it_works": Row(PUBLIC),
    "site:contact": Row(PUBLIC),
    "site:privacy": Row(PUBLIC),
    "accessibility:statement": Row(PUBLIC),
    "api:open_data": Row(PUBLIC),
    "api:docs": Row(PUBLIC),
    "figures:public": Row(PUBLIC),
    "publishing:news": Row(PUBLIC),
    "publishing:news_feed": Row(PUBLIC),
    "publishing:article": Row(PUBLIC, {"slug": "{w.article.slug}"}),
    "publishing:comment": Row(roles(WRONG_METHOD), {"slug": "{w.article.slug}"}),
    "publishing:projects": Row(PUBLIC),
    "newsletter:subscribe": Row(PUBLIC),
    "publishing:projects_feed": Row(PUBLIC),
    "publishing:project": Row(PUBLIC, {"slug": "{w.project.slug}"}),
    # Meetings: public once published; the online link only for those registered.
    "events:list": Row(PUBLIC),
    "events:feed": Row(PUBLIC),
    "events:feed_ics": Row(PUBLIC),
    "events:detail": Row(PUBLIC, {"slug": "{w.event.slug}"}),
    "events:ics": Row(PUBLIC, {"slug": "{w.event.slug}"}),
    "events:register": Row(roles(WRONG_METHOD), {"slug": "{w.event.slug}"}),
    "events:cancel": Row(roles(WRONG_METHOD), {"slug": "{w.event.slug}"}),
    # The links in the meetings' e-mail: a signed token decides; a member's link opens for that
    # member only (events/tests/test_pages.py).
    "events:confirm": Row(PUBLIC, {"token": "{w.confirm_token}"}),
    "events:cancel_link": Row(
        roles(DENIED, visitor=OK, other_member=OK), {"token": "{w.cancel_token}"}
    ),
    "events:invitation": Row(
        roles(DENIED, visitor=OK, resource=OK), {"token": "{w.event_invitation_token}"}
    ),
    # allauth: signing in and up, and each person's own account.
    "account_login": Row(roles(HOME, visitor=OK)),
    "account_logout": Row(roles(OK, visitor=HOME)),
    "account_signup": Row(roles(HOME, visitor=OK)),
    "account_inactive": Row(PUBLIC),
    "account_reauthenticate": Row(SIGNED_IN),
    "account_email": Row(SIGNED_IN),
    "account_email_verification_sent": Row(PUBLIC),
    "account_confirm_email": Row(PUBLIC, {"key": "{w.confirmation_key}"}),
    "account_confirm_login_code": Row(roles(HOME, visitor=to("/sv/accounts/login/"))),
    "account_change_password": Row(SIGNED_IN),
    "account_set_password": Row(roles(to("/sv/accounts/password/change/"), visitor=LOGIN)),
    "account_reset_password": Row(PUBLIC),
    "account_reset_password_done": Row(PUBLIC),
    # A valid link moves its key into the session and out of the address.
    "account_reset_password_from_key": Row(
        roles(to("/sv/accounts/password/reset/key/{w.reset_uid}-set-password/")),
        {"uidb36": "{w.reset_uid}", "key": "{w.reset_key}"},
    ),
    "account_reset_password_from_key_done": Row(PUBLIC),
    # Where each person is signed in: their own sessions only, so a signed-in page for all.
    "usersessions_list": Row(SIGNED_IN),
    # Two-factor: changing it asks for the password again; codes exist only once it is set up.
    "mfa_index": Row(SIGNED_IN),
    "mfa_authenticate": Row(roles(HOME, visitor=to("/sv/accounts/login/"))),
    "mfa_reauthenticate": Row(
        roles(to("/sv/accounts/reauthenticate/"), visitor=LOGIN, other_member=OK)
    ),
    "mfa_activate_totp": Row(roles(REAUTHENTICATE, visitor=LOGIN)),
    "mfa_deactivate_totp": Row(roles(HIDDEN, visitor=LOGIN, other_member=REAUTHENTICATE)),
    "mfa_view_recovery_codes": Row(roles(HIDDEN, visitor=LOGIN, other_member=REAUTHENTICATE)),
    "mfa_generate_recovery_codes": Row(roles(REAUTHENTICATE, visitor=LOGIN)),
    "mfa_download_recovery_codes": Row(roles(HIDDEN, visitor=LOGIN, other_member=REAUTHENTICATE)),
    # A member's own pages; every signed-in person has them.
    "initiatives:new": Row(roles(OK, visitor=SIGNUP)),
    "initiatives:related": Row(SIGNED_IN, query="title=Sommarjobb+i+Malmo+stad&summary=unga+jobb"),
    # A suggested effort's card, for any signed-in member; what is said of it goes on one's own
    # case only (the other member owns the case: anyone else's choice of it is refused).
    "initiatives:effort": Row(
        SIGNED_IN,
        {"pk": "{w.effort.pk}"},
        post=roles(Outcome("NOT_THEIRS", 400), visitor=LOGIN, but=("other_member",)),
        data={"initiative": "{w.case.pk}", "action": "close", "message": ""},
        allowed="other_member",
    ),
    "site:my": Row(SIGNED_IN),
    "resources:join": Row(roles(OK, visitor=SIGNUP)),
    # Asks once more; only a resource has a profile to leave, the rest go back to My page.
    "resources:leave": Row(roles(to("/sv/my/"), visitor=LOGIN, resource=OK)),
    "accounts:data": Row(SIGNED_IN),
    # Staff cannot delete themselves: the page says so and a POST is refused.
    "accounts:delete": Row(
        SIGNED_IN,
        post={"process_manager": DENIED, "administrator": DENIED},
        data={"password": "a-long-test-passphrase"},
    ),
    # A member's own initiative: the other member's, so the rest learn nothing of it.
    "initiatives:mine": Row(OWNER, {"pk": "{w.case.pk}"}),
    "initiatives:edit": Row(
        OWNER,
        {"pk": "{w.draft.pk}"},
        post=roles(HIDDEN, visitor=LOGIN, but=("other_member",)),
        data={"action": "draft", "title": "Ett nytt namn"},
        allowed="other_member",
    ),
    "initiatives:answer": Row(
        MEMBER_ACTION,
        {"pk": "{w.case.pk}"},
        post=roles(HIDDEN, visitor=LOGIN, but=("other_member",)),
        data={"text": "Hotell Stadt och Malmö Live."},
        allowed="other_member",
    ),
    # A person's own notifications; the unsubscribe link works without signing in.
    "notifications:list": Row(SIGNED_IN),
    "notifications:open": Row(
        roles(HIDDEN, visitor=LOGIN, other_member=to("/sv/")), {"pk": "{w.notification.pk}"}
    ),
    "notifications:read_all": Row(
        MEMBER_ACTION,
        post=roles(to("/sv/notifications/"), visitor=LOGIN, but=("other_member",)),
        data={},
        allowed="other_member",
    ),
    "notifications:settings": Row(SIGNED_IN),
    "notifications:unsubscribe": Row(PUBLIC, {"token": "{w.unsubscribe_token}"}),
    # Following: members by a button, visitors by a confirmed address; the links need no login.
    "notifications:follow": Row(
        MEMBER_ACTION, {"target": "project", "target_id": "{w.project.pk}"}
    ),
    "notifications:follow_email": Row(PUBLIC, {"target": "news", "target_id": "0"}),
    "notifications:follow_confirm": Row(PUBLIC, {"token": "{w.follow.token}"}),
    "notifications:follow_stop": Row(PUBLIC, {"token": "{w.follow.token}"}),
    # The case's conversation: its submitter writes on their page, staff on the case.
    "initiatives:message": Row(
        MEMBER_ACTION,
        {"pk": "{w.case.pk}"},
        post=roles(HIDDEN, visitor=LOGIN, but=("other_member",)),
        data={"message-text": "Vi har fått med ett hotell till."},
        allowed="other_member",
    ),
    "initiatives:withdraw": Row(
        OWNER,
        {"pk": "{w.case.pk}"},
        post=roles(HIDDEN, visitor=LOGIN, but=("other_member",)),
        data={},
        allowed="other_member",
    ),
    "initiatives:attachment": Row(
        roles(HIDDEN, visitor=LOGIN, other_member=OK, process_manager=OK),
        {"pk": "{w.attachment.pk}"},
    ),
    # The working group: its members and staff see it; the owner and process support edit it.
    "groups:workspace": Row(
        roles(HIDDEN, visitor=LOGIN, other_member=OK, group_member=OK, process_manager=OK),
        {"pk": "{w.group.pk}"},
    ),
    "groups:milestone_add": Row(
        MEMBER_ACTION,
        {"pk": "{w.group.pk}"},
        post=GROUP_EDIT_REFUSED,
        data={"milestone-title": "Kapad", "milestone-due": "2030-01-01"},
        allowed="other_member",
    ),
    "groups:milestone_toggle": Row(
        MEMBER_ACTION,
        {"pk": "{w.group.pk}", "milestone_pk": "{w.milestone.pk}"},
        post=GROUP_EDIT_REFUSED,
        data={},
        allowed="other_member",
    ),
    "groups:link": Row(
        MEMBER_ACTION,
        {"pk": "{w.group.pk}"},
        post=GROUP_EDIT_REFUSED,
        data={"link-title": "Kapad", "link-url": "https://example.se/kapad"},
        allowed="other_member",
    ),
    "groups:update": Row(
        MEMBER_ACTION,
        {"pk": "{w.group.pk}"},
        post=GROUP_POST_REFUSED,
        data={"update-body": "Hej gruppen"},
        allowed="group_member",
    ),
    # An update is its writer's to change or delete (after a page that asks once more).
    "groups:update_edit": Row(
        roles(HIDDEN, visitor=LOGIN, group_member=OK),
        {"pk": "{w.group.pk}", "update_pk": "{w.member_update.pk}"},
        post=roles(HIDDEN, visitor=LOGIN, but=("group_member",)),
        data={"body": "Vi har kommit igång"},
        allowed="group_member",
    ),
    "groups:update_delete": Row(
        roles(HIDDEN, visitor=LOGIN, group_member=OK),
        {"pk": "{w.group.pk}", "update_pk": "{w.member_update.pk}"},
        post=roles(HIDDEN, visitor=LOGIN, but=("group_member",)),
        data={},
        allowed="group_member",
    ),
    # Only the person named accepts; the owner and staff see the group but are refused.
    "groups:handover_accept": Row(
        roles(WRONG_METHOD, visitor=LOGIN),
        {"pk": "{w.handover.pk}"},
        post={
            **GROUP_POST_REFUSED,
            "other_member": BACK_TO_GROUP,
            "process_manager": BACK_TO_GROUP,
        },
        data={},
        allowed="group_member",
    ),
    # The link in an invitation e-mail: an unguessable token, for the person invited only.
    "groups:invitation": Row(
        roles(DENIED, visitor=LOGIN, resource=OK),
        {"token": "{w.invitation.token}"},
        post=roles(DENIED, visitor=LOGIN, but=("resource",)),
        data={"action": "accept", "answer": ""},
        allowed="resource",
    ),
    # Reports: written by the group's owner and process support, published by staff.
    "publishing:report_new": Row(
        REPORT_WRITERS,
        {"group_pk": "{w.group.pk}"},
        post=roles(HIDDEN, visitor=LOGIN, but=("other_member", "process_manager")),
        data=REPORT_DATA,
        allowed="other_member",
    ),
    "publishing:report": Row(
        REPORT_WRITERS,
        {"group_pk": "{w.group.pk}", "pk": "{w.report.pk}"},
        # Submitted, so no longer editable even by its writers (400).
        post=roles(
            HIDDEN,
            visitor=LOGIN,
            other_member=Outcome("NOT_EDITABLE", 400),
            process_manager=Outcome("NOT_EDITABLE", 400),
        ),
        data={**REPORT_DATA, "summary": "Ändrad"},
    ),
    "publishing:report_decide": staff(
        STAFF_ACTION, data={"action": "publish"}, group_pk="{w.group.pk}", pk="{w.report.pk}"
    ),
    # Process managers' pages and actions.
    "site:desk": staff(),
    "initiatives:queue": staff(),
    # Handing a colleague's open cases over, here to the process manager signed in.
    "initiatives:reassign": staff(
        data={"cases": ["{w.held_case.pk}"], "to_user": "{w.process_manager.pk}"},
        pk="{w.colleague.pk}",
    ),
    "initiatives:bulk_assign": staff(
        STAFF_ACTION,
        data={"cases": ["{w.case.pk}"], "assignee": "{w.process_manager.pk}"},
    ),
    "initiatives:bulk_reply": staff(
        STAFF_ACTION, data={"cases": ["{w.case.pk}"], "template": "{w.reply_template.pk}"}
    ),
    "initiatives:record": staff(),
    "site:calendar": staff(data={"action": "create"}),
    "initiatives:case": staff(pk="{w.case.pk}"),
    "initiatives:transition": staff(
        STAFF_ACTION,
        # as the confirmation page sends it: a decision is made only once confirmed
        data={"move": "adopt", "adopt-reason": "Bra", "confirm": "1", "state": "in_review"},
        pk="{w.case.pk}",
    ),
    "initiatives:assign": staff(
        STAFF_ACTION, data={"assignee": "{w.process_manager.pk}"}, pk="{w.case.pk}"
    ),
    "initiatives:note": staff(STAFF_ACTION, data={"note-text": "Intern"}, pk="{w.case.pk}"),
    "initiatives:staff_message": staff(
        STAFF_ACTION, data={"message-text": "Tack, vi läser den."}, pk="{w.case.pk}"
    ),
    "initiatives:question": staff(
        STAFF_ACTION, data={"question-text": "Och budgeten?"}, pk="{w.case.pk}"
    ),
    "initiatives:focus_areas": staff(),
    "initiatives:focus_area_new": staff(
        data={"name_sv": "Hamnen", "name_en": "The harbour", "code": "harbour", "position": 99}
    ),
    "initiatives:focus_area_edit": staff(
        data={"name_sv": "Ändrad", "name_en": "Changed", "code": "changed", "position": 1},
        pk="{w.focus_area.pk}",
    ),
    "initiatives:templates": staff(),
    "initiatives:template_new": staff(
        data={"kind": "question", "name": "Ny", "body_sv": "Hej", "body_en": "Hello"}
    ),
    "initiatives:template_edit": staff(
        data={"kind": "question", "name": "Ändrad", "body_sv": "Hej", "body_en": "Hello"},
        pk="{w.reply_template.pk}",
    ),
    "inventory:list": staff(),
    "inventory:new": staff(
        data={
            "title": "Ny insats",
            "description": "Något nytt.",
            "owner_org": "Malmö stad",
            "sphere": "city",
            "status": "active",
            "language": "sv",
        }
    ),
    "inventory:import": staff(),
    "inventory:import_status": staff(pk="{w.effort_import.pk}"),
    "accounts:organisations_to_confirm": staff(),
    "accounts:organisation_confirm": staff(STAFF_ACTION, data={}, pk="{w.waiting_org.pk}"),
    # A member's organisation and the requests to join it they may decide: a newcomer asks to
    # join the other member's organisation, which the other member or the office decides; to
    # anyone else the request is not there.
    "accounts:organisation": Row(SIGNED_IN),
    "accounts:membership_request_decide": Row(
        MEMBER_ACTION,
        {"pk": "{w.membership_request.pk}", "decision": "approve"},
        post=roles(HIDDEN, visitor=LOGIN, but=("other_member", "process_manager")),
        data={},
        allowed="other_member",
    ),
    "inventory:edit": staff(
        data={
            "title": "Ändrad insats",
            "description": "Något annat.",
            "owner_org": "Malmö stad",
            "sphere": "city",
            "status": "active",
            "language": "sv",
        },
        pk="{w.effort.pk}",
    ),
    "inventory:archive": staff(STAFF_ACTION, data={}, pk="{w.effort.pk}"),
    "initiatives:inventory_add": staff(
        STAFF_ACTION,
        data={"kind": "effort", "target": "{w.other_effort.pk}", "note": "", "action": "add"},
        pk="{w.case.pk}",
    ),
    "initiatives:inventory_remove": staff(
        STAFF_ACTION, data={}, pk="{w.case.pk}", entry_pk="{w.inventory_entry.pk}"
    ),
    "inventory:glossary": staff(),
    "inventory:glossary_new": staff(data={"swedish": "hamn", "english": "harbour"}),
    "inventory:glossary_edit": staff(
        data={"swedish": "hamn", "english": "harbour"}, pk="{w.glossary_entry.pk}"
    ),
    "inventory:glossary_delete": staff(STAFF_ACTION, data={}, pk="{w.glossary_entry.pk}"),
    "resources:directory": staff(),
    "resources:profile": staff(pk="{w.resource_profile.pk}"),
    "groups:match": staff(pk="{w.group.pk}"),
    "groups:invite": staff(
        STAFF_ACTION,
        data={"invite-email": "{w.member.email}", "invite-role": "member", "invite-message": ""},
        pk="{w.group.pk}",
    ),
    # The invitation is previewed on its own page, then sent from it.
    "groups:invite_resource": Row(
        STAFF,
        {"pk": "{w.group.pk}"},
        query="user={w.member.pk}",
        post={role: STAFF[role] for role in ROLES if role != "process_manager"},
        data={"user": "{w.member.pk}", "role": "member", "message": "", "action": "send"},
        allowed="process_manager",
    ),
    # A handover already waits for its new owner, so even staff cannot record another now.
    "groups:handover": staff(STAFF_ACTION, pk="{w.group.pk}"),
    "events:staff_list": staff(),
    "events:staff_new": staff(),
    "events:staff_event": staff(pk="{w.event.pk}"),
    "events:staff_edit": staff(pk="{w.event.pk}"),
    "events:staff_publish": staff(STAFF_ACTION, data={}, pk="{w.draft_event.pk}"),
    "events:staff_cancel": staff(STAFF_ACTION, data={"reason": "Lokalen"}, pk="{w.event.pk}"),
    "events:staff_message": staff(STAFF_ACTION, pk="{w.event.pk}"),
    "events:staff_invite": staff(pk="{w.event.pk}"),
    "events:staff_attendance": staff(pk="{w.event.pk}"),
    "events:staff_attendance_mark": staff(
        STAFF_ACTION,
        data={"attended": "1"},
        pk="{w.past_event.pk}",
        registration_pk="{w.past_registration.pk}",
    ),
    "events:staff_minutes": staff(data={"minutes_sv": "Vi sågs."}, pk="{w.past_event.pk}"),
    "events:staff_export_xlsx": staff(pk="{w.event.pk}"),
    "events:staff_export_csv": staff(pk="{w.event.pk}"),
    "publishing:staff_news": staff(),
    "publishing:staff_article_new": staff(),
    "publishing:staff_article": staff(pk="{w.article.pk}"),
    "publishing:staff_projects": staff(),
    "publishing:staff_project": staff(pk="{w.project.pk}"),
    "publishing:moderation": staff(data={"comments": ["{w.comment.pk}"], "action": "rejected"}),
    "publishing:comment_answer": staff(data={"answer": "Tack!"}, pk="{w.comment.pk}"),
    "newsletter:staff_issue_new": staff(),
    "newsletter:staff_issue": staff(pk="{w.issue.pk}"),
    "newsletter:send": staff(STAFF_ACTION, data={}, pk="{w.issue.pk}"),
    # GET only, and the method is checked first: a POST is refused the same for everyone.
    "newsletter:staff_issues": staff(post=GET_ONLY),
    "newsletter:preview": staff(post=GET_ONLY, pk="{w.issue.pk}", language="en"),
    "newsletter:subscribers_export": staff(post=GET_ONLY, file_format="xlsx"),
    "figures:staff": staff(post=GET_ONLY),
    "figures:export": staff(post=GET_ONLY),
    "figures:table_csv": staff(post=GET_ONLY, key="states"),
    "figures:export_xlsx": staff(post=GET_ONLY),
    "figures:table_xlsx": staff(post=GET_ONLY, key="decisions"),
    "figures:summary": staff(post=GET_ONLY),
    "figures:summary_pdf": staff(post=GET_ONLY),
    # The public search and the library of results and lessons.
    "search:search": Row(PUBLIC, query="q=hotell&kind=project"),
    "search:library": Row(PUBLIC, query="focus_area=youth-employment"),
    "search:lessons_feed": Row(PUBLIC),
    "search:lessons": Row(PUBLIC, {"code": "youth-employment"}),
    # "Contact the project": anyone may write to a published project.
    "publishing:project_contact": Row(PUBLIC, {"slug": "{w.project.slug}"}),
    # Only the owner chooses whether messages from the project page come to them.
    "groups:messages_recipient": Row(
        MEMBER_ACTION,
        {"pk": "{w.group.pk}"},
        post=roles(
            HIDDEN,
            visitor=LOGIN,
            group_member=BACK_TO_GROUP,
            process_manager=BACK_TO_GROUP,
            but=("other_member",),
        ),
        data={"to": "owner"},
        allowed="other_member",
    ),
}

# Django's admin, for administrators: one object of each model whose pages it opens.
ADMIN_OBJECTS = {
    "auth.group": "auth_group",
    "accounts.organisation": "organisation",
    "accounts.user": "member",
    "core.focusarea": "focus_area",
    "initiatives.initiative": "case",
    "initiatives.caseevent": "case_event",
    "resources.resourceprofile": "resource_profile",
    "resources.competence": "competence",
    "resources.spokenlanguage": "language",
    "groups.workinggroup": "group",
    "groups.invitation": "invitation",
    "groups.handover": "handover",
    "publishing.newsarticle": "article",
    "publishing.comment": "comment",
    "accessibility.accessibilityreport": "accessibility_report",
    "account.emailaddress": "email_address",
    "mfa.authenticator": "authenticator",
    "django_tasks_database.dbtaskresult": "task_result",
    "groups.projectmessage": "project_message",
}
# What even an administrator may not do there: the case history is append-only, reports of
# accessibility problems come from the public form, and the e-mail log is the worker's.
ADMIN_REFUSED = {
    "admin:initiatives_caseevent_add",
    "admin:initiatives_caseevent_delete",
    "admin:accessibility_accessibilityreport_add",
    "admin:django_tasks_database_dbtaskresult_add",
    "admin:django_tasks_database_dbtaskresult_delete",
    "admin:groups_projectmessage_add",
}
# Deleting these is refused even to an administrator, and the confirmation page says why: an
# organisation still has people and initiatives (it answers the page again), and an initiative
# would take its append-only case history along (403).
ADMIN_KEPT = {
    "admin:accounts_organisation_delete": OK,
    "admin:initiatives_initiative_delete": DENIED,
}
ADMIN_POSTERS = ("visitor", "member", "other_member", "process_manager")


def admin_row(get=ADMIN, data=None, *, kept=None, **kwargs) -> Row:
    post = {role: get[role] for role in ADMIN_POSTERS}
    if kept:
        post["administrator"] = kept
    may = data is not None and get["administrator"] != DENIED and not kept
    return Row(get, kwargs, post=post, data=data, allowed="administrator" if may else "")


def _admin_rows() -> dict[str, Row]:
    rows = {
        "admin:index": admin_row(),
        "admin:login": Row(
            roles(
                DENIED,
                visitor=to("/sv/accounts/login/", "/sv/admin/"),
                administrator=to("/sv/admin/"),
            )
        ),
        # Without a signed-in administrator there is nobody to sign out: back to the index.
        "admin:logout": Row(roles(to("/sv/admin/"), administrator=WRONG_METHOD)),
        "admin:password_change": admin_row(),
        "admin:password_change_done": admin_row(),
        "admin:autocomplete": admin_row({**ADMIN, "administrator": DENIED}),  # asks for a field
        "admin:jsi18n": admin_row(),
        "admin:view_on_site": admin_row(
            {**ADMIN, "administrator": to("/sv/news/{w.article.slug}/")},
            content_type_id="{w.article_type.pk}",
            object_id="{w.article.pk}",
        ),
        "admin:app_list": admin_row(app_label="initiatives"),
        "sv/admin/(?P<url>.*)$": admin_row({**ADMIN, "administrator": HIDDEN}, url="nowhere/"),
        "admin:auth_user_password_change": admin_row(id="{w.member.pk}"),
    }
    for model, name in ADMIN_OBJECTS.items():
        app, model_name = model.split(".")
        prefix = f"admin:{app}_{model_name}"
        object_id = f"{{w.{name}.pk}}"
        for view in ("changelist", "add", "change", "history", "delete"):
            key = f"{prefix}_{view}"
            get = {**ADMIN, "administrator": DENIED} if key in ADMIN_REFUSED else ADMIN
            # A POST on a delete page is the confirmation itself.
            data = {"post": "yes"} if view == "delete" else None
            arguments = {} if view in ("changelist", "add") else {"object_id": object_id}
            rows[key] = admin_row(get, data, kept=ADMIN_KEPT.get(key), **arguments)
        # The object's bare address sends to its change page.
        change = to(f"/sv/admin/{app}/{model_name}/{object_id}/change/")
        rows[f"sv/admin/{app}/{model_name}/<path:object_id>/"] = admin_row(
            {**ADMIN, "administrator": change}, object_id=object_id
        )
    return rows


TABLE.update(_admin_rows())


def patterns(resolvers=None, prefix="", namespace=""):
    """(key, route, pattern levels, view) for every pattern; the key is the namespaced URL
    name, or the route for a pattern without a name."""
    for entry in get_resolver().url_patterns if resolvers is None else resolvers:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}:{entry.namespace}" if entry.namespace else namespace
            route = "sv/" if isinstance(entry.pattern, LocalePrefixPattern) else str(entry.pattern)
            for key, full, levels, view in patterns(entry.url_patterns, prefix + route, inner):
                yield key, full, [entry.pattern, *levels], view
        else:
            assert isinstance(entry, URLPattern)
            route = prefix + str(entry.pattern)
            name = f"{namespace}:{entry.name}".lstrip(":") if entry.name else None
            yield name or route, route, [entry.pattern], entry.callback


PATTERNS = {key: (route, levels, view) for key, route, levels, view in patterns()}


def fill(value, world):
    if isinstance(value, str):
        return value.format(w=world)
    if isinstance(value, list):
        return [fill(item, world) for item in value]
    if isinstance(value, dict):
        return {name: fill(item, world) for name, item in value.items()}
    return value


def address(key: str, world) -> str:
    """The pattern's address with the row's arguments, built as `reverse` builds one, so that
    patterns without a name have one too; it must reach the pattern's own view."""
    _route, levels, view = PATTERNS[key]
    row = TABLE[key]
    kwargs = {name: fill(value, world) for name, value in row.kwargs.items()}
    with translation.override("sv"):
        parts = []
        for level in levels:
            (template, params), *_others = normalize(level.regex.pattern)
            parts.append(template % {name: kwargs[name] for name in params})
        url = "/" + "".join(parts)
        # The language prefix is matched against the active language, which a request leaves.
        assert resolve(url).func is view, f"{url} does not reach the view of {key}"
    return f"{url}?{fill(row.query, world)}" if row.query else url


def build_world() -> SimpleNamespace:
    """One object of every kind, with the people of `ROLES`."""
    from allauth.account.forms import default_token_generator
    from allauth.account.models import EmailAddress, EmailConfirmationHMAC
    from allauth.account.utils import user_pk_to_url_str
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.core.files.base import ContentFile
    from django_tasks_db.models import DBTaskResult, get_date_max

    from meetmalmo.accessibility.models import AccessibilityReport
    from meetmalmo.accounts.services import calendar_feed_create
    from meetmalmo.accounts.tests.factories import (
        OrganisationFactory,
        ProcessManagerFactory,
        UserFactory,
    )
    from meetmalmo.accounts.tests.two_factor import give_two_factor
    from meetmalmo.core.models import FocusArea
    from meetmalmo.groups import services as groups
    from meetmalmo.groups.models import Membership
    from meetmalmo.groups.tests.factories import forming_group
    from meetmalmo.initiatives.models import Attachment, InventoryEntry, ReplyTemplate
    from meetmalmo.initiatives.services import perform_transition, request_information
    from meetmalmo.initiatives.tests.factories import InitiativeFactory
    from meetmalmo.initiatives.workflow import State
    from meetmalmo.inventory.models import GlossaryEntry
    from meetmalmo.inventory.tests.factories import EffortFactory
    from meetmalmo.newsletter.models import Issue
    from meetmalmo.notifications import tokens as notification_tokens
    from meetmalmo.notifications.models import Follow, Notification
    from meetmalmo.publishing.models import Report
    from meetmalmo.publishing.services import project_open
    from meetmalmo.publishing.tests.factories import ArticleFactory, CommentFactory
    from meetmalmo.resources.tests.factories import ResourceFactory

    w = SimpleNamespace()
    w.process_manager = ProcessManagerFactory(name="Petra Processledare")
    w.administrator = UserFactory(is_staff=True, is_superuser=True, name="Ada Administratör")
    w.member = UserFactory(name="Maria Medlem")
    w.other_member = UserFactory(name="Olle Ägare")
    w.group_member = UserFactory(name="Greta Gruppmedlem")
    w.resource = UserFactory(name="Rut Resurs")
    w.resource_profile = ResourceFactory(user=w.resource, competences=["hotell"])
    w.competence = w.resource_profile.competences.get()
    w.language = w.resource_profile.languages.get()
    give_two_factor(w.other_member)
    w.authenticator = Authenticator.objects.filter(user=w.other_member).first()
    w.email_address = EmailAddress.objects.get(user=w.other_member)
    w.organisation = w.other_member.organisation
    w.auth_group = Group.objects.create(name="Redaktörer")
    # Someone who has just signed up: the links in their e-mail.
    newcomer = UserFactory(name="Nils Ny")
    address = EmailAddress.objects.get(user=newcomer)
    address.verified = False
    address.save()
    w.confirmation_key = EmailConfirmationHMAC(address).key
    w.reset_uid = user_pk_to_url_str(newcomer)
    w.reset_key = default_token_generator.make_token(newcomer)

    w.focus_area = FocusArea.objects.first()
    w.case = InitiativeFactory(
        submitter=w.other_member, state=State.IN_REVIEW, title="Hemligt hotellsamarbete"
    )
    request_information(initiative=w.case, actor=w.process_manager, text="Vilka hotell är med?")
    w.colleague = ProcessManagerFactory(name="Klara Kollega")
    w.held_case = InitiativeFactory(state=State.IN_REVIEW, assigned_to=w.colleague)
    w.case_event = w.case.events.first()
    w.attachment = Attachment.objects.create(
        initiative=w.case,
        file=ContentFile(b"%PDF-1.4 plan", name="plan.pdf"),
        name="plan.pdf",
        content_type="application/pdf",
        size=13,
        uploaded_by=w.other_member,
    )
    w.draft = InitiativeFactory(
        submitter=w.other_member, state=State.DRAFT, title="Ett utkast ingen annan ser"
    )
    w.effort = EffortFactory(
        title="Sommarjobb i Malmö stad",
        description="Unga får jobb på sommaren.",
        contact_email="insats@malmo.example",
    )
    w.other_effort = EffortFactory(title="Läxhjälp i Rosengård")
    w.inventory_entry = InventoryEntry.objects.create(
        initiative=w.case, effort=w.effort, note="Samma målgrupp", added_by=w.process_manager
    )
    w.glossary_entry = GlossaryEntry.objects.create(swedish="sommarjobb", english="summer job")
    w.reply_template = ReplyTemplate.objects.create(
        kind="question", name="Mer om parterna", body_sv="Vilka är med?", body_en="Who is in?"
    )

    w.group = forming_group(w.process_manager, submitter=w.other_member)
    perform_transition(initiative=w.group.initiative, name="activate", actor=w.process_manager)
    Membership.objects.create(group=w.group, user=w.group_member, role="member")
    w.member_update = groups.update_post(group=w.group, actor=w.group_member, body="Vi har börjat")
    w.invitation = groups.invite(group=w.group, invitee=w.resource, actor=w.process_manager)
    w.milestone = groups.milestone_add(
        group=w.group, actor=w.process_manager, title="Första mötet", due=timezone.localdate()
    )
    w.update = groups.update_post(group=w.group, actor=w.other_member, body="Vi har börjat.")
    w.link = groups.link_add(
        group=w.group, actor=w.other_member, title="Plan", url="https://example.se/plan.pdf"
    )
    w.handover = groups.handover_record(
        group=w.group,
        actor=w.process_manager,
        organisation=OrganisationFactory(name="Hotellföreningen"),
        person=w.group_member,
        date=timezone.localdate(),
    )
    w.calendar_token = calendar_feed_create(user=w.process_manager)
    w.report = Report.objects.create(
        initiative=w.group.initiative,
        kind=Report.Kind.YEARLY,
        summary="Tusen unga mötte hotellen.",
        state=Report.State.SUBMITTED,
        submitted_at=timezone.now(),
        author=w.other_member,
    )
    w.project = project_open(w.group.initiative, None)
    w.project.published_at = timezone.now() - timedelta(hours=1)
    w.project.save()
    w.article = ArticleFactory(project=w.project)
    w.article_type = ContentType.objects.get_for_model(w.article)
    w.comment = CommentFactory(article=w.article, state="approved")

    w.notification = Notification.objects.create(
        recipient=w.other_member, kind="case_message", text="Ett meddelande", path="/sv/"
    )
    w.unsubscribe_token = notification_tokens.make(w.other_member, "case_message")
    w.follow = Follow.objects.create(email="lasare@example.se", language="sv", target="news")
    w.issue = Issue.objects.create(
        subject_sv="Nytt i maj", subject_en="News in May", intro_sv="Hej", intro_en="Hello"
    )

    w.accessibility_report = AccessibilityReport.objects.create(
        email="lasare@example.se", description="Knappen syns inte.", language="sv"
    )
    w.task_result = DBTaskResult.objects.create(
        task_path="meetmalmo.core.mail.deliver_email",
        args_kwargs={"args": [], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=get_date_max(),  # none: the test settings' backend has no delayed tasks
        exception_class_path="",
        traceback="",
    )
    _events_world(w)
    # Facts only staff and the group may read (SPEC §2): no outsider's page may show them.
    w.private = [
        w.other_member.email,
        w.group_member.email,
        w.case.title,
        w.draft.title,
        "Vilka hotell är med?",  # the question to the submitter
        "Samma målgrupp",  # the inventory note
        "%PDF-1.4 plan",  # the attachment
        w.effort.contact_email,
        w.event.online_link,
        w.event_visitor.email,
        w.draft_event.title_sv,
    ]
    _contact_world(w)
    _import_world(w)
    return w


def _contact_world(w) -> None:
    """A message sent from the project page: the office reads it on the group, nobody else."""
    from meetmalmo.groups.models import ProjectMessage

    w.project_message = ProjectMessage.objects.create(
        initiative=w.group.initiative,
        name="Karin Läsare",
        email="karin.lasare@example.se",
        message="Vi kan låna ut lokaler till projektet.",
    )
    w.private += [w.project_message.email, w.project_message.message]


def _import_world(w) -> None:
    """A finished import of efforts whose bad line names a contact address: staff-only."""
    from meetmalmo.inventory.models import EffortImport

    w.effort_import = EffortImport.objects.create(
        uploaded_by=w.process_manager,
        filename="register.csv",
        state="failed",
        rows=1,
        rows_checked=1,
        error_count=1,
        errors=[[2, "contact_email “import.hemlig@example” is not an e-mail address."]],
    )
    w.private.append("import.hemlig@example")
    _organisations_world(w)


def _organisations_world(w) -> None:
    """An organisation the other member typed at sign-up, waiting for the office."""
    from meetmalmo.accounts.models import Organisation

    w.waiting_org = Organisation.objects.create(
        name="Väntande Hamnbolaget AB", sphere="business", created_by=w.other_member
    )
    _membership_requests_world(w)


def _membership_requests_world(w) -> None:
    """Someone without organisation asking to join the other member's: only the other member
    and the office see who asks."""
    from meetmalmo.accounts.models import MembershipRequest
    from meetmalmo.accounts.tests.factories import UserFactory

    asking = UserFactory(name="Vera Väntar", email="vera.vantar@example.se", organisation=None)
    w.membership_request = MembershipRequest.objects.create(
        user=asking, organisation=w.organisation
    )
    w.private.append("vera.vantar@example.se")


def _events_world(w) -> None:
    """A published meeting with the other member's seat and a visitor waiting to confirm, a
    draft, and a past meeting with the member's seat."""
    from meetmalmo.events import tokens
    from meetmalmo.events.tests.factories import EventFactory, RegistrationFactory

    w.event = EventFactory(
        organiser=w.process_manager,
        format="hybrid",
        online_link="https://meet.example/hemlig-moteslank",
    )
    w.event_registration = RegistrationFactory(
        event=w.event, user=w.other_member, email=w.other_member.email, name="Olle Ägare"
    )
    w.event_visitor = RegistrationFactory(
        event=w.event, email="gast.hemlig@example.se", status="pending", confirmed_at=None
    )
    w.draft_event = EventFactory(
        organiser=w.process_manager, state="draft", title_sv="Hemligt utkastmöte"
    )
    w.past_event = EventFactory(
        organiser=w.process_manager,
        starts_at=timezone.now() - timedelta(days=2),
        ends_at=timezone.now() - timedelta(days=2) + timedelta(hours=2),
    )
    w.past_registration = RegistrationFactory(
        event=w.past_event, user=w.member, email=w.member.email
    )
    w.confirm_token = tokens.make("confirm", w.event_visitor.pk)
    w.cancel_token = tokens.make("cancel", w.event_registration.pk)
    w.event_invitation_token = tokens.make("invite", w.event.pk, w.resource.pk)


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back at its end; each test runs in
    a savepoint within it, so whatever a request changes is undone after the test."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def clients():
    """One client per role for the module: a new client loads every middleware again, and
    WhiteNoise's reads the whole static folder."""
    return {role: Client() for role in ROLES}


def signed_in(clients, world, role) -> Client:
    """The role's client, signed in afresh: the previous test's session is rolled back."""
    client = clients[role]
    client.cookies.clear()
    if role != "visitor":
        client.force_login(getattr(world, role))
    return client


def database() -> dict[str, list]:
    """Every row of every table but the sessions, to compare before and after a request."""
    with connection.cursor() as cursor:
        tables = {}
        for table in sorted(connection.introspection.table_names(cursor)):
            if table == "django_session":
                continue
            # The names come from the database itself, quoted.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            tables[table] = sorted(map(repr, cursor.fetchall()))
    return tables


def changed_tables(before: dict, after: dict) -> list[str]:
    return [
        table for table in sorted(set(before) | set(after)) if before.get(table) != after.get(table)
    ]


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def test_every_url_pattern_has_a_row():
    missing = [f"{key}  ({route})" for key, (route, _l, _v) in PATTERNS.items() if key not in TABLE]
    assert not missing, "Decide who may open these and add their rows to TABLE:\n" + "\n".join(
        missing
    )


def test_every_row_names_a_url_pattern():
    assert not sorted(set(TABLE) - set(PATTERNS)), "Rows for patterns that no longer exist"


@pytest.mark.parametrize("key", sorted(PATTERNS))
def test_who_may_open_it(key, world, clients):
    row = TABLE.get(key)
    assert row is not None, (
        f"{key} ({PATTERNS[key][0]}) has no row in TABLE: decide who may open it"
    )
    if row.skip:
        pytest.skip(row.skip)
    url = address(key, world)
    problems = []
    for role in ROLES:
        response = signed_in(clients, world, role).get(url)
        problem = row.get[role].problem(response, world, url)
        if problem:
            problems.append(f"{role}: {problem}")
        if role in OUTSIDERS:
            shown = [fact for fact in world.private if fact in body(response)]
            if shown:
                problems.append(f"{role} is shown {shown}")
    assert not problems, f"GET {url}\n" + "\n".join(problems)


@pytest.mark.parametrize("key", sorted(key for key, row in TABLE.items() if row.post))
def test_a_post_by_the_wrong_person_changes_nothing(
    key, world, clients, django_capture_on_commit_callbacks
):
    row = TABLE[key]
    url = address(key, world)
    data = fill(row.data or {}, world)
    problems = []
    for role, expected in row.post.items():
        client = signed_in(clients, world, role)
        before = database()  # after signing in, which records the time of the sign-in
        with django_capture_on_commit_callbacks() as scheduled:
            response = client.post(url, data)
        problem = expected.problem(response, world, url)
        if problem:
            problems.append(f"{role}: {problem}")
        changed = changed_tables(before, database())
        if changed or scheduled:
            problems.append(f"{role} changed {changed} and scheduled {len(scheduled)} tasks")
    assert not problems, f"POST {url}\n" + "\n".join(problems)


@pytest.mark.parametrize("key", sorted(key for key, row in TABLE.items() if row.allowed))
def test_the_same_post_by_the_right_person_does_change_something(key, world, clients):
    row = TABLE[key]
    url = address(key, world)
    client = signed_in(clients, world, row.allowed)
    before = database()
    response = client.post(url, fill(row.data, world))
    assert response.status_code in (200, 302), response.status_code
    assert changed_tables(before, database()), f"POST {url} as {row.allowed} changed nothing"
