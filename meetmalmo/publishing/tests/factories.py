from datetime import timedelta

import factory
from django.utils import timezone

from meetmalmo.publishing.models import Comment, NewsArticle


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsArticle

    slug = factory.Sequence(lambda n: f"nyhet-{n}")
    title_sv = factory.Sequence(lambda n: f"Nyhet {n}")
    title_en = factory.Sequence(lambda n: f"News {n}")
    lead_sv = "Tusen unga mötte besöksnäringen."
    lead_en = "A thousand young people met the hospitality industry."
    body_sv = "Dagen på **Malmö Live** blev en succé."
    body_en = "The day at **Malmö Live** was a success."
    byline = "Lena Åkesson"
    publish_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    article = factory.SubFactory(ArticleFactory)
    name = "Karin Läsare"
    email = "karin@example.se"
    text = "Vilken fin dag!"
