"""The compliance requirements table, seeded with the rules as checked on 26 November 2026.

Every figure below was checked against the public sources named in its row's `source` (shown
in admin) and repeated here:

EU and UK, REACH Annex XVII (UK REACH copied Annex XVII into UK law on 31 December 2020):
- entry 27, nickel: 0.5 µg/cm²/week for articles in direct and prolonged skin contact, 0.2 for
  posts in pierced ears and other pierced parts, coatings to hold 0.5 for two years; CEN
  standards as the test methods (EN 1811; EN 12472 wear simulation for coated items).
  Entry text: http://lamez.teg.co.uk/nickel/reach-17-27.htm; ChemSafetyPro:
  http://www.chemsafetypro.com/Topics/Restriction/reach_annex_XVII_nickle_compounds.html;
  methods: http://ww.professional-laboratory.com/product_40.html
- entry 23 paragraph 10, cadmium: below 0.01 % by weight of the metal, in each metal part.
  ECHA Q&A 158: https://echa.europa.eu/support/qas-support/browse/-/qa/70Qx/view/ids/158;
  no method named in the entry; the Sheffield Assay Office recommends ICP-OES:
  http://www.assayoffice.co.uk/latest-news-and-press/cadmium-content-testing-legislation
- entry 63 paragraphs 1 to 5, lead: below 0.05 % by weight in any individual part of jewellery.
  UL: https://www.ul.com/consumer-retail-services/en/news-events/ec-schedules-review-restriction-lead-pah-jewellery/;
  Tukes: http://www.tukes.fi/en/Branches/Articles-of-precious-metals/Regulations-on-articles-of-precious-metals-watches-and-baubles/Lead/;
  exemptions: https://www.intertek.com.cn/Readingen_itemid_10428.html
- UK REACH: https://www.ul.com/news/uk-announces-first-post-brexit-chemical-restrictions;
  https://assayoffice.co.uk/news/how-does-brexit-affect-reach

US:
- CPSIA section 101 (15 U.S.C. 1278a): 100 ppm total lead in accessible components of
  children's products; 16 CFR 1303: 90 ppm in paint and similar surface coatings (electroplating
  is not a surface coating). https://cpsc.gov/Business--Manufacturing/Business-Education/Lead/Lead-in-Paint/;
  https://cpsc.gov/Business--Manufacturing/Business-Education/Lead/Total-Lead-Content-Business-Guidance-and-Small-Entity-Compliance-Guide;
  methods CPSC-CH-E1001-08.3 / E1002-08.3: https://www.intertek.com.cn/Readingen_itemid_101232_lcid_40.html
- ASTM F2923 (children's jewelry, 12 and under) and ASTM F2999 (adult jewelry): scopes at
  https://en-standard.eu/astm-f2923-20-standard-specification-for-consumer-product-safety-for-children-x2019-s-jewelry
  and https://bsbedge.com/standard/standard-consumer-safety-specification-for-adult-jewelry/ASTM084618.
  Their own limits are in the standards, which are sold: not repeated here.
- California Health and Safety Code 25214.1 to 25214.4.2 as amended by SB 647 (2019):
  children (under 15): lead 100 ppm per accessible component, 90 ppm in coatings; cadmium 300
  ppm per component, 75 ppm soluble cadmium in coatings; EPA methods 3050B, 3051A, 3052.
  Other jewelry: lead below 0.05 % (500 ppm) in electroplated and unplated metal, dyes and
  surface coatings and other materials, below 0.02 % (200 ppm) in plastic or rubber. (One summary,
  Mondaq, gives 0.5 % for unplated metal; UL repeats the Legislative Counsel's digest, 0.05 %,
  and SGS says the limits were aligned with REACH entry 63: 0.05 % is seeded.)
  https://open.pluralpolicy.com/ca/bills/20192020/SB647;
  https://www.finanznachrichten.de/nachrichten-2019-10/47898178-sgs-ag-california-strengthens-metal-containing-jewelry-law-353.htm;
  https://dtsc.ca.gov/toxics-in-products/cadmium-information-for-businesses/;
  https://crs.ul.com/en/news-events/california-passes-legislature-tighten-existing-restrictions-metal-containing-jewelry/;
  http://mondaq.com/unitedstates/x/855176/Chemicals/California+Adopts+Stricter+Limits+On+Lead+And+Cadmium+In+Jewelry;
  https://www.hqts.com/news/us-california-approved-amending-lead-and-cadmium-requirements-for-jewelry/
- Proposition 65: clear and reasonable warnings, businesses with 10 or more employees,
  including online sales. https://www.p65warnings.ca.gov/about-proposition-65
- 19 U.S.C. 1304: English name of the country of origin, conspicuous, legible, indelible,
  permanent. https://law.onecle.com/uscode/19/1304.html
- FTC Jewelry Guides, 16 CFR 23.3 and 23.4: gold electroplate at least 10 K and 7/1,000,000 in
  of fine gold (https://checkoutapi.com/regulations/title16_chapterI_part23_section23.3;
  http://www.langantiques.com/university/index.php/Gold_Electroplate); heavy gold electroplate
  10 K and 100/1,000,000 in (http://goldplating.com/e-mailanswers/Q250305.htm); vermeil:
  sterling silver with 10 K gold of 100/1,000,000 in (the pre-2018 text, then 23.5:
  http://federal.elaws.us/cfr/title16.part23.section23.5; 23.4 since 83 FR 40665,
  https://thefederalregister.org/83-FR/40665); thinner: "gold flashed" or "gold washed".
  The Guides give inches; the microns beside them are our conversion (1 in = 25.4 mm: 7
  millionths = 0.178 µm, 100 millionths = 2.54 µm), said as "about 0.18" and "about 2.5".
  Secondary sources write 0.175 µm (goldplating.us) or 0.18 µm (goldplating.com); the inch
  figure is the one seeded.
"""

# Generated by Django 5.2.19 on 2026-11-26 08:59

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


_NICKEL_SOURCE = (
    "REACH Annex XVII entry 27, text: http://lamez.teg.co.uk/nickel/reach-17-27.htm; "
    "ChemSafetyPro, REACH Annex XVII nickel: "
    "http://www.chemsafetypro.com/Topics/Restriction/reach_annex_XVII_nickle_compounds.html; "
    "EN 1811 and EN 12472 as reference methods: http://ww.professional-laboratory.com/product_40.html"
)
_CADMIUM_SOURCE = (
    "ECHA Q&A 158 on entry 23: "
    "https://echa.europa.eu/support/qas-support/browse/-/qa/70Qx/view/ids/158; "
    "Sheffield Assay Office, Cadmium content testing legislation: "
    "http://www.assayoffice.co.uk/latest-news-and-press/cadmium-content-testing-legislation"
)
_LEAD_SOURCE = (
    "UL, EC schedules review of restriction of lead in jewellery (entry 63): "
    "https://www.ul.com/consumer-retail-services/en/news-events/"
    "ec-schedules-review-restriction-lead-pah-jewellery/; "
    "Tukes, Lead: http://www.tukes.fi/en/Branches/Articles-of-precious-metals/"
    "Regulations-on-articles-of-precious-metals-watches-and-baubles/Lead/; "
    "Intertek, lead in jewelry and its exemptions: "
    "https://www.intertek.com.cn/Readingen_itemid_10428.html"
)
_UK_SOURCE = (
    "UL, UK announces first post-Brexit chemical restrictions (Annex XVII copied into UK law "
    "on 31 December 2020): https://www.ul.com/news/uk-announces-first-post-brexit-chemical-restrictions; "
    "Assay Office, How does Brexit affect REACH?: "
    "https://assayoffice.co.uk/news/how-does-brexit-affect-reach"
)


def _reach_rows(market: str, regulation: str, extra_source: str = "") -> list[dict]:
    def source(own: str) -> str:
        return f"{own}; {extra_source}" if extra_source else own

    return [
        {
            "market": market,
            "wearers": "all",
            "order": 10,
            "substance": "Nickel release",
            "limit": "0.5 µg/cm²/week on the skin; 0.2 µg/cm²/week for piercing posts",
            "test_method": "EN 1811 (coated parts after EN 12472)",
            "regulation": f"{regulation}, entry 27 (nickel)",
            "text": (
                "The 0.5 limit is for parts in direct and prolonged contact with the skin; a "
                "coating over nickel must keep release under it for two years of normal use, "
                "so coated parts are tested after the EN 12472 wear and corrosion simulation. "
                "Send an accredited laboratory's EN 1811 report for every metal part that "
                "touches the skin, and for earring posts against the 0.2 limit."
            ),
            "source": source(_NICKEL_SOURCE),
        },
        {
            "market": market,
            "wearers": "all",
            "order": 20,
            "substance": "Cadmium",
            "limit": "below 0.01 % by weight (100 mg/kg) in each metal part",
            "test_method": "total cadmium by acid digestion and ICP-OES",
            "regulation": f"{regulation}, entry 23, paragraph 10 (cadmium in jewellery)",
            "text": (
                "The entry names no test method: laboratories digest each metal part, its "
                "plating counted with it, and measure total cadmium by ICP-OES (XRF only as a "
                "screen). Send an accredited laboratory's report for each metal part."
            ),
            "source": source(_CADMIUM_SOURCE),
        },
        {
            "market": market,
            "wearers": "all",
            "order": 30,
            "substance": "Lead",
            "limit": "below 0.05 % by weight (500 mg/kg) in any part",
            "test_method": "total lead by acid digestion and ICP (confirm with the laboratory)",
            "regulation": f"{regulation}, entry 63, paragraphs 1 to 5 (lead in jewellery)",
            "text": (
                "The entry names no test method; exemptions include crystal glass, enamels and "
                "natural precious or semi-precious stones not treated with lead. Send an "
                "accredited laboratory's report of total lead for each part of the piece."
            ),
            "source": source(_LEAD_SOURCE),
        },
    ]


_US_ROWS = [
    {
        "market": "us",
        "wearers": "children",
        "order": 10,
        "substance": "Lead in children's products (CPSIA)",
        "limit": "100 ppm in each accessible part; 90 ppm in paint and coatings",
        "test_method": "CPSC-CH-E1001-08.3 / E1002-08.3, CPSC-accepted laboratory",
        "regulation": "CPSIA section 101 (15 U.S.C. 1278a); 16 CFR part 1303 (lead paint)",
        "text": (
            "Electroplating counts as part of the substrate (100 ppm), not as a coating. "
            "Children's products need third-party tests by a CPSC-accepted laboratory and a "
            "Children's Product Certificate. Send the lead reports for every accessible part."
        ),
        "source": (
            "CPSC, Lead in Paint: "
            "https://cpsc.gov/Business--Manufacturing/Business-Education/Lead/Lead-in-Paint/; "
            "CPSC, Total Lead Content business guidance: "
            "https://cpsc.gov/Business--Manufacturing/Business-Education/Lead/"
            "Total-Lead-Content-Business-Guidance-and-Small-Entity-Compliance-Guide; "
            "CPSC test methods: http://www.cpsc.gov/info/toysafety/leadlab.html; "
            "Intertek on ASTM F2999-19 (methods E1001-08.3, E1002-08.3): "
            "https://www.intertek.com.cn/Readingen_itemid_101232_lcid_40.html"
        ),
    },
    {
        "market": "us",
        "wearers": "children",
        "order": 20,
        "substance": "Children's jewelry safety (ASTM F2923)",
        "limit": "as the standard sets them (metals, nickel, magnets, batteries, small parts)",
        "test_method": "ASTM F2923-20 or later",
        "regulation": (
            "ASTM F2923, Standard Specification for Consumer Product Safety for Children's "
            "Jewelry (children 12 and under)"
        ),
        "text": (
            "The standard covers lead, cadmium and other elements, nickel, magnets, batteries "
            "and mechanical hazards; its figures are in the standard, which is sold. Send an "
            "accredited laboratory's report against ASTM F2923."
        ),
        "source": (
            "ASTM F2923-20, scope: https://en-standard.eu/"
            "astm-f2923-20-standard-specification-for-consumer-product-safety-for-children-x2019-s-jewelry; "
            "Eurofins BLC, cadmium in ASTM F2923: "
            "https://blcchemicaltesting.com/chemical-testing/cadmium-testing-analysis-products/"
        ),
    },
    {
        "market": "us",
        "wearers": "adults",
        "order": 30,
        "substance": "Adult jewelry safety (ASTM F2999)",
        "limit": "as the standard sets them (metals, nickel, body piercing)",
        "test_method": "ASTM F2999-19 or later",
        "regulation": "ASTM F2999, Standard Consumer Safety Specification for Adult Jewelry",
        "text": (
            "The standard covers lead, cadmium and other elements in substrates and coatings, "
            "nickel, body-piercing jewelry and mechanical hazards; its figures are in the "
            "standard, which is sold. Send an accredited laboratory's report against ASTM F2999."
        ),
        "source": (
            "ASTM F2999, scope and sections: https://bsbedge.com/standard/"
            "standard-consumer-safety-specification-for-adult-jewelry/ASTM084618; "
            "Intertek on ASTM F2999-19: "
            "https://www.intertek.com.cn/Readingen_itemid_101232_lcid_40.html"
        ),
    },
    {
        "market": "us",
        "wearers": "children",
        "order": 40,
        "substance": "Lead and cadmium in California (children's jewelry)",
        "limit": "lead 100 ppm (coatings 90); cadmium 300 ppm (soluble, in coatings, 75)",
        "test_method": "EPA 3050B, 3051A or 3052",
        "regulation": (
            "California Health and Safety Code 25214.1 to 25214.4.2 (metal-containing jewelry), "
            "as amended by SB 647 (2019)"
        ),
        "text": (
            "Lead 100 ppm (0.01 %) in each accessible component, 90 ppm in surface coatings; "
            "cadmium 300 ppm (0.03 %) in each component, 75 ppm soluble cadmium in surface "
            "coatings. Lead may also be tested by the CPSIA methods. California counts jewelry "
            "made or marketed for anyone under 15 as children's jewelry. Send the maker's lead "
            "and cadmium certification and the laboratory report."
        ),
        "source": (
            "California DTSC, Cadmium information for businesses: "
            "https://dtsc.ca.gov/toxics-in-products/cadmium-information-for-businesses/; "
            "California Legislative Information, HSC Article 10.1.1: "
            "https://leginfo.legislature.ca.gov/faces/codes_displayText.xhtml?lawCode=HSC"
            "&division=20.&title=&part=&chapter=6.5.&article=10.1.1; "
            "Mondaq, California adopts stricter limits on lead and cadmium in jewelry: "
            "http://mondaq.com/unitedstates/x/855176/Chemicals/"
            "California+Adopts+Stricter+Limits+On+Lead+And+Cadmium+In+Jewelry; "
            "HQTS, California amends lead and cadmium requirements for jewelry: "
            "https://www.hqts.com/news/us-california-approved-amending-lead-and-cadmium-requirements-for-jewelry/"
        ),
    },
    {
        "market": "us",
        "wearers": "adults",
        "order": 50,
        "substance": "Lead in California (jewelry other than children's)",
        "limit": "lead below 0.05 % (500 ppm) in metal and coatings; 0.02 % in plastic",
        "test_method": "EPA 3050B, 3051A or 3052",
        "regulation": ("California Health and Safety Code 25214.2(a), as amended by SB 647 (2019)"),
        "text": (
            "Jewelry made only of the listed materials (such as stainless steel, karat gold and "
            "sterling silver) passes; otherwise electroplated and unplated metal, dyes, surface "
            "coatings and other materials below 0.05 % (500 ppm) lead by weight, plastic or "
            "rubber below 0.02 % (200 ppm). Jewelry marketed to 12 to 14 year-olds counts as "
            "children's jewelry in California. Send the maker's lead certification and the "
            "laboratory report."
        ),
        "source": (
            "UL, California passes legislation to tighten restrictions on metal-containing "
            "jewelry: https://crs.ul.com/en/news-events/"
            "california-passes-legislature-tighten-existing-restrictions-metal-containing-jewelry/; "
            "SB 647 Legislative Counsel's digest: https://open.pluralpolicy.com/ca/bills/20192020/SB647; "
            "SGS, California strengthens metal-containing jewelry law (aligned with REACH entry 63): "
            "https://www.finanznachrichten.de/nachrichten-2019-10/"
            "47898178-sgs-ag-california-strengthens-metal-containing-jewelry-law-353.htm; "
            "Mondaq, California adopts stricter limits on lead and cadmium in jewelry: "
            "http://mondaq.com/unitedstates/x/855176/Chemicals/"
            "California+Adopts+Stricter+Limits+On+Lead+And+Cadmium+In+Jewelry; "
            "California Legislative Information, HSC Article 10.1.1: "
            "https://leginfo.legislature.ca.gov/faces/codes_displayText.xhtml?lawCode=HSC"
            "&division=20.&title=&part=&chapter=6.5.&article=10.1.1"
        ),
    },
    {
        "market": "us",
        "wearers": "all",
        "order": 60,
        "substance": "California Proposition 65 warning",
        "limit": "a warning for lead or cadmium exposure, unless not significant",
        "test_method": "none set: read from the lead and cadmium reports",
        "regulation": (
            "Safe Drinking Water and Toxic Enforcement Act of 1986 (Proposition 65), Health and "
            "Safety Code 25249.5 et seq."
        ),
        "text": (
            "A clear and reasonable warning before exposing anyone in California to a listed "
            "chemical (lead and cadmium among them), unless the exposure poses no significant "
            "risk. Applies to businesses with 10 or more employees selling into California, "
            "online sales included. Agree who puts any warning on the packaging."
        ),
        "source": (
            "OEHHA, About Proposition 65: https://www.p65warnings.ca.gov/about-proposition-65; "
            "Source Intelligence, warnings only for significant exposure: "
            "https://help.sourceintelligence.com/en/articles/"
            "5059217-do-i-have-to-warn-under-prop-65-if-there-is-no-exposure; "
            "California Consumer Product Law Blog (lead and cadmium; HSC 25249.5 et seq.): "
            "http://calconsumerproductlaw.com/author/eileen-nottoli/page/7/"
        ),
    },
    {
        "market": "us",
        "wearers": "all",
        "order": 70,
        "substance": "Country-of-origin marking",
        "limit": "the English name of the country of origin on each piece or its box",
        "test_method": "checked at the pre-shipment inspection",
        "regulation": "19 U.S.C. 1304 (Tariff Act of 1930, section 304); 19 CFR part 134",
        "text": (
            "Each article (or its container, where allowed) is marked in a conspicuous place, "
            "as legibly, indelibly and permanently as the article allows. Agree where the "
            "origin is marked (piece, tag or packaging) before production; unmarked goods risk "
            "10 % marking duties or re-export."
        ),
        "source": (
            "19 U.S.C. 1304: https://law.onecle.com/uscode/19/1304.html; "
            "Foreign Trade Association, country-of-origin marking: "
            "https://foreigntradeassociation.com/faq-items/"
            "what-are-the-requirements-for-country-of-origin-marking-on-imports-into-the-u-s/"
        ),
    },
    {
        "market": "us",
        "wearers": "all",
        "plating": "gold",
        "order": 80,
        "substance": "Gold plating terms (FTC)",
        "limit": (
            "gold electroplate: 10K, 7/1,000,000 in (about 0.18 µm); heavy gold electroplate, "
            "vermeil: 10K, 100/1,000,000 in (about 2.5 µm)"
        ),
        "test_method": "karat and thickness in microns, on the laboratory's report",
        "regulation": (
            "FTC Guides for the Jewelry, Precious Metals, and Pewter Industries, 16 CFR part 23 "
            "(23.3 gold, 23.4 vermeil)"
        ),
        "text": (
            '"Gold electroplate": at least 10 karat and 7/1,000,000 in (about 0.18 µm) of fine '
            'gold; "heavy gold electroplate": at least 10 karat and 100/1,000,000 in (about '
            '2.5 µm); "vermeil": sterling silver plated with at least 10 karat gold of 100/'
            '1,000,000 in; thinner than 7/1,000,000 in: only "gold flashed" or "gold washed". '
            "Quote the karat and the plating thickness in microns, and mark the karat before "
            'the term, as in "14K gold electroplate".'
        ),
        "source": (
            "16 CFR 23.3, Misrepresentation as to gold content: "
            "https://checkoutapi.com/regulations/title16_chapterI_part23_section23.3; "
            "Gold electroplate, 7 millionths of an inch of fine gold: "
            "http://www.langantiques.com/university/index.php/Gold_Electroplate; "
            "16 CFR, vermeil (pre-2018 numbering, 23.5): "
            "http://federal.elaws.us/cfr/title16.part23.section23.5; "
            "Gold plating standards (7 and 100 micro-inches): "
            "http://goldplating.com/e-mailanswers/Q250305.htm; "
            "Federal Register 83 FR 40665 (2018 revision of the Guides): "
            "https://thefederalregister.org/83-FR/40665"
        ),
    },
]

SEED = [
    *_US_ROWS,
    *_reach_rows("eu", "REACH, Regulation (EC) No 1907/2006, Annex XVII"),
    *_reach_rows("uk", "UK REACH (retained Regulation (EC) No 1907/2006), Annex XVII", _UK_SOURCE),
]
_KEY = ("market", "wearers", "plating", "substance")


def seed(apps, schema_editor):
    """Loads the requirements, each with a first history record to compare later edits with."""
    model = apps.get_model("advisor", "ComplianceRequirement")
    historical = apps.get_model("advisor", "HistoricalComplianceRequirement")
    for values in SEED:
        row = model.objects.create(**values)
        historical.objects.create(
            id=row.pk,
            history_date=timezone.now(),
            history_type="+",
            history_change_reason="Loaded by the seed migration",
            **{"plating": "", **values},
        )


def unseed(apps, schema_editor):
    model = apps.get_model("advisor", "ComplianceRequirement")
    for values in SEED:
        key = {"plating": "", **{k: v for k, v in values.items() if k in _KEY}}
        model.objects.filter(**key).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0015_shutdown_bounds"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ComplianceRequirement",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "market",
                    models.CharField(
                        choices=[
                            ("us", "United States"),
                            ("eu", "European Union"),
                            ("uk", "United Kingdom"),
                        ],
                        max_length=2,
                        verbose_name="market",
                    ),
                ),
                (
                    "wearers",
                    models.CharField(
                        choices=[
                            ("all", "All wearers"),
                            ("children", "Children (12 and under)"),
                            ("adults", "Adults (over 12)"),
                        ],
                        max_length=10,
                        verbose_name="applies to",
                    ),
                ),
                (
                    "plating",
                    models.CharField(
                        blank=True,
                        choices=[("", "Whatever the plating"), ("gold", "Only gold plating")],
                        default="",
                        max_length=10,
                        verbose_name="plating",
                    ),
                ),
                (
                    "substance",
                    models.CharField(
                        help_text="For example: Nickel release.",
                        max_length=120,
                        verbose_name="substance or property",
                    ),
                ),
                ("limit", models.CharField(max_length=500, verbose_name="limit")),
                ("test_method", models.CharField(max_length=300, verbose_name="test method")),
                ("regulation", models.CharField(max_length=200, verbose_name="regulation")),
                (
                    "text",
                    models.TextField(
                        help_text="One or two short sentences.",
                        verbose_name="text for the buyer and the factory",
                    ),
                ),
                (
                    "source",
                    models.TextField(
                        help_text="The title and address of each public source the figures were checked against.",
                        verbose_name="public source",
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Position within its market in the request.",
                        verbose_name="order",
                    ),
                ),
                (
                    "active",
                    models.BooleanField(
                        default=True,
                        help_text="Inactive requirements are left out of requests.",
                        verbose_name="active",
                    ),
                ),
            ],
            options={
                "verbose_name": "compliance requirement",
                "verbose_name_plural": "compliance requirements",
                "ordering": ["market", "order", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalComplianceRequirement",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "market",
                    models.CharField(
                        choices=[
                            ("us", "United States"),
                            ("eu", "European Union"),
                            ("uk", "United Kingdom"),
                        ],
                        max_length=2,
                        verbose_name="market",
                    ),
                ),
                (
                    "wearers",
                    models.CharField(
                        choices=[
                            ("all", "All wearers"),
                            ("children", "Children (12 and under)"),
                            ("adults", "Adults (over 12)"),
                        ],
                        max_length=10,
                        verbose_name="applies to",
                    ),
                ),
                (
                    "plating",
                    models.CharField(
                        blank=True,
                        choices=[("", "Whatever the plating"), ("gold", "Only gold plating")],
                        default="",
                        max_length=10,
                        verbose_name="plating",
                    ),
                ),
                (
                    "substance",
                    models.CharField(
                        help_text="For example: Nickel release.",
                        max_length=120,
                        verbose_name="substance or property",
                    ),
                ),
                ("limit", models.CharField(max_length=500, verbose_name="limit")),
                ("test_method", models.CharField(max_length=300, verbose_name="test method")),
                ("regulation", models.CharField(max_length=200, verbose_name="regulation")),
                (
                    "text",
                    models.TextField(
                        help_text="One or two short sentences.",
                        verbose_name="text for the buyer and the factory",
                    ),
                ),
                (
                    "source",
                    models.TextField(
                        help_text="The title and address of each public source the figures were checked against.",
                        verbose_name="public source",
                    ),
                ),
                (
                    "order",
                    models.PositiveSmallIntegerField(
                        default=0,
                        help_text="Position within its market in the request.",
                        verbose_name="order",
                    ),
                ),
                (
                    "active",
                    models.BooleanField(
                        default=True,
                        help_text="Inactive requirements are left out of requests.",
                        verbose_name="active",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical compliance requirement",
                "verbose_name_plural": "historical compliance requirements",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RunPython(seed, unseed),
    ]
