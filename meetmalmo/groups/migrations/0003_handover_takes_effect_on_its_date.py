from django.db import migrations, models
from django.db.models import F


def applied_when_accepted(apps, schema_editor):
    # Until now ownership passed at acceptance, so that is when the earlier handovers applied.
    Handover = apps.get_model("groups", "Handover")
    Handover.objects.filter(accepted_at__isnull=False).update(applied_at=F("accepted_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("groups", "0002_handover_person_may_leave"),
    ]

    operations = [
        migrations.AddField(
            model_name="handover",
            name="applied_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(applied_when_accepted, migrations.RunPython.noop),
    ]
