"""The starting glossary of the domain (glossary.csv); staff extend it from then on."""

import csv
from pathlib import Path

from django.db import migrations

GLOSSARY = Path(__file__).resolve().parent.parent / "glossary.csv"


def load(apps, schema_editor):
    GlossaryEntry = apps.get_model("inventory", "GlossaryEntry")
    with GLOSSARY.open(encoding="utf-8") as rows:
        GlossaryEntry.objects.bulk_create(
            GlossaryEntry(swedish=row["sv"].replace("|", ", "), english=row["en"].replace("|", ", "))
            for row in csv.DictReader(rows)
        )


def unload(apps, schema_editor):
    apps.get_model("inventory", "GlossaryEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("inventory", "0002_related_work")]
    operations = [migrations.RunPython(load, unload)]
