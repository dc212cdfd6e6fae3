"""Credits typed as "Foto: Malmö stad" were shown as "Foto: Foto: Malmö stad": the name only
is kept, as the credit field now asks."""

import re

from django.db import migrations

PREFIX = re.compile(r"^\s*(?:foto|fotograf|photo|photograph|bild|image)\s*:\s*", re.I)


def bare(credit: str) -> str:
    while PREFIX.match(credit):
        credit = PREFIX.sub("", credit, count=1)
    return credit.strip()


def clean_credits(apps, schema_editor):
    for model in ("NewsArticle", "Project"):
        pages = apps.get_model("publishing", model).objects
        for page in pages.filter(photo_credit__iregex=r"^\s*(foto|fotograf|photo|photograph|bild|image)\s*:"):
            pages.filter(pk=page.pk).update(photo_credit=bare(page.photo_credit))


class Migration(migrations.Migration):
    dependencies = [("publishing", "0010_comment_answers_and_photographer")]

    operations = [migrations.RunPython(clean_credits, migrations.RunPython.noop)]
