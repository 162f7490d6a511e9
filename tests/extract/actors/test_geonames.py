"""GeoNames cities: read as places only where the text says so, with their IDs."""
from __future__ import annotations

import gzip

import pytest

from kg.api import extract_text
from kg.extract.actors.geonames import TABLE, city, geonames_id


def places(text, lang):
    return [(p["text"], p["country"], p["geonames"]) for p in extract_text(text, lang=lang)["places"]]


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "A roadside bombing near the town of Samarra killed a soldier.", ("Samarra", "IRQ", "91597")),
    ("en", "The attack was thwarted in Khanty-Mansiysk on Monday.", ("Khanty-Mansiysk", "RUS", "1503772")),
    ("id", "Polisi menangkap dua orang di Sumenep.", ("Sumenep", "IDN", "1626099")),
    ("id", "Serangan itu digagalkan di Khanty-Mansiysk.", ("Khanty-Mansiysk", "RUS", "1503772")),
])
def test_a_city_after_a_place_word_is_a_place_with_its_geonames_id(lang, text, expected):
    assert expected in places(text, lang)


@pytest.mark.parametrize("lang, text", [
    ("en", "Reading is a pleasure, Jackson said."),
    ("id", "Batu itu dilempar ke arah polisi."),
])
def test_a_city_name_elsewhere_is_not_read_as_a_place(lang, text):
    assert places(text, lang) == []


def test_known_places_get_their_geonames_id():
    assert geonames_id("Kursk", "RUS") == "538560" and geonames_id("Kursk", "USA") is None
    assert city("Samarra") == ("91597", "IRQ")


def test_the_table_keeps_its_attribution():
    with gzip.open(TABLE, "rt", encoding="utf-8") as f:
        header = f.readline() + f.readline()
    assert "GeoNames" in header and "CC BY 4.0" in header


def test_names_two_countries_share_are_left_out_and_settlement_words_are_not_names():
    assert city("Victoria") is None and city("Valencia") is None  # Hong Kong/Canada, Venezuela/Spain
    assert city("Birmingham") == city("Birmingham") and city("Birmingham")[1] == "GBR"
    assert city("Kota Batu") == city("Batu") and city("Batu")[1] == "IDN"
    assert ("Kota Batu", "IDN", city("Batu")[0]) in places("Polisi berpatroli di Kota Batu kemarin.", "id")
