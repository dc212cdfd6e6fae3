from django.db import migrations


class Migration(migrations.Migration):
    """Joins two changes made side by side: news linking a meeting, and news telling followers."""

    dependencies = [
        ("publishing", "0007_newsarticle_event"),
        ("publishing", "0007_newsarticle_followers_told"),
    ]

    operations = []
