"""Time expressions in Indonesian and English: values, anchors, and the false-positive traps."""
from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.time.recognizer import find_times

PUB = dt.date(2025, 7, 12)  # a Saturday


def values(text, lang, published=PUB):
    return [(t.text, t.value.value) for t in find_times(text, lang, published)]


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "pada hari Sabtu", "2025-07-12"),           # same weekday = publication day
    ("id", "pada hari Jumat", "2025-07-11"),
    ("id", "Senin lalu", "2025-07-07"),
    ("id", "Senin depan", "2025-07-14"),
    ("id", "Senin (7/7/2025)", "2025-07-07"),
    ("id", "(8/7/2025)", "2025-07-08"),                 # day/month order by language
    ("id", "7 Juli 2025", "2025-07-07"),
    ("id", "pada November 2024", "2024-11"),
    ("id", "tahun 2024", "2024"),
    ("id", "tahun 1990-an", "199"),
    ("id", "kemarin", "2025-07-11"),
    ("id", "besok", "2025-07-13"),
    ("id", "tahun lalu", "2024"),
    ("id", "bulan lalu", "2025-06"),
    ("id", "bulan ini", "2025-07"),
    ("id", "tiga hari lalu", "2025-07-09"),
    ("id", "dua pekan mendatang", "2025-W30"),
    ("id", "pukul 14.00 WIB", "2025-07-12T14:00"),
    ("id", "selama dua pekan", "P2W"),
    ("id", "setiap tahun", "P1Y"),
    ("id", "beberapa pekan terakhir", "PAST_REF"),
    ("id", "saat ini", "PRESENT_REF"),
    ("en", "on Saturday", "2025-07-12"),
    ("en", "last Monday", "2025-07-07"),
    ("en", "next Monday", "2025-07-14"),
    ("en", "July 7, 2025", "2025-07-07"),
    ("en", "07/08/2025", "2025-07-08"),                 # month/day in English
    ("en", "July 2025", "2025-07"),
    ("en", "in 1998", "1998"),
    ("en", "the 1990s", "199"),
    ("en", "yesterday", "2025-07-11"),
    ("en", "three days ago", "2025-07-09"),
    ("en", "last year", "2024"),
    ("en", "this month", "2025-07"),
    ("en", "2 p.m.", "2025-07-12T14:00"),
    ("en", "for 10 years", "P10Y"),
    ("en", "every week", "P1W"),
    ("en", "recently", "PAST_REF"),
])
def test_values(lang, text, expected):
    assert values(text, lang) == [(values(text, lang)[0][0], expected)]


@pytest.mark.parametrize("lang, text", [
    ("id", "10.000 tentara dan 100 rudal"), ("id", "Mei Ling datang"), ("id", "Juni Mawar tersenyum"),
    ("id", "sekitar 00 WIB"), ("id", "pandemi COVID-19"), ("id", "telepon 021-555-1234"),
    ("en", "10,000 troops and 100 missiles"), ("en", "you may go"), ("en", "they march on"),
    ("en", "under the sun"), ("en", "he sat down"), ("en", "COVID-19 cases"), ("en", "call 555-1234"),
])
def test_no_false_positives(lang, text):
    assert values(text, lang) == []


def test_periods_have_bounds():
    (early,) = find_times("awal Juli", "id", PUB)
    assert (early.value.earliest, early.value.latest) == (dt.date(2025, 7, 1), dt.date(2025, 7, 10))
    (mid,) = find_times("mid-2024", "en", PUB)
    assert mid.value.earliest > dt.date(2024, 4, 1) and mid.value.latest < dt.date(2024, 10, 1)
    (month,) = find_times("November 2024", "en", PUB)
    assert (month.value.precision, month.value.latest) == ("month", dt.date(2024, 11, 30))


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Pada hari Rabu, Moskow menyerang. Keesokan harinya, Kyiv diserang.", "2025-07-10"),
    ("id", "Choe tiba pada November 2024. Saat itu, Lavrov memuji.", "2024-11"),
    ("en", "They met on Wednesday. The next day, talks resumed.", "2025-07-10"),
    ("en", "It happened in March 2020. At that time, few noticed.", "2020-03"),
])
def test_anaphora_uses_the_previous_time(lang, text, expected):
    last = find_times(text, lang, PUB)[-1]
    assert (last.value.value, last.anchor) == (expected, "previous")


def test_relative_dates_without_publication_date_stay_unanchored():
    (weekday,) = find_times("pada hari Sabtu", "id", None)
    assert weekday.anchor == "none" and weekday.value.earliest is None
    (absolute,) = find_times("7 Juli 2025", "id", None)
    assert absolute.value.value == "2025-07-07"


def test_part_of_day_joins_the_day():
    (t,) = find_times("hingga siang hari pada hari Sabtu", "id", PUB)
    assert (t.text, t.value.value) == ("siang hari pada hari Sabtu", "2025-07-12")


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "pada Februari", "2025-02"),                   # month alone after a preposition: this year
    ("id", "sejak Desember", "2024-12"),                  # ... or last year when it lies far after the DCT
    ("id", "pada akhir Agustus", "2025-08"),              # ... but a month soon after the DCT is this year's
    ("id", "Dia akan datang pada Desember", "2025-12"),   # ... unless the sentence looks forward
    ("id", "sejak 2004 ia", "2004"),
    ("id", "perjanjian 1991 itu", "1991"),
    ("id", "kuartal pertama 2024", "2024-Q1"),
    ("id", "dua tahun terakhir", "P2Y"),
    ("id", "Mereka akan bertemu pada hari Senin", "2025-07-14"),
    ("en", "in February", "2025-02"),
    ("en", "since 2004", "2004"),
    ("en", "the 1991 settlement", "1991"),
    ("en", "the first quarter of 2008", "2008-Q1"),
    ("en", "Q3 2024", "2024-Q3"),
    ("en", "during the last quarter", "2025-Q2"),
    ("en", "its annual conference", "P1Y"),
    ("en", "over the past three years", "P3Y"),
    ("en", "the past decade", "P10Y"),
    ("en", "They will meet on Monday", "2025-07-14"),
])
def test_more_values(lang, text, expected):
    found = values(text, lang)
    assert len(found) == 1 and found[0][1] == expected, found


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "Ia ditangkap pada 3 Maret 2024. Tiga hari kemudian ia dibebaskan.", "2024-03-06"),
    ("en", "He was arrested on March 3, 2024. Three days later he was freed.", "2024-03-06"),
])
def test_counted_anaphora(lang, text, expected):
    assert find_times(text, lang, PUB)[-1].value.value == expected


@pytest.mark.parametrize("lang, text", [
    ("id", "sebanyak 2000 orang mengungsi"), ("en", "some 2000 troops crossed"), ("en", "up 2015%"),
    ("id", "Mei Ling datang"), ("en", "April Smith spoke"),
])
def test_year_and_month_traps(lang, text):
    assert values(text, lang) == []


def test_english_n_units_after_an_event_is_a_duration():
    assert values("five years after its launch", "en") == [("five years", "P5Y")]


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "dua belas hari lalu", "2025-06-30"),
    ("id", "dua puluh lima tahun lalu", "2000"),
    ("id", "seratus tahun lalu", "1925"),
    ("en", "twenty-five years ago", "2000"),
    ("en", "a hundred years ago", "1925"),
    ("en", "fourteen days ago", "2025-06-28"),
])
def test_number_words(lang, text, expected):
    assert values(text, lang)[0][1] == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "akhir pekan lalu", "2025-W27-WE"), ("id", "akhir pekan ini", "2025-W28-WE"),
    ("en", "last weekend", "2025-W27-WE"), ("en", "next weekend", "2025-W29-WE"),
])
def test_weekends(lang, text, expected):
    assert values(text, lang, dt.date(2025, 7, 9)) == [(text, expected)]


@pytest.mark.parametrize("lang, text, span", [
    ("id", "bertemu pada hari Sabtu", "hari Sabtu"), ("id", "sejak 2004", "2004"),
    ("en", "met on Saturday", "Saturday"), ("en", "for 10 years", "10 years"),
])
def test_spans_leave_out_leading_prepositions(lang, text, span):
    assert [t.text for t in find_times(text, lang, PUB)] == [span]


# ---------------------------------------------------------------- edges of the calendar, odd words
FIRST_DAY, LAST_DAY = dt.date.min, dt.date.max  # 0001-01-01, 9999-12-31
RELATIVE = [
    ("id", "kemarin"), ("id", "besok"), ("id", "lusa"), ("id", "tahun depan"), ("id", "tahun lalu"),
    ("id", "1 tahun lalu"), ("id", "abad lalu"), ("id", "abad ke-21"), ("id", "pada Desember"), ("id", "31 Desember"),
    ("id", "akhir pekan depan"), ("id", "akhir pekan lalu"), ("id", "Senin lalu"), ("id", "Jumat pekan depan"),
    ("id", "tadi malam"), ("id", "akhir abad ini"), ("id", "awal tahun depan"), ("id", "pertengahan hari ini"),
    ("en", "yesterday"), ("en", "tomorrow morning"), ("en", "next year"), ("en", "last year"), ("en", "next century"),
    ("en", "next decade"), ("en", "last Monday"), ("en", "next Monday"), ("en", "Monday next week"),
    ("en", "last weekend"), ("en", "next weekend"), ("en", "the last quarter"), ("en", "the end of this century"),
    ("en", "They met in 2020. Two weeks later they left."),
]


@pytest.mark.parametrize("published", [FIRST_DAY, LAST_DAY], ids=["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("lang, text", RELATIVE)
def test_relative_expressions_at_the_ends_of_the_calendar_do_not_crash(lang, text, published):
    for t in find_times(text, lang, published):
        assert (t.value.earliest is None) == (t.value.latest is None)
        assert t.value.earliest is None or t.value.earliest <= t.value.latest


@pytest.mark.parametrize("lang, text, published, expected", [
    ("id", "tahun depan", LAST_DAY, "FUTURE_REF"),        # year 10000: kept, unresolved
    ("en", "next year", LAST_DAY, "FUTURE_REF"),
    ("id", "besok", LAST_DAY, "XXXX-XX-XX"),
    ("en", "yesterday", FIRST_DAY, "XXXX-XX-XX"),
    ("id", "kemarin", LAST_DAY, "9999-12-30"),            # inside the calendar: resolved as usual
    ("en", "next year", FIRST_DAY, "0002"),
    ("id", "pada Desember", LAST_DAY, "9999-12"),         # no candidate year 10000
])
def test_values_beyond_the_calendar_stay_unresolved(lang, text, published, expected):
    (t,) = find_times(text, lang, published)
    assert t.value.value == expected
    assert (t.anchor == "none") == (t.value.earliest is None)


@pytest.mark.parametrize("published", [FIRST_DAY, LAST_DAY, PUB, None])
def test_anaphora_past_the_last_day(published):
    times = find_times("December 31, 9999. The next day they met.", "en", published)
    assert [t.value.value for t in times][0] == "9999-12-31"
    assert times[-1].value.earliest is None and times[-1].anchor == "none"


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "detik ini", "PRESENT_REF"), ("id", "menit ini", "PRESENT_REF"), ("id", "jam ini", "PRESENT_REF"),
    ("id", "jam lalu", "PAST_REF"), ("id", "akhir jam ini", "PRESENT_REF"),
    ("en", "this minute", "PRESENT_REF"), ("en", "this hour", "PRESENT_REF"), ("en", "next hour", "FUTURE_REF"),
    ("en", "the last hour", "PT1H"), ("en", "the past minute", "PT1M"), ("en", "the last seconds", "PTXS"),
])
def test_clock_units_relative_to_the_publication(lang, text, expected):
    assert values(text, lang) == [(text, expected)]


def test_a_day_has_no_middle_third():
    (t,) = find_times("pertengahan hari ini", "id", PUB)
    assert (t.value.earliest, t.value.latest) == (PUB, PUB)


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "kuartal ii 2024", "2024-Q2"),                   # Roman ordinals in any case
    ("id", "Kuartal Iv 2023", "2023-Q4"),
    ("id", "Senin dan Senın lalu", "2025-07-07"),           # re pairs "ı" with "i" under IGNORECASE
    ("id", "Desember dan pada deſember", "2024-12"),        # ... and "ſ" with "s"
    ("id", "hari ini dan hari ını", "2025-07-12"),
    ("en", "the first quarter and the ſecond quarter", "2025-Q2"),
])
def test_words_matched_case_insensitively_are_looked_up_alike(lang, text, expected):
    assert values(text, lang)[-1][1] == expected


def test_no_sentences_means_no_times():
    """All sentences dropped as boilerplate: nothing to read, not the whole text as sentence -1."""
    assert find_times("Baca juga: Lavrov tiba pada hari Sabtu.", "id", PUB, spans=[]) == []
    assert [t.sentence for t in find_times("pada hari Sabtu", "id", PUB)] == [-1]
