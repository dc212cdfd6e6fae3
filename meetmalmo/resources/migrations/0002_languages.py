"""The languages resources can say they work in."""

from django.db import migrations

LANGUAGES = [
    ("sv", "svenska", "Swedish"),
    ("en", "engelska", "English"),
    ("ar", "arabiska", "Arabic"),
    ("fa", "persiska", "Persian"),
    ("so", "somaliska", "Somali"),
    ("ti", "tigrinja", "Tigrinya"),
    ("bs", "bosniska, kroatiska, serbiska", "Bosnian, Croatian, Serbian"),
    ("pl", "polska", "Polish"),
    ("tr", "turkiska", "Turkish"),
    ("uk", "ukrainska", "Ukrainian"),
    ("da", "danska", "Danish"),
    ("de", "tyska", "German"),
    ("es", "spanska", "Spanish"),
    ("fr", "franska", "French"),
]


def load(apps, schema_editor):
    SpokenLanguage = apps.get_model("resources", "SpokenLanguage")
    for code, name_sv, name_en in LANGUAGES:
        SpokenLanguage.objects.get_or_create(
            code=code, defaults={"name_sv": name_sv, "name_en": name_en}
        )


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
