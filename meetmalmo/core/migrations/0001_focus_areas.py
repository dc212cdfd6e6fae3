"""The focus areas become the taxonomy every app shares. Their table stays as the initiatives
app created it (its 0001), so this only tells Django where the model now lives."""

import meetmalmo.core.bilingual
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='FocusArea',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('code', models.SlugField(unique=True, verbose_name='code')),
                    ('name_sv', models.CharField(max_length=100, verbose_name='name (Swedish)')),
                    ('name_en', models.CharField(max_length=100, verbose_name='name (English)')),
                    ('position', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                    ('active', models.BooleanField(default=True, verbose_name='in use')),
                ],
                options={
                    'verbose_name': 'focus area',
                    'verbose_name_plural': 'focus areas',
                    'db_table': 'initiatives_focusarea',
                    'ordering': ['position', 'name_sv'],
                },
                bases=(meetmalmo.core.bilingual.Translated, models.Model),
            ),
            ],
        ),
    ]
