"""Initials after a form of address are a person, bound to the full name when the article gives it."""
from __future__ import annotations

from kg.api import extract_text


def actors_of(text, lang="id"):
    return [(a["text"], a["name"], a["kind"], a["country"], a["id"]) for a in
            extract_text(text, lang=lang, published="2025-03-14")["actors"]]


def test_initials_bind_to_the_full_name_with_those_initials():
    found = actors_of("KPK menahan Arif Setiawan. Saudara AS diperiksa selama 12 jam.")
    (initials,) = [a for a in found if a[0] == "AS"]
    assert initials[1:3] == ("Arif Setiawan", "person") and initials[3] != "USA"


def test_initials_in_brackets_after_a_name_bind_to_it():
    found = actors_of("Polisi menangkap Hendra Prasetyo Siregar (HPS). Tersangka HPS mengaku menjual sabu.")
    assert [a[1] for a in found if a[0] == "HPS"] == ["Hendra Prasetyo Siregar"]


def test_unbound_initials_are_a_person_of_this_article_only():
    text = "Polisi menangkap tersangka HPS di rumahnya."
    (initials,) = [a for a in actors_of(text) if a[0] == "HPS"]
    assert initials[1:3] == ("HPS", "person") and initials[3] is None
    other = [a for a in actors_of("Saudara HPS ditahan di Polres Bogor.") if a[0] == "HPS"]
    assert other and other[0][4] != initials[4]  # two articles' "HPS" are not one person


def test_after_a_role_noun_a_known_name_or_common_acronym_stays_what_it_is():
    found = actors_of("Korban WNI dan pelaku ISIS diperiksa polisi.")
    assert ("ISIS", "Islamic State", "organization") in [a[:3] for a in found]
    assert not [a for a in found if a[0] == "WNI" and a[2] == "person"]


def test_the_bracketed_short_form_picks_its_own_name():
    found = actors_of("KPK menahan Arif Setiawan (AS) dan Agus Santoso. Saudara AS diperiksa.")
    assert [a[1] for a in found if a[0] == "AS"] == ["Arif Setiawan"]


def test_without_a_marker_as_is_still_the_united_states():
    assert ("AS", "United States") in [a[:2] for a in actors_of("AS menjatuhkan sanksi terhadap Iran.")]
