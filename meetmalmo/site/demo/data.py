"""Reading the demo's data files: TOML with named fields, and news articles in Markdown with
TOML front matter. Every record is checked against the fields it may have before anything is
written, so that a mistake in a file is reported with the file, the record and the field."""

import copy
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from meetmalmo.site.demo.pictures import SHAPES

FOLDER = Path(__file__).parent  # the demo's own files; a test may load others
NEWS = "news"
LANGUAGES = ("sv", "en")


class DemoDataError(Exception):
    """A data file the demo cannot be loaded from; the message says where and what."""


def _kind(expected: type) -> str:
    return {
        str: _("text"),
        int: _("a whole number"),
        bool: _("true or false"),
        list: _("a list"),
        dict: _("a table"),
    }[expected]


def _is(value, expected: type) -> bool:
    # TOML's true and false are Python's bools, which are ints too: a count must not be one.
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, expected)


@dataclass(frozen=True)
class Fields:
    """The fields a record must have and those it may have (with the value a missing one
    takes); any other field is refused, so that a misspelt one is not silently ignored."""

    required: dict[str, type]
    optional: dict[str, tuple[type, object]] = field(default_factory=dict)

    def read(self, source: "Source", where: str, record) -> dict:
        if not isinstance(record, dict):
            raise source.error(where, _("this should be a table of fields."))
        for name in record:
            if name not in self.required and name not in self.optional:
                raise source.error(where, _("“%(field)s” is not a field here.") % {"field": name})
        checked = {}
        for name, expected in self.required.items():
            if name not in record:
                raise source.missing(where, name)
            checked[name] = source.typed(where, name, record[name], expected)
        for name, (expected, default) in self.optional.items():
            if name in record:
                checked[name] = source.typed(where, name, record[name], expected)
            else:
                checked[name] = copy.copy(default)  # a list of one record is not another's
        return checked


@dataclass(frozen=True)
class Source:
    """One data file, named in messages as people see it in the demo folder (`groups.toml`,
    `news/hej.md`)."""

    folder: Path
    name: str

    @property
    def path(self) -> Path:
        return self.folder / self.name

    def error(self, where: str, problem: str) -> DemoDataError:
        return DemoDataError(
            _("%(file)s: %(where)s: %(problem)s")
            % {"file": self.name, "where": where, "problem": problem}
        )

    def missing(self, where: str, name: str) -> DemoDataError:
        return self.error(where, _("the required field “%(field)s” is missing.") % {"field": name})

    def typed(self, where: str, name: str, value, expected: type):
        if not _is(value, expected):
            raise self.error(
                where,
                _("“%(field)s” should be %(kind)s.") % {"field": name, "kind": _kind(expected)},
            )
        return value

    def toml(self, text: str | None = None) -> dict:
        try:
            return tomllib.loads(self.path.read_text(encoding="utf-8") if text is None else text)
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise DemoDataError(
                _("%(file)s cannot be read: %(error)s") % {"file": self.name, "error": error}
            ) from None

    def records(self, data: dict, key: str, fields: Fields, label: str = "") -> list[dict]:
        """The [[key]] tables of the file, each checked; `label` names the field that tells
        a record apart in messages (a title, an e-mail address), else its number tells."""
        items = self.typed(key, key, data.get(key, []), list)
        return [self.record(key, n, item, fields, label) for n, item in enumerate(items, 1)]

    def record(self, key: str, n: int, item, fields: Fields, label: str = "", within="") -> dict:
        named = isinstance(item, dict) and isinstance(item.get(label), str)
        where = f"{key} {n} ({item[label]})" if named else f"{key} {n}"
        where = f"{within} › {where}" if within else where
        return {**fields.read(self, where, item), "_where": where}


def where(record: dict, *inner: str) -> str:
    """How a record (or a part of it) is named in messages: `group 2 (…) › milestone 1`."""
    return " › ".join([record["_where"], *inner])


# The files and their fields ------------------------------------------------------------------

ORGANISATION = Fields({"name": str, "sphere": str}, {"org_number": (str, ""), "website": (str, "")})
PERSON = Fields({"email": str, "name": str, "organisation": str}, {"language": (str, "sv")})
PROCESS_MANAGER = Fields(
    PERSON.required,
    {**PERSON.optional, "title_sv": (str, ""), "title_en": (str, ""), "phone": (str, "")},
)
RESOURCE = Fields(
    {
        **PERSON.required,
        "title": str,
        "industry": str,
        "competences": list,
        "focus_areas": list,
        "languages": list,
        "hours_per_month": int,
        "presentation": str,
    },
    {**PERSON.optional, "active": (bool, True)},
)
REPLY_TEMPLATE = Fields({"kind": str, "name": str, "sv": str, "en": str})
INITIATIVE = Fields(
    {"title": str, "summary": str, "language": str, "submitter": str, "focus_areas": list},
    {
        "description": (str, ""),
        "challenge": (str, ""),
        "benefit_city": (str, ""),
        "benefit_business": (str, ""),
        "proposed_partners": (str, ""),
        "channel": (str, "portal"),
        "recorded_by": (str, ""),
        "process_manager": (str, ""),
        "history": (list, []),
    },
)
STEP = Fields(
    {"step": str, "days_ago": int},
    {"reason": (str, ""), "referred_to": (str, ""), "text": (str, "")},
)
GROUP = Fields(
    {"initiative": str, "coordinator": str, "message": str},
    {
        "accepted": (list, []),
        "pending": (list, []),
        "expired": (list, []),
        "declined": (list, []),
        "milestone": (list, []),
        "link": (list, []),
        "update": (list, []),
        "handover": (dict, None),
    },
)
DECLINED = Fields({"person": str, "answer": str})
MILESTONE = Fields({"title": str, "due_days_ago": int}, {"done": (bool, False)})
LINK = Fields({"title": str, "url": str})
UPDATE = Fields({"author": str, "days_ago": int, "text": str})
HANDOVER = Fields({"to": str, "days_ago": int}, {"note": (str, "")})
PAGE_TEXT = Fields({"title": str, "lead": str, "body": str})
PROJECT = Fields(
    {"initiative": str}, {"sv": (dict, None), "en": (dict, None), "report": (dict, None)}
)
REPORT = Fields(
    {"summary": str, "outcomes": list},
    {"lessons": (str, ""), "links": (list, []), "published_days_ago": (int, 0)},
)
OUTCOME = Fields({"label": str, "number": int, "unit": str})
PICTURE = Fields(
    {"top": list, "bottom": list, "shapes": str, "alt_sv": str, "alt_en": str},
    {"credit": (str, "")},
)
ARTICLE = Fields(
    {"author": str},
    {
        "byline": (str, ""),
        "published_days_ago": (int, None),
        "picture": (str, ""),
        "event_in_days": (int, None),
        "sv": (dict, None),
        "en": (dict, None),
        "comment": (list, []),
    },
)
EVENT = Fields(
    {"slug": str, "kind": str, "days_ago": int, "start": str, "end": str, "organiser": str},
    {
        "format": (str, "in_person"),
        "venue": (str, ""),
        "address": (str, ""),
        "online_link": (str, ""),
        "spoken": (str, "sv"),
        "capacity": (int, None),
        "focus_areas": (list, []),
        "news": (str, ""),
        "initiatives": (list, []),
        "registered": (list, []),
        "attended": (list, []),
        "sv": (dict, None),
        "en": (dict, None),
        "visitor": (list, []),
    },
)
EVENT_TEXT = Fields(
    {"title": str},
    {"lead": (str, ""), "description": (str, ""), "accessibility": (str, ""), "minutes": (str, "")},
)
VISITOR = Fields({"name": str, "email": str, "organisation": str}, {"attended": (bool, False)})
ARTICLE_TEXT = Fields({"title": str}, {"lead": (str, "")})
COMMENT = Fields(
    {"name": str, "email": str, "text": str, "state": str},
    {"hours_after_publication": (int, None), "hours_ago": (int, None)},
)


def parts(source: Source, record: dict, key: str, fields: Fields, label: str = "") -> list[dict]:
    """A record's own [[record.key]] tables, each checked."""
    return [
        source.record(key, n, item, fields, label, within=record["_where"])
        for n, item in enumerate(record[key], 1)
    ]


def table(source: Source, record: dict, key: str, fields: Fields) -> dict | None:
    """A record's own [record.key] table, checked, or None when it has none."""
    if record[key] is None:
        return None
    inner = where(record, key)
    return {**fields.read(source, inner, record[key]), "_where": inner}


# News articles -----------------------------------------------------------------------------

FRONT_MATTER = "+++"
# A body starts after a line holding only its language as an HTML comment, `<!-- sv -->`,
# which Markdown previews leave out.
BODY_MARK = re.compile(r"^<!--\s*(\w+)\s*-->\s*$", re.MULTILINE)


def article(folder: Path, path: Path) -> dict:
    """One news article: its front matter checked, its bodies by language, its slug from the
    file name."""
    source = Source(folder, f"{NEWS}/{path.name}")
    front, body = _front_matter(source, path.read_text(encoding="utf-8"))
    front_matter = _("front matter")
    record = {**ARTICLE.read(source, front_matter, source.toml(front)), "_where": front_matter}
    record["slug"] = path.stem
    record["bodies"] = _bodies(source, body)
    for language in LANGUAGES:
        record[language] = table(source, record, language, ARTICLE_TEXT)
    record["comment"] = parts(source, record, "comment", COMMENT, label="name")
    record["source"] = source
    return record


def _front_matter(source: Source, text: str) -> tuple[str, str]:
    """The TOML between the file's first two +++ lines, and the text after them."""
    lines = text.split("\n")
    marks = [n for n, line in enumerate(lines) if line.strip() == FRONT_MATTER]
    if len(marks) < 2 or marks[0] != 0:
        raise DemoDataError(
            _("%(file)s: the article should begin with its front matter between two +++ lines.")
            % {"file": source.name}
        )
    return "\n".join(lines[1 : marks[1]]), "\n".join(lines[marks[1] + 1 :])


def _bodies(source: Source, text: str) -> dict[str, str]:
    marks = list(BODY_MARK.finditer(text))
    if text[: marks[0].start() if marks else len(text)].strip():
        raise DemoDataError(
            _("%(file)s: each body should begin with a line naming its language: <!-- sv -->.")
            % {"file": source.name}
        )
    bodies = {}
    for n, mark in enumerate(marks):
        language = mark.group(1)
        if language not in LANGUAGES or language in bodies:
            raise DemoDataError(
                _("%(file)s: “%(mark)s” should name sv or en, once each.")
                % {"file": source.name, "mark": mark.group(0).strip()}
            )
        end = marks[n + 1].start() if n + 1 < len(marks) else len(text)
        bodies[language] = text[mark.end() : end].strip()
    return bodies


def articles(folder: Path) -> list[dict]:
    return [article(folder, path) for path in sorted((folder / NEWS).glob("*.md"))]


# All the files -------------------------------------------------------------------------------


@dataclass
class Content:
    """Every data file, read and checked, before anything is written."""

    folder: Path
    organisations: list[dict]
    people: dict[str, list[dict]]
    resources: list[dict]
    reply_templates: list[dict]
    initiatives: list[dict]
    groups: list[dict]
    projects: list[dict]
    pictures: dict[str, dict]
    articles: list[dict]
    events: list[dict]


PEOPLE = {
    "administrator": PERSON,
    "process_manager": PROCESS_MANAGER,
    "member": PERSON,
    "coordinator": PERSON,
}


def read(folder: Path = FOLDER) -> Content:
    """All the data files in `folder`, each record checked for its fields."""
    people = Source(folder, "people.toml")
    people_file = people.toml()
    initiatives = Source(folder, "initiatives.toml")
    initiatives_file = initiatives.toml()
    resources = Source(folder, "resources.toml")
    return Content(
        folder=folder,
        organisations=_keyed(Source(folder, "organisations.toml"), ORGANISATION),
        people={role: people.records(people_file, role, f, "email") for role, f in PEOPLE.items()},
        resources=resources.records(resources.toml(), "resource", RESOURCE, "email"),
        reply_templates=initiatives.records(
            initiatives_file, "reply_template", REPLY_TEMPLATE, "name"
        ),
        initiatives=_initiatives(initiatives, initiatives_file),
        groups=_groups(Source(folder, "groups.toml")),
        projects=_projects(Source(folder, "projects.toml")),
        pictures=_pictures(Source(folder, "pictures.toml")),
        articles=articles(folder),
        events=_events(Source(folder, "events.toml")),
    )


def _keyed(source: Source, fields: Fields) -> list[dict]:
    """A file of tables each under its own key (`[hotell]`), in the file's order."""
    return [
        {**fields.read(source, key, record), "_where": key, "key": key}
        for key, record in source.toml().items()
    ]


def _initiatives(source: Source, file: dict) -> list[dict]:
    records = source.records(file, "initiative", INITIATIVE, "title")
    for record in records:
        record["history"] = parts(source, record, "history", STEP, "step")
    return records


def _groups(source: Source) -> list[dict]:
    records = source.records(source.toml(), "group", GROUP, "initiative")
    for record in records:
        record["declined"] = parts(source, record, "declined", DECLINED, "person")
        record["milestone"] = parts(source, record, "milestone", MILESTONE, "title")
        record["link"] = parts(source, record, "link", LINK, "title")
        record["update"] = parts(source, record, "update", UPDATE, "author")
        record["handover"] = table(source, record, "handover", HANDOVER)
    return records


def _projects(source: Source) -> list[dict]:
    records = source.records(source.toml(), "project", PROJECT, "initiative")
    for record in records:
        for language in LANGUAGES:
            record[language] = table(source, record, language, PAGE_TEXT)
        record["report"] = table(source, record, "report", REPORT)
        if record["report"]:
            report = record["report"]
            report["outcomes"] = parts(source, report, "outcomes", OUTCOME, "label")
    return records


def _events(source: Source) -> list[dict]:
    records = source.records(source.toml(), "event", EVENT, "slug")
    for record in records:
        for language in LANGUAGES:
            record[language] = table(source, record, language, EVENT_TEXT)
        record["visitor"] = parts(source, record, "visitor", VISITOR, "email")
    return records


def _pictures(source: Source) -> dict[str, dict]:
    records = {record["key"]: record for record in _keyed(source, PICTURE)}
    for name, record in records.items():
        if record["shapes"] not in SHAPES:
            raise source.error(
                name, _("“shapes” should be one of %(shapes)s.") % {"shapes": ", ".join(SHAPES)}
            )
    return records
