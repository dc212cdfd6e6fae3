"""The Atom feed of the lessons learned, one per language: each published report that tells its
lessons, updated when the report itself changes."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from meetmalmo.core.markdown import render
from meetmalmo.search import library

FEED_SIZE = 30


class LessonFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Meet Malmö: lessons learned")

    def subtitle(self):
        return _("What the working groups of Meet Malmö have learned, as their reports tell it.")

    def link(self):
        return reverse("search:library")

    @property
    def language(self):
        return translation.get_language()

    def items(self):
        return library.with_lessons()[:FEED_SIZE]

    def item_title(self, item):
        return _("Lessons from %(project)s") % {
            "project": item.initiative.project.text("title").value
        }

    def item_description(self, item):
        return render(item.lessons)

    def item_link(self, item):
        return reverse("publishing:project", args=[item.initiative.project.slug]) + "#lessons"

    def item_guid(self, item):
        return f"{self.item_link(item)}-{item.pk}"

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [area.text("name").value for area in item.initiative.focus_areas.all()]
