"""The credit field asks for the photographer's name only, and a credit typed as "Foto: Malmö
stad" (shown as "Foto: Foto: Malmö stad") keeps the name only."""

from django.db import migrations, models

from meetmalmo.core.images import bare_credit


def clean_credits(apps, schema_editor):
    events = apps.get_model("events", "Event").objects
    for event in events.filter(photo_credit__iregex=r"^\s*(foto|fotograf|photo|photograph|bild|image)\s*:"):
        events.filter(pk=event.pk).update(photo_credit=bare_credit(event.photo_credit))


class Migration(migrations.Migration):
    dependencies = [("events", "0003_event_followers_told_at")]

    operations = [
        migrations.AlterField(
            model_name="event",
            name="photo_credit",
            field=models.CharField(
                blank=True,
                help_text="The name only, such as Malmö stad: the page adds “Photo:” before it.",
                max_length=120,
                verbose_name="photographer",
            ),
        ),
        migrations.RunPython(clean_credits, migrations.RunPython.noop),
    ]
