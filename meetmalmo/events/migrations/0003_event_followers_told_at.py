from django.db import migrations, models


def told_already(apps, schema_editor):
    """Meetings published before following existed are not news to anyone."""
    Event = apps.get_model("events", "Event")
    Event.objects.exclude(state="draft").update(followers_told_at=models.F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_event_image"),
    ]

    operations = [
        migrations.AddField(
            model_name="event",
            name="followers_told_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(told_already, migrations.RunPython.noop),
    ]
