import pytest

from kg.extract.events.quantities import find_quantities, parse_number


@pytest.mark.parametrize("lang, text, expected", [
    ("id", "mengirim 25.000 hingga 30.000 tentara untuk", [{"min": 25000, "max": 30000, "unit": "tentara"}]),
    ("id", "menewaskan sedikitnya dua orang di kota", [{"min": 2, "unit": "orang tewas"}]),
    ("id", "mengirim 9 juta peluru artileri ke", [{"value": 9000000, "unit": "peluru artileri"}]),
    ("id", "lebih dari 20 rudal ditembak", [{"min": 20, "unit": "rudal ditembak"}]),
    ("en", "at least 20 people were killed", [{"min": 20, "unit": "people killed"}]),
    ("en", "sent 1.5 million shells to", [{"value": 1500000, "unit": "shells"}]),
    ("en", "two dozen drones hit", [{"value": 24, "unit": "drones hit"}]),
])
def test_quantities(lang, text, expected):
    assert [q.as_dict() for q in find_quantities(text, lang)] == expected


def test_dates_are_not_quantities():
    text = "pada 12 Juli 2025 pasukan tiba"
    assert find_quantities(text, "id", exclude=[(5, 17)]) == []


def test_number_conventions():
    assert parse_number("1,5 juta", "id") == 1_500_000
    assert parse_number("25,000", "en") == 25_000
