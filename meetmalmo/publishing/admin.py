from django.contrib import admin

from meetmalmo.publishing.models import Comment, NewsArticle


@admin.register(NewsArticle)
class NewsArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "slug", "publish_at", "byline"]
    search_fields = ["title_sv", "title_en", "slug"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["name", "article", "state", "created_at"]
    list_filter = ["state"]
    list_select_related = ["article"]
    search_fields = ["name", "email", "text"]
