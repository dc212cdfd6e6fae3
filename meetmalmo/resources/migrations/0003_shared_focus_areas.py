"""Resource profiles point to the shared focus areas; no table changes."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_focus_areas'),
        ('resources', '0002_languages'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.AlterField(
                model_name='resourceprofile',
                name='focus_areas',
                field=models.ManyToManyField(related_name='+', to='core.focusarea', verbose_name='focus areas of interest'),
            ),
            ],
        ),
    ]
