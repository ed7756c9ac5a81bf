"""Quotes a buyer can commit on (issue 24).

The thresholds: the Chinese New Year closure is two figures instead of one (factories stop some
days before the festival and are back to full output some weeks after it, where the shutdown
was counted from the festival day), and default import duties per market for a quote that
leaves duty empty. A shutdown staff had changed from its old default (3 weeks, counted from the
festival) becomes the weeks after the festival; a row still at that default takes the new
figure's. Factor texts naming {cny_shutdown_weeks} name its successor.

The supplier quotes: tooling is typed per design, as the request for quotation asks, instead of
for all designs together. A saved quote's total becomes its total over the report's designs, to
the cent (the page shows per design times designs, within a few cents of what was typed);
backwards, the total is that product rounded up to whole dollars.
"""

import json
import math
from decimal import ROUND_HALF_UP, Decimal

import django.core.validators
from django.db import migrations, models

OLD_SHUTDOWN_DEFAULT = 3


def carry_shutdown(apps, schema_editor):
    Thresholds = apps.get_model("advisor", "Thresholds")
    for row in Thresholds.objects.exclude(cny_shutdown_weeks=OLD_SHUTDOWN_DEFAULT):
        row.cny_full_output_after_weeks = row.cny_shutdown_weeks
        row.save(update_fields=["cny_full_output_after_weeks"])
    _rename_in_texts(apps, "{cny_shutdown_weeks}", "{cny_full_output_after_weeks}")


def restore_shutdown(apps, schema_editor):
    Thresholds = apps.get_model("advisor", "Thresholds")
    for row in Thresholds.objects.all():
        row.cny_shutdown_weeks = min(row.cny_full_output_after_weeks, 8)
        row.save(update_fields=["cny_shutdown_weeks"])
    _rename_in_texts(apps, "{cny_full_output_after_weeks}", "{cny_shutdown_weeks}")


def _rename_in_texts(apps, old, new):
    Factor = apps.get_model("advisor", "Factor")
    for factor in Factor.objects.all():
        texts = {side: getattr(factor, side) for side in ("oem_summary", "odm_summary")}
        renamed = {side: text.replace(old, new) for side, text in texts.items()}
        if renamed != texts:
            Factor.objects.filter(pk=factor.pk).update(**renamed)


def _designs(quote):
    return json.loads(quote.report.snapshot)["answers"]["design_count"]


def tooling_per_design(apps, schema_editor):
    Quote = apps.get_model("advisor", "Quote")
    for quote in Quote.objects.select_related("report"):
        per_design = Decimal(quote.tooling_usd) / _designs(quote)
        quote.tooling_per_design_usd = per_design.quantize(Decimal("0.01"), ROUND_HALF_UP)
        quote.save(update_fields=["tooling_per_design_usd"])


def tooling_all_designs(apps, schema_editor):
    Quote = apps.get_model("advisor", "Quote")
    for quote in Quote.objects.select_related("report"):
        quote.tooling_usd = math.ceil(quote.tooling_per_design_usd * _designs(quote))
        quote.save(update_fields=["tooling_usd"])


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0006_rfq_link"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalthresholds",
            name="cny_full_output_after_weeks",
            field=models.PositiveSmallIntegerField(
                default=4,
                help_text='Production counts as stopped from the stop day until then: factories reopen earlier, short of workers. Public sources: Koacore, "Chinese New Year Shutdown 2021: How to Prepare", https://blog.koacore.com/blog/chinese-new-year-shutdown-2021-how-to-prepare (almost back to normal four weeks after); Seller Union, "How Long do Factories Usually Shut Down for Chinese New Year?", https://seller-union.com/how-long-do-factories-usually-shut-down-for-chinese-new-year/ (up to a month to full capacity); checked 2026-12-02.',
                validators=[
                    django.core.validators.MinValueValidator(0),
                    django.core.validators.MaxValueValidator(8),
                ],
                verbose_name="Chinese New Year: back to full output, weeks after the festival",
            ),
        ),
        migrations.AddField(
            model_name="historicalthresholds",
            name="cny_stop_before_days",
            field=models.PositiveSmallIntegerField(
                default=7,
                help_text='Workers leave to travel home; the festival\'s date each year comes from the holidays package. Public sources: FREJA, "Chinese New Year 2024", https://en.freja.com/news/chinese-new-year-2024; West World Trade, "Chinese New Year supply chain impact", https://westworldtrade.com/en/blog/chinese-new-year-supply-chain-impact (both: one week before); checked 2026-12-02.',
                validators=[
                    django.core.validators.MinValueValidator(0),
                    django.core.validators.MaxValueValidator(30),
                ],
                verbose_name="Chinese New Year: factories stop, days before the festival",
            ),
        ),
        migrations.AddField(
            model_name="historicalthresholds",
            name="duty_eu_percent",
            field=models.PositiveSmallIntegerField(
                default=4,
                help_text='Imitation (base-metal) jewelry, CN 7117: the highest of the jewelry lines; silver (7113 11) is 2.5 %. Public sources: Union Cargo, "Importing jewellery from China" (updated 2024-01-29), https://unioncargo.pl/en/importing-jewellery-from-china/; DutyCalculator, heading 7117.90, http://www.dutycalculator.com/hs-code-duty-rate-import-restrictions/711790/jewellery-making-items/7117.90.9000/7117.90.0000/1163/ (4 % in EU member states); checked 2026-12-02.',
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="Import duty on jewelry, European Union (% of the unit price)",
            ),
        ),
        migrations.AddField(
            model_name="historicalthresholds",
            name="duty_other_percent",
            field=models.PositiveSmallIntegerField(
                default=12,
                help_text="The world's average duty on imitation jewelry, for markets outside the US, EU and UK. Assumption: the public sources below do not confirm it. Public sources: DutyCalculator, heading 7117.90 (a global average of 12 %), http://www.dutycalculator.com/hs-code-duty-rate-import-restrictions/711790/jewellery-making-items/7117.90.9000/7117.90.0000/1163/; checked 2026-12-02.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="Import duty on jewelry, other markets (% of the unit price)",
            ),
        ),
        migrations.AddField(
            model_name="historicalthresholds",
            name="duty_uk_percent",
            field=models.PositiveSmallIntegerField(
                default=4,
                help_text="The UK Global Tariff's rate for heading 7117 could not be checked: taken as the EU's. Assumption: the public sources below do not confirm it. Public sources: HMRC advance tariff ruling 600011324 (a steel charm bracelet: commodity code 7117190090, no rate), https://www.tax.service.gov.uk/search-for-advance-tariff-rulings/ruling/600011324; checked 2026-12-02.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="Import duty on jewelry, United Kingdom (% of the unit price)",
            ),
        ),
        migrations.AddField(
            model_name="historicalthresholds",
            name="duty_us_percent",
            field=models.PositiveSmallIntegerField(
                default=19,
                help_text='Base-metal jewelry (HTS 7117.19.90) 11 % plus 7.5 % on Chinese goods (Section 301), rounded up; silver (7113.11.50) is 5 % plus 7.5 %. Surcharges added since 2025 change often and are not counted. Assumption: the public sources below do not confirm it. Public sources: HTS Hub, "7117 Imitation jewelry" (HTS 2024 Revision 9), https://htshub.com/us-hs/head/7117; HTS Hub, chapter 71, https://htshub.com/us-hs/chapter/71-6; checked 2026-12-02.',
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="Import duty on jewelry, United States (% of the unit price)",
            ),
        ),
        migrations.AddField(
            model_name="thresholds",
            name="cny_full_output_after_weeks",
            field=models.PositiveSmallIntegerField(
                default=4,
                help_text='Production counts as stopped from the stop day until then: factories reopen earlier, short of workers. Public sources: Koacore, "Chinese New Year Shutdown 2021: How to Prepare", https://blog.koacore.com/blog/chinese-new-year-shutdown-2021-how-to-prepare (almost back to normal four weeks after); Seller Union, "How Long do Factories Usually Shut Down for Chinese New Year?", https://seller-union.com/how-long-do-factories-usually-shut-down-for-chinese-new-year/ (up to a month to full capacity); checked 2026-12-02.',
                validators=[
                    django.core.validators.MinValueValidator(0),
                    django.core.validators.MaxValueValidator(8),
                ],
                verbose_name="Chinese New Year: back to full output, weeks after the festival",
            ),
        ),
        migrations.AddField(
            model_name="thresholds",
            name="cny_stop_before_days",
            field=models.PositiveSmallIntegerField(
                default=7,
                help_text='Workers leave to travel home; the festival\'s date each year comes from the holidays package. Public sources: FREJA, "Chinese New Year 2024", https://en.freja.com/news/chinese-new-year-2024; West World Trade, "Chinese New Year supply chain impact", https://westworldtrade.com/en/blog/chinese-new-year-supply-chain-impact (both: one week before); checked 2026-12-02.',
                validators=[
                    django.core.validators.MinValueValidator(0),
                    django.core.validators.MaxValueValidator(30),
                ],
                verbose_name="Chinese New Year: factories stop, days before the festival",
            ),
        ),
        migrations.AddField(
            model_name="thresholds",
            name="duty_eu_percent",
            field=models.PositiveSmallIntegerField(
                default=4,
                help_text='Imitation (base-metal) jewelry, CN 7117: the highest of the jewelry lines; silver (7113 11) is 2.5 %. Public sources: Union Cargo, "Importing jewellery from China" (updated 2024-01-29), https://unioncargo.pl/en/importing-jewellery-from-china/; DutyCalculator, heading 7117.90, http://www.dutycalculator.com/hs-code-duty-rate-import-restrictions/711790/jewellery-making-items/7117.90.9000/7117.90.0000/1163/ (4 % in EU member states); checked 2026-12-02.',
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="Import duty on jewelry, European Union (% of the unit price)",
            ),
        ),
        migrations.AddField(
            model_name="thresholds",
            name="duty_other_percent",
            field=models.PositiveSmallIntegerField(
                default=12,
                help_text="The world's average duty on imitation jewelry, for markets outside the US, EU and UK. Assumption: the public sources below do not confirm it. Public sources: DutyCalculator, heading 7117.90 (a global average of 12 %), http://www.dutycalculator.com/hs-code-duty-rate-import-restrictions/711790/jewellery-making-items/7117.90.9000/7117.90.0000/1163/; checked 2026-12-02.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="Import duty on jewelry, other markets (% of the unit price)",
            ),
        ),
        migrations.AddField(
            model_name="thresholds",
            name="duty_uk_percent",
            field=models.PositiveSmallIntegerField(
                default=4,
                help_text="The UK Global Tariff's rate for heading 7117 could not be checked: taken as the EU's. Assumption: the public sources below do not confirm it. Public sources: HMRC advance tariff ruling 600011324 (a steel charm bracelet: commodity code 7117190090, no rate), https://www.tax.service.gov.uk/search-for-advance-tariff-rulings/ruling/600011324; checked 2026-12-02.",
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="Import duty on jewelry, United Kingdom (% of the unit price)",
            ),
        ),
        migrations.AddField(
            model_name="thresholds",
            name="duty_us_percent",
            field=models.PositiveSmallIntegerField(
                default=19,
                help_text='Base-metal jewelry (HTS 7117.19.90) 11 % plus 7.5 % on Chinese goods (Section 301), rounded up; silver (7113.11.50) is 5 % plus 7.5 %. Surcharges added since 2025 change often and are not counted. Assumption: the public sources below do not confirm it. Public sources: HTS Hub, "7117 Imitation jewelry" (HTS 2024 Revision 9), https://htshub.com/us-hs/head/7117; HTS Hub, chapter 71, https://htshub.com/us-hs/chapter/71-6; checked 2026-12-02.',
                validators=[
                    django.core.validators.MinValueValidator(1),
                    django.core.validators.MaxValueValidator(100),
                ],
                verbose_name="Import duty on jewelry, United States (% of the unit price)",
            ),
        ),
        migrations.RunPython(carry_shutdown, restore_shutdown),
        migrations.RemoveField(
            model_name="historicalthresholds",
            name="cny_shutdown_weeks",
        ),
        migrations.RemoveField(
            model_name="thresholds",
            name="cny_shutdown_weeks",
        ),
        # A default, so that going backwards can add the column again to a table with rows.
        migrations.AlterField(
            model_name="quote",
            name="tooling_usd",
            field=models.PositiveIntegerField(default=0, verbose_name="tooling, all designs (USD)"),
        ),
        migrations.AddField(
            model_name="quote",
            name="tooling_per_design_usd",
            field=models.DecimalField(
                decimal_places=2,
                default=Decimal(0),
                max_digits=10,
                verbose_name="tooling per design (USD)",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(tooling_per_design, tooling_all_designs),
        migrations.RemoveField(
            model_name="quote",
            name="tooling_usd",
        ),
    ]
