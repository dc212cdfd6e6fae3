"""Efforts point to the shared focus areas, and the case inventory moves to the initiatives app;
no table changes."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_focus_areas'),
        ('inventory', '0003_glossary'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.AlterField(
                model_name='effort',
                name='focus_areas',
                field=models.ManyToManyField(blank=True, related_name='efforts', to='core.focusarea', verbose_name='focus areas'),
            ),
            migrations.DeleteModel(
                name='InventoryEntry',
            ),
            ],
        ),
    ]
