"""The owner's link (issue 28): reports shared by the browsers of one owner.

No rows are made here: a browser that made reports before this migration gets its owner, and
its owner's link, the first time it opens /reports/ or one of its reports
(`advisor.ownership.owner_of`); until then it owns them by its key alone, as before.
"""

import advisor.models.reports
import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('advisor', '0007_quote_dates'),
    ]

    operations = [
        migrations.CreateModel(
            name='Owner',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('link_token', models.CharField(default=advisor.models.reports.new_report_token, editable=False, max_length=64, unique=True, verbose_name="token of the owner's link")),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
            ],
            options={
                'verbose_name': 'owner',
                'verbose_name_plural': 'owners',
            },
        ),
        migrations.AlterField(
            model_name='report',
            name='owner_key',
            field=models.CharField(db_index=True, help_text="The random key of the browser session that created the report (or of the browser it passed to when that one was removed from its owner's browsers).", max_length=64, verbose_name="owner's browser"),
        ),
        migrations.CreateModel(
            name='OwnerBrowser',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('browser_key', models.CharField(max_length=64, unique=True, verbose_name='browser')),
                ('first_seen', models.DateTimeField(default=django.utils.timezone.now, verbose_name='first seen')),
                ('last_seen', models.DateField(default=django.utils.timezone.localdate, verbose_name='last seen')),
                ('label', models.CharField(blank=True, max_length=100, verbose_name='browser and system')),
                ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='browsers', to='advisor.owner', verbose_name='owner')),
            ],
            options={
                'verbose_name': "owner's browser",
                'verbose_name_plural': "owner's browsers",
                'ordering': ['first_seen', 'pk'],
            },
        ),
    ]
