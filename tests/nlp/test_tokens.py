"""Tokens: initials keep their stops, web domains stay whole."""
from __future__ import annotations

import pytest

from kg.nlp.tokens import tokenize


@pytest.mark.parametrize("text, expected", [
    ("Menurut Kompas.com, dia datang.", ["Menurut", "Kompas.com", ",", "dia", "datang", "."]),
    ("dari liputan6.com dan www.antaranews.co.id .", ["dari", "liputan6.com", "dan", "www.antaranews.co.id", "."]),
    ("George W. Bush and U.S. forces", ["George", "W.", "Bush", "and", "U.S.", "forces"]),
    ("Harga 8.1 juta.", ["Harga", "8.1", "juta", "."]),  # a number is one token, as UD writes it
    ("25.000 tentara, 1,5 juta, pukul 09.40 (3/3/2025) Rp10.000.", ["25.000", "tentara", ",", "1,5", "juta", ",",
                                                                    "pukul", "09.40", "(", "3/3/2025", ")", "Rp10.000", "."]),
    ("Dia pergi.Com", ["Dia", "pergi", ".", "Com"]),
])
def test_tokens(text, expected):
    assert [t.text for t in tokenize(text, "id")] == expected


def test_a_domain_before_a_full_stop_is_still_one_token():
    assert [t.text for t in tokenize("dilansir Kompas.com. Lalu", "id")] == ["dilansir", "Kompas.com", ".", "Lalu"]
