"""Loads the demo content from the data files in this folder (README.md describes them), through
the apps' own services, so that the demo holds what the portal itself would have made:
organisations and people, the pool of resources, initiatives moved through the workflow with
their case histories, working groups with invitations and a handover, project pages with a
report, the register of efforts and the news. Afterwards the dates are moved into the past,
so that clocks, figures and lists look like a portal in use.

Safe to run again: what exists is left as it is. All of it is written or none of it: a mistake
in a file stops the load with a message naming the file, the record and the field."""

import math
from dataclasses import dataclass, fields
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetmalmo.accounts.models import Organisation, User
from meetmalmo.accounts.services import make_process_manager, organisation_create
from meetmalmo.core.errors import Refused
from meetmalmo.core.models import FocusArea, Sphere
from meetmalmo.events import services as event_services
from meetmalmo.events.forms import EventForm
from meetmalmo.events.models import Event, Registration
from meetmalmo.groups import services as group_services
from meetmalmo.groups.models import Handover, Invitation, Role, Update, WorkingGroup
from meetmalmo.initiatives.models import (
    DECISION_DAYS,
    CaseEvent,
    Channel,
    Initiative,
    Language,
    ReplyTemplate,
)
from meetmalmo.initiatives.services import initiative_save, perform_transition, request_information
from meetmalmo.initiatives.workflow import TRANSITIONS, State
from meetmalmo.inventory.importer import import_efforts
from meetmalmo.publishing.forms import NewsArticleForm, OutcomeFormSet, ProjectForm, ReportForm
from meetmalmo.publishing.models import Comment, NewsArticle, Project, Report
from meetmalmo.publishing.reports import report_decide, report_save
from meetmalmo.publishing.services import article_save, comments_moderate, project_save
from meetmalmo.resources.forms import ResourceProfileForm
from meetmalmo.resources.models import ResourceProfile, SpokenLanguage
from meetmalmo.resources.services import profile_save
from meetmalmo.site.demo import pictures
from meetmalmo.site.demo.data import LANGUAGES, Content, DemoDataError, Source, read, where

DEMO_PASSWORD = "meetmalmo-demo"  # noqa: S105 - printed on purpose for people trying the demo
EFFORTS = "efforts.csv"
QUESTION = "question"  # a step of a case history that is not a move of the workflow
GROUP_STATES = (State.GROUP_FORMING, State.ACTIVE, State.COMPLETED, State.DISCONTINUED)
# How people in a working group's updates are named besides their e-mail address.
SUBMITTER, SUPPORT = "submitter", "process support"
PENDING_DAYS = 2  # an invitation still waiting for its answer went out two days ago


@dataclass
class Counts:
    """What a load created, as seed_demo reports it."""

    organisations: int = 0
    people_created: int = 0
    resources: int = 0
    initiatives: int = 0
    groups: int = 0
    efforts: int = 0
    news: int = 0
    projects: int = 0
    events: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(
            **{f.name: getattr(self, f.name) + getattr(other, f.name) for f in fields(self)}
        )


def load(content: Content | None = None) -> Counts:
    """Load the demo content (read from the files unless given); returns what was created."""
    content = content or read()
    with transaction.atomic():
        return Loader(content).load()


def demo_logins(content: Content | None = None) -> list[tuple[str, str]]:
    """The accounts to try the demo with: the first of each kind in people.toml."""
    people = (content or read()).people
    return [
        ("process manager", people["process_manager"][0]["email"]),
        ("member (business)", people["member"][0]["email"]),
        ("administrator (/admin/)", people["administrator"][0]["email"]),
    ]


def _form_errors(form) -> str:
    return "; ".join(f"{name}: {' '.join(errors)}" for name, errors in form.errors.items())


class Loader:
    """One load of the demo: what has been created so far, by the names the files use."""

    def __init__(self, content: Content):
        self.content = content
        self.now = timezone.now()
        self.today = timezone.localdate(self.now)
        self.password = make_password(DEMO_PASSWORD)
        self.organisations: dict[str, Organisation] = {}
        self.people: dict[str, User] = {}

    def load(self) -> Counts:
        counts = Counts()
        counts.organisations = self.load_organisations()
        counts.people_created = self.load_people()
        counts.resources = self.load_resources()
        counts.initiatives = self.load_initiatives()
        counts.groups = self.load_groups()
        counts.projects = self.load_projects()
        counts.efforts = self.load_efforts()
        counts.news = self.load_news()
        counts.events = self.load_events()
        self.date_as_written()
        return counts

    def date_as_written(self) -> None:
        """The demo writes in one moment what the office wrote over months: each page and
        report written by this load counts as last changed when it was published, so that the
        feeds do not show every old item as changed when the demo was loaded."""
        fresh = {"updated_at__gte": self.now}
        NewsArticle.objects.filter(publish_at__lt=self.now, **fresh).update(
            updated_at=F("publish_at")
        )
        reports = Report.objects.filter(
            state=Report.State.PUBLISHED, published_at__lt=self.now, **fresh
        )
        latest = (
            Report.objects.filter(initiative=OuterRef("initiative"), state=Report.State.PUBLISHED)
            .order_by("-published_at")
            .values("published_at")[:1]
        )
        Project.objects.filter(published_at__lt=self.now, **fresh).update(
            updated_at=Coalesce(Greatest(F("published_at"), Subquery(latest)), F("published_at"))
        )
        reports.update(updated_at=F("published_at"))

    def source(self, name: str) -> Source:
        return Source(self.content.folder, name)

    def ago(self, days: int = 0, hours: int = 0) -> datetime:
        return self.now - timedelta(days=days, hours=hours)

    # Looking up what the files name ---------------------------------------------------------

    def person(self, source: Source, record: dict, name: str) -> User:
        email = record[name]
        user = self.people.get(email) or User.objects.filter(email=email).first()
        if user is None:
            raise source.error(
                where(record),
                _("“%(field)s”: no one in people.toml or resources.toml has the address %(email)s.")
                % {"field": name, "email": email},
            )
        self.people[email] = user
        return user

    def organisation(self, source: Source, record: dict) -> Organisation:
        key = record["organisation"]
        if key not in self.organisations:
            raise source.error(
                where(record),
                _("“organisation”: organisations.toml has no organisation “%(key)s”.")
                % {"key": key},
            )
        return self.organisations[key]

    def initiative(self, source: Source, record: dict, title: str | None = None) -> Initiative:
        title = title or record["initiative"]
        initiative = Initiative.objects.filter(title=title).first()
        if initiative is None:
            raise source.error(
                where(record),
                _("initiatives.toml has no initiative titled “%(title)s”.") % {"title": title},
            )
        return initiative

    def choice(self, source: Source, record: dict, name: str, allowed) -> str:
        value = record[name]
        if value not in allowed:
            raise source.error(
                where(record),
                _("“%(field)s” should be one of %(allowed)s.")
                % {"field": name, "allowed": ", ".join(allowed)},
            )
        return value

    # Organisations and people -----------------------------------------------------------------

    def load_organisations(self) -> int:
        source = self.source("organisations.toml")
        for record in self.content.organisations:
            organisation = Organisation.objects.filter(name=record["name"]).first()
            if organisation is None:
                try:
                    organisation = organisation_create(
                        name=record["name"],
                        sphere=self.choice(source, record, "sphere", Sphere.values),
                        org_number=record["org_number"],
                        website=record["website"],
                        confirmed=True,
                    )
                except ValidationError as error:
                    raise source.error(where(record), " ".join(error.messages)) from None
            self.organisations[record["key"]] = organisation
        return len(self.organisations)

    def ensure_user(self, source: Source, record: dict, **extra) -> tuple[User, bool]:
        user, created = User.objects.get_or_create(
            email=record["email"],
            defaults={
                "name": record["name"],
                "organisation": self.organisation(source, record),
                "password": self.password,
                "language": self.choice(source, record, "language", Language.values),
                **extra,
            },
        )
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        self.people[user.email] = user
        return user, created

    def load_people(self) -> int:
        source = self.source("people.toml")
        people = self.content.people
        created = 0
        for record in people["administrator"]:
            created += self.ensure_user(source, record, is_staff=True, is_superuser=True)[1]
        for record in people["process_manager"]:
            user, new = self.ensure_user(source, record)
            created += new
            make_process_manager(
                user=user,
                title_sv=record["title_sv"],
                title_en=record["title_en"],
                phone=record["phone"],
            )
        for record in people["member"] + people["coordinator"]:
            created += self.ensure_user(source, record)[1]
        return created

    def load_resources(self) -> int:
        """Each resource joins the pool through the join form; the moments they gave their
        consent are spread over the last half year."""
        source = self.source("resources.toml")
        records = self.content.resources
        done = set(
            ResourceProfile.objects.filter(
                user__email__in=[r["email"] for r in records]
            ).values_list("user__email", flat=True)
        )
        areas = dict(FocusArea.objects.filter(active=True).values_list("code", "pk"))
        languages = dict(SpokenLanguage.objects.values_list("code", "pk"))
        created = 0
        for index, record in enumerate(records):
            if record["email"] in done:
                continue
            user, _new = self.ensure_user(source, record)
            form = ResourceProfileForm(
                data={
                    "title": record["title"],
                    "industry": record["industry"],
                    "competences_text": ", ".join(record["competences"]),
                    "focus_areas": self.codes(source, record, "focus_areas", areas),
                    "languages": self.codes(source, record, "languages", languages),
                    "hours_per_month": record["hours_per_month"],
                    "presentation": record["presentation"],
                    "active": record["active"],
                    "consent": True,
                }
            )
            if not form.is_valid():
                raise source.error(where(record), _form_errors(form))
            profile = profile_save(user=user, form=form)
            consented = self.ago(days=7 + (index * 11) % 180, hours=index % 9)
            ResourceProfile.objects.filter(pk=profile.pk).update(consent_at=consented)
            created += 1
        return created

    def codes(self, source: Source, record: dict, name: str, known: dict) -> list:
        unknown = [code for code in record[name] if code not in known]
        if unknown:
            raise source.error(
                where(record),
                _("“%(field)s”: unknown code %(code)s; the codes are %(known)s.")
                % {"field": name, "code": unknown[0], "known": ", ".join(known)},
            )
        return [known[code] for code in record[name]]

    # Initiatives and their case histories -----------------------------------------------------

    def load_initiatives(self) -> int:
        source = self.source("initiatives.toml")
        for record in self.content.reply_templates:
            ReplyTemplate.objects.get_or_create(
                kind=record["kind"],
                name=record["name"],
                defaults={"body_sv": record["sv"], "body_en": record["en"]},
            )
        areas = {area.code: area for area in FocusArea.objects.all()}
        # Oldest first, as they came in, so that a referral finds the earlier initiative and
        # the cases are numbered in the order they arrived; drafts last.
        records = sorted(
            self.content.initiatives,
            key=lambda r: -r["history"][0]["days_ago"] if r["history"] else math.inf,
        )
        created = 0
        for record in records:
            if Initiative.objects.filter(title=record["title"]).exists():
                continue
            self.create_initiative(source, record, areas)
            created += 1
        return created

    def create_initiative(self, source: Source, record: dict, areas: dict) -> None:
        submitter = self.person(source, record, "submitter")
        recorder = self.person(source, record, "recorded_by") if record["recorded_by"] else None
        summary = record["summary"]
        text = {
            name: record[name] or summary
            for name in ("description", "challenge", "benefit_city", "benefit_business")
        }
        try:
            initiative = initiative_save(
                submitter=submitter,
                data={
                    "title": record["title"],
                    "summary": summary,
                    **text,
                    "proposed_partners": record["proposed_partners"],
                    "language": self.choice(source, record, "language", Language.values),
                    "criterion_strategic": True,
                    "criterion_cooperation": True,
                    "criterion_social": True,
                },
                focus_areas=self.codes(source, record, "focus_areas", areas),
                attachments=[],
                submit=False,
                actor=recorder,
                channel=self.choice(source, record, "channel", Channel.values),
            )
        except Refused as refused:
            raise source.error(where(record), refused.message) from None
        dates = {}
        for step in record["history"]:
            event = self.take_step(source, record, step, initiative, submitter, recorder)
            when = self.ago(days=step["days_ago"])
            # The case history is append-only for the portal; the demo moves its dates once,
            # through the plain base manager, so that the history matches the backdated case.
            CaseEvent._base_manager.filter(pk=event.pk).update(created_at=when)
            dates[step["step"]] = when
        if "submit" in dates:
            submitted = dates["submit"]
            decided = [dates[n] for n in dates if n in TRANSITIONS and TRANSITIONS[n].decides]
            Initiative.objects.filter(pk=initiative.pk).update(
                created_at=submitted,
                submitted_at=submitted,
                decision_due=submitted + timedelta(days=DECISION_DAYS),
                decided_at=decided[0] if decided else None,
                # One recorded by staff keeps the day it reached the office, as on the form.
                received_on=timezone.localdate(submitted) if recorder else None,
            )

    def take_step(self, source, record, step, initiative, submitter, recorder) -> CaseEvent:
        name = step["step"]
        here = where(step)
        if name not in TRANSITIONS and name != QUESTION:
            raise source.error(
                here,
                _("“step” should be one of %(steps)s.")
                % {"steps": ", ".join([*TRANSITIONS, QUESTION])},
            )
        if name == "submit":
            actor = recorder or submitter
        elif name == "withdraw":
            actor = submitter
        elif record["process_manager"]:
            actor = self.person(source, record, "process_manager")
        else:
            raise source.missing(where(record), "process_manager")
        try:
            if name == QUESTION:
                return request_information(initiative=initiative, actor=actor, text=step["text"])
            referred_to = None
            if step["referred_to"]:
                referred_to = self.initiative(source, step, step["referred_to"])
            return perform_transition(
                initiative=initiative,
                name=name,
                actor=actor,
                reason=step["reason"],
                referred_to=referred_to,
            )
        except Refused as refused:
            raise source.error(here, refused.message) from None

    # Working groups ---------------------------------------------------------------------------

    def load_groups(self) -> int:
        """Fill the working groups the workflow opened; a group with milestones or updates
        is left alone. Returns how many groups were set up."""
        source = self.source("groups.toml")
        seeded = 0
        for record in self.content.groups:
            initiative = self.initiative(source, record)
            group = WorkingGroup.objects.filter(initiative=initiative).first()
            if group is None or initiative.state not in GROUP_STATES:
                raise source.error(
                    where(record),
                    _("the initiative has no working group: its history should reach form_group."),
                )
            if group.milestones.exists() or group.updates.exists():
                continue
            try:
                self.fill_group(source, record, group)
            except Refused as refused:
                raise source.error(where(record), refused.message) from None
            seeded += 1
        return seeded

    def fill_group(self, source: Source, record: dict, group: WorkingGroup) -> None:
        initiative = group.initiative
        support = group.memberships.get(role=Role.PROCESS_SUPPORT).user
        formed = initiative.events.get(transition="form_group").created_at
        started = (self.now - formed).days  # the invitations go out once the group is forming
        invite = self.invite_for(group, support, record["message"])
        invite(self.person(source, record, "coordinator"), Role.COORDINATOR, started, accept=True)
        for n, email in enumerate(record["accepted"]):
            invite(self.named(source, record, email), Role.MEMBER, max(started - n, 3), True)
        for email in record["pending"]:
            invite(self.named(source, record, email), Role.MEMBER, PENDING_DAYS)
        for declined in record["declined"]:
            person = self.person(source, declined, "person")
            invite(person, Role.MEMBER, max(started - 2, 4), False, declined["answer"])
        for email in record["expired"]:
            invite(self.named(source, record, email), Role.MEMBER, max(started, 20))
        group_services.expire_invitations(self.now)

        for milestone in record["milestone"]:
            added = group_services.milestone_add(
                group=group,
                actor=support,
                title=milestone["title"],
                due=self.today - timedelta(days=milestone["due_days_ago"]),
            )
            if milestone["done"]:
                group_services.milestone_toggle(milestone=added, actor=support)
        for link in record["link"]:
            group_services.link_add(
                group=group, actor=support, title=link["title"], url=link["url"]
            )
        if record["handover"]:
            self.hand_over(source, record["handover"], group, support)
        people = {SUBMITTER: initiative.submitter, SUPPORT: support}
        for update in record["update"]:
            author = people.get(update["author"]) or self.person(source, update, "author")
            posted = group_services.update_post(group=group, actor=author, body=update["text"])
            written = self.ago(days=update["days_ago"], hours=len(update["text"]) % 7)
            Update.objects.filter(pk=posted.pk).update(created_at=written)

    def named(self, source: Source, record: dict, email: str) -> User:
        return self.person(source, {**record, "person": email}, "person")

    def invite_for(self, group: WorkingGroup, support: User, message: str):
        def invite(person, role, days_ago, accept=None, answer=""):
            """An invitation as it looks `days_ago` days after it was sent: answered two
            days after it went out when `accept` is given, else still open (or expired)."""
            invitation = group_services.invite(
                group=group, invitee=person, actor=support, role=role, message=message
            )
            if accept is not None:
                group_services.answer_invitation(
                    invitation=invitation, user=person, accept=accept, answer=answer
                )
            sent = self.ago(days=days_ago, hours=3)
            Invitation.objects.filter(pk=invitation.pk).update(
                created_at=sent,
                expires_at=sent + (invitation.expires_at - invitation.created_at),
                answered_at=sent + timedelta(days=2) if accept is not None else None,
            )

        return invite

    def hand_over(self, source: Source, record: dict, group: WorkingGroup, support: User) -> None:
        person = self.person(source, record, "to")
        handover = group_services.handover_record(
            group=group,
            actor=support,
            organisation=person.organisation,
            person=person,
            date=self.today - timedelta(days=record["days_ago"]),
            note=record["note"],
        )
        group_services.handover_accept(handover=handover, user=person)
        accepted = self.ago(days=record["days_ago"])
        proposed = accepted - timedelta(days=7)  # a week to think it over, as in real life
        Handover.objects.filter(pk=handover.pk).update(
            created_at=proposed, accepted_at=accepted, applied_at=accepted
        )
        CaseEvent._base_manager.filter(
            initiative=group.initiative, kind=CaseEvent.Kind.HANDOVER, actor=support
        ).update(created_at=proposed)
        CaseEvent._base_manager.filter(
            initiative=group.initiative, kind=CaseEvent.Kind.OWNERSHIP, actor=person
        ).update(created_at=accepted)

    # Project pages and reports ----------------------------------------------------------------

    def load_projects(self) -> int:
        """Publish the project pages the workflow drafted, in the office's words, from the
        day of the decision, with the group's report. Returns how many were published."""
        source = self.source("projects.toml")
        published = 0
        for record in self.content.projects:
            initiative = self.initiative(source, record)
            project = Project.objects.filter(initiative=initiative).first()
            if project is None:
                raise source.error(
                    where(record), _("the initiative has no project page: it was not adopted.")
                )
            manager = initiative.assigned_to
            if project.published_at is None:
                texts = {
                    f"{part}_{language}": (record[language] or {}).get(part, "")
                    for part in ("title", "lead", "body")
                    for language in LANGUAGES
                }
                form = ProjectForm(
                    data={
                        "slug": project.slug,
                        **texts,
                        "published_at": initiative.decided_at or self.now,
                    },
                    instance=project,
                )
                if not form.is_valid():
                    raise source.error(where(record), _form_errors(form))
                try:
                    project_save(form=form, actor=manager)
                except Refused as refused:
                    raise source.error(where(record), refused.message) from None
                published += 1
            if record["report"] and not initiative.reports.exists():
                self.publish_report(source, record["report"], initiative, manager)
        return published

    def publish_report(self, source, record: dict, initiative: Initiative, manager) -> None:
        """The report as the process support writes it in the group's workspace, submitted
        and then published by the office."""
        form = ReportForm(
            data={
                "summary": record["summary"],
                "lessons": record["lessons"],
                "links": "\n".join(record["links"]),
            }
        )
        rows = {
            "outcomes-TOTAL_FORMS": len(record["outcomes"]),
            "outcomes-INITIAL_FORMS": 0,
        }
        for n, outcome in enumerate(record["outcomes"]):
            rows.update(
                {f"outcomes-{n}-{name}": outcome[name] for name in ("label", "number", "unit")}
            )
        outcomes = OutcomeFormSet(data=rows, instance=Report(), prefix="outcomes")
        if not form.is_valid() or not outcomes.is_valid():
            problems = [_form_errors(form)] + [_form_errors(f) for f in outcomes.forms]
            problems += outcomes.non_form_errors()
            raise source.error(where(record), "; ".join(p for p in problems if p))
        try:
            report = report_save(
                initiative=initiative, form=form, outcomes=outcomes, actor=manager, submit=True
            )
            report_decide(report=report, actor=manager, publish=True)
        except Refused as refused:
            raise source.error(where(record), refused.message) from None
        published = self.ago(days=record["published_days_ago"])
        Report.objects.filter(pk=report.pk).update(
            submitted_at=published - timedelta(days=2), published_at=published
        )

    # The register of efforts ------------------------------------------------------------------

    def load_efforts(self) -> int:
        """The register a real Meet Malmö would start from, through the importer the office
        uploads its CSV files to; running it again updates instead of duplicating."""
        result = import_efforts(self.source(EFFORTS).path.read_bytes())
        if not result.ok:
            raise DemoDataError("; ".join(f"{EFFORTS}: {error}" for error in result.errors))
        return result.created

    # News -------------------------------------------------------------------------------------

    def load_news(self) -> int:
        """The articles not there yet, oldest first, with their pictures and comments."""
        articles = self.content.articles
        existing = set(
            NewsArticle.objects.filter(slug__in=[a["slug"] for a in articles]).values_list(
                "slug", flat=True
            )
        )

        def oldest_first(record):
            days = record["published_days_ago"]
            return math.inf if days is None else -days

        created = 0
        for record in sorted(articles, key=oldest_first):
            if record["slug"] not in existing:
                self.publish_article(record)
                created += 1
        return created

    def publish_article(self, record: dict) -> None:
        source = record["source"]
        author = self.person(source, record, "author")
        morning = timezone.localtime(self.now).replace(hour=8, minute=30, second=0, microsecond=0)
        days = record["published_days_ago"]
        publish_at = None if days is None else morning - timedelta(days=days)
        texts = {}
        for language in LANGUAGES:
            written = record[language] or {}
            for part, value in (
                ("title", written.get("title", "")),
                ("lead", written.get("lead", "")),
                ("body", record["bodies"].get(language, "")),
            ):
                texts[f"{part}_{language}"] = self.event_date(record, value, language)
        fields_ = {
            "slug": record["slug"],
            **texts,
            "byline": record["byline"] or author.name,
            "publish_at": publish_at,
        }
        files = {}
        if record["picture"]:
            picture = self.content.pictures.get(record["picture"])
            if picture is None:
                raise source.error(
                    where(record),
                    _("“picture”: pictures.toml has no picture “%(name)s”.")
                    % {"name": record["picture"]},
                )
            name = f"{record['slug']}.png"
            # A picture left behind by an earlier demo database is replaced, not duplicated.
            storage = NewsArticle._meta.get_field("image").storage
            if storage.exists(f"{NewsArticle.IMAGE_FOLDER}/{name}"):
                storage.delete(f"{NewsArticle.IMAGE_FOLDER}/{name}")
            png = pictures.draw(record["picture"], picture)
            files["image"] = SimpleUploadedFile(name, png, content_type="image/png")
            fields_.update(
                image_alt_sv=picture["alt_sv"],
                image_alt_en=picture["alt_en"],
                photo_credit=picture["credit"],
            )
        form = NewsArticleForm(data=fields_, files=files)
        if not form.is_valid():
            raise source.error(where(record), _form_errors(form))
        try:
            article = article_save(form=form, actor=author)
        except Refused as refused:
            raise source.error(where(record), refused.message) from None
        for comment in record["comment"]:
            self.add_comment(source, comment, article, author)

    def event_date(self, record: dict, text: str, language: str) -> str:
        """`{event_date}` in an article is the day of the event it announces, written in the
        article's language."""
        if record["event_in_days"] is None:
            return text
        day = self.today + timedelta(days=record["event_in_days"])
        with translation.override(language):
            return text.replace("{event_date}", date_format(day, "j F"))

    def add_comment(self, source: Source, record: dict, article: NewsArticle, moderator) -> None:
        """A reader's comment as it stands now: waiting for moderation `hours_ago` hours after
        it was written, or moderated (or caught as spam) after publication."""
        state = self.choice(source, record, "state", Comment.State.values)
        waiting = state == Comment.State.PENDING
        hours = "hours_ago" if waiting else "hours_after_publication"
        if record[hours] is None:
            raise source.missing(where(record), hours)
        comment = Comment.objects.create(
            article=article,
            name=record["name"],
            email=record["email"],
            text=record["text"],
            # The spam filter catches spam as it comes in; the rest waits for a moderator.
            state=Comment.State.SPAM if state == Comment.State.SPAM else Comment.State.PENDING,
        )
        moderated = state in (Comment.State.APPROVED, Comment.State.REJECTED)
        if moderated:
            comments_moderate(comments=[comment], state=state, actor=moderator)
        if waiting:
            written = self.ago(hours=record[hours])
        else:
            written = (article.publish_at or self.now) + timedelta(hours=record[hours])
        Comment.objects.filter(pk=comment.pk).update(
            created_at=written, moderated_at=written + timedelta(hours=2) if moderated else None
        )

    # Meetings ---------------------------------------------------------------------------------

    def load_events(self) -> int:
        """The meetings not there yet: the past ones with who came and their minutes, the
        upcoming ones with their registrations and, when full, a waitlist."""
        records = self.content.events
        existing = set(
            Event.objects.filter(slug__in=[r["slug"] for r in records]).values_list(
                "slug", flat=True
            )
        )
        created = 0
        for record in records:
            if record["slug"] not in existing:
                self.create_event(record)
                created += 1
        return created

    def at(self, source: Source, record: dict, day, name: str) -> datetime:
        try:
            hour, minute = (int(part) for part in record[name].split(":"))
            moment = datetime.combine(day, datetime.min.time()).replace(hour=hour, minute=minute)
        except ValueError:
            raise source.error(
                where(record), _("“%(field)s” should be a time such as 07:45.") % {"field": name}
            ) from None
        return timezone.make_aware(moment)

    def create_event(self, record: dict) -> None:
        source = self.source("events.toml")
        organiser = self.person(source, record, "organiser")
        day = self.today - timedelta(days=record["days_ago"])
        starts = self.at(source, record, day, "start")
        ends = self.at(source, record, day, "end")
        texts = {}
        for language in LANGUAGES:
            written = record[language] or {}
            for part in ("title", "lead", "description", "accessibility"):
                texts[f"{part}_{language}"] = written.get(part, "")
        areas = FocusArea.objects.filter(code__in=record["focus_areas"])
        form = EventForm(
            data={
                "slug": record["slug"],
                "kind": record["kind"],
                **texts,
                "starts_at": timezone.localtime(starts).strftime("%Y-%m-%dT%H:%M"),
                "ends_at": timezone.localtime(ends).strftime("%Y-%m-%dT%H:%M"),
                "format": record["format"],
                "venue": record["venue"],
                "address": record["address"],
                "online_link": record["online_link"],
                "spoken": record["spoken"],
                "capacity": "" if record["capacity"] is None else record["capacity"],
                "organiser": organiser.pk,
                "focus_areas": [area.pk for area in areas],
            }
        )
        if not form.is_valid():
            raise source.error(where(record), _form_errors(form))
        event = event_services.event_save(form=form, actor=organiser)
        event = event_services.event_publish(event=event, actor=organiser)
        if starts > self.now:
            for email in record["registered"]:
                event_services.register_member(event=event, user=self.named(source, record, email))
            for visitor in record["visitor"]:
                registration = event_services.register_visitor(
                    event=event,
                    name=visitor["name"],
                    email=visitor["email"],
                    organisation=visitor["organisation"],
                    language="sv",
                )
                event_services.confirm_visitor(registration=registration)
        else:
            # Registration closed long ago: the seats as they were taken, and who came.
            registered = starts - timedelta(days=7)
            for email in record["registered"]:
                person = self.named(source, record, email)
                Registration.objects.create(
                    event=event,
                    user=person,
                    name=person.name,
                    email=person.email,
                    organisation=person.organisation.name if person.organisation_id else "",
                    language=person.language,
                    status=Registration.Status.CONFIRMED,
                    confirmed_at=registered,
                    attended=email in record["attended"],
                )
            for visitor in record["visitor"]:
                Registration.objects.create(
                    event=event,
                    name=visitor["name"],
                    email=visitor["email"],
                    organisation=visitor["organisation"],
                    status=Registration.Status.CONFIRMED,
                    confirmed_at=registered,
                    attended=visitor["attended"],
                )
            event_services.minutes_save(
                event=event,
                actor=organiser,
                minutes_sv=(record["sv"] or {}).get("minutes", ""),
                minutes_en=(record["en"] or {}).get("minutes", ""),
            )
        for title in record["initiatives"]:
            event_services.initiative_came_from(
                initiative=self.initiative(source, record, title), value=event
            )
        if record["news"]:
            NewsArticle.objects.filter(slug=record["news"]).update(event=event)
