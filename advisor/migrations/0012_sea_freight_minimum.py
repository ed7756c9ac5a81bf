"""The least a forwarder bills a small sea shipment (one cubic metre, door to door): a sea
quote that leaves freight empty is costed at it or at the courier estimate, whichever is
higher. Sources: FIGURES in advisor/rules/figures.py and docs/rules.md."""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('advisor', '0011_duty_on_silver_and_gold'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalthresholds',
            name='sea_freight_min_usd',
            field=models.PositiveIntegerField(default=1500, help_text='What a forwarder bills at least, for one cubic metre: a sea quote that leaves freight empty is costed at this or the courier estimate, whichever is higher. Assumption: the public sources below do not confirm it. Public sources: Hansatic, "LCL Minimum Charge Explained", https://hansatic.com/en/guides/lcl-minimum-charge-quoting (a consignment is billed at least one weight or measure ton, with handling, documents and destination charges on top); TCL Freight, "Do not ship your personal belongings overseas by sea if your budget is not over USD 1,000", https://tclfreight.com.vn/en/do-not-ship-your-personal-belongings-to-overseas-by-sea-if-your-budget-is-not-over-usd-1000/ (one cubic metre: to the EU $1,000-1,500, to America $1,500-2,000; for small volumes air express is cheaper); checked 2026-12-02.', validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10000000)], verbose_name='Sea freight of a small shipment, door to door (USD)'),
        ),
        migrations.AddField(
            model_name='thresholds',
            name='sea_freight_min_usd',
            field=models.PositiveIntegerField(default=1500, help_text='What a forwarder bills at least, for one cubic metre: a sea quote that leaves freight empty is costed at this or the courier estimate, whichever is higher. Assumption: the public sources below do not confirm it. Public sources: Hansatic, "LCL Minimum Charge Explained", https://hansatic.com/en/guides/lcl-minimum-charge-quoting (a consignment is billed at least one weight or measure ton, with handling, documents and destination charges on top); TCL Freight, "Do not ship your personal belongings overseas by sea if your budget is not over USD 1,000", https://tclfreight.com.vn/en/do-not-ship-your-personal-belongings-to-overseas-by-sea-if-your-budget-is-not-over-usd-1000/ (one cubic metre: to the EU $1,000-1,500, to America $1,500-2,000; for small volumes air express is cheaper); checked 2026-12-02.', validators=[django.core.validators.MinValueValidator(0), django.core.validators.MaxValueValidator(10000000)], verbose_name='Sea freight of a small shipment, door to door (USD)'),
        ),
    ]
