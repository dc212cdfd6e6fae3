"""The case inventory becomes part of the case, and the focus areas move to the shared taxonomy.
Both tables stay as they are; the content types (and so the admin permissions) follow."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="initiatives", model="focusarea").update(app_label="core")
    ContentType.objects.filter(app_label="inventory", model="inventoryentry").update(
        app_label="initiatives"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_focus_areas'),
        ('initiatives', '0009_submitter_may_leave'),
        ('inventory', '0004_shared_focus_areas'),
        ('resources', '0003_shared_focus_areas'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='InventoryEntry',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('note', models.TextField(blank=True, max_length=2000, verbose_name='how it relates')),
                    ('dismissed', models.BooleanField(default=False, verbose_name='not related')),
                    ('created_at', models.DateTimeField(auto_now_add=True)),
                    ('added_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('effort', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='inventory_entries', to='inventory.effort', verbose_name='existing effort')),
                ],
                options={
                    'verbose_name': 'inventory entry',
                    'verbose_name_plural': 'inventory entries',
                    'db_table': 'inventory_inventoryentry',
                    'ordering': ['created_at'],
                },
            ),
            migrations.DeleteModel(
                name='FocusArea',
            ),
            migrations.AlterField(
                model_name='initiative',
                name='focus_areas',
                field=models.ManyToManyField(related_name='initiatives', to='core.focusarea', verbose_name='focus areas'),
            ),
            migrations.AddField(
                model_name='inventoryentry',
                name='initiative',
                field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='inventory', to='initiatives.initiative'),
            ),
            migrations.AddField(
                model_name='inventoryentry',
                name='related_initiative',
                field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='initiatives.initiative', verbose_name='earlier initiative'),
            ),
            migrations.AddConstraint(
                model_name='inventoryentry',
                constraint=models.CheckConstraint(condition=models.Q(models.Q(('effort__isnull', False), ('related_initiative__isnull', True)), models.Q(('effort__isnull', True), ('related_initiative__isnull', False)), _connector='OR'), name='inventory_one_target'),
            ),
            migrations.AddConstraint(
                model_name='inventoryentry',
                constraint=models.UniqueConstraint(fields=('initiative', 'effort'), name='inventory_effort_once'),
            ),
            migrations.AddConstraint(
                model_name='inventoryentry',
                constraint=models.UniqueConstraint(fields=('initiative', 'related_initiative'), name='inventory_initiative_once'),
            ),
            ],
        ),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
