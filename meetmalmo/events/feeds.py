"""The Atom feed of upcoming meetings, one per language."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from meetmalmo.core.markdown import render
from meetmalmo.events.selectors import feed_events

FEED_SIZE = 30


class EventFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Meet Malmö events")

    def subtitle(self):
        return _("Breakfasts, forum meetings, workshops and public events of Meet Malmö.")

    def link(self):
        return reverse("events:list")

    @property
    def language(self):
        return translation.get_language()

    def items(self):
        return feed_events()[:FEED_SIZE]

    def item_title(self, item):
        title = item.text("title").value
        return _("Cancelled: %(title)s") % {"title": title} if item.is_cancelled else title

    def item_description(self, item):
        return render(item.text("lead").value)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
