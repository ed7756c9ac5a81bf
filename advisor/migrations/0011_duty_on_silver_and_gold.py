"""Default import duty on silver and solid gold jewelry (tariff heading 7113) apart from
base-metal jewelry (7117): three figures, US, EU and UK; other markets keep one for both.
Sources: FIGURES in advisor/rules/figures.py and docs/rules.md ("Default import duty")."""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('advisor', '0010_sea_transit_and_quote_plating'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalthresholds',
            name='duty_eu_precious_percent',
            field=models.PositiveSmallIntegerField(default=3, help_text='Silver jewelry (CN 7113 11) 2.5 %, other precious metal 2 %: the higher, rounded up. Public sources: Union Cargo, "Importing jewellery from China" (updated 2024-01-29), https://unioncargo.pl/en/importing-jewellery-from-china/; DutyCalculator, heading 7117.90, http://www.dutycalculator.com/hs-code-duty-rate-import-restrictions/711790/jewellery-making-items/7117.90.9000/7117.90.0000/1163/ (4 % in EU member states); checked 2026-12-02.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on silver or gold jewelry, European Union (% of the unit price)'),
        ),
        migrations.AddField(
            model_name='historicalthresholds',
            name='duty_uk_precious_percent',
            field=models.PositiveSmallIntegerField(default=3, help_text="The UK Global Tariff's rate for heading 7113 could not be checked: taken as the EU's. Assumption: the public sources below do not confirm it. Public sources: HMRC advance tariff ruling 600011324 (a steel charm bracelet: commodity code 7117190090, no rate), https://www.tax.service.gov.uk/search-for-advance-tariff-rulings/ruling/600011324; checked 2026-12-02.", validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on silver or gold jewelry, United Kingdom (% of the unit price)'),
        ),
        migrations.AddField(
            model_name='historicalthresholds',
            name='duty_us_precious_percent',
            field=models.PositiveSmallIntegerField(default=13, help_text='Silver jewelry (HTS 7113.11.50) 5 %, gold (7113.19.50) 5.5 %, each plus 7.5 % on Chinese goods (Section 301): the higher, rounded up. Surcharges added since 2025 change often and are not counted. Assumption: the public sources below do not confirm it. Public sources: HTS Hub, chapter 71, https://htshub.com/us-hs/chapter/71-6 (silver jewelry 7113.11.50 5 %, products of China 7.5 % more); Portoria, HTS 7113.19.50.45, https://portoria.app/hts/7113195045 (gold jewelry, other: 5.5 %); U.S. Customs ruling NY M84650 (10 and 14 karat gold jewelry, 7113.19.5000, 5.5 %), http://faqs.org/rulings/rulings2006NYM84650.html; checked 2026-12-02.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on silver or gold jewelry, United States (% of the unit price)'),
        ),
        migrations.AddField(
            model_name='thresholds',
            name='duty_eu_precious_percent',
            field=models.PositiveSmallIntegerField(default=3, help_text='Silver jewelry (CN 7113 11) 2.5 %, other precious metal 2 %: the higher, rounded up. Public sources: Union Cargo, "Importing jewellery from China" (updated 2024-01-29), https://unioncargo.pl/en/importing-jewellery-from-china/; DutyCalculator, heading 7117.90, http://www.dutycalculator.com/hs-code-duty-rate-import-restrictions/711790/jewellery-making-items/7117.90.9000/7117.90.0000/1163/ (4 % in EU member states); checked 2026-12-02.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on silver or gold jewelry, European Union (% of the unit price)'),
        ),
        migrations.AddField(
            model_name='thresholds',
            name='duty_uk_precious_percent',
            field=models.PositiveSmallIntegerField(default=3, help_text="The UK Global Tariff's rate for heading 7113 could not be checked: taken as the EU's. Assumption: the public sources below do not confirm it. Public sources: HMRC advance tariff ruling 600011324 (a steel charm bracelet: commodity code 7117190090, no rate), https://www.tax.service.gov.uk/search-for-advance-tariff-rulings/ruling/600011324; checked 2026-12-02.", validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on silver or gold jewelry, United Kingdom (% of the unit price)'),
        ),
        migrations.AddField(
            model_name='thresholds',
            name='duty_us_precious_percent',
            field=models.PositiveSmallIntegerField(default=13, help_text='Silver jewelry (HTS 7113.11.50) 5 %, gold (7113.19.50) 5.5 %, each plus 7.5 % on Chinese goods (Section 301): the higher, rounded up. Surcharges added since 2025 change often and are not counted. Assumption: the public sources below do not confirm it. Public sources: HTS Hub, chapter 71, https://htshub.com/us-hs/chapter/71-6 (silver jewelry 7113.11.50 5 %, products of China 7.5 % more); Portoria, HTS 7113.19.50.45, https://portoria.app/hts/7113195045 (gold jewelry, other: 5.5 %); U.S. Customs ruling NY M84650 (10 and 14 karat gold jewelry, 7113.19.5000, 5.5 %), http://faqs.org/rulings/rulings2006NYM84650.html; checked 2026-12-02.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on silver or gold jewelry, United States (% of the unit price)'),
        ),
        migrations.AlterField(
            model_name='historicalthresholds',
            name='duty_eu_percent',
            field=models.PositiveSmallIntegerField(default=4, help_text='Imitation (base-metal) jewelry, CN 7117. Public sources: Union Cargo, "Importing jewellery from China" (updated 2024-01-29), https://unioncargo.pl/en/importing-jewellery-from-china/; DutyCalculator, heading 7117.90, http://www.dutycalculator.com/hs-code-duty-rate-import-restrictions/711790/jewellery-making-items/7117.90.9000/7117.90.0000/1163/ (4 % in EU member states); checked 2026-12-02.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on base-metal jewelry, European Union (% of the unit price)'),
        ),
        migrations.AlterField(
            model_name='historicalthresholds',
            name='duty_uk_percent',
            field=models.PositiveSmallIntegerField(default=4, help_text="The UK Global Tariff's rate for heading 7117 could not be checked: taken as the EU's. Assumption: the public sources below do not confirm it. Public sources: HMRC advance tariff ruling 600011324 (a steel charm bracelet: commodity code 7117190090, no rate), https://www.tax.service.gov.uk/search-for-advance-tariff-rulings/ruling/600011324; checked 2026-12-02.", validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on base-metal jewelry, United Kingdom (% of the unit price)'),
        ),
        migrations.AlterField(
            model_name='historicalthresholds',
            name='duty_us_percent',
            field=models.PositiveSmallIntegerField(default=19, help_text='Base-metal jewelry (HTS 7117.19.90) 11 % plus 7.5 % on Chinese goods (Section 301), rounded up. Surcharges added since 2025 change often and are not counted. Assumption: the public sources below do not confirm it. Public sources: HTS Hub, "7117 Imitation jewelry" (HTS 2024 Revision 9), https://htshub.com/us-hs/head/7117; HTS Hub, chapter 71, https://htshub.com/us-hs/chapter/71-6; checked 2026-12-02.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on base-metal jewelry, United States (% of the unit price)'),
        ),
        migrations.AlterField(
            model_name='thresholds',
            name='duty_eu_percent',
            field=models.PositiveSmallIntegerField(default=4, help_text='Imitation (base-metal) jewelry, CN 7117. Public sources: Union Cargo, "Importing jewellery from China" (updated 2024-01-29), https://unioncargo.pl/en/importing-jewellery-from-china/; DutyCalculator, heading 7117.90, http://www.dutycalculator.com/hs-code-duty-rate-import-restrictions/711790/jewellery-making-items/7117.90.9000/7117.90.0000/1163/ (4 % in EU member states); checked 2026-12-02.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on base-metal jewelry, European Union (% of the unit price)'),
        ),
        migrations.AlterField(
            model_name='thresholds',
            name='duty_uk_percent',
            field=models.PositiveSmallIntegerField(default=4, help_text="The UK Global Tariff's rate for heading 7117 could not be checked: taken as the EU's. Assumption: the public sources below do not confirm it. Public sources: HMRC advance tariff ruling 600011324 (a steel charm bracelet: commodity code 7117190090, no rate), https://www.tax.service.gov.uk/search-for-advance-tariff-rulings/ruling/600011324; checked 2026-12-02.", validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on base-metal jewelry, United Kingdom (% of the unit price)'),
        ),
        migrations.AlterField(
            model_name='thresholds',
            name='duty_us_percent',
            field=models.PositiveSmallIntegerField(default=19, help_text='Base-metal jewelry (HTS 7117.19.90) 11 % plus 7.5 % on Chinese goods (Section 301), rounded up. Surcharges added since 2025 change often and are not counted. Assumption: the public sources below do not confirm it. Public sources: HTS Hub, "7117 Imitation jewelry" (HTS 2024 Revision 9), https://htshub.com/us-hs/head/7117; HTS Hub, chapter 71, https://htshub.com/us-hs/chapter/71-6; checked 2026-12-02.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='Import duty on base-metal jewelry, United States (% of the unit price)'),
        ),
    ]
