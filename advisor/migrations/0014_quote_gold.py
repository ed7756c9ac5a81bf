"""For solid gold, a supplier quote's gold in a piece and the gold price it assumes (optional):
the quotes page turns them into a making charge a gram, comparable across factories."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('advisor', '0013_quote_valid_until'),
    ]

    operations = [
        migrations.AddField(
            model_name='quote',
            name='gold_grams',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=6, null=True, verbose_name='gold in a piece (g)'),
        ),
        migrations.AddField(
            model_name='quote',
            name='gold_price_usd_per_oz',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=9, null=True, verbose_name='gold price assumed (USD a troy ounce)'),
        ),
    ]
