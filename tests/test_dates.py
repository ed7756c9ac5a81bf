"""The launch date as the page asks for it (YYYY-MM-DD), and the other ways of writing a date
that can mean only one day; one that could mean two is asked about, and every message names
what was typed (issue 27). No database needed."""

from datetime import date, timedelta

import pytest
from django import forms as django_forms
from django.utils import timezone

from advisor import forms
from advisor.forms.dates import read_date

NEXT_YEAR = timezone.localdate().year + 1


@pytest.mark.parametrize(
    "typed",
    [
        "2027-03-01",
        " 2027-03-01 ",
        "2027-3-1",
        "2027/03/01",
        "2027.03.01",
        "1 March 2027",
        "1st March 2027",
        "1 Mar 2027",
        "1 march, 2027",
        "March 1, 2027",
        "March 1st 2027",
        "Mar. 1, 2027",
    ],
)
def test_it_reads_iso_and_dates_written_out_as_one_day(typed):
    assert read_date(typed) == date(2027, 3, 1)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("25/12/2027", date(2027, 12, 25)),  # only a British reading exists
        ("12/25/2027", date(2027, 12, 25)),  # only an American one
        ("05.05.2027", date(2027, 5, 5)),  # both readings are the same day
        ("3 Sept 2027", date(2027, 9, 3)),
    ],
)
def test_it_reads_numbers_that_can_mean_only_one_day(typed, day):
    assert read_date(typed) == day


def test_it_asks_which_day_a_date_that_could_be_two_meant():
    with pytest.raises(django_forms.ValidationError) as refused:
        read_date("03/01/2027")
    (message,) = refused.value.messages
    assert message == (
        "“03/01/2027” could be 1 March 2027 or 3 January 2027. Which did you mean? "
        "Type it as YYYY-MM-DD: 2027-03-01 or 2027-01-03."
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("2027-02-30", "“2027-02-30” is not a real date. Enter a real date as YYYY-MM-DD"),
        ("31 April 2027", "“31 April 2027” is not a real date."),
        ("2027-13-01", "“2027-13-01” is not a real date."),
        ("next spring", "We could not read “next spring” as a date."),
        ("02/02/70301", "We could not read “02/02/70301” as a date."),
        ("1 Marchy 2027", "We could not read “1 Marchy 2027” as a date."),
        ("03/01/27", "Write the year of “03/01/27” in full"),
    ],
)
def test_a_date_it_cannot_read_is_named_in_the_message(typed, said):
    with pytest.raises(django_forms.ValidationError) as refused:
        read_date(typed)
    assert said in refused.value.messages[0]
    assert "for example 2027-03-01" in refused.value.messages[0]


def timeline(launch: str) -> forms.TimelineForm:
    return forms.TimelineForm(data={"launch_date": launch, "design_readiness": "none"})


def test_the_stored_answer_is_the_iso_date_whatever_way_it_was_written():
    form = timeline(f"1 March {NEXT_YEAR}")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["launch_date"] == date(NEXT_YEAR, 3, 1)
    # A saved answer comes back to the field as the hint writes it.
    saved = forms.TimelineForm(initial={"launch_date": date(NEXT_YEAR, 3, 1)})
    assert f'value="{NEXT_YEAR}-03-01"' in str(saved["launch_date"])


def test_the_field_is_a_text_box_with_the_format_in_its_hint():
    html = str(timeline("")["launch_date"])
    assert 'type="text"' in html and 'type="date"' not in html
    assert "Type it as YYYY-MM-DD, for example 2027-03-01." in str(
        forms.TimelineForm.base_fields["launch_date"].help_text
    )


def test_a_date_out_of_range_names_the_date_typed():
    today = timezone.localdate()
    past = today - timedelta(days=3)
    typed = f"{past.day} {past.strftime('%B')} {past.year}"
    message = timeline(typed).errors["launch_date"][0]
    assert message == (
        f"Choose a launch date after today ({today.isoformat()}), not {typed} ({past.isoformat()})."
    )
    far = forms.latest_launch(today) + timedelta(days=1)
    message = timeline(far.isoformat()).errors["launch_date"][0]
    assert message.endswith(f", not {far.isoformat()}.")
