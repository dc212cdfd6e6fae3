from django.db import migrations


class Migration(migrations.Migration):
    """Joins two changes made side by side: the lists' indexes, and news linking meetings."""

    dependencies = [
        ("publishing", "0007_list_indexes"),
        ("publishing", "0008_merge_event_followers"),
    ]

    operations = []
