"""Cities from GeoNames (``kg/data/geonames-cities.tsv.gz``, CC BY 4.0): every city of 15,000
people or more, with its GeoNames ID and country.

A city name is common enough to be a word or a person's name ("Reading", "Jackson", "Batu"), so an
unknown name is read as one of these cities only where the text says it is a place: after a place
preposition or settlement word ("in Samarra", "di Sumenep", "kota Batu") or after "the town/city
of". A name two countries share with comparable cities ("Victoria", "Valencia") is not in the table. Known places
(``places.yaml``) get their GeoNames ID from here when the name and country agree.

>>> city("Samarra")
('91597', 'IRQ')
>>> geonames_id("Kursk", "RUS")
'538560'
"""
from __future__ import annotations

import gzip
from functools import lru_cache
from pathlib import Path

TABLE = Path(__file__).resolve().parents[2] / "data" / "geonames-cities.tsv.gz"
SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "province", "district", "region", "port", "capital",
                              "kota", "desa", "kabupaten", "provinsi", "kecamatan", "kampung", "distrik"})


@lru_cache(maxsize=1)
def _cities() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    if not TABLE.exists():
        return table
    with gzip.open(TABLE, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            geonameid, name, code, _ = line.rstrip("\n").split("\t")
            table[name] = (geonameid, code)
    return table


def city(name: str) -> tuple[str, str] | None:
    """(GeoNames ID, ISO alpha-3 country) of the largest city of 15,000+ people called ``name``
    ("Kota Batu", "City of Batu": the settlement word is not part of the name)."""
    hit = _cities().get(name)
    if hit is None:
        words = name.split()
        if len(words) > 1 and words[0].lower() in SETTLEMENT_NOUNS:
            hit = _cities().get(" ".join(words[1:]))
        elif len(words) > 2 and words[0].lower() in SETTLEMENT_NOUNS | {"the"} and words[1] == "of":
            hit = _cities().get(" ".join(words[2:]))
    return hit


def geonames_id(name: str, country: str | None) -> str | None:
    """The GeoNames ID of a known place, when a city of that name lies in that country."""
    hit = _cities().get(name)
    return hit[0] if hit and hit[1] == country else None


def in_place_context(words_before: list[str], place_words: frozenset[str]) -> bool:
    """Do the (lower-case) words before a name say it is a place ("in", "di", "the town of")?"""
    if not words_before:
        return False
    if words_before[-1] in place_words or words_before[-1] in SETTLEMENT_NOUNS:
        return True
    return len(words_before) >= 2 and words_before[-1] == "of" and words_before[-2] in SETTLEMENT_NOUNS
