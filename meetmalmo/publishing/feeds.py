"""Atom feeds of the published news and projects, one per language. Each entry's `<updated>` is
the time the item itself last changed, so a reader shows as new only what is."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from meetmalmo.core.markdown import render
from meetmalmo.publishing.selectors import news_list, project_list

FEED_SIZE = 30


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Meet Malmö news")

    def subtitle(self):
        return _("News from Meet Malmö, where the City of Malmö and business work together.")

    def link(self):
        return reverse("publishing:news")

    @property
    def language(self):
        return translation.get_language()

    def items(self):
        return news_list()[:FEED_SIZE]

    def item_title(self, item):
        return item.text("title").value

    def item_description(self, item):
        return render(item.text("lead").value)

    def item_link(self, item):
        return reverse("publishing:article", args=[item.slug])

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        # When the item itself last changed; never before it was published (an article
        # written long before its date is new on that date).
        published = self.item_pubdate(item)
        return max(item.updated_at, published) if published else item.updated_at

    def item_author_name(self, item):
        return item.byline


class ProjectFeed(NewsFeed):
    def title(self):
        return _("Meet Malmö projects")

    def subtitle(self):
        return _("Projects that came out of Meet Malmö, updated as they go.")

    def link(self):
        return reverse("publishing:projects")

    def items(self):
        return project_list()[:FEED_SIZE]

    def item_link(self, item):
        return reverse("publishing:project", args=[item.slug])

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.initiative.organisation.name
