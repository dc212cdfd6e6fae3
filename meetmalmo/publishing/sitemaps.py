"""The sitemap: the public pages, and the published news and projects, in both languages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from meetmalmo.publishing.models import NewsArticle, Project


class PublicPages(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        return [
            "site:home",
            "site:how_it_works",
            "site:contact",
            "publishing:news",
            "publishing:projects",
            "accessibility:statement",
            "api:open_data",
            "api:docs",
        ]

    def location(self, item):
        return reverse(item)


class News(Sitemap):
    i18n = True
    alternates = True
    limit = 2_000

    def items(self):
        return NewsArticle.objects.published().only("slug", "updated_at").order_by("-id")

    def lastmod(self, item):
        return item.updated_at


class Projects(News):
    def items(self):
        return Project.objects.published().only("slug", "updated_at").order_by("-id")


SITEMAPS = {"pages": PublicPages, "news": News, "projects": Projects}
