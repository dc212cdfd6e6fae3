from django.db import migrations

FOCUS_AREAS = [
    ("competence-supply", "Kompetensförsörjning", "Competence supply"),
    ("newcomers", "Etablering av nyanlända", "Establishment of newcomers"),
    ("industry-development", "Branschutveckling", "Industry development"),
    ("investment", "Investeringar", "Investment"),
    ("tourism-events", "Turism och evenemang", "Tourism and events"),
    ("urban-development", "Stadsutveckling", "Urban development"),
    ("youth-employment", "Ungas sysselsättning", "Youth employment"),
    ("entrepreneurship", "Entreprenörskap", "Entrepreneurship"),
]


def add(apps, schema_editor):
    FocusArea = apps.get_model("initiatives", "FocusArea")
    for position, (code, name_sv, name_en) in enumerate(FOCUS_AREAS):
        FocusArea.objects.get_or_create(
            code=code, defaults={"name_sv": name_sv, "name_en": name_en, "position": position}
        )


class Migration(migrations.Migration):
    dependencies = [("initiatives", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
