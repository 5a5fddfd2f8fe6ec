"""Numbers, percents and dates follow the language, through Babel (CLDR)."""

import datetime

import pytest

from invite_triage.core import formats
from invite_triage.core.errors import InvalidInputError
from invite_triage.core.i18n import get_language, set_language

NBSP = "\u202f"  # the narrow no-break space before « % » in French
NNBSP = "\u202f"  # CLDR's French thousands separator


@pytest.fixture
def french():
    before = get_language()
    set_language("fr")
    yield
    set_language(before)


def test_percent_in_each_language():
    assert formats.percent(0.125, "en", 1) == "12.5%"
    assert formats.percent(0.125, "fr", 1) == f"12,5{NBSP}%"
    assert formats.percent(0.5, "en") == "50%"
    assert formats.percent(0.004, "fr") == f"0{NBSP}%"


def test_number_and_decimal():
    assert formats.number(12345.678, "en", 1) == "12,345.7"
    assert formats.number(12345.678, "fr", 1) == f"12{NNBSP}345,7"
    assert formats.number(3.0, "fr") == "3"
    assert formats.decimal(0.5, 2, "fr") == "0,50"
    assert formats.decimal(0.5, 2, "en") == "0.50"


def test_date_in_words():
    day = datetime.date(2026, 2, 14)
    assert formats.date(day, "en") == "14 February 2026"
    assert formats.date(day, "fr") == "14 février 2026"
    assert formats.date(datetime.datetime(2026, 2, 14, 9, 30), "fr") == "14 février 2026"


def test_none_means_the_process_language(french):
    assert formats.percent(0.125, digits=1) == f"12,5{NBSP}%"
    assert formats.date(datetime.date(2026, 2, 14)) == "14 février 2026"


def test_bad_inputs_are_named():
    with pytest.raises(InvalidInputError):
        formats.percent(0.1, "xx")
    with pytest.raises(InvalidInputError):
        formats.number(1.0, "en", digits=-1)


def test_share_is_a_dash_when_undefined():
    assert formats.share(float("nan"), "fr") == "—"
    assert formats.share(None, "en") == "—"
    assert formats.share(0.25, "en") == "25%"
