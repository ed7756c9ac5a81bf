"""A supplier quote's last valid day, optional: a quote past it ranks below current ones."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('advisor', '0012_sea_freight_minimum'),
    ]

    operations = [
        migrations.AddField(
            model_name='quote',
            name='valid_until',
            field=models.DateField(blank=True, null=True, verbose_name='quote valid until'),
        ),
    ]
