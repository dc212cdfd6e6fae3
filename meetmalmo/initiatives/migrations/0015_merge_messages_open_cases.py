from django.db import migrations


class Migration(migrations.Migration):
    """Joins two changes made side by side: the case's conversation, and open cases by deadline."""

    dependencies = [
        ("initiatives", "0014_case_message"),
        ("initiatives", "0014_open_cases_by_deadline"),
    ]

    operations = []
