"""The country-of-origin row says unmarked goods risk a 10 % marking duty; this names the source
of that figure beside the statute it already cited (checked on 26 November 2026):

- 19 U.S.C. 1304(i): articles not marked as the section requires pay an additional duty of
  10 per centum ad valorem unless exported, destroyed or properly marked under customs
  supervision. https://law.onecle.com/uscode/19/1304.html
- 19 CFR 134.2, Additional duties: "additional duties of 10 percent of the final appraised
  value unless exported or destroyed under Customs supervision prior to liquidation of the
  entry". https://lawserver.com/?p=28168458

Earlier migrations are never edited: a database that already ran 0016 gets the source here,
with a history record, as a staff edit would leave one.
"""

from django.db import migrations
from django.utils import timezone

SUBSTANCE = "Country-of-origin marking"
OLD_SOURCE = (
    "19 U.S.C. 1304: https://law.onecle.com/uscode/19/1304.html; "
    "Foreign Trade Association, country-of-origin marking: "
    "https://foreigntradeassociation.com/faq-items/"
    "what-are-the-requirements-for-country-of-origin-marking-on-imports-into-the-u-s/"
)
NEW_SOURCE = (
    "19 U.S.C. 1304 (subsection (i): 10 % additional duty on articles not marked): "
    "https://law.onecle.com/uscode/19/1304.html; "
    "19 CFR 134.2, Additional duties (10 percent of the final appraised value): "
    "https://lawserver.com/?p=28168458; "
    "Foreign Trade Association, country-of-origin marking: "
    "https://foreigntradeassociation.com/faq-items/"
    "what-are-the-requirements-for-country-of-origin-marking-on-imports-into-the-u-s/"
)


def _set_source(apps, old: str, new: str, reason: str) -> None:
    model = apps.get_model("advisor", "ComplianceRequirement")
    historical = apps.get_model("advisor", "HistoricalComplianceRequirement")
    # Only the seeded text: a source staff have rewritten since is theirs and stays.
    for row in model.objects.filter(market="us", substance=SUBSTANCE, source=old):
        row.source = new
        row.save(update_fields=["source"])
        historical.objects.create(
            **{field.attname: getattr(row, field.attname) for field in model._meta.concrete_fields},
            history_date=timezone.now(),
            history_type="~",
            history_change_reason=reason,
        )


def name_the_duty_source(apps, schema_editor):
    _set_source(apps, OLD_SOURCE, NEW_SOURCE, "Source of the 10 % marking duty named")


def unname_the_duty_source(apps, schema_editor):
    _set_source(apps, NEW_SOURCE, OLD_SOURCE, "Source of the 10 % marking duty taken back")


class Migration(migrations.Migration):
    dependencies = [("advisor", "0017_quotes_and_reruns")]

    operations = [migrations.RunPython(name_the_duty_source, unname_the_duty_source)]
